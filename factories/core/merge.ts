/**
 * Merges a deep partial into a value: objects merge member by member, arrays and Dates replace,
 * and an explicit `undefined` removes the member. Neither input is changed.
 */
export function deepMerge<T>(base: T, override: unknown): T {
  if (override === undefined) return base;
  if (!isPlainObject(override) || !isPlainObject(base)) return clone(override) as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) delete out[key];
    else out[key] = key in out ? deepMerge(out[key], value) : clone(value);
  }
  return out as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function clone(value: unknown): unknown {
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map(clone);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)]));
  return value;
}

/** Every leaf path an override sets, for error messages (`Session.Status`). */
export function overridePaths(override: unknown, prefix = ""): string[] {
  if (!isPlainObject(override)) return prefix ? [prefix] : [];
  return Object.entries(override).flatMap(([k, v]) => overridePaths(v, prefix ? `${prefix}.${k}` : k));
}
