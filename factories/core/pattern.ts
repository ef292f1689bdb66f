/**
 * Strings that match a Smithy `@pattern`: the pattern is parsed into a small tree, compiled once into
 * closures, and sampled with seeded choices. Character classes are sampled from their printable ASCII
 * part (wire values stay readable and header-safe); lookarounds are not generated, so every sample is re-tested against
 * the pattern itself by the caller.
 */

type Node =
  | { readonly t: "seq"; readonly items: readonly Node[] }
  | { readonly t: "alt"; readonly options: readonly Node[] }
  | { readonly t: "set"; readonly chars: string }
  | { readonly t: "lit"; readonly text: string }
  | { readonly t: "rep"; readonly node: Node; readonly min: number; readonly max: number }
  | { readonly t: "none" };

/** Printable ASCII, the universe negated classes and `.` are drawn from. */
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");
const DIGITS = "0123456789";
const WORD = `abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ${DIGITS}_`;
const SPACE = " \t\r\n\f\v";
const PUNCT = "!\"#%&'()*,-./:;?@[\\]_{}";
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

const complement = (chars: string) => [...PRINTABLE].filter((c) => !chars.includes(c)).join("");

class Parser {
  i = 0;
  constructor(readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) throw new Error(`unexpected "${this.src[this.i]}" at ${this.i}`);
    return node;
  }

  alternation(): Node {
    const options = [this.sequence()];
    while (this.src[this.i] === "|") {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { t: "alt", options };
  }

  sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")") {
      let atom = this.atom();
      atom = this.quantified(atom);
      items.push(atom);
    }
    return { t: "seq", items };
  }

  quantified(atom: Node): Node {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return atom;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.src[this.i] === "?") this.i++; // lazy: same language
    return { t: "rep", node: atom, min, max };
  }

  atom(): Node {
    const c = this.src[this.i++]!;
    switch (c) {
      case "^":
      case "$":
        return { t: "none" };
      case ".":
        return { t: "set", chars: complement("\n\r") };
      case "[":
        return this.set();
      case "(": {
        if (this.src.startsWith("?:", this.i)) this.i += 2;
        else if (/^\?<?[=!]/.test(this.src.slice(this.i))) {
          // A lookaround asserts and consumes nothing: skip it; the caller tests the sample.
          this.i += this.src[this.i + 1] === "<" ? 3 : 2;
          this.alternation();
          this.i++;
          return { t: "none" };
        } else if (this.src.startsWith("?<", this.i)) this.i = this.src.indexOf(">", this.i) + 1;
        const inner = this.alternation();
        if (this.src[this.i] !== ")") throw new Error("unclosed group");
        this.i++;
        return inner;
      }
      case "\\":
        return this.escape(false);
      default:
        return { t: "lit", text: c };
    }
  }

  /** An escape after `\`: a class (`\d`) or one character. */
  escape(inSet: boolean): Node {
    const c = this.src[this.i++]!;
    switch (c) {
      case "d":
        return { t: "set", chars: DIGITS };
      case "D":
        return { t: "set", chars: complement(DIGITS) };
      case "w":
        return { t: "set", chars: WORD };
      case "W":
        return { t: "set", chars: complement(WORD) };
      case "s":
        return { t: "set", chars: SPACE };
      case "S":
        return { t: "set", chars: complement(SPACE) };
      case "p":
      case "P": {
        const end = this.src.indexOf("}", this.i);
        const name = this.src.slice(this.i + 1, end);
        this.i = end + 1;
        const chars = name.startsWith("L") ? LETTERS : name.startsWith("N") ? DIGITS : name.startsWith("P") ? PUNCT : "";
        return { t: "set", chars: c === "p" ? chars : complement(chars) };
      }
      case "b":
      case "B":
        return inSet ? { t: "lit", text: "\b" } : { t: "none" };
      case "t":
        return { t: "lit", text: "\t" };
      case "r":
        return { t: "lit", text: "\r" };
      case "n":
        return { t: "lit", text: "\n" };
      case "f":
        return { t: "lit", text: "\f" };
      case "v":
        return { t: "lit", text: "\v" };
      case "x": {
        const code = parseInt(this.src.slice(this.i, this.i + 2), 16);
        this.i += 2;
        return { t: "lit", text: String.fromCharCode(code) };
      }
      case "u": {
        if (this.src[this.i] === "{") {
          const end = this.src.indexOf("}", this.i);
          const code = parseInt(this.src.slice(this.i + 1, end), 16);
          this.i = end + 1;
          return { t: "lit", text: String.fromCodePoint(code) };
        }
        let code = parseInt(this.src.slice(this.i, this.i + 4), 16);
        this.i += 4;
        // A surrogate pair written as two escapes is one code point under the `u` flag.
        if (code >= 0xd800 && code <= 0xdbff && this.src.startsWith("\\u", this.i)) {
          const low = parseInt(this.src.slice(this.i + 2, this.i + 6), 16);
          if (low >= 0xdc00 && low <= 0xdfff) {
            this.i += 6;
            code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          }
        }
        return { t: "lit", text: String.fromCodePoint(code) };
      }
      default:
        return { t: "lit", text: c };
    }
  }

  /** A bracket class; only its printable ASCII members are kept. */
  set(): Node {
    const negate = this.src[this.i] === "^";
    if (negate) this.i++;
    let chars = "";
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== "]" || first)) {
      first = false;
      const from = this.member();
      if (typeof from === "string" && this.src[this.i] === "-" && this.src[this.i + 1] !== "]" && this.i + 1 < this.src.length) {
        this.i++;
        const to = this.member();
        if (typeof to !== "string") {
          chars += from + "-" + to.chars;
          continue;
        }
        const lo = from.codePointAt(0)!;
        const hi = to.codePointAt(0)!;
        for (let code = Math.max(lo, 32); code <= Math.min(hi, 126); code++) chars += String.fromCharCode(code);
      } else chars += typeof from === "string" ? from : from.chars;
    }
    this.i++;
    const ascii = [...new Set(chars)].filter((c) => c >= " " && c <= "~").join("");
    return { t: "set", chars: negate ? complement(chars) : ascii };
  }

  member(): string | { chars: string } {
    const c = this.src[this.i++]!;
    if (c !== "\\") return c;
    const node = this.escape(true);
    return node.t === "lit" ? node.text : node.t === "set" ? { chars: node.chars } : "";
  }
}

