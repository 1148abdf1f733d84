import type { Clock } from "../core/clock";
import { HOUR_MS } from "../core/time";
import { BUC_CODES, errors } from "./errors";

export type BucType = keyof typeof BUC_CODES;

export interface UsageLimits {
  /** Calls per rolling hour counted as 100 % in `X-App-Usage`. */
  appCallsPerHour: number;
  /** Calls per rolling hour per business object counted as 100 % in `X-Business-Use-Case-Usage`. */
  businessCallsPerHour: number;
}

export interface UsageScope {
  businessId?: string | undefined;
  type?: BucType | undefined;
}

/**
 * Rolling one-hour call counters behind the usage headers of §2.8. Percentages can be forced
 * upwards through the control API to exercise a connector's back-off without thousands of calls.
 */
export class UsageMeter {
  private readonly app: number[] = [];
  private readonly business = new Map<string, number[]>();
  private appFloor = 0;
  private readonly businessFloor = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: UsageLimits,
  ) {}

  private prune(calls: number[]): number[] {
    const cutoff = this.clock.now().getTime() - HOUR_MS;
    while (calls.length > 0 && (calls[0] as number) <= cutoff) calls.shift();
    return calls;
  }

  private businessCalls(id: string): number[] {
    let calls = this.business.get(id);
    if (!calls) {
      calls = [];
      this.business.set(id, calls);
    }
    return this.prune(calls);
  }

  private appPercent(): number {
    const pct = Math.floor((this.prune(this.app).length * 100) / this.limits.appCallsPerHour);
    return Math.min(100, Math.max(pct, this.appFloor));
  }

  private businessPercent(id: string): number {
    const pct = Math.floor((this.businessCalls(id).length * 100) / this.limits.businessCallsPerHour);
    return Math.min(100, Math.max(pct, this.businessFloor.get(id) ?? 0));
  }

  /** Throws the throttle error when a counter is already at 100 %. */
  check(scope: UsageScope): void {
    if (this.appPercent() >= 100) throw errors.appRateLimit();
    if (scope.businessId && scope.type && this.businessPercent(scope.businessId) >= 100) {
      throw errors.businessUseCaseLimit(BUC_CODES[scope.type]);
    }
  }

  record(scope: UsageScope): void {
    const now = this.clock.now().getTime();
    this.prune(this.app).push(now);
    if (scope.businessId) this.businessCalls(scope.businessId).push(now);
  }

  /** Minutes until the oldest call leaves the window, the wait the header advertises at 100 %. */
  private minutesToRegain(calls: number[], pct: number): number {
    if (pct < 100) return 0;
    const oldest = calls[0] ?? this.clock.now().getTime();
    return Math.max(1, Math.ceil((oldest + HOUR_MS - this.clock.now().getTime()) / 60_000));
  }

  headers(scope: UsageScope): Record<string, string> {
    const app = this.appPercent();
    const out: Record<string, string> = {
      "x-app-usage": JSON.stringify({
        call_count: app,
        total_cputime: Math.floor(app / 2),
        total_time: Math.floor((app * 3) / 4),
      }),
    };
    if (scope.businessId && scope.type) {
      const pct = this.businessPercent(scope.businessId);
      const usage = {
        type: scope.type,
        call_count: pct,
        total_cputime: Math.floor(pct / 2),
        total_time: Math.floor((pct * 3) / 4),
        estimated_time_to_regain_access: this.minutesToRegain(this.businessCalls(scope.businessId), pct),
      };
      out["x-business-use-case-usage"] = JSON.stringify({ [scope.businessId]: [usage] });
    }
    return out;
  }

  /** Control API: force percentages (0 clears the override). */
  override(args: { app?: number; business?: Record<string, number> }): void {
    if (args.app !== undefined) this.appFloor = args.app;
    for (const [id, pct] of Object.entries(args.business ?? {})) this.businessFloor.set(id, pct);
  }

  reset(): void {
    this.app.length = 0;
    this.business.clear();
    this.appFloor = 0;
    this.businessFloor.clear();
  }
}
