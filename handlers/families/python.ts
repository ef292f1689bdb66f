/**
 * Just enough Python for a notebook's simple statements: literals (int, float, str, bool, None),
 * arithmetic (`+ - * / // % **`, parentheses, unary minus), comparisons, names bound by `x = …`, and
 * `print(…)`. What the REPL shows is what Glue's statement output shows: each `print`'s text, then the
 * `repr` of the last line when it is an expression. Anything else evaluates to nothing (no output).
 */

type Value = { readonly t: "int"; readonly v: bigint } | { readonly t: "float"; readonly v: number } | { readonly t: "str"; readonly v: string } | { readonly t: "bool"; readonly v: boolean } | { readonly t: "none" };

/** A Python exception: its class name and message, as the traceback's last line shows them. */
export class PythonError extends Error {
  constructor(
    readonly type: string,
    readonly value: string,
  ) {
    super(`${type}: ${value}`);
  }
}

class Unsupported extends Error {}

const TOKEN = /\s*(?:(\d+\.\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+)|(\d+)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(\*\*|\/\/|==|!=|<=|>=|[-+*/%()<>,=])|([A-Za-z_]\w*))/y;

function tokenize(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*(#.*)?$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw new Unsupported();
    out.push(m[0].trim());
    at = TOKEN.lastIndex;
  }
  return out;
}

function floatRepr(v: number): string {
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e16 || abs < 1e-4)) {
    const [m, e] = v.toExponential().split("e") as [string, string];
    const sign = e.startsWith("-") ? "-" : "+";
    return `${m}e${sign}${e.replace(/^[+-]/, "").padStart(2, "0")}`;
  }
  const text = String(v);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

export function repr(x: Value): string {
  switch (x.t) {
    case "int":
      return x.v.toString();
    case "float":
      return floatRepr(x.v);
    case "str":
      return x.v.includes("'") && !x.v.includes('"') ? `"${x.v}"` : `'${x.v.replaceAll("\\", "\\\\").replaceAll("'", "\\'").replaceAll("\n", "\\n")}'`;
    case "bool":
      return x.v ? "True" : "False";
    case "none":
      return "None";
  }
}

const str = (x: Value): string => (x.t === "str" ? x.v : repr(x));
const num = (x: Value): number | bigint => (x.t === "int" ? x.v : x.t === "float" ? x.v : x.t === "bool" ? BigInt(x.v ? 1 : 0) : unsupported(x));
const unsupported = (x: Value): never => {
  throw new PythonError("TypeError", `unsupported operand type(s): '${x.t === "none" ? "NoneType" : x.t}'`);
};

function arithmetic(op: string, a: Value, b: Value): Value {
  if (op === "+" && a.t === "str" && b.t === "str") return { t: "str", v: a.v + b.v };
  if (op === "*" && a.t === "str" && b.t === "int") return { t: "str", v: a.v.repeat(Math.max(0, Number(b.v))) };
  if (a.t === "str" || b.t === "str") throw new PythonError("TypeError", `unsupported operand type(s) for ${op}: '${a.t}' and '${b.t}'`);
  const x = num(a);
  const y = num(b);
  if (typeof x === "bigint" && typeof y === "bigint" && op !== "/") {
    if ((op === "//" || op === "%") && y === 0n) throw new PythonError("ZeroDivisionError", op === "%" ? "integer modulo by zero" : "integer division or modulo by zero");
    switch (op) {
      case "+":
        return { t: "int", v: x + y };
      case "-":
        return { t: "int", v: x - y };
      case "*":
        return { t: "int", v: x * y };
      case "//": {
        const q = x / y;
        return { t: "int", v: (x % y !== 0n && (x < 0n) !== (y < 0n)) ? q - 1n : q };
      }
      case "%": {
        const r = x % y;
        return { t: "int", v: r !== 0n && (r < 0n) !== (y < 0n) ? r + y : r };
      }
      case "**":
        if (y < 0n) return { t: "float", v: Number(x) ** Number(y) };
        if (y > 10_000n) throw new Unsupported();
        return { t: "int", v: x ** y };
    }
  }
  const f = Number(x);
  const g = Number(y);
  if ((op === "/" || op === "//" || op === "%") && g === 0) throw new PythonError("ZeroDivisionError", op === "/" ? "division by zero" : "float division by zero");
  switch (op) {
    case "+":
      return { t: "float", v: f + g };
    case "-":
      return { t: "float", v: f - g };
    case "*":
      return { t: "float", v: f * g };
    case "/":
      return { t: "float", v: f / g };
    case "//":
      return { t: "float", v: Math.floor(f / g) };
    case "%":
      return { t: "float", v: ((f % g) + g) % g };
    default:
      return { t: "float", v: f ** g };
  }
}