/** The pattern's tree, or null for syntax the sampler does not read. */
function tree(pattern: string): Node | null {
  try {
    return new Parser(pattern).parse();
  } catch {
    return null;
  }
}

/** Prefers letters and digits when a class has them, so samples read like identifiers, not line noise. */
function pleasant(chars: string): string {
  const alnum = [...chars].filter((c) => /[a-z0-9]/i.test(c)).join("");
  return alnum.length >= 2 ? alnum : chars;
}

/** What a compiled pattern draws with: the choices, and how far open repetitions may grow. */
interface Draw {
  readonly next: () => number;
  readonly spread: number;
}
/** A compiled node: its sample, drawn left to right (the same draws in the same order as the tree's walk). */
type Sampler = (d: Draw) => string;

const nothing: Sampler = () => "";

/** A node as a function, built once per pattern: sampling walks closures, not the tree, and builds local strings. */
function compile(node: Node): Sampler {
  switch (node.t) {
    case "seq": {
      // Adjacent literal characters are one piece of text, joined (not concatenated one by one: V8 would keep a
      // rope of single characters and walk it again in every sample that contains it).
      const merged: Node[] = [];
      let run: string[] = [];
      const flush = () => {
        if (run.length) merged.push({ t: "lit", text: run.join("") });
        run = [];
      };
      for (const item of node.items) {
        if (item.t === "lit") run.push(item.text);
        else {
          flush();
          merged.push(item);
        }
      }
      flush();
      const items = merged.map(compile);
      if (items.length === 1) return items[0]!;
      return (d) => {
        let out = "";
        for (let i = 0; i < items.length; i++) out += items[i]!(d);
        return out;
      };
    }
    case "alt": {
      const options = node.options.map(compile);
      return (d) => options[Math.floor(d.next() * options.length)]!(d);
    }
    case "lit": {
      const text = node.text;
      return () => text;
    }
    case "set": {
      const chars = pleasant(node.chars);
      if (!chars.length) return nothing;
      return (d) => chars[Math.floor(d.next() * chars.length)]!;
    }
    case "rep": {
      const { min, max: most } = node;
      const set = node.node.t === "set" ? pleasant(node.node.chars) : undefined;
      if (set) {
        // A repeated class (`[0-9a-f]{64}`): its characters drawn in one loop, the same draws as the closures'.
        // The characters' codes are gathered and made into one string (not a rope of single characters).
        const codes = Array.from(set, (c) => c.charCodeAt(0));
        const n = codes.length;
        // A class of 2, 4, 8, 16, 32 or 64 characters takes its characters from the bits of a draw, several a draw
        // (eight hex digits from one): ids of 64 hex digits are most of some answers.
        const bits = Math.log2(n);
        const perDraw = Number.isInteger(bits) && bits >= 1 && bits <= 6 ? Math.floor(32 / bits) : 1;
        const mask = n - 1;
        return (d) => {
          const next = d.next;
          const max = Math.min(most, min + d.spread);
          const count = min + Math.floor(next() * (max - min + 1));
          const drawn = new Array<number>(count);
          if (perDraw > 1) {
            for (let k = 0; k < count; k += perDraw) {
              let word = (next() * 4294967296) >>> 0;
              for (let j = k; j < k + perDraw && j < count; j++) {
                drawn[j] = codes[word & mask]!;
                word >>>= bits;
              }
            }
          } else for (let k = 0; k < count; k++) drawn[k] = codes[Math.floor(next() * n)]!;
          return String.fromCharCode.apply(null, drawn);
        };
      }
      const inner = compile(node.node);
      return (d) => {
        const max = Math.min(most, min + d.spread);
        const count = min + Math.floor(d.next() * (max - min + 1));
        let out = "";
        for (let k = 0; k < count; k++) out += inner(d);
        return out;
      };
    }
    case "none":
      return nothing;
  }
}

const compiled = new Map<string, Sampler | null>();

/**
 * One string the pattern's own syntax produces, drawn with `next` (uniform in [0, 1)). `spread`
 * widens open repetitions, so a caller that needs a longer sample can ask again with more.
 * Returns undefined for syntax this sampler does not read.
 */
export function samplePattern(pattern: string, next: () => number, spread = 3): string | undefined {
  let sampler = compiled.get(pattern);
  if (sampler === undefined) {
    const root = tree(pattern);
    compiled.set(pattern, (sampler = root ? compile(root) : null));
  }
  if (!sampler) return undefined;
  return sampler({ next, spread });
}
