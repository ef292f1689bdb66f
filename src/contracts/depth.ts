/** Deeper than this, a JSON value is not an AWS response: it is refused before any recursive walk. */
export const MAX_DEPTH = 512;

/** Whether a value nests deeper than `limit` (iterative, so any depth is safe to ask about). */
export function nestsDeeper(value: unknown, limit = MAX_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (d >= limit) return true;
    for (const x of Array.isArray(v) ? v : Object.values(v)) if (x !== null && typeof x === "object") stack.push([x, d + 1]);
  }
  return false;
}
