import type { ActivityKind } from "@parley/contracts";
import type { ReactNode, SyntheticEvent } from "react";
import { useActivityKind } from "./useActivityHeartbeat";

/** Native events a zone already claimed on their way up: the innermost zone names the kind. */
const claimed = new WeakSet<Event>();

/**
 * Marks a part of the open conversation with the kind of work done there (typing in the composer,
 * tagging in the actions and tags, lookup in the customer panel and template search). React
 * events bubble through portals, so the menus and pickers a zone opens count as that zone.
 * `display: contents`: the wrapper takes no box, so layouts are unchanged.
 */
export function ActivityZone({ kind, children }: { kind: ActivityKind; children: ReactNode }) {
  const interact = useActivityKind();
  const on = (event: SyntheticEvent) => {
    if (claimed.has(event.nativeEvent)) return;
    claimed.add(event.nativeEvent);
    interact(kind);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: it only observes its children's events, adds no behaviour
    <div style={{ display: "contents" }} onPointerDown={on} onKeyDown={on} onWheel={on} onInput={on}>
      {children}
    </div>
  );
}
