import type { RuleFacts } from "./facts";
import { readFacts } from "./facts-reader";
import { FIELD_NAMES } from "./fields";
import { type NeedleIndex, scanNeedles } from "./needle-index";
import { foldText } from "./text";

/**
 * One evaluation's view of the facts. Folding a message's text (or a tag list) is the costliest
 * thing a leaf does, and dozens of rules test the same field, so each folded value is computed
 * once per evaluation and kept here by field position. Undefined means "not computed yet".
 */
export interface Scope {
  readonly facts: RuleFacts;
  /** Each field's raw value by position (see facts-reader.ts). */
  readonly values: unknown[];
  /** A field is either a string or a list, so one slot per field serves both. */
  readonly folded: (string | ReadonlySet<string> | null | undefined)[];
  /** Needle presence per text field (see needle-index.ts), by field position. */
  readonly scans: (Uint8Array | null | undefined)[];
}

export function newScope(facts: RuleFacts): Scope {
  return {
    facts,
    values: readFacts(facts),
    folded: new Array(FIELD_NAMES.length).fill(undefined),
    scans: [],
  };
}

/** The folded string value of a field, or null when it is unset or not a string. */
export function foldedString(scope: Scope, index: number): string | null {
  let folded = scope.folded[index] as string | null | undefined;
  if (folded === undefined) {
    const raw = scope.values[index];
    folded = typeof raw === "string" ? foldText(raw) : null;
    scope.folded[index] = folded;
  }
  return folded;
}

/** The folded elements of a list field as a set, or null when it is unset or not a list. */
export function foldedList(scope: Scope, index: number): ReadonlySet<string> | null {
  let folded = scope.folded[index] as ReadonlySet<string> | null | undefined;
  if (folded === undefined) {
    const raw = scope.values[index];
    folded = Array.isArray(raw) ? new Set(raw.filter((v) => typeof v === "string").map(foldText)) : null;
    scope.folded[index] = folded;
  }
  return folded;
}

/** Which of the index's needles the folded field holds, scanned once per evaluation; null when unset. */
export function scannedNeedles(scope: Scope, index: number, needles: NeedleIndex): Uint8Array | null {
  let found = scope.scans[index];
  if (found === undefined) {
    const folded = foldedString(scope, index);
    found = folded === null ? null : scanNeedles(needles, folded);
    scope.scans[index] = found;
  }
  return found;
}
