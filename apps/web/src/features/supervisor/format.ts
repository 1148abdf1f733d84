import type { ActivityKind, Availability, SupervisorAgent } from "@parley/contracts";
import { formatDuration } from "../../ui/time";

export const AVAILABILITY: Record<Availability, { label: string; color: string }> = {
  available: { label: "Available", color: "var(--mantine-color-teal-6)" },
  busy: { label: "Busy", color: "var(--mantine-color-orange-6)" },
  away: { label: "Away", color: "var(--mantine-color-yellow-6)" },
  offline: { label: "Offline", color: "var(--mantine-color-gray-5)" },
};

export const ACTIVITY_LABEL: Record<ActivityKind, string> = {
  viewing: "Viewing",
  typing: "Typing in",
  tagging: "Updating",
  lookup: "Looking up",
};

/** "12m", "1h 05m"; an em dash when nobody waits. */
export function formatWait(seconds: number | null): string {
  return seconds === null ? "—" : formatDuration(seconds * 1000);
}

/** A share 0..1 as a whole percentage ("92%"), or an em dash when there is nothing to divide. */
export function formatShare(share: number | null): string {
  return share === null ? "—" : `${Math.round(share * 100)}%`;
}

export type Tone = "ok" | "warn" | "bad" | "neutral";

/** SLA attainment: green at 90% and above, amber from 75%, red below. */
export function attainmentTone(share: number | null): Tone {
  if (share === null) return "neutral";
  return share >= 0.9 ? "ok" : share >= 0.75 ? "warn" : "bad";
}

/** The oldest wait against the first-response habit of a social desk: amber past 15 min, red past 1 h. */
export function waitTone(seconds: number | null): Tone {
  if (seconds === null) return "ok";
  return seconds >= 3600 ? "bad" : seconds >= 900 ? "warn" : "ok";
}

/** Load against capacity: full at capacity, over beyond it. */
export function loadTone(load: number, capacity: number): Tone {
  if (capacity <= 0) return load > 0 ? "bad" : "neutral";
  const ratio = load / capacity;
  return ratio > 1 ? "bad" : ratio >= 0.8 ? "warn" : "ok";
}

/** The load bar's fill, 0..100 (a bar never overflows; the number says by how much). */
export function loadPercent(load: number, capacity: number): number {
  if (capacity <= 0) return load > 0 ? 100 : 0;
  return Math.min(100, Math.round((load / capacity) * 100));
}

/** "Updated just now", "Updated 12s ago", "Updated 3m ago". */
export function updatedAgo(generatedAt: string, now: number): string {
  const s = Math.max(0, Math.floor((now - Date.parse(generatedAt)) / 1000));
  if (s < 3) return "Updated just now";
  if (s < 60) return `Updated ${s}s ago`;
  return `Updated ${Math.floor(s / 60)}m ago`;
}

/** Agents who count for staffing figures: anyone not offline. */
export function staffed(agents: SupervisorAgent[]): { online: number; available: number } {
  return {
    online: agents.filter((a) => a.availability !== "offline").length,
    available: agents.filter((a) => a.availability === "available").length,
  };
}
