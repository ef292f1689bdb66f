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

/**
 * The range a Smithy number type holds whatever the model says: an `integer` is 32-bit (and so are
 * `short` and `byte` after codegen folds them into it, within wider bounds), a `long` is 64-bit but
 * the SDK reads it as a JavaScript number, exact only to 2^53 - 1.
 */
export const TYPE_RANGE: Readonly<Record<"integer" | "long", Required<Bounds>>> = {
  integer: { min: -2_147_483_648, max: 2_147_483_647 },
  long: { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
};
