/**
 * Pass 2 of the generator: structure from the SDK's runtime schema, constraints from AWS's Smithy model,
 * shape by shape, into a small intermediate form that pass 3 writes out. Every place where the two
 * sources disagree is noted, so the generated summary says what came from where.
 */
import type { SdkClient, SdkModule } from "./sdk.js";

export interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

export type IRType =
  | { readonly kind: "string"; readonly length?: Bounds; readonly pattern?: string }
  | { readonly kind: "enum"; readonly name: string; readonly values: readonly string[]; readonly length?: Bounds }
  | { readonly kind: "integer" | "long" | "double"; readonly range?: Bounds }
  | { readonly kind: "boolean" }
  | { readonly kind: "timestamp"; readonly format?: "date-time" | "epoch-seconds" }
  | { readonly kind: "blob" }
  | { readonly kind: "document" }
  | { readonly kind: "list"; readonly member: IRType; readonly length?: Bounds }
  | { readonly kind: "map"; readonly key: IRType; readonly value: IRType; readonly length?: Bounds }
  | { readonly kind: "ref"; readonly name: string };

export interface IRTraits {
  sensitive?: true;
  httpHeader?: string;
  httpQuery?: string;
  httpLabel?: true;
  deprecated?: string;
  modelDefault?: unknown;
  idempotencyToken?: true;
  redact?: "secret" | "host";
}

export interface IRMember {
  readonly name: string;
  readonly type: IRType;
  readonly traits: IRTraits;
}

export interface IRStructure {
  readonly name: string;
  readonly members: IRMember[];
  readonly required: string[];
  readonly union?: true;
  readonly error?: { readonly fault: "client" | "server"; readonly httpStatus?: number; readonly retryable?: { readonly throttling: boolean } };
  /** Whether AWS's model has this shape (false: only the SDK knows it, so it has no constraints). */
  readonly modelled: boolean;
}

export interface IRPaginated {
  readonly inputToken: string;
  readonly outputToken: string;
  readonly pageSize?: string;
  readonly items?: string;
}

export interface IROperation {
  readonly name: string;
  readonly input: string;
  readonly output: string;
  readonly errors: readonly string[];
  readonly http?: { readonly method: string; readonly path: string; readonly code: number; readonly hostPrefix?: string };
  readonly paginated?: IRPaginated;
  /** In AWS's model too, or only in the SDK. */
  readonly modelled: boolean;
  /** Outputs of the model's `smithy.api#examples`, for the examples check. */
  readonly examples: readonly { readonly title: string; readonly input?: unknown; readonly output?: unknown; readonly error?: { readonly shapeId: string; readonly content: unknown } }[];
}

export interface IRService {
  readonly structures: Map<string, IRStructure>;
  readonly operations: IROperation[];
  /** One line per reconciliation: an operation, shape, member or enum value that only one source has. */
  readonly notes: string[];
}

type ModelShape = { type: string; members?: Record<string, { target: string; traits?: Record<string, unknown> }>; traits?: Record<string, unknown>; member?: { target: string; traits?: Record<string, unknown> }; key?: { target: string; traits?: Record<string, unknown> }; value?: { target: string; traits?: Record<string, unknown> }; input?: { target: string }; output?: { target: string }; errors?: { target: string }[] };
export interface SmithyModel {
  readonly shapes: Record<string, ModelShape>;
}

const SDK_TRAIT_BITS = ["httpLabel", "idempotent", "idempotencyToken", "sensitive", "httpPayload", "httpResponseCode", "httpQueryParams"];

/** SDK traits, numeric (a bit field) or an object, as an object. */
function sdkTraits(traits: unknown): Record<string, unknown> {
  if (typeof traits === "number") return Object.fromEntries(SDK_TRAIT_BITS.filter((_, i) => (traits >> i) & 1).map((t) => [t, 1]));
  return traits && typeof traits === "object" ? (traits as Record<string, unknown>) : {};
}

const deref = (x: unknown): unknown => (typeof x === "function" ? (x as () => unknown)() : x);

/** Unwraps member wrappers and simple schemas down to a code or a tuple, collecting their traits. */
function unwrap(ref: unknown): { schema: unknown; traits: Record<string, unknown> } {
  let s = deref(ref);
  const traits: Record<string, unknown> = {};
  for (let i = 0; i < 16; i++) {
    if (Array.isArray(s) && s.length === 2 && (typeof s[0] === "function" || Array.isArray(s[0]) || typeof s[0] === "number")) {
      Object.assign(traits, sdkTraits(s[1]));
      s = deref(s[0]);
    } else if (Array.isArray(s) && s[0] === 0 && s.length === 5) {
      Object.assign(traits, sdkTraits(s[3]));
      s = deref(s[4]);
    } else break;
  }
  return { schema: s, traits };
}

