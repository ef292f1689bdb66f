import type {
  BlobShape,
  BooleanShape,
  DocumentShape,
  EnumShape,
  ListShape,
  MapShape,
  NumberShape,
  StringShape,
  StructureShape,
  TimestampFormat,
  TimestampShape,
  UnionShape,
} from "./shapes.js";

/** JSON as a document member holds it (the SDK's `__DocumentType`). */
export type DocumentValue = null | boolean | number | string | DocumentValue[] | { [prop: string]: DocumentValue };

/** A union as the SDK types it: one member set and the others `never`, or an unknown member. */
type UnionOf<M, F> = {
  [K in keyof M]: Simplify<{ -readonly [P in K]: F extends "wire" ? WireOf<M[P]> : SdkOf<M[P]> } & { -readonly [P in Exclude<keyof M, K>]?: never } & { $unknown?: never }>;
}[keyof M] | Simplify<{ -readonly [P in keyof M]?: never } & { $unknown: [string, any] }>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type StructOf<M, R extends keyof M> = Simplify<
  { -readonly [K in R]: SdkOf<M[K]> } & { -readonly [K in Exclude<keyof M, R>]?: SdkOf<M[K]> }
>;

/** The TypeScript type of a shape as the SDK returns it: `Date` for timestamps, literal unions for enums. */
export type SdkOf<S> = 0 extends 1 & S
  ? unknown
  : StructureShape extends S
    ? Record<string, unknown>
    : SdkOfShape<S>;

type SdkOfShape<S> = S extends StringShape
  ? string
  : S extends BlobShape
    ? Uint8Array
  : S extends DocumentShape
    ? DocumentValue
  : S extends UnionShape<infer M>
    ? UnionOf<M, "sdk">
  : S extends EnumShape<infer V>
    ? V
    : S extends NumberShape
      ? number
      : S extends BooleanShape
        ? boolean
        : S extends TimestampShape
          ? Date
          : S extends ListShape<infer M>
            ? SdkOf<M>[]
            : S extends MapShape<infer V, infer K>
              ? [K] extends [EnumShape<infer E>]
                ? Partial<Record<E, SdkOf<V>>>
                : Record<string, SdkOf<V>>
              : S extends StructureShape<infer M, infer R>
                ? StructOf<M, R & keyof M>
                : never;

/** The JSON type of a timestamp on the wire, given the protocol's default format. */
type WireTimestamp<F, D extends TimestampFormat> = (F extends TimestampFormat ? F : D) extends "date-time" ? string : number;

/** The TypeScript type of a shape as JSON on the wire, for a protocol whose default timestamp format is `D`. */
export type WireOf<S, D extends TimestampFormat = "epoch-seconds"> = 0 extends 1 & S
  ? unknown
  : StructureShape extends S
    ? Record<string, unknown>
    : WireOfShape<S, D>;

type WireOfShape<S, D extends TimestampFormat> = S extends StringShape
  ? string
  : S extends BlobShape
    ? string
  : S extends DocumentShape
    ? DocumentValue
  : S extends UnionShape<infer M>
    ? { [K in keyof M]: { -readonly [P in K]: WireOf<M[P], D> } }[keyof M]
  : S extends EnumShape<infer V>
    ? V
    : S extends NumberShape
      ? number
      : S extends BooleanShape
        ? boolean
        : S extends TimestampShape<infer F>
          ? WireTimestamp<F, D>
          : S extends ListShape<infer M>
            ? WireOf<M, D>[]
            : S extends MapShape<infer V, infer K>
              ? [K] extends [EnumShape<infer E>]
                ? Partial<Record<E, WireOf<V, D>>>
                : Record<string, WireOf<V, D>>
              : S extends StructureShape<infer M, infer R>
                ? Simplify<
                    { -readonly [K in R]: WireOf<M[K], D> } & { -readonly [K in Exclude<keyof M, R>]?: WireOf<M[K], D> }
                  >
                : never;

/** A deep partial of an SDK-shaped value: what factories and handler overrides accept. */
export type DeepPartial<T> = T extends Date
  ? T
  : T extends readonly (infer E)[]
    ? DeepPartial<E>[]
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;
