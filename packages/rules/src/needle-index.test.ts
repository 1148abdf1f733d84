import { describe, expect, it } from "vitest";
import { seededRandom } from "./bench-fixtures";
import { needleId, newNeedleIndex, scanNeedles, sealNeedleIndex } from "./needle-index";

function indexOf(needles: string[]) {
  const index = newNeedleIndex();
  const ids = needles.map((n) => needleId(index, n));
  sealNeedleIndex(index);
  return { index, ids };
}

function found(needles: string[], text: string): string[] {
  const { index, ids } = indexOf(needles);
  const table = scanNeedles(index, text);
  return needles.filter((_, i) => table[ids[i] as number] === 1);
}

describe("needle index", () => {
  it.each<[string[], string, string[]]>([
    [["refund"], "i want a refund", ["refund"]],
    [["refund"], "refun", []],
    [["he", "she", "his", "hers"], "ushers", ["he", "she", "hers"]],
    [["money back", "back"], "my money back", ["money back", "back"]],
    [["aa", "aaa"], "aaaa", ["aa", "aaa"]],
    [["abcd", "bc"], "abcx", ["bc"]],
    [["a"], "", []],
    [["ño", "niño"], "el niño", ["ño", "niño"]],
    [["😡"], "so 😡!", ["😡"]],
    [["x😡", "😡y"], "x😡y", ["x😡", "😡y"]],
    [["refund", "refund"], "refund", ["refund", "refund"]],
  ])("%j in %j", (needles, text, expected) => {
    expect(found(needles, text)).toEqual(expected);
  });

  it("shares one id for the same needle", () => {
    const index = newNeedleIndex();
    expect([needleId(index, "a"), needleId(index, "b"), needleId(index, "a")]).toEqual([0, 1, 0]);
  });

  it("refuses to scan before it is sealed", () => {
    const index = newNeedleIndex();
    needleId(index, "a");
    expect(() => scanNeedles(index, "a")).toThrow(/sealNeedleIndex/);
  });

  it("agrees with String.prototype.includes on random needles and texts", () => {
    const rnd = seededRandom(3);
    const alphabet = ["a", "b", "c", "é", "😡", " "];
    const word = (max: number) =>
      Array.from(
        { length: 1 + Math.floor(rnd() * max) },
        () => alphabet[Math.floor(rnd() * alphabet.length)],
      ).join("");
    for (let round = 0; round < 300; round++) {
      const needles = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => word(4)))];
      const { index, ids } = indexOf(needles);
      for (let t = 0; t < 10; t++) {
        const text = word(30);
        const table = scanNeedles(index, text);
        const actual = needles.map((_, i) => table[ids[i] as number] === 1);
        expect(actual, `${JSON.stringify(needles)} in ${JSON.stringify(text)}`).toEqual(
          needles.map((n) => text.includes(n)),
        );
      }
    }
  });
});
