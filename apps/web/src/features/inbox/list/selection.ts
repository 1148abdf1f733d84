/** Multi-select in the conversation list: x / click toggles, shift extends from the anchor. */
export interface Selection {
  ids: ReadonlySet<string>;
  /** Where the last toggle happened: the start of a shift-range. */
  anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

export function toggle(sel: Selection, id: string): Selection {
  const ids = new Set(sel.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/**
 * Shift-click / shift+j: selects every row from the anchor to `id` (in list order), keeping what was
 * selected before. Without an anchor still in the list it starts a range at `id`.
 */
export function extendTo(sel: Selection, order: readonly string[], id: string): Selection {
  const from = sel.anchor === null ? -1 : order.indexOf(sel.anchor);
  const to = order.indexOf(id);
  if (to === -1) return sel;
  if (from === -1) return { ids: new Set([...sel.ids, id]), anchor: id };
  const ids = new Set(sel.ids);
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  for (const rowId of order.slice(lo, hi + 1)) ids.add(rowId);
  return { ids, anchor: sel.anchor };
}

export function selectAll(order: readonly string[]): Selection {
  return { ids: new Set(order), anchor: order[0] ?? null };
}

/** After a refetch: rows that left the list leave the selection (a bulk action never hits unseen rows). */
export function prune(sel: Selection, order: readonly string[]): Selection {
  if (sel.ids.size === 0) return sel;
  const present = new Set(order);
  let changed = false;
  const ids = new Set<string>();
  for (const id of sel.ids) {
    if (present.has(id)) ids.add(id);
    else changed = true;
  }
  if (!changed) return sel;
  return { ids, anchor: sel.anchor && present.has(sel.anchor) ? sel.anchor : null };
}

/** Splits ids into requests the bulk endpoint takes (1..200 ids each). */
export function chunks<T>(items: readonly T[], size = 200): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
