/**
 * Glue's partition filter (`GetPartitions` `Expression`): "SQL syntax similar to the SQL WHERE filter clause"
 * (Glue API reference, GetPartitions): comparisons `=`, `<>`, `!=`, `<`, `<=`, `>`, `>=`; `AND`, `OR`, `NOT`,
 * `BETWEEN`, `IN`, `LIKE`, `IS [NOT] NULL`, parentheses; string literals in single quotes. Keys are compared by
 * their type: the integer types and decimal as numbers, date and timestamp as times, the rest as strings.
 */

/** A filter Glue refuses: its InvalidInputException message. */
export class ExpressionError extends Error {}

type Node =
  | { kind: "and" | "or"; left: Node; right: Node }
  | { kind: "not"; node: Node }
  | { kind: "compare"; op: string; left: Operand; right: Operand }
  | { kind: "between"; value: Operand; low: Operand; high: Operand; not: boolean }
  | { kind: "in"; value: Operand; list: Operand[]; not: boolean }
  | { kind: "like"; value: Operand; pattern: Operand; not: boolean }
  | { kind: "null"; value: Operand; not: boolean };
type Operand = { column: string } | { literal: string; quoted: boolean };

const NUMERIC = /^(int|integer|bigint|long|smallint|tinyint|decimal(\(.*\))?|double|float)$/i;
const TIME = /^(date|timestamp)$/i;
const KEYWORDS = new Set(["AND", "OR", "NOT", "BETWEEN", "IN", "LIKE", "IS", "NULL"]);

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /\s*(?:('(?:[^']|'')*')|(<=|>=|<>|!=|[-=<>(),])|(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_.$]*)|(`[^`]*`)|(\S))/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text))) {
    const token = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6];
    if (token !== undefined) tokens.push(token);
  }
  return tokens;
}

/** Parses a filter; an empty one is no filter (undefined). */
export function parseExpression(text: string): Node | undefined {
  if (text.trim() === "") return undefined;
  const tokens = tokenize(text);
  let i = 0;
  const unsupported = (): never => {
    throw new ExpressionError(`Unsupported expression '${tokens.slice(Math.max(0, i - 1)).join(" ")}'`);
  };
  const peek = () => tokens[i]?.toUpperCase();
  const operand = (): Operand => {
    const t = tokens[i++];
    if (t === undefined) return unsupported();
    if (t.startsWith("'")) return { literal: t.slice(1, -1).replaceAll("''", "'"), quoted: true };
    if (t === "-" && /^\d/.test(tokens[i] ?? "")) return { literal: `-${tokens[i++]!}`, quoted: false };
    if (/^\d/.test(t)) {
      // An unquoted date (`2021-01-01`) reads as arithmetic, which Glue does not take.
      if (tokens[i] === "-") return unsupported();
      return { literal: t, quoted: false };
    }
    if (/^[A-Za-z_]/.test(t) && !KEYWORDS.has(t.toUpperCase())) return { column: t };
    return unsupported();
  };
  const predicate = (): Node => {
    if (tokens[i] === "(") {
      i++;
      const node = or();
      if (tokens[i++] !== ")") unsupported();
      return node;
    }
    const value = operand();
    let not = false;
    if (peek() === "IS") {
      i++;
      if (peek() === "NOT") (i++, (not = true));
      if (peek() !== "NULL") unsupported();
      i++;
      return { kind: "null", value, not };
    }
    if (peek() === "NOT") (i++, (not = true));
    const word = peek();
    if (word === "BETWEEN") {
      i++;
      const low = operand();
      if (peek() !== "AND") unsupported();
      i++;
      return { kind: "between", value, low, high: operand(), not };
    }
    if (word === "IN") {
      i++;
      if (tokens[i++] !== "(") unsupported();
      const list = [operand()];
      while (tokens[i] === ",") i++, list.push(operand());
      if (tokens[i++] !== ")") unsupported();
      return { kind: "in", value, list, not };
    }
    if (word === "LIKE") {
      i++;
      return { kind: "like", value, pattern: operand(), not };
    }
    if (not) unsupported();
    const op = tokens[i++];
    if (!op || !["=", "<>", "!=", "<", "<=", ">", ">="].includes(op)) return unsupported();
    return { kind: "compare", op, left: value, right: operand() };
  };
  const not = (): Node => (peek() === "NOT" ? (i++, { kind: "not", node: not() }) : predicate());
  const and = (): Node => {
    let left = not();
    while (peek() === "AND") (i++, (left = { kind: "and", left, right: not() }));
    return left;
  };
  const or = (): Node => {
    let left = and();
    while (peek() === "OR") (i++, (left = { kind: "or", left, right: and() }));
    return left;
  };
  const node = or();
  if (i < tokens.length) unsupported();
  return node;
}

