import { Contract, type Finding } from "../../src/index.js";
import type { DeepPartial, SdkOf, StructureShape, TimestampFormat, WireOf } from "../../src/index.js";
import { withKnownDrift } from "../../src/contracts/known-drift.js";
import { deepMerge, overridePaths } from "./merge.js";
import { Gen, checkSeed, hashSeed, type RandomSource, type Where } from "./random.js";

/** A rule that every build of an entity satisfies; returns a sentence for each way a value breaks it. */
export interface Invariant<T> {
  readonly name: string;
  readonly check: (value: T) => string | undefined;
}

/** What a factory is made of: the shape it builds, how, its traits and the invariants that hold. */
export interface FactoryDefinition<S extends StructureShape, P extends object, Trait extends string> {
  /** Names the entity in messages, e.g. `glue Session`. */
  readonly name: string;
  readonly shape: S;
  readonly timestampFormat: TimestampFormat;
  /** Parameters before any trait: the default lifecycle state and options. */
  readonly defaults: P;
  /** Each trait is a preset of parameters; traits apply in the order given. */
  readonly traits: { readonly [K in Trait]: Partial<P> };
  readonly generate: (gen: Gen, params: P) => SdkOf<S>;
  /** Parameters implied by overrides (an overridden status picks that state), so the other fields agree with them. */
  readonly fromOverrides?: (overrides: DeepPartial<SdkOf<S>>) => Partial<P>;
  /** Overrides made whole before they are merged (a partial list item built by its own generator). */
  readonly complete?: (gen: Gen, overrides: DeepPartial<SdkOf<S>>, params: P) => DeepPartial<SdkOf<S>>;
  readonly invariants?: readonly Invariant<SdkOf<S>>[];
}

/** A hand-tuned entity the generic factory refines wherever its shape appears in its service's outputs. */
export interface EntityDefinition<S extends StructureShape, P extends object, Trait extends string> extends FactoryDefinition<S, P, Trait> {
  /** The registry's id of its service: a build of one service reads only that service's entities (and shapes). */
  readonly service: string;
}

export interface BuildOptions<P> {
  /** Seed for this build: the same seed gives the same object on every machine. */
  readonly seed?: number;
  /** Parameters beyond the traits (e.g. the ids a mock answers for). */
  readonly params?: Partial<P>;
  /** The AWS account the build's ARNs and buckets name (twelve digits); the factory set's by default. */
  readonly account?: string;
  /** The region the build's ARNs and endpoints name; the factory set's by default. */
  readonly region?: string;
}

/** A source of sequence numbers, owned by a factory set. */
export interface Sequence {
  next(): number;
  readonly seed: number;
  /** The set's random machinery, shared by its builds (never across sets). */
  readonly source: RandomSource;
  /** The account and region of the set's builds. */
  readonly where: Where;
}

/** What a factory shares with those derived from it: its contract, and the last place a build was asked for. */
interface Shared<S extends StructureShape> {
  contract?: Contract<S>;
  where?: { readonly account: string | undefined; readonly region: string | undefined; readonly where: Where };
}

/**
 * An immutable, chainable factory: `build`, `buildList`, `with(...traits)`, `wire`.
 * Traits and seeds return new factories; nothing about one build leaks into another.
 */
export class Factory<S extends StructureShape, P extends object, Trait extends string> {
  /** The contract, made on first use and shared with the factories derived from this one (`with`, `seeded`). */
  readonly #shared: Shared<S>;

  constructor(
    readonly definition: FactoryDefinition<S, P, Trait>,
    readonly sequence: Sequence,
    readonly traitsApplied: readonly Trait[] = [],
    readonly fixedSeed?: number,
    shared: Shared<S> = {},
  ) {
    this.#shared = shared;
  }

