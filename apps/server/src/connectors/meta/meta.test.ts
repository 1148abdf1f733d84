import { describe, expect, it } from "vitest";
import { RateLimitedError, RejectedError, TransientError } from "../http";
import { checkGraph, DEFAULT_THROTTLE_WAIT_MS, explainGraphError } from "./errors";
import { appsecretProof, parseGraphTime } from "./graph";
import { metaHandshake, metaVerify } from "./webhooks";

// The reference's test vectors (shared/reference/social-apis.md §0.2).
const creds = { app_secret: "emulator_app_secret", verify_token: "s3cr3t-verify" };
const signed = (signature: string) => ({ "x-hub-signature-256": signature });

describe("Meta webhook handshake", () => {
  it("echoes the challenge as plain text when the verify token matches", () => {
    const answer = metaHandshake(
      { "hub.mode": "subscribe", "hub.challenge": "1158201444", "hub.verify_token": "s3cr3t-verify" },
      creds,
    );
    expect(answer).toEqual({ status: 200, contentType: "text/plain", body: "1158201444" });
  });

  it("answers 403 to a wrong token, a wrong mode or a channel without a token", () => {
    const query = { "hub.mode": "subscribe", "hub.challenge": "1", "hub.verify_token": "s3cr3t-verify" };
    expect(metaHandshake({ ...query, "hub.verify_token": "guess" }, creds).status).toBe(403);
    expect(metaHandshake({ ...query, "hub.mode": "unsubscribe" }, creds).status).toBe(403);
    expect(metaHandshake(query, { app_secret: "x" }).status).toBe(403);
  });
});

describe("Meta body signatures", () => {
  it("verifies X-Hub-Signature-256 over the exact bytes", () => {
    const body = Buffer.from('{"object":"page","entry":[]}');
    const good = signed("sha256=9b16cca0f9eb0dd0cc4caa763a8e3bc23154fbcd68a501e103074e0f0c1d7a93");
    expect(metaVerify(body, good, creds)).toBe(true);
    expect(metaVerify(Buffer.from('{"object": "page","entry":[]}'), good, creds)).toBe(false);
    expect(metaVerify(body, {}, creds)).toBe(false);
    expect(metaVerify(body, good, { app_secret: "other" })).toBe(false);
    // The legacy sha1 header alone is not enough.
    expect(
      metaVerify(body, { "x-hub-signature": "sha1=1c9606da37ba9d31f93d4d542d8b56ce48b96b49" }, creds),
    ).toBe(false);
  });

  it("verifies the escaped non-ASCII form Meta signs, not a UTF-8 re-encoding", () => {
    const escaped = Buffer.from('{"text":"caf\\u00e9 \\ud83d\\ude00"}');
    // The reference says 36 bytes; the string it gives, which the HMAC matches, is 33.
    expect(escaped.length).toBe(33);
    const sig = "sha256=67915f3f5900ff3ad4b965c8a149f6dbc894bf26c00e92a721e282c28b3dc80c";
    expect(metaVerify(escaped, signed(sig), creds)).toBe(true);
    const utf8 = Buffer.from('{"text":"café 😀"}');
    expect(metaVerify(utf8, signed(sig), creds)).toBe(false);
    const utf8Sig = "sha256=5f239af2862c68395bb8eb3dc15e6fd80ca05e30f50fced726dbe8911bd20cc1";
    expect(metaVerify(utf8, signed(utf8Sig), creds)).toBe(true);
  });

  it("computes appsecret_proof", () => {
    expect(appsecretProof("emulator_app_secret", "EAAtoken123")).toBe(
      "4038aba6420b7dc9827067b3c9bbe5a4cf51d61cbde20b5b8f46d35445cc5f08",
    );
  });
});

describe("Graph errors", () => {
  const now = new Date("2026-03-02T15:00:00Z");
  const answer = (status: number, error: object, headers: Record<string, string> = {}) => ({
    status,
    headers: new Headers(headers),
    json: { error: { type: "OAuthException", fbtrace_id: "AbC", ...error } },
  });
  const thrown = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      return err;
    }
    throw new Error("did not throw");
  };

  it("waits for the business-use-case reset on throttling codes, whatever the HTTP status", () => {
    const usage = JSON.stringify({
      "104455667788990": [{ type: "pages", call_count: 100, estimated_time_to_regain_access: 12 }],
    });
    const err = thrown(() =>
      checkGraph(answer(400, { code: 80001 }, { "x-business-use-case-usage": usage }), "facebook", now),
    );
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).resetAt.getTime() - now.getTime()).toBe(12 * 60_000);
    for (const code of [4, 17, 32, 613, 80006]) {
      const e = thrown(() => checkGraph(answer(400, { code }), "facebook", now)) as RateLimitedError;
      expect(e).toBeInstanceOf(RateLimitedError);
      expect(e.resetAt.getTime() - now.getTime()).toBe(DEFAULT_THROTTLE_WAIT_MS);
    }
  });

  it("backs off briefly on WhatsApp's pair rate and throughput limits", () => {
    const pair = thrown(() => checkGraph(answer(429, { code: 131056 }), "whatsapp", now)) as RateLimitedError;
    expect(pair.resetAt.getTime() - now.getTime()).toBe(6_000);
    expect(thrown(() => checkGraph(answer(429, { code: 130429 }), "whatsapp", now))).toBeInstanceOf(
      RateLimitedError,
    );
  });

  it("retries temporary failures and fails the rest with a sentence and the code", () => {
    expect(thrown(() => checkGraph(answer(500, { code: 2 }), "facebook", now))).toBeInstanceOf(
      TransientError,
    );
    expect(thrown(() => checkGraph(answer(400, { code: 1 }), "facebook", now))).toBeInstanceOf(
      TransientError,
    );
    const window = thrown(() =>
      checkGraph(
        answer(400, { code: 10, error_subcode: 2018278, message: "(#10) outside" }),
        "facebook",
        now,
      ),
    ) as RejectedError;
    expect(window).toBeInstanceOf(RejectedError);
    expect(window.message).toMatch(/Wait for the customer to write again\. \(Facebook error 10\/2018278\)$/);
    expect(window.code).toBe(10);
  });

  it("says what each known refusal means to the agent", () => {
    expect(explainGraphError("facebook", { code: 551, error_subcode: 1545041 })).toContain("isn't available");
    expect(explainGraphError("instagram", { code: 10900 })).toContain("one per comment");
    expect(explainGraphError("facebook", { code: 190 })).toContain("reconnect the channel");
    expect(explainGraphError("facebook", { code: 200, message: "(#200) Requires pages_messaging" })).toBe(
      "The app lacks the Facebook permission for this action: (#200) Requires pages_messaging (Facebook error 200)",
    );
    expect(
      explainGraphError("whatsapp", {
        code: 131030,
        error_data: { details: "The recipient must be added to the test number's allowed list." },
      }),
    ).toContain("allowed list");
    expect(explainGraphError("facebook", { code: 100, error_user_msg: "Bad thing" })).toBe(
      "Facebook refused: Bad thing (Facebook error 100)",
    );
  });

  it("passes successes through", () => {
    expect(() =>
      checkGraph({ status: 200, headers: new Headers(), json: { id: "1" } }, "facebook", now),
    ).not.toThrow();
  });
});

it("reads Graph REST times with a +0000 offset", () => {
  expect(parseGraphTime("2025-03-05T16:02:11+0000")?.toISOString()).toBe("2025-03-05T16:02:11.000Z");
  expect(parseGraphTime("nonsense")).toBeNull();
  expect(parseGraphTime(undefined)).toBeNull();
});
