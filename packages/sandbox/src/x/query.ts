/**
 * Parser for the search / filtered-stream rule language (reference §1.7.3): space = AND, `OR`,
 * leading `-` = NOT, parentheses, quoted phrases with optional `~N` proximity, and operators.
 * AND binds tighter than OR. Validation follows the documented rule constraints.
 */
export interface QueryTerm {
  kind: "term";
  operator: string;
  value: string;
  position: number;
  proximity?: number;
}
export type QueryNode =
  | { kind: "and"; children: QueryNode[] }
  | { kind: "or"; children: QueryNode[] }
  | { kind: "not"; child: QueryNode }
  | QueryTerm;

export class QuerySyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`${reason} (at position ${position})`);
  }
}

/** Operators that may stand alone; the rest must be combined with one of these. */
export const STANDALONE_OPERATORS = new Set([
  "keyword",
  "phrase",
  "hashtag",
  "mention",
  "cashtag",
  "from",
  "to",
  "url",
  "retweets_of",
  "context",
  "entity",
  "conversation_id",
  "in_reply_to_tweet_id",
  "in_reply_to_status_id",
  "retweets_of_tweet_id",
  "retweets_of_status_id",
  "quotes_of_tweet_id",
  "bio",
  "bio_name",
  "bio_location",
  "place",
  "place_country",
  "point_radius",
  "bounding_box",
  "list",
  "url_title",
  "url_description",
]);
const CONJUNCTION_OPERATORS = new Set([
  "is",
  "has",
  "lang",
  "sample",
  "followers_count",
  "tweets_count",
  "following_count",
  "listed_count",
]);
export const IS_VALUES = new Set(["retweet", "reply", "quote", "verified", "nullcast"]);
export const HAS_VALUES = new Set([
  "hashtags",
  "cashtags",
  "links",
  "mentions",
  "media",
  "images",
  "videos",
  "video_link",
  "geo",
]);

const OPERATOR_LINK =
  "https://developer.twitter.com/en/docs/twitter-api/tweets/filtered-stream/integrate/build-a-rule";

interface Token {
  type: "(" | ")" | "OR" | "term";
  position: number;
  negated: boolean;
  term?: QueryTerm;
}

function classify(word: string, position: number): QueryTerm {
  const prefixes: Record<string, string> = { "#": "hashtag", "@": "mention", $: "cashtag" };
  const prefixed = prefixes[word[0] ?? ""];
  if (prefixed && word.length > 1)
    return { kind: "term", operator: prefixed, value: word.slice(1), position };
  const operator = /^([A-Za-z_]+):(.+)$/s.exec(word);
  if (operator) {
    const name = (operator[1] ?? "").toLowerCase();
    const value = (operator[2] ?? "").replace(/^"(.*)"$/s, "$1");
    if (!STANDALONE_OPERATORS.has(name) && !CONJUNCTION_OPERATORS.has(name)) {
      throw new QuerySyntaxError(
        `Reference to invalid operator '${name}'. Operator is not available in current product or product packaging. Please refer to complete available operator list at ${OPERATOR_LINK}.`,
        position,
      );
    }
    return { kind: "term", operator: name, value, position };
  }
  return { kind: "term", operator: "keyword", value: word, position };
}