const bounds = (trait: unknown): Bounds | undefined => {
  if (!trait || typeof trait !== "object") return undefined;
  const { min, max } = trait as { min?: number; max?: number };
  return min === undefined && max === undefined ? undefined : { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
};

const KEEP_ESCAPE = new Set([..."dDwWsSbBnrtfv0123456789cxupPk^$\\.*+?()[]{}|/"]);

/**
 * A Smithy pattern (ECMA 262 in principle, Java in practice) as JavaScript with the `u` flag, which
 * refuses needless escapes such as `\_`. Undefined when it still cannot compile: it is then not checked.
 */
export function jsPattern(pattern: string): string | undefined {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\" && i + 1 < pattern.length) {
      const next = pattern[i + 1]!;
      out += KEEP_ESCAPE.has(next) || (inClass && next === "-") ? `\\${next}` : next;
      i++;
      continue;
    }
    if (c === "[" && !inClass) inClass = true;
    else if (c === "]" && inClass) inClass = false;
    out += c;
  }
  try {
    new RegExp(out, "u");
    return out;
  } catch {
    return undefined;
  }
}

const NUMBER_KINDS: Record<string, "integer" | "long" | "double"> = { integer: "integer", short: "integer", byte: "integer", long: "long", double: "double", float: "double", intEnum: "integer" };

