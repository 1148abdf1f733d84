import type { ChannelAccount } from "@parley/contracts";

/** After this long without an event a channel looks quiet (orange)… */
export const SLOW_AFTER_S = 5 * 60;
/** …and after this long, silent (red). */
export const STALE_AFTER_S = 30 * 60;

/** "none": never received anything; "ok" / "slow" / "stale" by seconds since the last event. */
export type LagLevel = "none" | "ok" | "slow" | "stale";

export function lagLevel(lagSeconds: number | null): LagLevel {
  if (lagSeconds === null) return "none";
  if (lagSeconds >= STALE_AFTER_S) return "stale";
  if (lagSeconds >= SLOW_AFTER_S) return "slow";
  return "ok";
}

/**
 * Seconds since the last event, now: the server's `lag_seconds` (free of clock skew between the
 * browser and the server) plus the time since that answer was fetched.
 */
export function currentLag(lagSeconds: number | null, fetchedAt: number, now: number): number | null {
  if (lagSeconds === null) return null;
  return lagSeconds + Math.max(0, Math.floor((now - fetchedAt) / 1000));
}

/** A lag as a short age: "12 s", "4 min", "1 h 05 min", "2 d 3 h". */
export function formatLag(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) {
    const minutes = Math.floor((s % 3600) / 60);
    return minutes
      ? `${Math.floor(s / 3600)} h ${String(minutes).padStart(2, "0")} min`
      : `${Math.floor(s / 3600)} h`;
  }
  const hours = Math.floor((s % 86_400) / 3600);
  return hours ? `${Math.floor(s / 86_400)} d ${hours} h` : `${Math.floor(s / 86_400)} d`;
}

/** What the health cell says about the last event. */
export function lastEventLabel(lagSeconds: number | null): string {
  if (lagSeconds === null) return "No events yet";
  return lagSeconds < 2 ? "Last event just now" : `Last event ${formatLag(lagSeconds)} ago`;
}

/** The longer explanation of a lag level, for a tooltip and screen readers. */
export function lagHint(level: LagLevel, paused: boolean): string {
  if (paused) return "Paused: Parley is not listening on this account";
  switch (level) {
    case "none":
      return "Nothing received since the channel was connected";
    case "ok":
      return "Receiving events";
    case "slow":
      return `Quiet: no event for more than ${SLOW_AFTER_S / 60} minutes`;
    case "stale":
      return `Silent: no event for more than ${STALE_AFTER_S / 60} minutes. Check the webhook and credentials.`;
  }
}

/** True when the channel talks to a sandbox emulator rather than the network's real API. */
export function isSandbox(baseUrl: string): boolean {
  return /\/sandbox(\/|$)/.test(baseUrl);
}

/** The absolute URL the network must deliver webhooks to. */
export function webhookUrl(
  origin: string,
  channel: Pick<ChannelAccount, "webhook_path" | "webhook_url">,
): string {
  // The server knows its public address when PARLEY_PUBLIC_URL is set; otherwise use ours.
  return channel.webhook_url ?? `${origin.replace(/\/+$/, "")}${channel.webhook_path}`;
}

/** A URL without its scheme, for a narrow column (the full URL is in the title and the copy). */
export function shortUrl(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
}

/** "@acme" for usernames; phone numbers (WhatsApp) as "+44 …" without the at sign. */
export function displayHandle(handle: string | null): string | null {
  const bare = handle?.trim().replace(/^@/, "");
  if (!bare) return null;
  if (/^\+?[\d\s().-]+$/.test(bare)) return /^\d+$/.test(bare) ? `+${bare}` : bare;
  return `@${bare}`;
}