function compare(op: string, a: Value, b: Value): Value {
  const key = (x: Value) => (x.t === "str" ? x.v : x.t === "none" ? null : Number(num(x)));
  const x = key(a);
  const y = key(b);
  if (op === "==") return { t: "bool", v: x === y && (a.t === "str") === (b.t === "str") };
  if (op === "!=") return { t: "bool", v: !(x === y && (a.t === "str") === (b.t === "str")) };
  if (x === null || y === null || typeof x !== typeof y) throw new PythonError("TypeError", `'${op}' not supported between instances of '${a.t}' and '${b.t}'`);
  return { t: "bool", v: op === "<" ? x! < y! : op === ">" ? x! > y! : op === "<=" ? x! <= y! : x! >= y! };
}

/** A recursive-descent reader of one expression, with Python's precedence. */
function evaluate(tokens: readonly string[], names: ReadonlyMap<string, Value>): Value {
  let i = 0;
  const peek = () => tokens[i];
  const take = () => tokens[i++];
  const expect = (t: string) => {
    if (take() !== t) throw new Unsupported();
  };
  const comparison = (): Value => {
    let left = sum();
    while (["==", "!=", "<", ">", "<=", ">="].includes(peek() ?? "")) left = compare(take()!, left, sum());
    return left;
  };
  const sum = (): Value => {
    let left = product();
    while (peek() === "+" || peek() === "-") left = arithmetic(take()!, left, product());
    return left;
  };
  const product = (): Value => {
    let left = unary();
    while (["*", "/", "//", "%"].includes(peek() ?? "")) left = arithmetic(take()!, left, unary());
    return left;
  };
  const unary = (): Value => {
    if (peek() === "-") {
      take();
      const x = unary();
      return x.t === "int" ? { t: "int", v: -x.v } : x.t === "float" ? { t: "float", v: -x.v } : unsupported(x);
    }
    if (peek() === "+") {
      take();
      return unary();
    }
    return power();
  };
  const power = (): Value => {
    const base = atom();
    if (peek() === "**") {
      take();
      return arithmetic("**", base, unary());
    }
    return base;
  };
  const atom = (): Value => {
    const t = take();
    if (t === undefined) throw new Unsupported();
    if (t === "(") {
      const x = comparison();
      expect(")");
      return x;
    }
    if (/^\d+$/.test(t)) return { t: "int", v: BigInt(t) };
    if (/^[\d.]/.test(t)) return { t: "float", v: Number(t) };
    if (t.startsWith("'") || t.startsWith('"')) return { t: "str", v: t.slice(1, -1).replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c)) };
    if (t === "True" || t === "False") return { t: "bool", v: t === "True" };
    if (t === "None") return { t: "none" };
    if (/^[A-Za-z_]/.test(t)) {
      // A name from an earlier statement (a DataFrame, the Spark session) is beyond what this reads: no output, not an error.
      const bound = names.get(t);
      if (!bound) throw new Unsupported();
      return bound;
    }
    throw new Unsupported();
  };
  const value = comparison();
  if (i !== tokens.length) throw new Unsupported();
  return value;
}

/**
 * Runs a statement's code: the text it prints (each `print`, then the `repr` of a last-line expression),
 * or the Python error it raises. Returns undefined when the code is beyond this subset.
 */
export function runPython(code: string, names = new Map<string, Value>()): { output: string } | { error: PythonError } | undefined {
  const lines = code.split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("#"));
  let output = "";
  try {
    for (const [n, line] of lines.entries()) {
      if (/^\s/.test(line)) return undefined;
      const printed = /^print\((.*)\)\s*(#.*)?$/.exec(line);
      const assigned = /^([A-Za-z_]\w*)\s*=(?!=)(.*)$/.exec(line);
      if (printed) {
        const parts = printed[1]!.trim() === "" ? [] : splitArgs(tokenize(printed[1]!));
        output += `${parts.map((p) => str(evaluate(p, names))).join(" ")}\n`;
      } else if (assigned) names.set(assigned[1]!, evaluate(tokenize(assigned[2]!), names));
      else {
        const value = evaluate(tokenize(line), names);
        // The REPL shows the value of the last line, as Glue's statement output does; None shows nothing.
        if (n === lines.length - 1 && value.t !== "none") output += `${repr(value)}\n`;
      }
    }
    return { output };
  } catch (error) {
    if (error instanceof PythonError) return { error };
    return undefined;
  }
}

/** `print(a, b)`'s arguments, split at top-level commas. */
function splitArgs(tokens: readonly string[]): string[][] {
  const out: string[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t === "(") depth++;
    if (t === ")") depth--;
    if (t === "," && depth === 0) out.push([]);
    else out.at(-1)!.push(t);
  }
  return out;
}
