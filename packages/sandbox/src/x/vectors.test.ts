import { describe, expect, it } from "vitest";
import { hmacSha256Base64, hmacSha256Hex, safeEqual } from "../shared/hmac";
import { createRandom } from "../shared/random";
import { compareIds, SnowflakeGenerator, snowflakeAt, snowflakeTime } from "./snowflake";
import { crcResponseToken, webhookSignature } from "./webhooks";

// Reference §0.2 and §0.4: the published vectors, reproduced by the helpers the emulator uses.
describe("reference test vectors", () => {
  const secret = "emulator_consumer_secret";

  it("computes the X CRC response token", () => {
    expect(crcResponseToken(secret, "crc-challenge-123")).toBe(
      "sha256=nm8N7Y8hMo5zl3z/o/hjlk0eKGxmgt6oq4Wc5VSig1o=",
    );
    expect(`sha256=${hmacSha256Base64(secret, "crc-challenge-123")}`).toBe(
      "sha256=nm8N7Y8hMo5zl3z/o/hjlk0eKGxmgt6oq4Wc5VSig1o=",
    );
  });

  it("computes the X body signature over the exact bytes", () => {
    const body = '{"for_user_id":"100","tweet_create_events":[]}';
    expect(webhookSignature(secret, body)).toBe("sha256=sEWSGP5WIu+DnkgmC4RK16hFXerJAfH96GKBVEO+0XQ=");
    expect(webhookSignature(secret, Buffer.from(body))).toBe(
      "sha256=sEWSGP5WIu+DnkgmC4RK16hFXerJAfH96GKBVEO+0XQ=",
    );
  });

  it("computes the Meta vectors with the shared hex helper", () => {
    expect(hmacSha256Hex("emulator_app_secret", '{"object":"page","entry":[]}')).toBe(
      "9b16cca0f9eb0dd0cc4caa763a8e3bc23154fbcd68a501e103074e0f0c1d7a93",
    );
  });

  it("compares in constant time", () => {
    expect(safeEqual("sha256=abc", "sha256=abc")).toBe(true);
    expect(safeEqual("sha256=abc", "sha256=abd")).toBe(false);
    expect(safeEqual("short", "longer")).toBe(false);
  });

  it("builds snowflake ids from time", () => {
    const at = new Date("2025-01-15T12:00:00Z");
    expect(snowflakeAt(at)).toBe("1879498766545846272");
    expect(snowflakeTime("1879498766545846272").toISOString()).toBe("2025-01-15T12:00:00.000Z");
  });

  it("hands out unique, time-ordered ids even when the clock stands still", () => {
    const ids = new SnowflakeGenerator(7);
    const at = new Date("2025-03-05T16:00:00Z");
    const minted = Array.from({ length: 5000 }, () => ids.next(at));
    expect(new Set(minted).size).toBe(5000);
    expect([...minted].sort(compareIds)).toEqual(minted);
    expect(compareIds("1879498766545846272", "999")).toBe(1);
  });

  it("is deterministic for a seed", () => {
    expect(createRandom("seed").string(12)).toBe(createRandom("seed").string(12));
    expect(createRandom("seed").string(12)).not.toBe(createRandom("other").string(12));
  });
});
