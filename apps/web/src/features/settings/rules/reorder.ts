/**
 * The position changes that move one item of an ordered list up or down by one place. Neighbours
 * with distinct positions just swap them; when positions tie (the server keeps ties in creation
 * order) the list is renumbered from the first position in steps of 10, which leaves room for later
 * inserts. Only items whose position changes are returned, so a move costs as few writes as it can.
 */
export function moveBy<T extends { id: string; position: number }>(
  items: readonly T[],
  index: number,
  delta: -1 | 1,
): { id: string; position: number }[] {
  const target = index + delta;
  const a = items[index];
  const b = items[target];
  if (!a || !b) return [];
  if (a.position !== b.position) {
    return [
      { id: a.id, position: b.position },
      { id: b.id, position: a.position },
    ];
  }
  const order = [...items];
  order[index] = b;
  order[target] = a;
  const start = items[0]?.position ?? 0;
  return order
    .map((item, i) => ({ id: item.id, position: start + i * 10, was: item.position }))
    .filter((m) => m.position !== m.was)
    .map(({ id, position }) => ({ id, position }));
}
