import * as z from "zod";
import type { StructureShape, TimestampFormat } from "../model/shapes.js";
import type { SdkOf, WireOf } from "../model/types.js";
import { buildSchema, type Level } from "./build.js";
import { compileGate, compileText, decodesAsIs, writeWire, type Gate, type TextWriter } from "./fast.js";
import { toFindings, type Finding } from "./findings.js";

export interface ValidateOptions {
  /** Drift (unknown members and enum values) counts as a violation. Default false. */
  readonly strict?: boolean;
  /** Which side the input is on: the wire JSON (default), the SDK object, or the SDK object after `JSON.stringify`. */
  readonly level?: Level;
  /** A path to put in front of every finding's path (for a body nested in a larger document). */
  readonly pathPrefix?: readonly PropertyKey[];
  /** `false` when only the findings matter: a clean body is then not decoded (`value` is absent). */
  readonly decode?: boolean;
  /**
   * `true` when the caller's input may be the decoded value itself: a clean body whose members decode to
   * themselves (strings, numbers, booleans, lists and structures of them) is then returned as it is, not copied.
   */
  readonly reuse?: boolean;
}

export interface ValidationResult<T> {
  /** True when there is no violation (drift alone keeps a result ok unless `strict`). */
  readonly ok: boolean;
  readonly findings: readonly Finding[];
  /** The decoded SDK-side value, when `ok`. */
  readonly value?: T;
}

/** Thrown when a value breaks a contract; `findings` holds the details. */
export class ContractError extends Error {
  override readonly name = "ContractError";
  constructor(
    readonly subject: string,
    readonly findings: readonly Finding[],
    action = "is not valid",
  ) {
    super(`[aws-sdk-contracts] ${subject} ${action}:\n${findings.map((f) => `  - ${f.path}: ${f.message} (expected ${f.expected})`).join("\n")}`);
  }
}

const metadata = z.object({
  httpStatusCode: z.number().optional(),
  requestId: z.string().optional(),
  extendedRequestId: z.string().optional(),
  cfId: z.string().optional(),
  attempts: z.number().optional(),
  totalRetryDelay: z.number().optional(),
  clockSkewCorrected: z.boolean().optional(),
});

type Variant = `${Level}:${"drift" | "plain"}`;

