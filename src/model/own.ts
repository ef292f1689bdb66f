/**
 * Sets an own, enumerable member, even one named `__proto__`: JSON.parse makes such members, and a plain
 * assignment would change the prototype instead and drop the member.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // Only `__proto__` is an accessor on Object.prototype: any other name assigned makes the same own member.
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
