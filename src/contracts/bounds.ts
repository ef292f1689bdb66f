import type { Bounds } from "../model/shapes.js";

/** A string's length as Smithy counts it: Unicode scalar values, not UTF-16 code units. */
export function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Whether a number lies outside inclusive bounds (no bounds: never). */
export const outside = (n: number, b: Bounds | undefined): boolean =>
  b !== undefined && ((b.min !== undefined && n < b.min) || (b.max !== undefined && n > b.max));
