import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../shared/clock";
import { appsecretProof } from "./core/signature";
import { DAY_MS, HOUR_MS } from "./core/time";
import { startMetaEmulator } from "./testing/harness";

const PAGE = "104455667788990";
const TOKEN = "EAAemulatorPageToken";

describe("Messenger Send API: windows, tags, private replies", () => {
  let clock = new ManualClock("2025-03-05T10:00:00Z");
  let env: Awaited<ReturnType<typeof startMetaEmulator>>;

  beforeEach(async () => {
    clock = new ManualClock("2025-03-05T10:00:00Z");
    env = await startMetaEmulator({ clock });
  });
  afterEach(() => env.close());

  const send = (body: unknown, path = "/v24.0/me/messages") => env.call("POST", path, { token: TOKEN, body });

  it("answers RESPONSE inside 24 h with recipient_id and an m_ mid", async () => {
    const dana = env.emulator.actions.createCustomer({ name: "Dana Rivera" });
    env.emulator.actions.customerSendsMessage({ customerId: dana.id, text: "My bill is wrong this month" });
    clock.advance(23 * HOUR_MS);
    const psid = dana.psids[PAGE];
    const response = await send(
      { recipient: { id: psid }, messaging_type: "RESPONSE", message: { text: "Sorry!" } },
      `/v21.0/${PAGE}/messages`,
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ recipient_id: psid, message_id: expect.stringMatching(/^m_[\w-]{43}$/) });
    expect(env.emulator.store.outbox.at(-1)).toMatchObject({
      kind: "message",
      targetId: psid,
      text: "Sorry!",
    });
  });

  it("rejects RESPONSE after 24 h with 10 / 2018278 and accepts HUMAN_AGENT up to 7 days", async () => {
    const dana = env.emulator.actions.createCustomer({ name: "Dana Rivera" });
    env.emulator.actions.customerSendsMessage({ customerId: dana.id, text: "hello?" });
    clock.advance(25 * HOUR_MS);
    const recipient = { id: dana.psids[PAGE] };
    const late = await send({ recipient, messaging_type: "RESPONSE", message: { text: "late" } });
    expect(late.status).toBe(400);
    expect(late.body.error).toMatchObject({ type: "OAuthException", code: 10, error_subcode: 2018278 });
    expect(late.body.error.message).toMatch(/^\(#10\) This message is sent outside of allowed window/);
    expect(late.body.error.fbtrace_id).toMatch(/^A/);

    const tagged = await send({
      recipient,
      messaging_type: "MESSAGE_TAG",
      tag: "HUMAN_AGENT",
      message: { text: "agent" },
    });
    expect(tagged.status).toBe(200);

    clock.advance(6 * DAY_MS);
    const tooLate = await send({
      recipient,
      messaging_type: "MESSAGE_TAG",
      tag: "HUMAN_AGENT",
      message: { text: "agent" },
    });
    expect(tooLate.body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
  });

  it("validates messaging_type, tag, text length and the recipient", async () => {
    const dana = env.emulator.actions.createCustomer({ name: "Dana Rivera" });
    env.emulator.actions.customerSendsMessage({ customerId: dana.id, text: "hi" });
    const recipient = { id: dana.psids[PAGE] };
    expect((await send({ recipient, message: { text: "x" } })).body.error.code).toBe(100);
    expect(
      (await send({ recipient, messaging_type: "MESSAGE_TAG", message: { text: "x" } })).body.error.code,
    ).toBe(100);
    const long = await send({ recipient, messaging_type: "RESPONSE", message: { text: "x".repeat(2000) } });
    expect(long.body.error.code).toBe(100);
    const ok = await send({ recipient, messaging_type: "RESPONSE", message: { text: "x".repeat(1999) } });
    expect(ok.status).toBe(200);
    const unknown = await send({
      recipient: { id: "999" },
      messaging_type: "RESPONSE",
      message: { text: "x" },
    });
    expect(unknown.body.error).toMatchObject({ code: 100, error_subcode: 2018001 });
  });

  it("accepts form-encoded bodies with JSON fields", async () => {
    const dana = env.emulator.actions.createCustomer({ name: "Dana Rivera" });
    env.emulator.actions.customerSendsMessage({ customerId: dana.id, text: "hi" });
    const response = await env.call("POST", "/v24.0/me/messages", {
      token: TOKEN,
      form: {
        recipient: JSON.stringify({ id: dana.psids[PAGE] }),
        messaging_type: "RESPONSE",
        message: JSON.stringify({ text: "form reply" }),
      },
    });
    expect(response.status).toBe(200);
  });

  it("allows one private reply per comment, within 7 days, without opening the window", async () => {
    const { actions } = env.emulator;
    const dana = actions.createCustomer({ name: "Dana Rivera" });
    const post = actions.createPost({ message: "New tariffs" });
    const comment = actions.customerComments({
      customerId: dana.id,
      postId: post.id,
      message: "Too expensive",
    });
    const first = await send({
      recipient: { comment_id: comment.id },
      message: { text: "Let's talk in DM" },
    });
    expect(first.status).toBe(200);
    expect(first.body.recipient_id).toBe(dana.psids[PAGE]);
    const second = await send({ recipient: { comment_id: comment.id }, message: { text: "again" } });
    expect(second.status).toBe(400);
    expect(second.body.error.code).toBe(10900);
    const read = await env.call("GET", `/v24.0/${comment.id}`, {
      token: TOKEN,
      query: { fields: "can_reply_privately" },
    });
    expect(read.body).toEqual({ can_reply_privately: false, id: comment.id });
    const dm = await send({
      recipient: { id: dana.psids[PAGE] },
      messaging_type: "RESPONSE",
      message: { text: "x" },
    });
    expect(dm.body.error).toMatchObject({ code: 10, error_subcode: 2018278 });

    const old = actions.customerComments({ customerId: dana.id, postId: post.id, message: "still waiting" });
    clock.advance(7 * DAY_MS + 1000);
    const expired = await send({ recipient: { comment_id: old.id }, message: { text: "late" } });
    expect(expired.body.error.code).toBe(10903);
  });

  it("fails with 551 for a customer who blocked the Page", async () => {
    const dana = env.emulator.actions.createCustomer({ name: "Dana Rivera", unavailable: true });
    env.emulator.actions.customerSendsMessage({ customerId: dana.id, text: "hi" });
    const response = await send({
      recipient: { id: dana.psids[PAGE] },
      messaging_type: "RESPONSE",
      message: { text: "x" },
    });
    expect(response.body.error).toMatchObject({ code: 551, error_subcode: 1545041 });
  });

  it("returns the Messenger profile of a PSID", async () => {
    const dana = env.emulator.actions.createCustomer({ name: "Dana Rivera" });
    const response = await env.call("GET", `/v24.0/${dana.psids[PAGE]}`, {
      token: TOKEN,
      query: { fields: "first_name,last_name" },
    });
    expect(response.body).toEqual({ first_name: "Dana", last_name: "Rivera", id: dana.psids[PAGE] });
  });
});

describe("Graph access tokens, appsecret_proof, usage headers and injected failures", () => {
  let env: Awaited<ReturnType<typeof startMetaEmulator>>;
  beforeEach(async () => {
    env = await startMetaEmulator({ pages: [{ id: PAGE, name: "Acme", accessToken: "EAAtoken123" }] });
  });
  afterEach(() => env.close());

  it("answers 190 for a bad token, from the query or the Authorization header", async () => {
    const bad = await env.call("GET", `/v24.0/${PAGE}/feed`, { token: "nope" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 190, type: "OAuthException" });
    expect(bad.headers["www-authenticate"]).toContain("invalid_token");
    const response = await env.app.inject({
      method: "GET",
      url: `/sandbox/meta/v24.0/${PAGE}/feed`,
      headers: { authorization: "Bearer EAAtoken123" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ data: [] });
  });

  it("checks appsecret_proof when given", async () => {
    const proof = appsecretProof("emulator_app_secret", "EAAtoken123");
    expect(proof).toBe("4038aba6420b7dc9827067b3c9bbe5a4cf51d61cbde20b5b8f46d35445cc5f08");
    const good = await env.call("GET", `/v24.0/${PAGE}`, {
      token: "EAAtoken123",
      query: { appsecret_proof: proof },
    });
    expect(good.body).toEqual({ name: "Acme", id: PAGE });
    const bad = await env.call("GET", `/v24.0/${PAGE}`, {
      token: "EAAtoken123",
      query: { appsecret_proof: "00" },
    });
    expect(bad.body.error.code).toBe(100);
  });

  it("reports usage headers and throttles at 100 %", async () => {
    const response = await env.call("GET", `/v24.0/${PAGE}/feed`, { token: "EAAtoken123" });
    expect(JSON.parse(String(response.headers["x-app-usage"]))).toEqual({
      call_count: 0,
      total_cputime: 0,
      total_time: 0,
    });
    const buc = JSON.parse(String(response.headers["x-business-use-case-usage"]));
    expect(buc[PAGE][0]).toMatchObject({ type: "pages", call_count: 0, estimated_time_to_regain_access: 0 });
    env.emulator.usage.override({ business: { [PAGE]: 100 } });
    const throttled = await env.call("GET", `/v24.0/${PAGE}/feed`, { token: "EAAtoken123" });
    expect(throttled.body.error.code).toBe(80001);
    env.emulator.usage.override({ app: 100 });
    expect((await env.call("GET", `/v24.0/${PAGE}`, { token: "EAAtoken123" })).body.error.code).toBe(4);
  });

  it("injects failures through the control API", async () => {
    const injected = await env.app.inject({
      method: "POST",
      url: "/sandbox/meta/_control/failures",
      payload: { kind: "throttled", path: "/feed", times: 1 },
    });
    expect(injected.statusCode).toBe(200);
    const failed = await env.call("GET", `/v24.0/${PAGE}/feed`, { token: "EAAtoken123" });
    expect(failed.body.error).toMatchObject({ code: 613 });
    const next = await env.call("GET", `/v24.0/${PAGE}/feed`, { token: "EAAtoken123" });
    expect(next.status).toBe(200);
  });
});