  /** The contract builds are held to, made on first use: a factory made before its service's shapes are loaded (a browser) waits for them. */
  get contract(): Contract<S> {
    return (this.#shared.contract ??= new Contract(this.definition.name, this.definition.shape, this.definition.timestampFormat));
  }

  get name(): string {
    return this.definition.name;
  }

  /** The trait names this factory knows. */
  get traitNames(): Trait[] {
    return Object.keys(this.definition.traits) as Trait[];
  }

  /** A new factory with these traits applied after the ones already chosen. */
  with(...traits: Trait[]): Factory<S, P, Trait> {
    for (const t of traits) {
      if (!(t in this.definition.traits)) {
        throw new Error(`[aws-sdk-contracts] Failed to apply trait "${String(t)}" to ${this.name}: known traits are ${this.traitNames.join(" | ")}.`);
      }
    }
    return new Factory(this.definition, this.sequence, [...this.traitsApplied, ...traits], this.fixedSeed, this.#shared);
  }

  /** A new factory whose builds all use this seed (list items derive their own from it). */
  seeded(seed: number): Factory<S, P, Trait> {
    return new Factory(this.definition, this.sequence, this.traitsApplied, checkSeed(seed, `${this.name}.seeded()`), this.#shared);
  }

  /** The parameters a build uses: defaults, then traits in order, then explicit params. */
  params(extra?: Partial<P>): P {
    let params = { ...this.definition.defaults };
    for (const t of this.traitsApplied) params = { ...params, ...this.definition.traits[t] };
    return extra ? { ...params, ...extra } : params;
  }

  #seed(options?: BuildOptions<P>): number {
    if (options !== undefined && (options === null || typeof options !== "object")) throw new TypeError(`[aws-sdk-contracts] Failed to build ${this.name}: build options must be an object.`);
    if (options?.seed !== undefined) return checkSeed(options.seed, `Failed to build ${this.name}`);
    return this.fixedSeed ?? hashSeed(this.sequence.seed, `#${this.sequence.next()}`);
  }

  #where(options?: BuildOptions<P>): Where {
    if (options?.account === undefined && options?.region === undefined) return this.sequence.where;
    // The last account and region asked for, checked once: a mock asks for the client's region build after build.
    // (The factories that share it share the sequence too.)
    const last = this.#shared.where;
    if (last && last.account === options.account && last.region === options.region) return last.where;
    const where = { account: checkAccount(options.account, this.name) ?? this.sequence.where.account, region: checkRegion(options.region, this.name) ?? this.sequence.where.region };
    this.#shared.where = { account: options.account, region: options.region, where };
    return where;
  }

  /**
   * Builds one SDK-shaped object; overrides are merged deeply and validated against the contract.
   * @example factories.glue.session.with("ready").build({ Id: "s-1" }, { seed: 7 })
   */
  build(overrides?: DeepPartial<SdkOf<S>>, options?: BuildOptions<P>): SdkOf<S> {
    const seed = this.#seed(options);
    const implied = overrides && this.definition.fromOverrides ? this.definition.fromOverrides(overrides) : undefined;
    const params = this.params(implied || options?.params ? { ...implied, ...options?.params } : undefined);
    const where = this.#where(options);
    this.sequence.source.begin();
    const value = this.definition.generate(new Gen(seed, this.sequence.source, undefined, where), params);
    if (overrides === undefined) return value;
    const whole = this.definition.complete ? this.definition.complete(new Gen(seed, this.sequence.source, undefined, where).at("$complete"), overrides, params) : overrides;
    const merged = deepMerge(value, whole);
    // The common case, overrides the contract takes: the fast gate says so; zod only for what it must explain.
    if (this.contract.accepts(merged)) return merged;
    const result = this.contract.validate(merged, { level: "sdk", strict: true });
    if (!result.ok) throw new Error(this.#overrideMessage(overrides, result.findings));
    return merged;
  }

  /** Builds `count` objects; item `i` has its own seed, so the list is reproducible. */
  buildList(count: number, overrides?: DeepPartial<SdkOf<S>>, options?: BuildOptions<P>): SdkOf<S>[] {
    if (!Number.isSafeInteger(count) || count < 0 || count > 100_000) {
      throw new RangeError(`[aws-sdk-contracts] Failed to build a list of ${this.name}: the count must be a whole number from 0 to 100000; got ${String(count)}.`);
    }
    const seed = this.#seed(options);
    return Array.from({ length: count }, (_, i) => this.build(overrides, { ...options, seed: hashSeed(seed, `[${i}]`) }));
  }

  /**
   * Builds one object and returns the exact wire JSON AWS would send for it.
   * @example factories.glue.session.wire({ Id: "s-1" }) // { Id: "s-1", CreatedOn: 1768478400.123, … }
   */
  wire(overrides?: DeepPartial<SdkOf<S>>, options?: BuildOptions<P> & { readonly knownDrift?: boolean }): WireOf<S, TimestampFormat> {
    const { knownDrift, ...build } = options ?? {};
    const wire = this.contract.encode(this.build(overrides, build)) as WireOf<S, TimestampFormat>;
    // What AWS is known to send beyond the model, on request: it lives only on the wire (the SDK drops unknown members).
    return (knownDrift ? withKnownDrift(this.definition.shape, wire) : wire) as WireOf<S, TimestampFormat>;
  }

  /** The invariants this entity keeps; an empty list means the value keeps them all. */
  violations(value: SdkOf<S>): string[] {
    return (this.definition.invariants ?? []).flatMap((inv) => {
      const problem = inv.check(value);
      return problem ? [`${inv.name}: ${problem}`] : [];
    });
  }

  #overrideMessage(overrides: unknown, findings: readonly Finding[]): string {
    const set = new Set(overridePaths(overrides));
    const lines = findings.map((f) => {
      const path = f.path.replace(/^\$\.?/, "").replace(/\[(\d+)\]/g, ".$1");
      const from = set.has(path) ? "override" : "value";
      return `${from} "${path}" = ${f.received.replace(/^\w+ /, "")} ${describe(f)}`;
    });
    return `[aws-sdk-contracts] Failed to build ${this.name}: ${lines.join("; ")}.`;
  }
}

function describe(f: Finding): string {
  switch (f.code) {
    case "unknown_enum_value":
      return `is not one of ${f.expected}`;
    case "unknown_member":
      return `is not a member (expected ${f.expected})`;
    default:
      return `is not valid: ${f.message.replace(/\.$/, "")} (expected ${f.expected})`;
  }
}

/** An account id as given by a user, checked: twelve digits. */
export function checkAccount(account: unknown, where: string): string | undefined {
  if (account === undefined) return undefined;
  if (typeof account !== "string" || !/^\d{12}$/.test(account)) throw new TypeError(`[aws-sdk-contracts] ${where}: the account must be twelve digits, as a string; got ${JSON.stringify(account) ?? typeof account}.`);
  return account;
}

/** A region as given by a user, checked: an AWS region code such as us-west-2. */
export function checkRegion(region: unknown, where: string): string | undefined {
  if (region === undefined) return undefined;
  if (typeof region !== "string" || !/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region)) throw new TypeError(`[aws-sdk-contracts] ${where}: the region must be a region code such as "us-west-2"; got ${JSON.stringify(region) ?? typeof region}.`);
  return region;
}
