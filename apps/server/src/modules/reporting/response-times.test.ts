import { describe, expect, it } from "vitest";
import { conversationResponseTimes, mean, median, type TimedMessage } from "./response-times";

const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);
const customer = (hhmm: string, isSpam = false): TimedMessage => ({
  direction: "inbound",
  sentAt: at(hhmm),
  isSpam,
});
const agent = (hhmm: string): TimedMessage => ({ direction: "outbound", sentAt: at(hhmm) });
const minutes = (s: number[]) => s.map((x) => x / 60);

describe("response times of a conversation (SPEC M2)", () => {
  it("follows the worked example of [S001]", () => {
    const first = conversationResponseTimes([customer("17:30"), agent("17:40")]);
    expect(first.firstResponseSeconds).toBe(10 * 60);
    expect(mean(first.responseSeconds)).toBe(10 * 60);

    const later = conversationResponseTimes([
      customer("17:30"),
      agent("17:40"),
      customer("18:00"),
      agent("19:00"),
    ]);
    expect(later.firstResponseSeconds).toBe(10 * 60);
    expect(minutes(later.responseSeconds)).toEqual([10, 60]);
    expect(mean(later.responseSeconds)).toBe(35 * 60);
  });

  it("counts every customer message before a reply, each with its own wait", () => {
    const t = conversationResponseTimes([
      customer("09:00"),
      customer("09:05"),
      customer("09:08"),
      agent("09:10"),
    ]);
    expect(t.firstResponseSeconds).toBe(10 * 60);
    expect(minutes(t.responseSeconds)).toEqual([10, 5, 2]);
  });

  it("answers each wait with the first reply after it; extra replies answer nothing", () => {
    const t = conversationResponseTimes([
      customer("09:00"),
      agent("09:03"),
      agent("09:04"),
      customer("09:30"),
    ]);
    expect(minutes(t.responseSeconds)).toEqual([3]);
  });

  it("has no FRT while unanswered or when the brand spoke first", () => {
    expect(conversationResponseTimes([customer("09:00"), customer("09:10")])).toEqual({
      firstResponseSeconds: null,
      responseSeconds: [],
    });
    const outreach = conversationResponseTimes([agent("08:00"), customer("09:00"), agent("09:20")]);
    expect(outreach.firstResponseSeconds).toBeNull();
    expect(minutes(outreach.responseSeconds)).toEqual([20]);
  });

  it("ignores spam customer messages", () => {
    const t = conversationResponseTimes([customer("08:00", true), customer("09:00"), agent("09:30")]);
    expect(t.firstResponseSeconds).toBe(30 * 60);
    expect(t.responseSeconds).toHaveLength(1);
    const spamFirst = conversationResponseTimes([customer("08:00", true), agent("08:30"), customer("09:00")]);
    expect(spamFirst.firstResponseSeconds).toBeNull();
  });

  it("orders by time whatever the input order, the customer first at the same instant", () => {
    expect(conversationResponseTimes([agent("09:10"), customer("09:00")]).firstResponseSeconds).toBe(600);
    expect(conversationResponseTimes([agent("09:00"), customer("09:00")]).firstResponseSeconds).toBe(0);
  });
});

describe("median and mean", () => {
  it("takes the middle, or the mean of the two middle values", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([10, 1, 2, 100])).toBe(6);
    expect(median([])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
  });
});
