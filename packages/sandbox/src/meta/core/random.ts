import { createRandom } from "../../shared/random";

/**
 * The shapes Meta ids are drawn in, on top of the shared seeded generator, so the same seed and
 * the same sequence of calls produce the same ids and challenges.
 */
export interface Random {
  int(minInclusive: number, maxInclusive: number): number;
  /** `length` decimal digits, the first one non-zero (Graph ids never start with 0). */
  digits(length: number): string;
  /** `length` characters of the base64url alphabet. */
  token(length: number): string;
}

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export function seededRandom(seed: string | number): Random {
  const source = createRandom(seed);
  const int = (min: number, max: number) => min + source.int(max - min + 1);
  return {
    int,
    digits: (length) => String(int(1, 9)) + source.string(length - 1, "0123456789"),
    token: (length) => source.string(length, BASE64URL),
  };
}

/** A Random whose sequence can be restarted, so a control reset replays the same ids. */
export function reseedableRandom(seed: string | number): Random & { reseed(): void } {
  let inner = seededRandom(seed);
  return {
    int: (min, max) => inner.int(min, max),
    digits: (length) => inner.digits(length),
    token: (length) => inner.token(length),
    reseed: () => {
      inner = seededRandom(seed);
    },
  };
}
