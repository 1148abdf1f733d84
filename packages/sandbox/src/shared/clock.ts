/** Time source for the emulators. Injected everywhere so tests and scenarios are reproducible. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to; for tests and for replaying scenarios at a chosen pace. */
export class ManualClock implements Clock {
  private ms: number;

  constructor(start: Date | string | number = "2025-03-05T16:00:00.000Z") {
    this.ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  advance(ms: number): Date {
    this.ms += ms;
    return this.now();
  }

  set(to: Date | string | number): void {
    this.ms = new Date(to).getTime();
  }
}

/** Epoch seconds, the unit of rate-limit reset headers on several networks. */
export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
