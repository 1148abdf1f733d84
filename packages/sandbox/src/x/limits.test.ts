import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APP_AUTH, createXHarness, USER_AUTH, type XHarness } from "./testing";

let h: XHarness;
afterEach(() => h.app.close());

describe("rate limits", () => {
  beforeEach(async () => {
    h = await createXHarness({ rateLimits: { "GET /2/tweets/search/recent": { app: 3 } } });
  });

  it("sends x-rate-limit-* on every answer and 429 once the window is used up", async () => {
    const reset = String(Math.floor(h.clock.now().getTime() / 1000) + 900);
    for (const remaining of ["2", "1", "0"]) {
      const ok = await h.call("GET", "/2/tweets/search/recent?query=acme", APP_AUTH);
      expect(ok.status).toBe(200);
      expect(ok.headers).toMatchObject({
        "x-rate-limit-limit": "3",
        "x-rate-limit-remaining": remaining,
        "x-rate-limit-reset": reset,
      });
    }
    const limited = await h.call("GET", "/2/tweets/search/recent?query=acme", APP_AUTH);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      title: "Too Many Requests",
      detail: "Too Many Requests",
      type: "about:blank",
      status: 429,
    });
    expect(limited.headers["x-rate-limit-remaining"]).toBe("0");
    expect(limited.headers["x-rate-limit-reset"]).toBe(reset);
    // Per-user windows are separate from the app's.
    expect(
      (await h.call("GET", "/2/tweets/search/recent?query=acme", USER_AUTH)).headers["x-rate-limit-limit"],
    ).toBe("300");
    // Errors count too and still carry the headers.
    const other = await h.call("GET", "/2/users/me", USER_AUTH);
    expect(other.headers["x-rate-limit-limit"]).toBe("75");
    h.clock.advance(900_000);
    expect((await h.call("GET", "/2/tweets/search/recent?query=acme", APP_AUTH)).status).toBe(200);
  });

  it("lowers a limit at run time through the control API", async () => {
    await h.call("POST", "/_control/rate-limits", {}, { endpoint: "GET /2/users/:id", app: 1 });
    expect((await h.call("GET", "/2/users/9911223344", APP_AUTH)).status).toBe(200);
    expect((await h.call("GET", "/2/users/9911223344", APP_AUTH)).status).toBe(429);
    await h.call("DELETE", "/_control/rate-limits");
    expect((await h.call("GET", "/2/users/9911223344", APP_AUTH)).status).toBe(200);
  });
});

describe("failure injection", () => {
  beforeEach(async () => {
    h = await createXHarness();
  });

  it("forces the next N calls of an endpoint to 429 or 503", async () => {
    const injected = await h.call(
      "POST",
      "/_control/failures",
      {},
      { endpoint: "POST /2/tweets", status: 503, count: 2 },
    );
    expect(injected.status).toBe(201);
    const first = await h.call("POST", "/2/tweets", USER_AUTH, { text: "hello" });
    expect(first.status).toBe(503);
    expect(first.body).toEqual({
      title: "Service Unavailable",
      detail: "Service Unavailable",
      type: "about:blank",
      status: 503,
    });
    expect((await h.call("POST", "/2/tweets", USER_AUTH, { text: "hello" })).status).toBe(503);
    expect((await h.call("POST", "/2/tweets", USER_AUTH, { text: "hello" })).status).toBe(201);

    h.x.control.injectFailure({ status: 429 });
    const limited = await h.call("GET", "/2/users/me", USER_AUTH);
    expect(limited.status).toBe(429);
    expect(limited.headers["x-rate-limit-remaining"]).toBe("0");
    expect((await h.call("GET", "/2/users/me", USER_AUTH)).status).toBe(200);
  });

  it("still answers 401 before any injected failure", async () => {
    h.x.control.injectFailure({ status: 500, count: 1 });
    expect((await h.call("GET", "/2/users/me")).status).toBe(401);
    expect((await h.call("GET", "/2/users/me", USER_AUTH)).status).toBe(500);
  });
});