/**
 * One two-way contract for a structure: `decode` turns wire JSON into what the SDK returns,
 * `encode` turns an SDK-shaped object into the JSON AWS would send, `validate` reports findings.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the default stands for "any contract"; specific contracts keep precise types
export class Contract<S extends StructureShape = any, D extends TimestampFormat = TimestampFormat> {
  readonly #schemas = new Map<Variant, z.ZodType>();
  #gate: Gate | undefined;
  /** The one-walk JSON writer of clean values (`encodeJson`). */
  #text: TextWriter | undefined;
  /** Whether clean wire JSON of this contract is its own SDK value (`decodesAsIs`). */
  #asIs: boolean | undefined;

  constructor(
    /** What the contract describes, e.g. `glue:GetSession response`. */
    readonly subject: string,
    readonly shape: S,
    readonly defaultTimestampFormat: D,
    /** Whether SDK-side values carry `$metadata` (command outputs and exceptions). */
    readonly withMetadata = false,
  ) {}

  /** The zod schema for a level; `reportDrift` turns unknown members and enum values into issues. */
  schema(level: Level = "wire", reportDrift = false): z.ZodType {
    const key: Variant = `${level}:${reportDrift ? "drift" : "plain"}`;
    let schema = this.#schemas.get(key);
    if (!schema) {
      schema = buildSchema(this.shape, { level, reportDrift, defaultTimestampFormat: this.defaultTimestampFormat });
      if (level !== "wire" && this.withMetadata) schema = (schema as z.ZodObject).extend({ $metadata: metadata.optional() });
      this.#schemas.set(key, schema);
    }
    return schema;
  }

  /** The wire codec as a zod schema: `z.decode(contract.codec, json)` and `z.encode(contract.codec, value)`. */
  get codec(): z.ZodType<SdkOf<S>, WireOf<S, D>> {
    return this.schema("wire") as z.ZodType<SdkOf<S>, WireOf<S, D>>;
  }

  /** Validates a value and decodes it to the SDK side when no violation is found. */
  validate(input: unknown, options: ValidateOptions = {}): ValidationResult<SdkOf<S>> {
    const { strict = false, level = "wire", pathPrefix = [] } = options;
    if (level === "wire" && (options.decode === false || (options.reuse === true && (this.#asIs ??= decodesAsIs(this.shape))))) {
      // Clean wire JSON is the common case: answer it without zod, whose findings only a dirty body needs; where
      // it decodes to itself (strings, numbers, booleans), it is its own SDK value.
      this.#gate ??= compileGate(this.shape, this.defaultTimestampFormat);
      if (this.#gate(input)) return options.decode === false ? { ok: true, findings: [] } : { ok: true, findings: [], value: input as SdkOf<S> };
    }
    const result = this.schema(level, true).safeDecode(input, { reportInput: true });
    if (result.success) return { ok: true, findings: [], value: result.data as SdkOf<S> };
    const findings = toFindings(result.error.issues, this.shape, strict, pathPrefix);
    if (findings.some((f) => f.severity === "violation")) return { ok: false, findings };
    // Only drift: decode with the open-world schema, which drops unknown members as the SDK does.
    const value = this.schema(level, false).decode(input) as SdkOf<S>;
    return { ok: true, findings, value };
  }

  /**
   * Decodes wire JSON into the SDK-shaped value, throwing a `ContractError` on any violation.
   * @example registry.get("glue:GetSession").response.decode({ Session: { Id: "s-1", CreatedOn: 1709294400.5 } })
   */
  decode(wire: unknown, options: { strict?: boolean } = {}): SdkOf<S> {
    const result = this.validate(wire, { strict: options.strict ?? false });
    if (!result.ok) throw new ContractError(this.subject, result.findings);
    return result.value as SdkOf<S>;
  }

  /**
   * Whether an SDK-shaped value meets the contract with nothing to report (no violation, no unknown member or
   * value): the fast walk and gate `encode` trusts, without zod. False says only "ask `validate`".
   */
  accepts(value: unknown): boolean {
    return this.#fastWire(value) !== undefined;
  }

  /** The wire JSON of a value the contract takes as it is, written by walking the shape and passed by the gate; else undefined. */
  #fastWire(value: unknown): unknown {
    const written = writeWire(this.shape, value, this.defaultTimestampFormat);
    this.#gate ??= compileGate(this.shape, this.defaultTimestampFormat);
    return written !== undefined && this.#gate(written) ? written : undefined;
  }

  /**
   * The JSON text AWS sends for an SDK-shaped value: `JSON.stringify(encode(value))`, written in one walk where
   * the value is clean; throws a `ContractError` if it breaks the contract.
   * @example registry.get("glue:GetSession").response.encodeJson({ Session: { Id: "s-1", CreatedOn: new Date(0) } })
   */
  encodeJson(value: SdkOf<S>): string {
    this.#text ??= compileText(this.shape, this.defaultTimestampFormat);
    return this.#text(value) ?? JSON.stringify(this.encode(value));
  }

  /**
   * Encodes an SDK-shaped value into the JSON AWS sends, throwing a `ContractError` if it breaks the contract.
   * @example registry.get("glue:GetSession").response.encode({ Session: { Id: "s-1", CreatedOn: new Date(0) } })
   */
  encode(value: SdkOf<S>, options: { strict?: boolean } = {}): WireOf<S, D> {
    // The common case, a value the contract takes as it is: written by walking the shape and passed by the gate,
    // which finds nothing exactly when zod finds nothing; anything else goes through zod for its findings.
    const written = this.#fastWire(value);
    if (written !== undefined) return written as WireOf<S, D>;
    const checked = this.validate(value, { level: "sdk", strict: options.strict ?? false });
    if (!checked.ok) throw new ContractError(this.subject, checked.findings, "cannot be encoded");
    const result = this.schema("wire").safeEncode(checked.value);
    if (!result.success) throw new ContractError(this.subject, toFindings(result.error.issues, this.shape, false), "cannot be encoded");
    return result.data as WireOf<S, D>;
  }
}

