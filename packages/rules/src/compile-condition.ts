import { type CompileContext, compileLeaf, leafCost, type Predicate } from "./compile-leaf";
import type { Condition, LeafCondition, Path } from "./conditions";
import type { FieldName } from "./fields";

/**
 * A condition tree kept in document order with each leaf's compiled test: `explain` reports
 * leaves in the order the admin wrote them, and `dueTimeFor` walks it. The fast path uses the
 * predicate `toPredicate` builds from it.
 */
export type ConditionNode =
  | { kind: "all" | "any"; path: Path; children: ConditionNode[] }
  | { kind: "not"; path: Path; child: ConditionNode }
  | { kind: "leaf"; path: Path; leaf: LeafCondition; test: Predicate; cost: number };

export function buildNode(condition: Condition, path: Path, context: CompileContext): ConditionNode {
  if ("all" in condition) {
    const children = condition.all.map((c, i) => buildNode(c, [...path, "all", i], context));
    return { kind: "all", path, children };
  }
  if ("any" in condition) {
    const children = condition.any.map((c, i) => buildNode(c, [...path, "any", i], context));
    return { kind: "any", path, children };
  }
  if ("not" in condition)
    return { kind: "not", path, child: buildNode(condition.not, [...path, "not"], context) };
  return {
    kind: "leaf",
    path,
    leaf: condition,
    test: compileLeaf(condition, context),
    cost: leafCost(condition),
  };
}

interface Compiled {
  test: Predicate;
  cost: number;
}

const ALWAYS: Predicate = () => true;

/**
 * One closure for the whole tree. Children of all/any run cheapest first (structured facts before
 * substring scans before regexes) so short-circuiting skips the expensive ones; leaves have no
 * side effects, so the order cannot change the answer.
 */
export function toPredicate(node: ConditionNode): Compiled {
  if (node.kind === "leaf") return { test: node.test, cost: node.cost };
  if (node.kind === "not") {
    const inner = toPredicate(node.child);
    return { test: (s) => !inner.test(s), cost: inner.cost };
  }
  const parts = node.children.map(toPredicate).sort((a, b) => a.cost - b.cost);
  const cost = parts.reduce((sum, p) => sum + p.cost, 1);
  const tests = parts.map((p) => p.test);
  return { test: node.kind === "all" ? allOf(tests) : anyOf(tests), cost };
}

function allOf(tests: Predicate[]): Predicate {
  const [a, b] = tests;
  if (a === undefined) return ALWAYS;
  if (tests.length === 1) return a;
  if (tests.length === 2 && b) return (s) => a(s) && b(s);
  return (s) => {
    for (const test of tests) if (!test(s)) return false;
    return true;
  };
}

function anyOf(tests: Predicate[]): Predicate {
  const [a, b] = tests;
  if (a === undefined) return () => false;
  if (tests.length === 1) return a;
  if (tests.length === 2 && b) return (s) => a(s) || b(s);
  return (s) => {
    for (const test of tests) if (test(s)) return true;
    return false;
  };
}

/** The fields a tree reads, so a scheduler can tell which rules depend on time.* or sla.*. */
export function fieldsOf(node: ConditionNode, into = new Set<FieldName>()): Set<FieldName> {
  if (node.kind === "leaf") into.add(node.leaf.field);
  else if (node.kind === "not") fieldsOf(node.child, into);
  else for (const child of node.children) fieldsOf(child, into);
  return into;
}
