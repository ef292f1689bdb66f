import type { Shape } from "../src/index.js";
import { setOwn } from "../src/model/own.js";

/**
 * JSON has no dates: a value given as JSON (a state file, a control request) with each of its shape's timestamp
 * members made what `timestamp` returns for it (`at`: its JSON path, for messages), the rest as it was.
 */
export function reviveTimestamps(shape: Shape | undefined, value: unknown, at: string, timestamp: (value: unknown, at: string) => unknown): unknown {
  if (shape?.kind === "timestamp") return timestamp(value, at);
  if (shape?.kind === "list" && Array.isArray(value)) return value.map((v, i) => reviveTimestamps(shape.member, v, `${at}[${i}]`, timestamp));
  if ((shape?.kind === "structure" || shape?.kind === "map") && value && typeof value === "object" && !Array.isArray(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const member = shape.kind === "map" ? shape.value : Object.hasOwn(shape.members, k) ? (shape.members as Record<string, Shape>)[k] : undefined;
      setOwn(out, k, reviveTimestamps(member, v, `${at}.${k}`, timestamp));
    }
    return out;
  }
  return value;
}