/**
 * A partition filter over a table's partition keys: `matches(values)` for each partition's values (in key order).
 * @throws ExpressionError for a filter Glue refuses: a syntax it does not take, a column that is not a partition
 *   key, LIKE on a key that is not a string.
 */
export function partitionFilter(text: string, keys: readonly { Name?: string; Type?: string }[]): (values: readonly string[]) => boolean {
  const node = parseExpression(text);
  if (!node) return () => true;
  const index = new Map(keys.map((k, i) => [String(k.Name).toLowerCase(), { i, type: String(k.Type ?? "string") }]));
  const column = (name: string) => {
    const found = index.get(name.toLowerCase());
    if (!found) throw new ExpressionError("Invalid partition expression!");
    return found;
  };
  // The type a comparison is made in: the column's (a comparison of two literals compares strings).
  const typeOf = (...operands: Operand[]) => {
    const c = operands.find((o): o is { column: string } => "column" in o);
    return c ? column(c.column).type : "string";
  };
  const compare = (a: string, b: string, type: string): number => {
    if (NUMERIC.test(type)) return Number(a) - Number(b);
    if (TIME.test(type)) return Date.parse(a.replace(" ", "T")) - Date.parse(b.replace(" ", "T"));
    return a < b ? -1 : a > b ? 1 : 0;
  };
  // Columns are checked once, before any partition is read.
  const operandsOf = (n: Node): Operand[] => {
    switch (n.kind) {
      case "and":
      case "or":
        return [...operandsOf(n.left), ...operandsOf(n.right)];
      case "not":
        return operandsOf(n.node);
      case "compare":
        return [n.left, n.right];
      case "between":
        return [n.value, n.low, n.high];
      case "in":
        return [n.value, ...n.list];
      case "like":
        return [n.value, n.pattern];
      case "null":
        return [n.value];
    }
  };
  const walk = (n: Node): void => {
    if (n.kind === "and" || n.kind === "or") {
      walk(n.left);
      walk(n.right);
      return;
    }
    if (n.kind === "not") return walk(n.node);
    const operands = operandsOf(n);
    for (const o of operands) if ("column" in o) column(o.column);
    if (n.kind === "like" && !/^(string|varchar.*|char.*)$/i.test(typeOf(n.value))) throw new ExpressionError(`${NUMERIC.test(typeOf(n.value)) ? "Integral" : "Non-string"} data type doesn't support operation 'LIKE'`);
  };
  walk(node);
  return (values) => {
    const value = (o: Operand): string | undefined => ("column" in o ? values[column(o.column).i] : o.literal);
    const test = (n: Node): boolean => {
      switch (n.kind) {
        case "and":
          return test(n.left) && test(n.right);
        case "or":
          return test(n.left) || test(n.right);
        case "not":
          return !test(n.node);
        case "null":
          return (value(n.value) === undefined) !== n.not;
        case "compare": {
          const a = value(n.left);
          const b = value(n.right);
          if (a === undefined || b === undefined) return false;
          const c = compare(a, b, typeOf(n.left, n.right));
          return n.op === "=" ? c === 0 : n.op === "<>" || n.op === "!=" ? c !== 0 : n.op === "<" ? c < 0 : n.op === "<=" ? c <= 0 : n.op === ">" ? c > 0 : c >= 0;
        }
        case "between": {
          const v = value(n.value);
          const type = typeOf(n.value, n.low, n.high);
          const inside = v !== undefined && compare(v, value(n.low)!, type) >= 0 && compare(v, value(n.high)!, type) <= 0;
          return inside !== n.not;
        }
        case "in": {
          const v = value(n.value);
          const type = typeOf(n.value, ...n.list);
          return (v !== undefined && n.list.some((o) => compare(v, value(o)!, type) === 0)) !== n.not;
        }
        case "like": {
          const v = value(n.value);
          const pattern = new RegExp(`^${value(n.pattern)!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replaceAll("%", ".*").replaceAll("_", ".")}$`, "s");
          return (v !== undefined && pattern.test(v)) !== n.not;
        }
      }
    };
    return test(node);
  };
}
