/**
 * Sets an own, enumerable member, even one named `__proto__`: JSON.parse makes such members, and a plain
 * assignment would change the prototype instead and drop the member.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
