import type { Shape, StructureShape } from "../model/shapes.js";
import { formatPath } from "../contracts/findings.js";
import type { Operation } from "../contracts/operation.js";
import { operations } from "../contracts/registry.js";
import { nodeRequire } from "../platform.js";

/** One way the installed SDK's runtime schema and our contract disagree. */
export interface SchemaDifference {
  readonly operation: string;
  /** `request`, `response` or the error name. */
  readonly part: string;
  /** JSON path inside that part. */
  readonly path: string;
  readonly kind: "missing_member" | "extra_member" | "required" | "type" | "timestamp_format" | "enum_values" | "binding" | "missing_schema" | "removed_operation";
  readonly message: string;
}

/** The compact schema codes of `@smithy/core/schema`. */
const SDK_STRING = 0;
const SDK_NUMBER = 1;
const SDK_BOOLEAN = 2;
const SDK_LIST_BIT = 64;
const SDK_MAP_BIT = 128;
const SDK_TIMESTAMP: Record<number, string | undefined> = { 4: undefined, 5: "date-time", 6: "http-date", 7: "epoch-seconds" };

type SdkSchema = unknown;
type SdkModule = Record<string, unknown>;

/** Resolves thunks and member wrappers (`[schema, traits]`) down to a schema value. */
function resolve(schema: SdkSchema): SdkSchema {
  let s = schema;
  for (let i = 0; i < 8; i++) {
    if (typeof s === "function") s = (s as () => SdkSchema)();
    else if (Array.isArray(s) && s.length === 2 && (typeof s[0] === "function" || Array.isArray(s[0]) || typeof s[0] === "number")) s = s[0];
    // a simple schema wrapping a primitive: [0, ns, name, traits, ref]
    else if (Array.isArray(s) && s[0] === 0 && s.length === 5) s = s[4];
    else return s;
  }
  return s;
}

function describeSdk(schema: SdkSchema): string {
  const s = resolve(schema);
  if (typeof s === "number") {
    if (s === SDK_STRING) return "string";
    if (s === SDK_NUMBER) return "number";
    if (s === SDK_BOOLEAN) return "boolean";
    if (s === 15) return "document";
    if (s === 21) return "blob";
    if (s in SDK_TIMESTAMP) return "timestamp";
    if (s & SDK_MAP_BIT) return "map";
    if (s & SDK_LIST_BIT) return "list";
    return `code ${s}`;
  }
  if (Array.isArray(s)) return s[0] === 1 ? "list" : s[0] === 2 ? "map" : s[0] === 3 || s[0] === -3 || s[0] === 4 ? `structure ${String(s[2])}` : "unknown";
  return "unknown";
}

const kindOf = (shape: Shape): string =>
  shape.kind === "enum" ? "string" : shape.kind === "integer" || shape.kind === "long" || shape.kind === "double" ? "number" : shape.kind;

/** The element schema of an SDK list, and key/value of a map. */
function listMember(s: SdkSchema): SdkSchema {
  return typeof s === "number" ? s & ~SDK_LIST_BIT : (s as unknown[])[4];
}
function mapValue(s: SdkSchema): SdkSchema {
  return typeof s === "number" ? s & ~SDK_MAP_BIT : (s as unknown[])[5];
}

function compareShape(
  ours: Shape,
  sdkSchema: SdkSchema,
  path: readonly PropertyKey[],
  sdk: SdkModule,
  report: (path: readonly PropertyKey[], kind: SchemaDifference["kind"], message: string) => void,
  seen: Set<Shape> = new Set(),
): void {
  const s = resolve(sdkSchema);
  // A structure is compared once per operation: shared shapes stay cheap, and cycles end.
  if (ours.kind === "structure") {
    if (seen.has(ours)) return;
    seen.add(ours);
  }
  const sdkKind = describeSdk(s);
  const ourKind = kindOf(ours);
  if (!sdkKind.startsWith(ourKind)) {
    report(path, "type", `contract has ${ourKind}, SDK has ${sdkKind}`);
    return;
  }
  switch (ours.kind) {
    case "timestamp": {
      const sdkFormat = SDK_TIMESTAMP[s as number];
      if (sdkFormat !== ours.format) {
        report(path, "timestamp_format", `contract timestamp format is ${ours.format ?? "the protocol default"}, SDK has ${sdkFormat ?? "the protocol default"}`);
      }
      return;
    }
    case "enum": {
      const sdkEnum = sdk[ours.name];
      if (sdkEnum && typeof sdkEnum === "object") {
        const sdkValues = new Set(Object.values(sdkEnum as Record<string, string>));
        const ourValues = new Set<string>(ours.values);
        const added = [...sdkValues].filter((v) => !ourValues.has(v));
        const removed = [...ourValues].filter((v) => !sdkValues.has(v));
        if (added.length) report(path, "enum_values", `SDK enum ${ours.name} has values the contract lacks: ${added.join(", ")}`);
        if (removed.length) report(path, "enum_values", `contract enum ${ours.name} has values the SDK lacks: ${removed.join(", ")}`);
      }
      return;
    }
    case "list":
      compareShape(ours.member, listMember(s), [...path, 0], sdk, report, seen);
      return;
    case "map":
      compareShape(ours.value, mapValue(s), [...path, "*"], sdk, report, seen);
      return;
    case "structure":
      compareStructure(ours, s as unknown[], path, sdk, report, seen);
      return;
    default:
      return;
  }
}

