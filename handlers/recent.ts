/**
 * The latest entries of a cache, from half the limit to the limit: two generations, the older dropped whole when
 * the newer is full (no entry evicted one by one), and an entry read from the older carried into the newer.
 */
export class Recent<K, V> {
  #current = new Map<K, V>();
  #previous = new Map<K, V>();

  constructor(readonly limit: number) {}

  get(key: K): V | undefined {
    const value = this.#current.get(key);
    if (value !== undefined) return value;
    const old = this.#previous.size ? this.#previous.get(key) : undefined;
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: K, value: V): void {
    if (this.#current.size >= this.limit / 2) {
      this.#previous = this.#current;
      this.#current = new Map();
    }
    this.#current.set(key, value);
  }

  clear(): void {
    this.#current = new Map();
    this.#previous = new Map();
  }

  get size(): number {
    return this.#current.size + this.#previous.size;
  }
}
