import { describe, expect, it } from "vitest";
import { conversationHandling, type Heartbeat, segmentsFromHeartbeats } from "./handling-time";

const at = (hhmmss: string) => new Date(`2026-03-02T${hhmmss.length === 5 ? `${hhmmss}:00` : hhmmss}Z`);
const BEAT = 15_000;
const options = { beatMs: BEAT, idleCutoffMs: 60_000 };

/** Heartbeats every 15 s from `from` for `minutes`, as the desk sends them while an agent works. */
function working(userId: string, from: string, minutes: number): Heartbeat[] {
  const start = at(from).getTime();
  return Array.from({ length: (minutes * 60_000) / BEAT }, (_, i) => ({
    userId,
    at: new Date(start + i * BEAT),
  }));
}

describe("handling time (SPEC M3)", () => {
  it("follows the worked example of [S001]: 2 min, then 7 min", () => {
    const beats = [
      ...working("ana", "17:28", 2), // reads the 17:25 tweet, tags it and hits Reply at 17:30
      ...working("ana", "17:36", 5), // checks with the store manager, leaves without acting
      ...working("ana", "18:58", 2), // comes back, reads and writes the answer, Reply at 19:00
    ];
    const segments = segmentsFromHeartbeats(beats, options);
    expect(segments).toHaveLength(3);
    const handling = conversationHandling(segments, [
      { userId: "ana", sentAt: at("17:30") },
      { userId: "ana", sentAt: at("19:00") },
    ]);
    expect(handling.replies.map((r) => r.seconds / 60)).toEqual([2, 7]);
    expect(handling.totalSeconds / 60).toBe(9);
    expect(handling.afterLastReply).toBe(0);
  });

  it("ends a segment at a silence longer than the idle cut-off", () => {
    const beats = [...working("ana", "09:00", 1), { userId: "ana", at: at("09:10") }];
    const segments = segmentsFromHeartbeats(beats, options);
    expect(segments.map((s) => [s.start.toISOString(), s.end.toISOString()])).toEqual([
      ["2026-03-02T09:00:00.000Z", "2026-03-02T09:01:00.000Z"],
      ["2026-03-02T09:10:00.000Z", "2026-03-02T09:10:15.000Z"],
    ]);
  });

  it("adds up two agents working at once and keeps each one's share", () => {
    const segments = segmentsFromHeartbeats(
      [...working("ana", "10:00", 3), ...working("ben", "10:01", 2)],
      options,
    );
    const h = conversationHandling(segments, [{ userId: "ana", sentAt: at("10:03") }]);
    expect(h.replies[0]?.seconds).toBe(5 * 60);
    expect(h.replies[0]?.byUser).toEqual({ ana: 180, ben: 120 });
    expect(h.totalByUser).toEqual({ ana: 180, ben: 120 });
  });

  it("splits a segment that crosses a reply, and keeps work after the last reply apart", () => {
    const segments = segmentsFromHeartbeats(working("ana", "11:00", 4), options);
    const h = conversationHandling(segments, [{ userId: "ana", sentAt: at("11:01") }]);
    expect(h.replies[0]?.seconds).toBe(60);
    expect(h.afterLastReply).toBe(180);
    expect(h.totalSeconds).toBe(240);
  });

  it("counts nothing for a conversation nobody worked on, and everything as pending work without a reply", () => {
    expect(conversationHandling([], [{ userId: "ana", sentAt: at("12:00") }]).replies[0]?.seconds).toBe(0);
    const open = conversationHandling(segmentsFromHeartbeats(working("ana", "12:00", 1), options), []);
    expect(open).toMatchObject({ replies: [], afterLastReply: 60, totalSeconds: 60 });
  });

  it("does not depend on the order heartbeats arrive in", () => {
    const beats = working("ana", "13:00", 2);
    expect(segmentsFromHeartbeats([...beats].reverse(), options)).toEqual(
      segmentsFromHeartbeats(beats, options),
    );
  });
});
