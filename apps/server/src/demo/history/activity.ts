import type { Rng } from "./random";

const ACTIVITY_KINDS = ["viewing", "typing", "typing", "typing", "lookup", "viewing"] as const;

/** Heartbeats every 15 s over [from, to], with the odd pause (under a minute, so one segment). */
export function heartbeats(rng: Rng, from: number, to: number, tagging: boolean) {
  const beats: { at: number; kind: string }[] = [];
  let t = from;
  while (t <= to) {
    const share = (t - from) / Math.max(1, to - from);
    const kind = tagging ? "tagging" : share < 0.2 ? "viewing" : (rng.pick(ACTIVITY_KINDS) as string);
    beats.push({ at: Math.round(t), kind });
    t += rng.chance(0.06) ? rng.between(25, 50) * 1000 : 15_000 + rng.between(-1500, 1500);
  }
  return beats;
}