function compareStructure(
  ours: StructureShape,
  s: unknown[],
  path: readonly PropertyKey[],
  sdk: SdkModule,
  report: (path: readonly PropertyKey[], kind: SchemaDifference["kind"], message: string) => void,
  seen: Set<Shape>,
): void {
  const names = s[4] as string[];
  const schemas = s[5] as SdkSchema[];
  const requiredCount = s[0] !== 4 && typeof s[6] === "number" ? s[6] : 0;
  const sdkRequired = new Set(names.slice(0, requiredCount));
  const ourRequired = new Set<string>(ours.required);
  const members = ours.members as Record<string, Shape>;
  names.forEach((name, i) => {
    const member = members[name];
    if (!member) {
      report([...path, name], "missing_member", `SDK ${String(s[2])} has member "${name}" (${describeSdk(schemas[i])}) that the contract lacks`);
      return;
    }
    if (sdkRequired.has(name) !== ourRequired.has(name)) {
      report([...path, name], "required", `SDK marks "${name}" ${sdkRequired.has(name) ? "@required" : "optional"}, the contract ${ourRequired.has(name) ? "@required" : "optional"}`);
    }
    compareShape(member, schemas[i], [...path, name], sdk, report, seen);
  });
  for (const name of Object.keys(members)) {
    if (!names.includes(name)) report([...path, name], "extra_member", `contract ${ours.name} has member "${name}" that the SDK ${String(s[2])} does not`);
  }
}

/**
 * Compares one operation's contracts with the runtime schema of an SDK client module, naming every
 * difference in members, required flags, nesting, timestamp formats, enum values and HTTP binding.
 * @example compareWithSdkSchema(registry.get("glue:GetSession"), await import("@aws-sdk/client-glue"))
 */
export function compareWithSdkSchema(op: Operation, sdk: SdkModule): SchemaDifference[] {
  const differences: SchemaDifference[] = [];
  const reporter =
    (part: string) =>
    (path: readonly PropertyKey[], kind: SchemaDifference["kind"], message: string) =>
      differences.push({ operation: op.id, part, path: formatPath(path), kind, message });

  const opSchema = sdk[`${op.name}$`];
  if (!Array.isArray(opSchema)) {
    // A client that exports schemas of its other operations has dropped this one (a newer SDK in the peer range).
    if (Object.keys(sdk).some((k) => k.endsWith("$") && Array.isArray(sdk[k])) && sdk[op.sdk.command] === undefined) {
      reporter("operation")([], "removed_operation", `${op.sdk.package} has no ${op.sdk.command}: the installed version removed (or renamed) the operation.`);
    } else reporter("operation")([], "missing_schema", `${op.sdk.package} exports no runtime schema ${op.name}$ (is it an SDK generation with schemas?)`);
    return differences;
  }
  const traits = opSchema[3] as { http?: [string, string, number]; endpoint?: [string] } | 0;
  if (traits && traits.http) {
    const [method, uri, code] = traits.http;
    if (method !== op.http.method || uri !== op.http.path || code !== op.http.code) {
      reporter("operation")([], "binding", `SDK binds ${method} ${uri} (${code}), contract ${op.http.method} ${op.http.path} (${op.http.code})`);
    }
  }
  const sdkHostPrefix = traits ? traits.endpoint?.[0] : undefined;
  if (sdkHostPrefix !== op.http.hostPrefix) {
    reporter("operation")([], "binding", `SDK host prefix ${sdkHostPrefix ?? "none"}, contract ${op.http.hostPrefix ?? "none"}`);
  }
  compareShape(op.request.shape, opSchema[4], [], sdk, reporter("request"));
  compareShape(op.response.shape, opSchema[5], [], sdk, reporter("response"));
  for (const error of op.errors) {
    const errorSchema = sdk[`${error.name}$`];
    if (!Array.isArray(errorSchema)) {
      reporter(error.name)([], "missing_schema", `${op.sdk.package} exports no error schema ${error.name}$`);
      continue;
    }
    compareShape(error.shape, errorSchema, [], sdk, reporter(error.name));
    const errorTraits = errorSchema[3] as { error?: string; httpError?: number };
    if (errorTraits.error !== error.fault) reporter(error.name)([], "binding", `SDK fault ${errorTraits.error}, contract ${error.fault}`);
    if (errorTraits.httpError !== undefined && errorTraits.httpError !== error.httpStatus) {
      reporter(error.name)([], "binding", `SDK @httpError ${errorTraits.httpError}, contract ${error.httpStatus}`);
    }
  }
  return differences;
}

function installedVersion(name: string): string | undefined {
  try {
    return (nodeRequire()?.(`${name}/package.json`) as { version?: string } | undefined)?.version;
  } catch {
    return undefined;
  }
}

export interface InstalledSdkReport {
  readonly operation: string;
  readonly package: string;
  /** The installed version, or undefined when the package is not installed. */
  readonly version?: string;
  readonly differences: readonly SchemaDifference[];
}

/**
 * Compares every registered operation with the SDK client installed where this runs
 * (packages that are not installed are reported with no version and no differences).
 */
export async function compareWithInstalledSdks(load: (name: string) => Promise<unknown> = (name) => import(/* @vite-ignore */ /* webpackIgnore: true */ name), ids?: readonly string[]): Promise<InstalledSdkReport[]> {
  const reports: InstalledSdkReport[] = [];
  for (const op of ids ? operations.filter((o) => ids.includes(o.id)) : operations) {
    let sdk: SdkModule;
    try {
      sdk = (await load(op.sdk.package)) as SdkModule;
    } catch {
      reports.push({ operation: op.id, package: op.sdk.package, differences: [] });
      continue;
    }
    const version = installedVersion(op.sdk.package);
    reports.push({ operation: op.id, package: op.sdk.package, ...(version ? { version } : {}), differences: compareWithSdkSchema(op, sdk) });
  }
  return reports;
}
