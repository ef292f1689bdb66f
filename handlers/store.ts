import type { DeepPartial, StructureShape, SdkOf } from "../src/index.js";
import type { Factory } from "../factories/index.js";
import { checkSeed, hashSeed, hex32 } from "../factories/core/random.js";
import type { ResourceBinding } from "./resources.js";

/** Options when adding a session to a store. */
export interface AddOptions<State extends string> {
  /** States to go through, one per GET (the last one repeats): what a polling loop sees. */
  readonly lifecycle?: readonly State[];
  /** Seed of the generated fields; by default derived from the key, so the same key gives the same session. */
  readonly seed?: number;
  /** Deadline only: the farm, queue and job the session belongs to (generated when absent). */
  readonly farmId?: string;
  readonly queueId?: string;
  readonly jobId?: string;
}

interface Entry {
  readonly seed: number;
  readonly ids: Record<string, unknown>;
  overrides: Record<string, unknown>;
  value: Record<string, unknown>;
  readonly lifecycle?: readonly string[];
  step: number;
}

/** Stored sessions are snapshots: change them with `update()`, so what the mock sends stays what it stores. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const camel = (state: string): string => state.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The sessions a mock knows for one operation: add, get, update, remove, reset. Values are the
 * SDK-shaped entities (Dates); what goes on the wire is encoded from them by the contract.
 */
export class SessionStore<S extends StructureShape, State extends string = string, Input extends object = Record<string, string>> {
  readonly #entries = new Map<string, Entry>();
  /** How many sessions were ever added: seeds stay unique after a removal. */
  #added = 0;

  constructor(
    readonly name: string,
    readonly binding: ResourceBinding,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any factory of this entity
    readonly factory: Factory<S, any, any>,
  ) {}

