import type { Faker, Randomizer } from "@faker-js/faker";
// The English locale's own entry: the package's main entry loads every locale (most of its import cost).
import { faker as english } from "@faker-js/faker/locale/en";

/** Faker's class, taken from the English instance so that nothing else of the package is loaded. */
const FakerClass = english.constructor as new (options: { locale: Faker["rawDefinitions"]; randomizer: Randomizer }) => Faker;

/**
 * A seed as given by a user, checked: any safe integer. Seeds 0..2^32-1 are used as they are; others
 * are folded into that range by a hash, so no two whole numbers silently become the same seed 0.
 */
export function checkSeed(seed: unknown, where: string): number {
  if (typeof seed !== "number" || !Number.isSafeInteger(seed)) {
    throw new TypeError(`[aws-sdk-contracts] ${where}: the seed must be a whole number (a safe integer); got ${typeof seed === "number" ? String(seed) : JSON.stringify(seed) ?? typeof seed}.`);
  }
  return seed >= 0 && seed <= 0xffffffff ? seed : hashSeed(Number(BigInt.asUintN(32, BigInt(seed))), `fold:${seed}`);
}

/** FNV-1a over a string, mixed with a seed: the sub-seed of one field path. */
export function hashSeed(seed: number, text: string): number {
  return avalanche(fnv((0x811c9dc5 ^ seed) >>> 0, text));
}

/** 32 hexadecimal digits from a seed and a label (four hashes of `label0` … `label3`): an id's random part. */
export function hex32(seed: number, label: string): string {
  return [0, 1, 2, 3].map((i) => hashSeed(seed, `${label}${i}`).toString(16).padStart(8, "0")).join("");
}

