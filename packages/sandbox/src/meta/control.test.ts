import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../shared/clock";
import { startMetaEmulator } from "./testing/harness";

const TOKEN = "EAAemulatorPageToken";

describe("Meta control API (the simulator's side)", () => {
  let env: Awaited<ReturnType<typeof startMetaEmulator>>;
  beforeEach(async () => {
    env = await startMetaEmulator({ clock: new ManualClock("2025-03-05T16:00:00Z"), seed: "control" });
  });
  afterEach(() => env.close());

  const control = async (method: "GET" | "POST" | "DELETE" | "PATCH", path: string, payload?: unknown) => {
    const response = await env.app.inject({
      method,
      url: `/sandbox/meta/_control${path}`,
      ...(payload ? { payload } : {}),
    });
    return { status: response.statusCode, body: response.json() };
  };

  it("plays a customer and reads back what the brand did", async () => {
    const customer = (await control("POST", "/customers", { name: "Dana Rivera" })).body;
    const post = (await control("POST", "/posts", { message: "Maintenance tonight" })).body;
    const comment = (
      await control("POST", "/comments", { customerId: customer.id, postId: post.id, message: "Again?" })
    ).body;
    expect(comment.id).toMatch(/^\d{15}_\d{16}$/);

    const feed = await env.call("GET", `/v24.0/${post.id}/comments`, { token: TOKEN });
    expect(feed.body.data[0].message).toBe("Again?");
    await env.call("POST", `/v24.0/${comment.id}/comments`, {
      token: TOKEN,
      form: { message: "Sorry Dana" },
    });
    await env.call("POST", "/v24.0/me/messages", {
      token: TOKEN,
      body: { recipient: { comment_id: comment.id }, message: { text: "Details in DM" } },
    });
    const outbox = await control("GET", `/outbox?customerId=${customer.id}`);
    expect(outbox.body.data.map((a: { kind: string }) => a.kind)).toEqual(["comment", "private_reply"]);
    const all = await control("GET", "/outbox");
    expect(all.body.data.map((a: { kind: string; text: string }) => [a.kind, a.text])).toEqual([
      ["comment", "Sorry Dana"],
      ["private_reply", "Details in DM"],
    ]);
  });

  it("answers control errors as plain JSON", async () => {
    expect(await control("POST", "/comments", { customerId: "cus_9", postId: "x", message: "hi" })).toEqual({
      status: 404,
      body: { error: "unknown customer cus_9" },
    });
    expect((await control("POST", "/failures", { kind: "nope" })).status).toBe(400);
  });

  it("replays the same ids after a reset", async () => {
    const first = (await control("POST", "/customers", { name: "Dana Rivera" })).body;
    await control("POST", "/reset", {});
    const again = (await control("POST", "/customers", { name: "Dana Rivera" })).body;
    expect(again).toEqual(first);
  });
});