export function reconcile(namespace: string, model: SmithyModel, sdk: SdkClient): IRService {
  const structures = new Map<string, IRStructure>();
  const notes: string[] = [];
  const shapeOf = (id: string | undefined): ModelShape | undefined => (id ? model.shapes[id] : undefined);
  const idOf = (name: string) => `${namespace}#${name}`;

  /** Constraint traits of a model target and of the member that targets it (the member's win). */
  function constraints(target: ModelShape | undefined, memberTraits: Record<string, unknown> | undefined): Record<string, unknown> {
    return { ...(target?.traits ?? {}), ...memberTraits };
  }

  function enumValues(name: string, modelShape: ModelShape | undefined): string[] {
    const fromModel = modelShape?.type === "enum" ? Object.values(modelShape.members ?? {}).map((m) => String(m.traits?.["smithy.api#enumValue"] ?? "")) : [];
    const fromSdk = sdk.enums.get(name);
    if (!fromSdk) return fromModel;
    // The installed SDK wins: its enum object is what a decoded value is typed as.
    const added = fromSdk.filter((v) => !fromModel.includes(v));
    const removed = fromModel.filter((v) => !fromSdk.includes(v));
    if (fromModel.length && added.length) notes.push(`enum ${name}: the SDK adds ${added.join(", ")}`);
    if (fromModel.length && removed.length) notes.push(`enum ${name}: the SDK no longer has ${removed.join(", ")}`);
    // The SDK's values, in the model's order (the SDK sorts its enum objects; the model keeps lifecycle order).
    return [...fromModel.filter((v) => fromSdk.includes(v)), ...added];
  }

  function convert(ref: unknown, modelId: string | undefined, memberTraits: Record<string, unknown> | undefined, enumName: string | undefined, where: string): { type: IRType; traits: Record<string, unknown> } {
    const { schema, traits } = unwrap(ref);
    const target = shapeOf(modelId);
    const c = constraints(target, memberTraits);
    const length = bounds(c["smithy.api#length"]);
    const range = bounds(c["smithy.api#range"]);
    const rawPattern = typeof c["smithy.api#pattern"] === "string" ? (c["smithy.api#pattern"] as string) : undefined;
    const pattern = rawPattern === undefined ? undefined : jsPattern(rawPattern);
    if (rawPattern !== undefined && pattern === undefined) notes.push(`pattern ${JSON.stringify(rawPattern)} (${where}): not expressible as a JavaScript pattern, so not checked`);
    else if (rawPattern !== undefined && pattern !== rawPattern) notes.push(`pattern ${JSON.stringify(rawPattern)}: needless escapes removed for JavaScript's u flag`);
    if (target?.traits?.["smithy.api#sensitive"] !== undefined) traits.sensitive = 1;
    if (typeof schema === "number") {
      if (schema >= 64 && schema < 128) {
        const member = convert(schema & 63, target?.member?.target, target?.member?.traits, enumName, `${where}[]`);
        return { type: { kind: "list", member: member.type, ...(length ? { length } : {}) }, traits };
      }
      if (schema >= 128 && schema < 256) {
        const key = convert(0, target?.key?.target, target?.key?.traits, undefined, `${where}{key}`);
        const value = convert(schema & 63, target?.value?.target, target?.value?.traits, enumName, `${where}{}`);
        return { type: { kind: "map", key: key.type, value: value.type, ...(length ? { length } : {}) }, traits };
      }
      switch (schema) {
        case 0: {
          const name = enumName ?? (target?.type === "enum" ? modelId!.split("#")[1] : undefined);
          if (name) return { type: { kind: "enum", name, values: enumValues(name, target?.type === "enum" ? target : shapeOf(idOf(name))), ...(length ? { length } : {}) }, traits };
          return { type: { kind: "string", ...(length ? { length } : {}), ...(pattern ? { pattern } : {}) }, traits };
        }
        case 1:
          return { type: { kind: NUMBER_KINDS[target?.type ?? ""] ?? "double", ...(range ? { range } : {}) }, traits };
        case 2:
          return { type: { kind: "boolean" }, traits };
        case 4:
          return { type: { kind: "timestamp" }, traits };
        case 5:
          return { type: { kind: "timestamp", format: "date-time" }, traits };
        case 7:
          return { type: { kind: "timestamp", format: "epoch-seconds" }, traits };
        case 15:
          return { type: { kind: "document" }, traits };
        case 21:
          return { type: { kind: "blob" }, traits };
        default:
          throw new Error(`${where}: SDK schema code ${schema} is not supported by the generator`);
      }
    }
    if (!Array.isArray(schema)) throw new Error(`${where}: unexpected SDK schema ${String(schema)}`);
    Object.assign(traits, sdkTraits(schema[3]));
    const [kind, , name] = schema as [number, string, string];
    if (kind === 1) {
      const m = shapeOf(idOf(name)) ?? target;
      const member = convert(schema[4], m?.member?.target, m?.member?.traits, enumName, `${where}[]`);
      const l = bounds(m?.traits?.["smithy.api#length"]) ?? length;
      return { type: { kind: "list", member: member.type, ...(l ? { length: l } : {}) }, traits };
    }
    if (kind === 2) {
      const m = shapeOf(idOf(name)) ?? target;
      const key = convert(schema[4], m?.key?.target, m?.key?.traits, undefined, `${where}{key}`);
      const value = convert(schema[5], m?.value?.target, m?.value?.traits, enumName, `${where}{}`);
      const l = bounds(m?.traits?.["smithy.api#length"]) ?? length;
      return { type: { kind: "map", key: key.type, value: value.type, ...(l ? { length: l } : {}) }, traits };
    }
    if (kind === 3 || kind === -3 || kind === 4) {
      structure(schema as unknown[]);
      return { type: { kind: "ref", name }, traits };
    }
    throw new Error(`${where}: SDK schema kind ${kind} is not supported by the generator`);
  }

  function structure(tuple: unknown[]): void {
    const [kind, , name, rawTraits, names, schemas, requiredCount] = tuple as [number, string, string, unknown, string[], unknown[], number | undefined];
    if (structures.has(name)) return;
    const modelShape = shapeOf(idOf(name));
    const members: IRMember[] = [];
    const shapeTraits = sdkTraits(rawTraits);
    const entry: IRStructure = {
      name,
      members,
      required: names.slice(0, kind === 4 ? 0 : (requiredCount ?? 0)),
      ...(kind === 4 ? { union: true as const } : {}),
      ...(kind === -3
        ? {
            error: {
              fault: shapeTraits.error as "client" | "server",
              ...(typeof shapeTraits.httpError === "number" ? { httpStatus: shapeTraits.httpError } : {}),
              ...(modelShape?.traits?.["smithy.api#retryable"] !== undefined
                ? { retryable: { throttling: Boolean((modelShape.traits["smithy.api#retryable"] as { throttling?: boolean }).throttling) } }
                : {}),
            },
          }
        : {}),
      modelled: modelShape !== undefined,
    };
    // Registered before its members, so a cycle ends at a reference.
    structures.set(name, entry);
    if (!modelShape) notes.push(`structure ${name}: only in the SDK (no constraints)`);
    names.forEach((member, i) => {
      const modelMember = modelShape?.members?.[member];
      if (modelShape && !modelMember) notes.push(`member ${name}.${member}: only in the SDK (no constraints)`);
      const converted = convert(schemas[i], modelMember?.target, modelMember?.traits, sdk.enumMembers.get(`${name}.${member}`), `${name}.${member}`);
      const t = converted.traits;
      const mt = modelMember?.traits ?? {};
      const traits: IRTraits = {
        ...(t.sensitive ? { sensitive: true as const } : {}),
        ...(typeof t.httpHeader === "string" ? { httpHeader: t.httpHeader } : {}),
        ...(typeof t.httpQuery === "string" ? { httpQuery: t.httpQuery } : {}),
        ...(t.httpLabel ? { httpLabel: true as const } : {}),
        ...(t.idempotencyToken ? { idempotencyToken: true as const } : {}),
        ...(mt["smithy.api#deprecated"] !== undefined ? { deprecated: String((mt["smithy.api#deprecated"] as { since?: string }).since ?? "") } : {}),
        ...(mt["smithy.api#default"] !== undefined && mt["smithy.api#default"] !== null ? { modelDefault: mt["smithy.api#default"] } : {}),
      };
      members.push({ name: member, type: converted.type, traits });
    });
    if (modelShape?.members) {
      for (const member of Object.keys(modelShape.members)) if (!names.includes(member)) notes.push(`member ${name}.${member}: only in AWS's model (the SDK dropped it)`);
    }
  }

  const operations: IROperation[] = [];
  for (const op of sdk.operations) {
    const input = deref(op.input) as unknown[];
    const output = deref(op.output) as unknown[];
    structure(input);
    structure(output);
    const modelOp = shapeOf(idOf(op.name)) as (ModelShape & { traits?: Record<string, unknown> }) | undefined;
    if (!modelOp) notes.push(`operation ${op.name}: only in the SDK (errors from its @throws tags)`);
    const modelErrors = (modelOp?.errors ?? []).map((e) => e.target.split("#")[1]!);
    const added = op.errors.filter((e) => !modelErrors.includes(e));
    if (modelOp && added.length) notes.push(`operation ${op.name}: the SDK adds errors ${added.join(", ")}`);
    // The model's order where it has the operation (the SDK documents its errors sorted), then the SDK's additions.
    const errors = [...modelErrors.filter((e) => op.errors.includes(e)), ...added];
    for (const error of errors) {
      const tuple = (sdk.module as SdkModule)[`${error}$`];
      if (!Array.isArray(tuple)) throw new Error(`${op.name}: error ${error} has no runtime schema`);
      structure(tuple);
    }
    const traits = sdkTraits(op.traits);
    const http = Array.isArray(traits.http) ? (traits.http as [string, string, number]) : undefined;
    const hostPrefix = Array.isArray(traits.endpoint) ? (traits.endpoint as string[])[0] : undefined;
    const modelPaginated = modelOp?.traits?.["smithy.api#paginated"] as IRPaginated | undefined;
    const sdkPaginated = sdk.paginators.get(op.name);
    const paginated: IRPaginated | undefined = modelPaginated ?? sdkPaginated;
    const examples = ((modelOp?.traits?.["smithy.api#examples"] as { title: string; input?: unknown; output?: unknown; error?: { shapeId: string; content: unknown } }[] | undefined) ?? []).map((e) => ({
      title: e.title,
      ...(e.input !== undefined ? { input: e.input } : {}),
      ...(e.output !== undefined ? { output: e.output } : {}),
      ...(e.error ? { error: e.error } : {}),
    }));
    operations.push({
      name: op.name,
      input: input[2] as string,
      output: output[2] as string,
      errors,
      ...(http ? { http: { method: http[0], path: http[1], code: http[2], ...(hostPrefix ? { hostPrefix } : {}) } } : {}),
      ...(paginated ? { paginated: { inputToken: paginated.inputToken, outputToken: paginated.outputToken, ...(paginated.pageSize ? { pageSize: paginated.pageSize } : {}), ...(paginated.items ? { items: paginated.items } : {}) } } : {}),
      modelled: modelOp !== undefined,
      examples,
    });
  }
  for (const [id, shape] of Object.entries(model.shapes)) {
    if (shape.type === "operation" && id.startsWith(`${namespace}#`) && !sdk.operations.some((o) => o.name === id.split("#")[1])) notes.push(`operation ${id.split("#")[1]}: only in AWS's model (not in the SDK)`);
  }
  return { structures, operations, notes: [...new Set(notes)].sort() };
}
