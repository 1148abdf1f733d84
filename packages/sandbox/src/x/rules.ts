import type { MatchSubject } from "./match";
import { matchesQuery } from "./match";
import type { QueryNode } from "./query";

/** The app's filtered-stream rule set (§1.7.1). Rule changes apply to open connections at once. */
export interface StreamRule {
  id: string;
  value: string;
  tag?: string;
  node: QueryNode;
}

export class RuleBook {
  private rules: StreamRule[] = [];

  list(): StreamRule[] {
    return [...this.rules];
  }

  byValue(value: string): StreamRule | undefined {
    return this.rules.find((r) => r.value === value);
  }

  add(rule: StreamRule): void {
    this.rules.push(rule);
  }

  /** Removes rules by id or value; returns the ids removed. */
  remove(keys: { ids?: string[]; values?: string[] }): string[] {
    const gone = this.rules.filter((r) => keys.ids?.includes(r.id) || keys.values?.includes(r.value));
    this.rules = this.rules.filter((r) => !gone.includes(r));
    return gone.map((r) => r.id);
  }

  clear(): number {
    const count = this.rules.length;
    this.rules = [];
    return count;
  }

  /** Every rule a post matches, stream semantics; a post is delivered once with all of them. */
  matching(subject: MatchSubject): StreamRule[] {
    return this.rules.filter((r) => matchesQuery(r.node, subject, "stream"));
  }
}

/** `matching_rules` entries: `{id, tag}`, tag omitted when the rule has none. */
export function matchingRulesJson(rules: StreamRule[]): Array<{ id: string; tag?: string }> {
  return rules.map((r) => (r.tag === undefined ? { id: r.id } : { id: r.id, tag: r.tag }));
}