/** 32 hexadecimal digits written as an RFC 4122 version 4 UUID. */
export function uuidOf(h: string): string {
  const variant = "89ab"[parseInt(h[16]!, 16) % 4];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** FNV-1a, continued from a state: hashing a path's prefix once serves every field below it. */
function fnv(state: number, text: string): number {
  let h = state;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** FNV-1a of field names and path steps, kept: a build hashes the same few hundred names over and over. */
const nameHashes = new Map<string, number>();
export function nameHash(text: string): number {
  // A short name costs less to hash than to look up.
  if (text.length <= 4) return fnv(0x811c9dc5, text);
  let h = nameHashes.get(text);
  if (h === undefined) {
    h = fnv(0x811c9dc5, text);
    if (nameHashes.size < 65_536) nameHashes.set(text, h);
  }
  return h;
}

/** The state of a field or a path step below `base`: the base and the name's hash, mixed. */
function child(base: number, text: string, salt: number, hash = nameHash(text)): number {
  return avalanche(((base ^ hash) + salt) >>> 0);
}
const FIELD = 0;
const STEP = 0x632be5ab;

/** The final mix, so that neighbouring paths give unrelated streams. */
function avalanche(state: number): number {
  let h = state;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * sfc32: small, fast, and the same on every platform (32-bit integer arithmetic only). Its state is kept in
 * int32 (a seed's bits as such) so that it stays in small integers; the sequence is the same as from the
 * unsigned seed. Methods, not arrow functions (calls through a class's method are the cheaper): faker gets them wrapped.
 */
class Sfc32 {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 1;

  seed(seed: number | number[]): void {
    const s = Array.isArray(seed) ? seed.reduce((acc, n) => hashSeed(acc, String(n)), 0) : seed;
    this.a = 0x9e3779b9 | 0;
    this.b = 0x243f6a88 | 0;
    this.c = 0xb7e15162 | 0;
    this.d = s | 0;
    for (let i = 0; i < 4; i++) this.next();
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
}

const HEX_LOWER = "0123456789abcdef";
const HEX_UPPER = "0123456789ABCDEF";
/** The character codes of the lower-case hex digits, by value. */
const HEX_CODES = Array.from(HEX_LOWER, (c) => c.charCodeAt(0));
/** A 32-bit draw's eight lower-case hex digits, low nibble first (what eight steps of `hex` write), made in one allocation. */
function wordHex(bits: number): string {
  const h = HEX_CODES;
  return String.fromCharCode(h[bits & 15]!, h[(bits >>> 4) & 15]!, h[(bits >>> 8) & 15]!, h[(bits >>> 12) & 15]!, h[(bits >>> 16) & 15]!, h[(bits >>> 20) & 15]!, h[(bits >>> 24) & 15]!, h[bits >>> 28]!);
}
/** The codes of a version 4 UUID's variant digit (`8`, `9`, `a`, `b`), by the two low bits of the digit it replaces. */
const VARIANT_CODES = Array.from("89ab", (c) => c.charCodeAt(0));

/** The fixed reference date every factory works back from: never `Date.now()`. */
export const REFERENCE_DATE = new Date("2026-01-15T12:00:00.000Z");

/** What each of a build's 32 variants mixes into a member's presence. */
const VARIANT_SALTS = Array.from({ length: 32 }, (_, k) => avalanche((0x9e3779b9 * (k + 1)) >>> 0));

/** The random machinery of a factory set: one generator and one Faker, reseeded per field. */
export class RandomSource {
  readonly random = new Sfc32();
  /** The seed, and the account and region, the memo's values were made for. */
  memoSeed = -1;
  memoWhere: Where | undefined;
  /**
   * Values shared by every field of the build in progress (the account id), by key: an entry holds only for the
   * build it was made in. Builds are counted, not cleared (a cleared map allocates a new table every build).
   */
  readonly memo = new Map<string, { build: number; value: unknown }>();
  memoBuild = 0;
  #faker: Faker | undefined;

  /** Starts a build: values shared by its fields are made anew (never carried over from another build). */
  begin(): void {
    this.memoSeed = -1;
    this.memoBuild++;
  }

  get faker(): Faker {
    if (!this.#faker) {
      // Faker calls its randomizer's functions detached from it.
      const random = this.random;
      this.#faker = new FakerClass({ locale: english.rawDefinitions, randomizer: { next: () => random.next(), seed: (seed) => random.seed(seed) } });
      this.#faker.setDefaultRefDate(REFERENCE_DATE);
    }
    return this.#faker;
  }
}

/** Where a build's resources live: the account and region its ARNs, buckets and keys name. */
export interface Where {
  readonly account?: string;
  readonly region?: string;
}

/**
 * Random values for one build, addressed by field path: each path gets its own stream derived from
 * the build seed, so adding a field never changes the values of the others.
 */
export class Gen {
  /** The state of this generator's path: the seed and each step of the path, mixed. */
  readonly #base: number;

  /** A generator at the root of a build; `at(path)` gives those below it. */
  constructor(
    readonly seed: number,
    readonly source: RandomSource = new RandomSource(),
    base?: number,
    /** The account and region of the build, when the caller decides them (a mock answers in the client's region). */
    readonly where?: Where,
  ) {
    this.#base = base ?? avalanche((0x811c9dc5 ^ seed) >>> 0);
  }

  /** A generator for the fields below `path` (the same values a standalone build at that path gives). */
  at(path: string, hash?: number): Gen {
    return new Gen(this.seed, this.source, child(this.#base, path, STEP, hash), this.where);
  }

  /** A value computed once per build and shared by all its fields (an account id, a region). */
  memo<T>(key: string, compute: () => T): T {
    const source = this.source;
    // A factory's build begins with an empty memo; a generator used on its own keeps one per seed and place.
    if (source.memoSeed !== this.seed || source.memoWhere !== this.where) {
      source.memoSeed = this.seed;
      source.memoWhere = this.where;
      source.memoBuild++;
    }
    const build = source.memoBuild;
    const entry = source.memo.get(key);
    if (entry === undefined) {
      const value = compute();
      source.memo.set(key, { build, value });
      return value;
    }
    if (entry.build !== build) {
      // `compute` may itself memo other keys: the entry is written after it.
      const value = compute();
      entry.build = build;
      entry.value = value;
    }
    return entry.value as T;
  }

  /** A generator for fields at the root of the build, whatever this one's path. */
  root(): Gen {
    return new Gen(this.seed, this.source, undefined, this.where);
  }

  #stream(field: string, hash?: number): Sfc32 {
    const random = this.source.random;
    random.seed(child(this.#base, field, FIELD, hash));
    return random;
  }

  /** Faker, seeded for this field; use it for one value and do not keep it. */
  faker(field: string): Faker {
    const faker = this.source.faker;
    this.#stream(field);
    return faker;
  }

  /**
   * A stream of floats in [0, 1) for this field; draw from it before any other call to this generator's set.
   * `hash`: the field's `nameHash`, when the caller keeps it.
   */
  stream(field: string, hash?: number): () => number {
    const r = this.#stream(field, hash);
    return () => r.next();
  }

  /** A float in [0, 1) for this field: one hash, no stream. */
  unit(field: string): number {
    return avalanche((child(this.#base, field, FIELD) ^ 0x85ebca6b) >>> 0) / 4294967296;
  }

  int(field: string, min: number, max: number): number {
    return min + Math.floor(this.unit(field) * (max - min + 1));
  }

  /**
   * Whether an optional member (`hash`: the hash of its structure and name) is there. Drawn per variant of the
   * build (one of 32, by seed), not per path: the structures of one answer have the same members, as a
   * service's answers for one resource type do, and builds of one variant share them (so the engine reuses the
   * objects' hidden classes instead of making one per subset of members).
   */
  present(hash: number, probability: number, variant = this.variant()): boolean {
    return avalanche((hash ^ VARIANT_SALTS[variant]!) >>> 0) / 4294967296 < probability;
  }

  /** Which of the 32 variants this build is (by seed): what decides its structures' optional members. */
  variant(): number {
    return avalanche((this.seed ^ 0x27d4eb2f) >>> 0) & 31;
  }

  bool(field: string, probability = 0.5): boolean {
    return this.unit(field) < probability;
  }

  pick<T>(field: string, items: readonly T[]): T {
    return items[Math.floor(this.unit(field) * items.length)]!;
  }

  /** Lower-case (or upper-case) hexadecimal digits. */
  hex(field: string, length: number, upper = false): string {
    const r = this.#stream(field);
    let out = "";
    if (!upper) {
      // Whole draws a byte at a time, then the digits of a last partial draw: the same digits as one at a time.
      let i = 0;
      for (; i + 8 <= length; i += 8) out += wordHex((r.next() * 4294967296) >>> 0);
      if (i < length) out += wordHex((r.next() * 4294967296) >>> 0).slice(0, length - i);
      return out;
    }
    const digits = HEX_UPPER;
    let bits = 0;
    // eight hex digits per 32-bit draw
    for (let i = 0; i < length; i++) {
      if (i % 8 === 0) bits = (r.next() * 4294967296) >>> 0;
      out += digits[bits & 15];
      bits >>>= 4;
    }
    return out;
  }

  digits(field: string, length: number): string {
    const r = this.#stream(field);
    let out = String(1 + Math.floor(r.next() * 9));
    for (let i = 1; i < length; i++) out += Math.floor(r.next() * 10);
    return out;
  }

  /** An RFC 4122 version 4 UUID. */
  uuid(field: string, hash?: number): string {
    // uuidOf(this.hex(field, 32)), written from the four draws directly in one allocation: the digits of draws
    // a, b, c, d (low nibble first), with the version `4` in place of b's fifth digit and the variant in place of c's first.
    const r = this.#stream(field, hash);
    const a = (r.next() * 4294967296) >>> 0;
    const b = (r.next() * 4294967296) >>> 0;
    const c = (r.next() * 4294967296) >>> 0;
    const d = (r.next() * 4294967296) >>> 0;
    const h = HEX_CODES;
    return String.fromCharCode(
      h[a & 15]!, h[(a >>> 4) & 15]!, h[(a >>> 8) & 15]!, h[(a >>> 12) & 15]!, h[(a >>> 16) & 15]!, h[(a >>> 20) & 15]!, h[(a >>> 24) & 15]!, h[a >>> 28]!,
      45, h[b & 15]!, h[(b >>> 4) & 15]!, h[(b >>> 8) & 15]!, h[(b >>> 12) & 15]!,
      45, 52, h[(b >>> 20) & 15]!, h[(b >>> 24) & 15]!, h[b >>> 28]!,
      45, VARIANT_CODES[c & 3]!, h[(c >>> 4) & 15]!, h[(c >>> 8) & 15]!, h[(c >>> 12) & 15]!,
      45, h[(c >>> 16) & 15]!, h[(c >>> 20) & 15]!, h[(c >>> 24) & 15]!, h[c >>> 28]!,
      h[d & 15]!, h[(d >>> 4) & 15]!, h[(d >>> 8) & 15]!, h[(d >>> 12) & 15]!, h[(d >>> 16) & 15]!, h[(d >>> 20) & 15]!, h[(d >>> 24) & 15]!, h[d >>> 28]!,
    );
  }

  /** A date between `from` and `to` (inclusive), to the millisecond. */
  between(field: string, from: Date, to: Date): Date {
    const span = Math.max(0, to.getTime() - from.getTime());
    return new Date(from.getTime() + Math.floor(this.unit(field) * (span + 1)));
  }

  /** A date up to `maxDays` before the reference date, at least `minMinutes` before it. */
  past(field: string, maxDays = 30, minMinutes = 60): Date {
    return this.between(field, new Date(REFERENCE_DATE.getTime() - maxDays * 86_400_000), new Date(REFERENCE_DATE.getTime() - minMinutes * 60_000));
  }
}
