import { describe, expect, it } from "vitest";
import {
  appsecretProof,
  escapeNonAscii,
  hubSignature256,
  hubSignatureSha1,
  serializeMetaJson,
} from "./signature";

/** The Meta rows of the reference's test vectors (§0.2). */
const SECRET = "emulator_app_secret";

describe("Meta signature test vectors (§0.2)", () => {
  it("signs a plain body with sha256 and legacy sha1", () => {
    const body = '{"object":"page","entry":[]}';
    expect(hubSignature256(SECRET, body)).toBe(
      "sha256=9b16cca0f9eb0dd0cc4caa763a8e3bc23154fbcd68a501e103074e0f0c1d7a93",
    );
    expect(hubSignatureSha1(SECRET, body)).toBe("sha1=1c9606da37ba9d31f93d4d542d8b56ce48b96b49");
  });

  it("serializes non-ASCII as lowercase \\uXXXX escapes and signs those exact bytes", () => {
    const body = serializeMetaJson({ text: "café 😀" });
    expect(body).toBe('{"text":"caf\\u00e9 \\ud83d\\ude00"}');
    // The reference says "36 bytes"; the string it gives (and that the HMAC below matches) is 33.
    expect(Buffer.byteLength(body, "utf8")).toBe(33);
    expect(hubSignature256(SECRET, body)).toBe(
      "sha256=67915f3f5900ff3ad4b965c8a149f6dbc894bf26c00e92a721e282c28b3dc80c",
    );
  });

  it("differs from the raw UTF-8 form, which Meta does not sign", () => {
    const raw = '{"text":"café 😀"}';
    expect(hubSignature256(SECRET, raw)).toBe(
      "sha256=5f239af2862c68395bb8eb3dc15e6fd80ca05e30f50fced726dbe8911bd20cc1",
    );
    expect(escapeNonAscii(raw)).toBe('{"text":"caf\\u00e9 \\ud83d\\ude00"}');
  });

  it("computes appsecret_proof", () => {
    expect(appsecretProof(SECRET, "EAAtoken123")).toBe(
      "4038aba6420b7dc9827067b3c9bbe5a4cf51d61cbde20b5b8f46d35445cc5f08",
    );
  });
});
