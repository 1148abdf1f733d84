/**
 * Every substring a rule set looks for in one text field, found in a single pass (Aho-Corasick,
 * compiled to a full transition table). Two hundred rules ask `message.text` about a hundred or
 * more phrases, counting the literals regex prefilters need; scanning the text once and then
 * answering each leaf from a presence table costs a fraction of a hundred `includes` calls,
 * and the cost stays flat as rules are added. Matching is on UTF-16 code units, exactly like
 * `String.prototype.includes`, overlapping needles included.
 */

export interface NeedleIndex {
  readonly ids: Map<string, number>;
  automaton: Automaton | null;
}

interface Automaton {
  /** Class of each ASCII code; non-ASCII codes are in `otherClass`; class 0 is "in no needle". */
  readonly asciiClass: Uint16Array;
  readonly otherClass: Map<number, number>;
  readonly width: number;
  readonly next: Int32Array;
  /** Needle ids that end at each state, suffixes included. */
  readonly out: (number[] | undefined)[];
  readonly count: number;
}

export function newNeedleIndex(): NeedleIndex {
  return { ids: new Map(), automaton: null };
}

/** The id a leaf keeps for a (folded) needle; the same needle from two rules shares one. */
export function needleId(index: NeedleIndex, needle: string): number {
  let id = index.ids.get(needle);
  if (id === undefined) {
    id = index.ids.size;
    index.ids.set(needle, id);
  }
  return id;
}

/** Builds the automaton once every leaf has registered its needles. */
export function sealNeedleIndex(index: NeedleIndex): void {
  const needles = [...index.ids.keys()];
  const classes = new Map<number, number>();
  for (const needle of needles) {
    for (let i = 0; i < needle.length; i++) {
      const code = needle.charCodeAt(i);
      if (!classes.has(code)) classes.set(code, classes.size + 1);
    }
  }
  const width = classes.size + 1;
  const trie = buildTrie(needles, classes);
  const asciiClass = new Uint16Array(128);
  const otherClass = new Map<number, number>();
  for (const [code, cls] of classes) {
    if (code < 128) asciiClass[code] = cls;
    else otherClass.set(code, cls);
  }
  const { next, out } = linkTrie(trie, width);
  index.automaton = { asciiClass, otherClass, width, next, out, count: needles.length };
}

interface Trie {
  children: Map<number, number>[];
  ends: (number[] | undefined)[];
}

function buildTrie(needles: string[], classes: Map<number, number>): Trie {
  const trie: Trie = { children: [new Map()], ends: [undefined] };
  needles.forEach((needle, id) => {
    let state = 0;
    for (let i = 0; i < needle.length; i++) {
      const cls = classes.get(needle.charCodeAt(i)) as number;
      const children = trie.children[state] as Map<number, number>;
      let child = children.get(cls);
      if (child === undefined) {
        child = trie.children.length;
        children.set(cls, child);
        trie.children.push(new Map());
        trie.ends.push(undefined);
      }
      state = child;
    }
    trie.ends[state] = [...(trie.ends[state] ?? []), id];
  });
  return trie;
}

/** Breadth-first failure links folded into a complete transition table. */
function linkTrie(trie: Trie, width: number) {
  const states = trie.children.length;
  const next = new Int32Array(states * width);
  const fail = new Int32Array(states);
  const out: (number[] | undefined)[] = trie.ends.slice();
  const queue: number[] = [];
  for (const [cls, child] of trie.children[0] as Map<number, number>) {
    next[cls] = child;
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    const children = trie.children[state] as Map<number, number>;
    const failState = fail[state] as number;
    for (let cls = 0; cls < width; cls++) {
      const child = children.get(cls);
      if (child === undefined) {
        next[state * width + cls] = next[failState * width + cls] as number;
        continue;
      }
      const childFail = next[failState * width + cls] as number;
      fail[child] = childFail;
      const inherited = out[childFail];
      if (inherited) out[child] = [...(out[child] ?? []), ...inherited];
      next[state * width + cls] = child;
      queue.push(child);
    }
  }
  return { next, out };
}

/** Which needles occur in the text: a table indexed by needle id. */
export function scanNeedles(index: NeedleIndex, text: string): Uint8Array {
  const automaton = index.automaton;
  if (automaton === null) throw new Error("needle index used before sealNeedleIndex");
  const { asciiClass, otherClass, width, next, out } = automaton;
  const found = new Uint8Array(automaton.count);
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cls = code < 128 ? (asciiClass[code] as number) : (otherClass.get(code) ?? 0);
    state = next[state * width + cls] as number;
    const ends = out[state];
    if (ends !== undefined) for (const id of ends) found[id] = 1;
  }
  return found;
}