function readQuoted(text: string, from: number): number {
  const close = text.indexOf('"', from + 1);
  if (close < 0) throw new QuerySyntaxError("Unterminated quoted phrase", from + 1);
  return close + 1;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? "";
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const negated = char === "-" && i + 1 < text.length && !/\s/.test(text[i + 1] ?? "");
    const start = negated ? i + 1 : i;
    const position = i + 1;
    const first = text[start] ?? "";
    if (first === "(" || first === ")") {
      tokens.push({ type: first, position, negated });
      i = start + 1;
      continue;
    }
    if (first === '"') {
      const end = readQuoted(text, start);
      const proximity = /^~(\d+)/.exec(text.slice(end));
      const term: QueryTerm = {
        kind: "term",
        operator: "phrase",
        value: text.slice(start + 1, end - 1),
        position,
      };
      if (proximity) term.proximity = Number(proximity[1]);
      tokens.push({ type: "term", position, negated, term });
      i = end + (proximity?.[0].length ?? 0);
      continue;
    }
    let end = start;
    while (end < text.length && !/[\s()]/.test(text[end] ?? "")) {
      end = text[end] === '"' && text[end - 1] === ":" ? readQuoted(text, end) : end + 1;
    }
    const word = text.slice(start, end);
    if (word === "OR" && !negated) tokens.push({ type: "OR", position, negated });
    else tokens.push({ type: "term", position, negated, term: classify(word, position) });
    i = end;
  }
  return tokens;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): QueryNode {
    const node = this.parseOr();
    const extra = this.tokens[this.index];
    if (extra) throw new QuerySyntaxError(`Unexpected '${extra.type === ")" ? ")" : "OR"}'`, extra.position);
    return node;
  }

  private parseOr(): QueryNode {
    const children = [this.parseAnd()];
    while (this.tokens[this.index]?.type === "OR") {
      this.index++;
      children.push(this.parseAnd());
    }
    return children.length === 1 ? (children[0] as QueryNode) : { kind: "or", children };
  }

  private parseAnd(): QueryNode {
    const children: QueryNode[] = [];
    for (let token = this.tokens[this.index]; token; token = this.tokens[this.index]) {
      if (token.type === "OR" || token.type === ")") break;
      children.push(this.parseUnary(token));
    }
    if (children.length === 0) {
      const at = this.tokens[this.index]?.position ?? this.tokens.at(-1)?.position ?? 1;
      throw new QuerySyntaxError("Expected a term", at);
    }
    return children.length === 1 ? (children[0] as QueryNode) : { kind: "and", children };
  }

  private parseUnary(token: Token): QueryNode {
    this.index++;
    if (token.type === "(") {
      if (token.negated) throw new QuerySyntaxError("Negating a group is not supported", token.position);
      const inner = this.parseOr();
      if (this.tokens[this.index]?.type !== ")") throw new QuerySyntaxError("Unmatched '('", token.position);
      this.index++;
      return inner;
    }
    const term = token.term as QueryTerm;
    return token.negated ? { kind: "not", child: term } : term;
  }
}

export function parseRuleQuery(text: string): QueryNode {
  const tokens = tokenize(text);
  if (tokens.length === 0) throw new QuerySyntaxError("Rules must not be empty", 1);
  return new Parser(tokens).parse();
}

function terms(node: QueryNode, negated = false): Array<{ term: QueryTerm; negated: boolean }> {
  if (node.kind === "term") return [{ term: node, negated }];
  if (node.kind === "not") return terms(node.child, !negated);
  return node.children.flatMap((child) => terms(child, negated));
}

function valueError(term: QueryTerm): QuerySyntaxError | undefined {
  const allowed = term.operator === "is" ? IS_VALUES : term.operator === "has" ? HAS_VALUES : undefined;
  if (allowed && !allowed.has(term.value.toLowerCase())) {
    return new QuerySyntaxError(`Reference to invalid field '${term.value}'`, term.position);
  }
  if (term.proximity !== undefined && term.proximity > 6) {
    return new QuerySyntaxError("Proximity operator distance must be between 1 and 6", term.position);
  }
  return undefined;
}

/** Parses and checks the documented constraints; returns the tree or the messages of every problem. */
export function checkRuleQuery(text: string): { node: QueryNode } | { errors: string[] } {
  let node: QueryNode;
  try {
    node = parseRuleQuery(text);
  } catch (error) {
    if (error instanceof QuerySyntaxError) return { errors: [error.message] };
    throw error;
  }
  const all = terms(node);
  const errors = all.map(({ term }) => valueError(term)?.message).filter((m): m is string => m !== undefined);
  const positive = all.filter((t) => !t.negated);
  if (positive.length === 0) {
    errors.push("Rules must contain at least one positive, non-stopword clause (at position 1)");
  } else if (!positive.some((t) => STANDALONE_OPERATORS.has(t.term.operator))) {
    const first = positive[0]?.term as QueryTerm;
    errors.push(
      `Ambiguous use of '${first.operator}:${first.value}': it must be used in conjunction with a standalone operator (at position ${first.position})`,
    );
  }
  for (const { term, negated } of all) {
    if (term.operator === "is" && term.value.toLowerCase() === "nullcast" && !negated) {
      errors.push(`'is:nullcast' can only be used negated (at position ${term.position})`);
    }
  }
  return errors.length > 0 ? { errors } : { node };
}
