/**
 * The shape model: a small, Smithy-like description of what an operation sends and receives.
 * Every contract, factory, handler and check is derived from these shapes; the zod schemas are
 * built from them (see `src/contracts/build.ts`), so constraints live in exactly one place.
 */

/** Inclusive bounds; lengths count Unicode scalar values for strings, items for lists, entries for maps. */
export interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

/** Member traits that do not change the JSON type. */
export interface Traits {
  /** Smithy `@deprecated`, with the date AWS gives. */
  readonly deprecated?: string;
  /** Smithy `@sensitive`: redacted by SDK logging and by our recorder. */
  readonly sensitive?: boolean;
  /** Smithy `@httpHeader`: the member travels in this header, not in the body. */
  readonly httpHeader?: string;
  /** Smithy `@httpQuery`: the member travels in this query parameter, not in the body. */
  readonly httpQuery?: string;
  /** Smithy `@httpLabel`: the member is a label of the URI path. */
  readonly httpLabel?: boolean;
  /** Smithy `@idempotencyToken`: the SDK fills it in when absent. */
  readonly idempotencyToken?: boolean;
  /** Smithy `@default`: documented by the model, never filled in by the SDK. */
  readonly modelDefault?: unknown;
  /**
   * Ours, not the model's: how the recorder must hide a member the model leaves unmarked
   * (`secret`: like `@sensitive`; `host`: a host name).
   */
  readonly redact?: "secret" | "host";
}

export type TimestampFormat = "epoch-seconds" | "date-time";

export interface StringShape extends Traits {
  readonly kind: "string";
  readonly length?: Bounds;
  /** ECMAScript source, compiled with the `u` flag, search semantics (Smithy `@pattern`). */
  readonly pattern?: string;
}

export interface EnumShape<V extends string = string> extends Traits {
  readonly kind: "enum";
  readonly name: string;
  readonly values: readonly V[];
  readonly length?: Bounds;
}

export interface NumberShape extends Traits {
  readonly kind: "integer" | "long" | "double";
  readonly range?: Bounds;
}

export interface BooleanShape extends Traits {
  readonly kind: "boolean";
}

export interface TimestampShape<F extends TimestampFormat | undefined = TimestampFormat | undefined> extends Traits {
  readonly kind: "timestamp";
  /** An explicit `@timestampFormat`; without one the protocol's default applies. */
  readonly format: F;
}

export interface ListShape<M extends Shape = Shape> extends Traits {
  readonly kind: "list";
  readonly member: M;
  readonly length?: Bounds;
}

export interface MapShape<V extends Shape = Shape, K extends StringShape | EnumShape = StringShape> extends Traits {
  readonly kind: "map";
  /** The keys: any string within constraints, or the values of an enum (the SDK then types the map `Partial<Record<…>>`). */
  readonly key: K;
  readonly value: V;
  readonly length?: Bounds;
}

/** Smithy `blob`: base64 text on the JSON wire, bytes (`Uint8Array`) in the SDK. */
export interface BlobShape extends Traits {
  readonly kind: "blob";
}

/** Smithy `document`: any JSON value, the same on both sides. */
export interface DocumentShape extends Traits {
  readonly kind: "document";
}

export type Members = { readonly [name: string]: Shape };

export interface ErrorTraits {
  readonly fault: "client" | "server";
  /** Smithy `@httpError`; absent means the protocol default (400 client, 500 server). */
  readonly httpStatus?: number;
  /** Smithy `@retryable`. */
  readonly retryable?: { readonly throttling: boolean };
}

export interface StructureShape<M extends Members = Members, R extends keyof M & string = keyof M & string> extends Traits {
  readonly kind: "structure";
  /** Smithy shape name without namespace (`Session`, `GetSessionResponse`). */
  readonly name: string;
  readonly members: M;
  /** Members marked `@required`, in model order. */
  readonly required: readonly R[];
  /** Present on error shapes. */
  readonly error?: ErrorTraits;
  /** Smithy `union`: exactly one member is set. */
  readonly union?: boolean;
}

/** A Smithy union: a structure of which exactly one member is set. */
export interface UnionShape<M extends Members = Members> extends StructureShape<M, never> {
  readonly union: true;
}

export type Shape =
  | StringShape
  | EnumShape
  | NumberShape
  | BooleanShape
  | TimestampShape
  | ListShape<any>
  | MapShape<any, any>
  | BlobShape
  | DocumentShape
  | StructureShape<any, any>;

type Options<S> = Omit<S, "kind"> & Traits;

export const string = (options: Omit<StringShape, "kind"> = {}): StringShape => ({ kind: "string", ...options });

export const enumeration = <const V extends string>(
  name: string,
  values: readonly V[],
  options: Omit<EnumShape<V>, "kind" | "name" | "values"> = {},
): EnumShape<V> => ({ kind: "enum", name, values, ...options });

export const integer = (options: Omit<NumberShape, "kind"> = {}): NumberShape => ({ kind: "integer", ...options });
export const long = (options: Omit<NumberShape, "kind"> = {}): NumberShape => ({ kind: "long", ...options });
export const double = (options: Omit<NumberShape, "kind"> = {}): NumberShape => ({ kind: "double", ...options });
export const boolean = (options: Omit<BooleanShape, "kind"> = {}): BooleanShape => ({ kind: "boolean", ...options });

export function timestamp(): TimestampShape<undefined>;
export function timestamp<F extends TimestampFormat>(format: F, options?: Traits): TimestampShape<F>;
export function timestamp(format?: TimestampFormat, options: Traits = {}): TimestampShape {
  return { kind: "timestamp", format, ...options };
}

export const list = <M extends Shape>(member: M, options: Omit<Options<ListShape<M>>, "member"> = {}): ListShape<M> => ({
  kind: "list",
  member,
  ...options,
});

export const map = <V extends Shape>(
  key: StringShape,
  value: V,
  options: Omit<Options<MapShape<V>>, "key" | "value"> = {},
): MapShape<V> => ({ kind: "map", key, value, ...options });

export const structure = <const M extends Members, const R extends keyof M & string = never>(
  name: string,
  members: M,
  options: { readonly required?: readonly R[]; readonly error?: ErrorTraits } & Traits = {},
): StructureShape<M, R> => {
  const { required = [], ...rest } = options;
  for (const key of required) {
    if (!(key in members)) throw new Error(`[aws-sdk-contracts] Structure ${name} lists "${key}" as required, but has no such member.`);
  }
  return { kind: "structure", name, members, required, ...rest };
};

/** A copy of a shape with member traits added (a member's `@deprecated`, `@sensitive`, `@httpHeader`). */
export const withTraits = <S extends Shape>(shape: S, traits: Traits): S => ({ ...shape, ...traits });

/** A value computed the first time it is asked for, then kept. */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

/** Generated shapes are plain data typed by their interface: this names the type, at no cost at run time. */
export const shape = <T>(data: unknown): T => data as T;
