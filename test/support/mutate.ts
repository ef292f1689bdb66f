/** A deep copy of `value` with the member at `path` set (or deleted when `replacement` is `DELETE`). */
export const DELETE = Symbol("delete");

export function mutate<T>(value: T, path: readonly (string | number)[], replacement: unknown): T {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === DELETE) delete target[last];
  else target[last] = replacement;
  return copy as T;
}
