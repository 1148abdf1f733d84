/**
 * X snowflake ids (reference §0.4): ((unix_ms - epoch) << 22) | (worker << 12) | sequence.
 * Ids sort by time, so since_id/until_id and "newest first" are plain BigInt comparisons.
 */
export const X_EPOCH_MS = 1288834974657n;
const MAX_SEQUENCE = 4095n;

export function snowflakeAt(date: Date, worker = 0, sequence = 0): string {
  const ms = BigInt(date.getTime()) - X_EPOCH_MS;
  return ((ms << 22n) | (BigInt(worker & 1023) << 12n) | BigInt(sequence)).toString();
}

export function snowflakeTime(id: string): Date {
  return new Date(Number((BigInt(id) >> 22n) + X_EPOCH_MS));
}

/** Numeric comparison of decimal id strings (never via JS numbers: ids exceed 2^53). */
export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isSnowflake(value: string): boolean {
  return /^[0-9]{1,19}$/.test(value);
}

/**
 * Hands out unique ids for any creation time (posts can be back-dated by the simulator), using the
 * 12-bit sequence for ids minted in the same millisecond and spilling into the next one when full.
 */
export class SnowflakeGenerator {
  private readonly lastSequence = new Map<bigint, bigint>();

  constructor(private readonly worker: number) {}

  next(at: Date): string {
    let ms = BigInt(at.getTime());
    for (;;) {
      const sequence = (this.lastSequence.get(ms) ?? -1n) + 1n;
      if (sequence <= MAX_SEQUENCE) {
        this.lastSequence.set(ms, sequence);
        return snowflakeAt(new Date(Number(ms)), this.worker, Number(sequence));
      }
      ms += 1n;
    }
  }

  reset(): void {
    this.lastSequence.clear();
  }
}
