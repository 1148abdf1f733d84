import { afterEach, describe, expect, it, vi } from "vitest";
import { ManualClock } from "../shared/clock";
import { whatsappEmulator } from "../whatsapp/emulator";
import { createSimulator } from "./simulator";
import { createSimHarness } from "./testing";

describe("traffic simulator: the mix", () => {
  // 30 simulated minutes at 60 new conversations a minute, no crisis.
  const h = createSimHarness({ seed: 42, ratePerMinute: 60 });
  const events = h.run(1800);
  const arrivals = events.filter((e) => e.kind === "arrival");
  const stats = h.sim.stats();

  it("plays about the configured rate", () => {
    expect(arrivals.length).toBeGreaterThan(1650);
    expect(arrivals.length).toBeLessThan(1950);
    expect(stats.arrivals).toBe(arrivals.length);
  });

  it("makes about 40 % of new conversations spam (±5 %)", () => {
    const share = stats.spam / stats.arrivals;
    expect(share).toBeGreaterThan(0.35);
    expect(share).toBeLessThan(0.45);
    const spam = arrivals.filter((e) => e.spam);
    expect(new Set(spam.map((e) => e.topic))).toEqual(
      new Set(["promo", "crypto", "follow", "link", "giveaway", "repeat"]),
    );
  });

  it("writes in at least four languages and on all four networks", () => {
    const languages = Object.entries(stats.byLanguage).filter(([, n]) => (n ?? 0) > 0);
    expect(languages.length).toBeGreaterThanOrEqual(4);
    expect(stats.byLanguage.en ?? 0).toBeGreaterThan(arrivals.length / 2);
    for (const network of ["x", "facebook", "instagram", "whatsapp"] as const) {
      expect(stats.byNetwork[network]).toBeGreaterThan(20);
    }
  });

  it("covers every intent, public and private, and renders every slot", () => {
    for (const intent of ["question", "complaint", "outage", "praise", "mention", "competitor"] as const) {
      expect(stats.byIntent[intent]).toBeGreaterThan(20);
    }
    expect(arrivals.some((e) => e.channel === "private" && e.network === "x")).toBe(true);
    expect(arrivals.some((e) => e.channel === "private" && e.network === "instagram")).toBe(true);
    expect(arrivals.every((e) => e.network !== "whatsapp" || e.channel === "private")).toBe(true);
    expect(arrivals.filter((e) => /\{\w+\}/.test(e.text ?? ""))).toEqual([]);
    expect(events.filter((e) => e.kind === "error")).toEqual([]);
  });

  it("lands on the networks: posts, comments and messages exist in the emulators", () => {
    // Arrivals and follow-ups (unanswered customers chase the brand).
    const count = (network: string) =>
      events.filter((e) => e.network === network && e.kind !== "error").length;
    const xUsers = h.x.control.listUsers().length;
    expect(xUsers).toBeGreaterThan(100);
    expect(h.meta.store.comments.size + h.meta.store.igComments.size).toBeGreaterThan(100);
    expect(h.whatsapp.store.inbound.length).toBe(count("whatsapp"));
    // The brand's own posts and media are there for customers to comment under.
    expect([...h.meta.store.posts.values()].filter((p) => !p.customerId).length).toBe(3);
    expect(h.meta.store.igMedia.size).toBe(3);
  });

  it("gives customers heavy-tailed influence: most small, a few large and verified", () => {
    const users = h.x.control.listUsers() as {
      public_metrics: { followers_count: number };
      verified: boolean;
    }[];
    const followers = users.map((u) => u.public_metrics.followers_count).sort((a, b) => a - b);
    const median = followers[Math.floor(followers.length / 2)] ?? 0;
    expect(median).toBeLessThan(200);
    expect(followers.at(-1)).toBeGreaterThan(10_000);
    expect(users.some((u) => u.verified)).toBe(true);
  });
});

describe("traffic simulator: determinism and memory", () => {
  it("repeats itself exactly for the same seed and clock, and differs for another seed", () => {
    const texts = (seed: number) =>
      createSimHarness({ seed })
        .run(300)
        .map((e) => `${e.step} ${e.kind} ${e.network} ${e.customer} ${e.text} ${e.ref}`);
    expect(texts(7)).toEqual(texts(7));
    expect(texts(7)).not.toEqual(texts(8));
  });

  it("stays bounded: forgets old customers and idle conversations", () => {
    const h = createSimHarness({ seed: 3, ratePerMinute: 120, maxCustomers: 50, forgetAfterMinutes: 5 });
    h.run(3600);
    const stats = h.sim.stats();
    expect(stats.arrivals).toBeGreaterThan(6000);
    expect(stats.customers).toBeLessThanOrEqual(50);
    expect(stats.conversations).toBeLessThanOrEqual(200);
  });

  it("uses only the emulators it is given", () => {
    const clock = new ManualClock();
    const whatsapp = whatsappEmulator({ clock, seed: 1 });
    const sim = createSimulator({ whatsapp, clock, seed: 1, ratePerMinute: 120 });
    const events = sim.tick(300);
    expect(events.length).toBeGreaterThan(400);
    expect(new Set(events.map((e) => e.network))).toEqual(new Set(["whatsapp"]));
  });

  it("rejects options it cannot honour", () => {
    const whatsapp = whatsappEmulator({ seed: 1 });
    expect(() => createSimulator({ seed: 1, ratePerMinute: 1 })).toThrow(/emulator/);
    expect(() => createSimulator({ whatsapp, seed: 1, ratePerMinute: -1 })).toThrow(/ratePerMinute/);
    // biome-ignore lint/suspicious/noExplicitAny: an unsupported language on purpose
    expect(() => createSimulator({ whatsapp, seed: 1, ratePerMinute: 1, languages: ["it" as any] })).toThrow(
      /no templates/,
    );
  });
});

describe("traffic simulator: start() and stop()", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs as many steps as the clock says have passed, and none after stop()", () => {
    vi.useFakeTimers();
    const clock = new ManualClock();
    const whatsapp = whatsappEmulator({ clock, seed: 1 });
    const sim = createSimulator({ whatsapp, clock, seed: 1, ratePerMinute: 60 });
    sim.start();
    expect(sim.stats().running).toBe(true);
    vi.advanceTimersByTime(5000);
    expect(sim.stats().steps).toBe(0); // the manual clock has not moved
    clock.advance(10_000);
    vi.advanceTimersByTime(1000);
    expect(sim.stats().steps).toBe(10);
    sim.stop();
    clock.advance(10_000);
    vi.advanceTimersByTime(5000);
    expect(sim.stats()).toMatchObject({ steps: 10, running: false });
  });
});
