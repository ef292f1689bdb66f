/** One page of a family's items: `size` from the offset a token names; tokens are `T` and six digits (Device Farm's are 4 characters or more). */
export function pageOf<T>(items: readonly T[], size: number, token: unknown): { items: T[]; next?: string } | { invalid: true } {
  const start = token === undefined ? 0 : Number(/^T(\d+)$/.exec(String(token))?.[1] ?? NaN);
  if (!Number.isInteger(start) || start > items.length) return { invalid: true };
  return { items: items.slice(start, start + size), ...(start + size < items.length ? { next: `T${String(start + size).padStart(6, "0")}` } : {}) };
}
