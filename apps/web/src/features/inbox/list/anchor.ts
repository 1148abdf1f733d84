/**
 * Keeps the list still under the reader when rows arrive or move above what they look at: the
 * first visible row that is still in the list stays at the same place on screen. At the very top
 * nothing is held, so new conversations slide in where the reader is looking.
 */
export interface AnchorResult {
  scrollTop: number;
  /** Rows that appeared above the anchor (for a "N new" pill). */
  insertedAbove: number;
}

export function anchorScroll(
  before: readonly string[],
  after: readonly string[],
  scrollTop: number,
  rowHeight: number,
): AnchorResult {
  if (scrollTop < rowHeight / 2 || before.length === 0) return { scrollTop, insertedAbove: 0 };
  const index = new Map(after.map((id, i) => [id, i]));
  const first = Math.floor(scrollTop / rowHeight);
  const offset = scrollTop - first * rowHeight;
  for (let i = first; i < Math.min(before.length, first + 50); i++) {
    const id = before[i];
    const now = id === undefined ? undefined : index.get(id);
    if (now === undefined) continue;
    const anchorIndex = now - (i - first);
    const known = new Set(before);
    let insertedAbove = 0;
    for (let j = 0; j < now; j++) if (!known.has(after[j] as string)) insertedAbove++;
    return { scrollTop: Math.max(0, anchorIndex * rowHeight + offset), insertedAbove };
  }
  return { scrollTop, insertedAbove: 0 };
}

/** Ids that were not there before: they get a brief highlight (never on the first page load). */
export function arrivals(before: readonly string[], after: readonly string[]): string[] {
  if (before.length === 0) return [];
  const known = new Set(before);
  return after.filter((id) => !known.has(id));
}