  /** The trait for a lifecycle state (`UPDATE_IN_PROGRESS` → `updateInProgress`), checked against the factory. */
  #trait(state: unknown): string[] {
    if (state === undefined) return [];
    const trait = camel(String(state));
    if (!this.factory.traitNames.includes(trait)) {
      throw new Error(
        `[aws-sdk-contracts] Failed to add to ${this.name}: state ${JSON.stringify(state)} has no trait; known traits are ${this.factory.traitNames.join(" | ")}.`,
      );
    }
    return [trait];
  }

  #build(entry: Pick<Entry, "seed" | "ids" | "overrides">, state: unknown): Record<string, unknown> {
    return deepFreeze(this.factory.with(...this.#trait(state)).build(entry.overrides as DeepPartial<SdkOf<S>>, { seed: entry.seed, params: entry.ids }) as Record<string, unknown>);
  }

  /**
   * Adds a session: the fields you give, the rest built by the factory so they agree with its state.
   * @example mock.glue.sessions.add({ Id: "s-1", Status: "READY" })
   */
  add(partial: DeepPartial<SdkOf<S>> = {} as DeepPartial<SdkOf<S>>, options: AddOptions<State> = {}): SdkOf<S> {
    if (partial === null || typeof partial !== "object" || Array.isArray(partial)) throw new TypeError(`[aws-sdk-contracts] Failed to add to ${this.name}: the session must be an object of its members; got ${partial === null ? "null" : Array.isArray(partial) ? "an array" : typeof partial}.`);
    if (options === null || typeof options !== "object") throw new TypeError(`[aws-sdk-contracts] Failed to add to ${this.name}: options must be an object.`);
    const overrides = { ...(partial as Record<string, unknown>) };
    const given: Record<string, unknown> = {};
    for (const k of ["farmId", "queueId", "jobId"] as const) if (options[k] !== undefined) given[k] = options[k];
    const seed = options.seed !== undefined ? checkSeed(options.seed, `Failed to add to ${this.name}`) : hashSeed(this.#added++, JSON.stringify([overrides, given]));
    const random = (name: string) => hex32(seed, name);
    const ids: Record<string, unknown> = { ...this.binding.parentIds?.(random), ...given };
    const lifecycle = options.lifecycle;
    if (lifecycle !== undefined) {
      if (!Array.isArray(lifecycle) || lifecycle.length === 0) throw new TypeError(`[aws-sdk-contracts] Failed to add to ${this.name}: lifecycle must be a non-empty list of states.`);
      // Every state is checked now, not at the poll that reaches it.
      for (const state of lifecycle) this.#trait(state);
    }
    const firstState = lifecycle?.[0] ?? overrides[this.binding.stateMember];
    if (lifecycle) delete overrides[this.binding.stateMember];
    const entry: Entry = { seed, ids, overrides, value: {}, step: 0, ...(lifecycle ? { lifecycle } : {}) };
    entry.value = this.#build(entry, firstState);
    this.#entries.set(this.binding.entityKey(entry.value, ids), entry);
    return entry.value as SdkOf<S>;
  }

  /**
   * The operation input that names a stored session (for Deadline, with the farm, queue and job it was added under).
   * @example await deadline.send(new GetSessionCommand(mock.deadline.sessions.inputFor(session)))
   */
  inputFor(entity: SdkOf<S>): Input {
    // The very object the store handed out, else one whose identity member matches (a value from an earlier GET).
    for (const entry of this.#entries.values()) {
      if (entry.value === entity) return this.binding.inputOf(entry.value, entry.ids) as Input;
    }
    for (const [key, entry] of this.#entries) {
      if (this.binding.entityKey(entity as Record<string, unknown>, entry.ids) === key) return this.binding.inputOf(entry.value, entry.ids) as Input;
    }
    throw new Error(`[aws-sdk-contracts] ${this.name} holds no such session; add it first.`);
  }

  /** The stored session under a key, advancing its lifecycle when it has one (what a GET does). */
  next(key: string): SdkOf<S> | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.lifecycle) {
      const state = entry.lifecycle[Math.min(entry.step, entry.lifecycle.length - 1)];
      entry.step++;
      entry.value = this.#build(entry, state);
    }
    return entry.value as SdkOf<S>;
  }

  /** Adds a session generated for a key nobody added (`unknownIds: "generate"`): the same key, the same session. */
  generate(input: Record<string, unknown>, key: string): SdkOf<S> {
    const { overrides, params } = this.binding.generate(input, key);
    const entry: Entry = { seed: hashSeed(0, key), ids: params, overrides, value: {}, step: 0 };
    entry.value = this.#build(entry, undefined);
    this.#entries.set(key, entry);
    return entry.value as SdkOf<S>;
  }

  /** The stored session under a key, without advancing anything. */
  get(key: string): SdkOf<S> | undefined {
    return this.#entries.get(key)?.value as SdkOf<S> | undefined;
  }

  /** The keys of the stored sessions. */
  keys(): string[] {
    return [...this.#entries.keys()];
  }

  /** Merges fields into a stored session; the result must still pass the contract. */
  update(key: string, partial: DeepPartial<SdkOf<S>>): SdkOf<S> {
    const entry = this.#entries.get(key);
    if (!entry) throw new Error(`[aws-sdk-contracts] Failed to update ${this.name}: no session under ${JSON.stringify(key)}; stored keys are ${this.keys().join(", ") || "none"}.`);
    entry.overrides = { ...entry.overrides, ...(partial as Record<string, unknown>) };
    entry.value = this.#build(entry, (partial as Record<string, unknown>)[this.binding.stateMember] ?? entry.value[this.binding.stateMember]);
    return entry.value as SdkOf<S>;
  }

  remove(key: string): boolean {
    return this.#entries.delete(key);
  }

  list(): SdkOf<S>[] {
    return [...this.#entries.values()].map((e) => e.value as SdkOf<S>);
  }

  get size(): number {
    return this.#entries.size;
  }

  reset(): void {
    this.#entries.clear();
  }
}
