import { formatPath } from "../contracts/findings.js";

/** Members of every object in a parsed document (what JSON.parse kept). */
function keysIn(value: unknown, depth = 0): number {
  if (depth > 1024 || value === null || typeof value !== "object") return 0;
  if (Array.isArray(value)) {
    let n = 0;
    for (const v of value) n += keysIn(v, depth + 1);
    return n;
  }
  let n = 0;
  for (const k in value) n += 1 + keysIn((value as Record<string, unknown>)[k], depth + 1);
  return n;
}

/**
 * The members a JSON text names twice in one object (`{"log":{"entries":[…],"entries":[]}}`), as JSON paths:
 * `JSON.parse` keeps the last one only, so what the first held would never be checked. `document` is
 * what the text parsed to: the text is scanned only when it names more members (`"…":`) than the document
 * kept, which a text without duplicates never does (a `":` inside a string value only costs the scan).
 */
export function duplicateKeysOf(text: string, document: unknown, limit = 10): string[] {
  const named = text.match(/"\s*:/g)?.length ?? 0;
  return named > keysIn(document) ? scan(text, limit) : [];
}

/** One pass over the text; strings are skipped with `indexOf`. */
function scan(text: string, limit: number): string[] {
  const found: string[] = [];
  // One frame per open object or array: its keys so far (objects) or the index of the current item (arrays).
  const keys: (Set<string> | undefined)[] = [];
  const at: (string | number)[] = [];
  let expectKey = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = i + 1;
      for (;;) {
        end = text.indexOf('"', end);
        if (end === -1) return found;
        let slashes = 0;
        for (let k = end - 1; text.charCodeAt(k) === 0x5c; k--) slashes++;
        if (slashes % 2 === 0) break;
        end++;
      }
      if (expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
        const set = keys[keys.length - 1]!;
        if (set.has(key)) {
          found.push(formatPath([...at.slice(0, -1), key].map((p) => p)));
          if (found.length >= limit) return found;
        } else set.add(key);
        at[at.length - 1] = key;
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */) {
      keys.push(new Set());
      at.push("");
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      keys.push(undefined);
      at.push(0);
      expectKey = false;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      keys.pop();
      at.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      const top = keys.length - 1;
      if (top >= 0 && keys[top] !== undefined) expectKey = true;
      else if (top >= 0) at[top] = (at[top] as number) + 1;
    }
  }
  return found;
}
