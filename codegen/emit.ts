/**
 * Pass 3 of the generator: the intermediate form as TypeScript. Each structure is an interface (what
 * the types read: `SdkOf`, `WireOf`) and a plain data constant (what the contracts read at run time),
 * in dependency order, so that only the back edges of a cycle need a getter. Output is sorted and
 * stable: a second run writes the same bytes.
 */
import type { IROperation, IRService, IRTraits, IRType } from "./reconcile.js";

export interface ServiceInfo {
  /** Our service id (`glue`), the export of `src/contracts/services.ts`. */
  readonly id: string;
  readonly namespace: string;
  readonly sdkPackage: string;
  readonly sdkVersion: string;
  readonly modelFile: string;
}

// Names a structure may not take in the generated shapes module: globals it could shadow, and what the
// module imports or declares itself.
const RESERVED = new Set([
  ...["Array", "Boolean", "Date", "Error", "Function", "Map", "Number", "Object", "Promise", "Record", "Set", "String", "Symbol", "JSON", "Math"],
  ...["BlobShape", "BooleanShape", "DocumentShape", "EnumShape", "ListShape", "MapShape", "NumberShape", "StringShape", "StructureShape", "TimestampShape", "UnionShape"],
  ...["loadShapes", "Shapes", "shapes"],
]);
export const ident = (name: string) => (RESERVED.has(name) ? `${name}_` : name);

const literal = (value: unknown) => JSON.stringify(value);

function scalarData(type: IRType): string {
  const { kind } = type;
  return JSON.stringify({
    kind,
    ...(type.kind === "enum" ? { name: type.name, values: type.values } : {}),
    ...("length" in type && type.length ? { length: type.length } : {}),
    ...("pattern" in type && type.pattern ? { pattern: type.pattern } : {}),
    ...("range" in type && type.range ? { range: type.range } : {}),
    ...(type.kind === "timestamp" && type.format ? { format: type.format } : {}),
  });
}

function typeOf(type: IRType): string {
  switch (type.kind) {
    case "string":
      return "StringShape";
    case "enum":
      return `EnumShape<${type.values.map(literal).join(" | ") || "string"}>`;
    case "integer":
    case "long":
    case "double":
      return "NumberShape";
    case "boolean":
      return "BooleanShape";
    case "timestamp":
      return `TimestampShape<${type.format ? literal(type.format) : "undefined"}>`;
    case "blob":
      return "BlobShape";
    case "document":
      return "DocumentShape";
    case "list":
      return `ListShape<${typeOf(type.member)}>`;
    case "map":
      return type.key.kind === "enum" ? `MapShape<${typeOf(type.value)}, ${typeOf(type.key)}>` : `MapShape<${typeOf(type.value)}>`;
    case "ref":
      return ident(type.name);
  }
}

/** A member type as JSON data: scalars by their index in a shared table, structures by name (`{ "ref": … }`). */
type TypeData = Record<string, unknown>;

/**
 * The shapes of a service: types as TypeScript interfaces (what `SdkOf` and `WireOf` read) and data as
 * JSON (what the contracts read), linked into shape objects the first time an operation is used, so
 * that importing the package parses no shape at all.
 */
export function emitShapes(info: ServiceInfo, service: IRService): { ts: string; json: string } {
  const scalars: string[] = [];
  const scalarIndex = new Map<string, number>();
  const dataOf = (type: IRType, traits: IRTraits = {}): TypeData => {
    const extra = Object.fromEntries(Object.entries(traits).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
    if (type.kind === "ref") return { ref: type.name, ...extra };
    if (type.kind === "list") return { kind: "list", member: dataOf(type.member), ...(type.length ? { length: type.length } : {}), ...extra };
    if (type.kind === "map") return { kind: "map", key: dataOf(type.key), value: dataOf(type.value), ...(type.length ? { length: type.length } : {}), ...extra };
    const key = scalarData(type);
    let index = scalarIndex.get(key);
    if (index === undefined) {
      scalarIndex.set(key, (index = scalars.length));
      scalars.push(key);
    }
    return { scalar: index, ...extra };
  };
  const names = [...service.structures.keys()].sort();
  const structures: Record<string, unknown> = {};
  const types: string[] = [];
  for (const structureName of names) {
    const s = service.structures.get(structureName)!;
    const name = ident(s.name);
    const memberTypes = s.members.map((m) => `  readonly ${literal(m.name)}: ${typeOf(m.type)};`);
    const required = s.required.length ? s.required.map(literal).join(" | ") : "never";
    types.push(`export interface ${name} extends ${s.union ? "UnionShape" : "StructureShape"}<{${memberTypes.length ? `\n${memberTypes.join("\n")}\n` : ""}}${s.union ? "" : `, ${required}`}> {}`);
    structures[s.name] = {
      members: Object.fromEntries(s.members.map((m) => [m.name, dataOf(m.type, m.traits)])),
      required: s.required,
      ...(s.union ? { union: true } : {}),
      ...(s.error ? { error: s.error } : {}),
    };
  }
  const ts = [
    `// Generated by \`npm run codegen\` from ${info.sdkPackage}@${info.sdkVersion} (structure) and ${info.modelFile} (constraints). Do not edit:`,
    `// hand knowledge lives in codegen/refinements/${info.id}.ts. The data is in shapes.json beside this file.`,
    `import type { BlobShape, BooleanShape, DocumentShape, EnumShape, ListShape, MapShape, NumberShape, StringShape, StructureShape, TimestampShape, UnionShape } from "../../model/shapes.js";`,
    `import { loadShapes } from "../../model/link.js";`,
    "",
    ...types,
    "",
    `/** Every structure of the service, by name. */`,
    `export interface Shapes {`,
    ...names.map((n) => `  readonly ${literal(n)}: ${ident(n)};`),
    `}`,
    "",
    `/**`,
    ` * The shapes of the service, read and linked the first time one is asked for: importing the package reads none.`,
    ` * In a browser the JSON comes as a module of its own, loaded by \`preload("${info.id}")\` or the mock's first call.`,
    ` */`,
    // No import attribute: only a bundler ever follows this import (Node reads the file), and Vite's dev server
    // serves a JSON module with attributes as JavaScript, which the browser then refuses (vitejs/vite#19095).
    `export const shapes = loadShapes<Shapes>(${literal(info.id)}, "./shapes.json", import.meta.url, () => import("./shapes.json"));`,
    "",
  ].join("\n");
  // One structure per line: readable diffs when a model or the SDK changes.
  const json = [
    "{",
    `  "scalars": [\n${scalars.map((d) => `    ${d}`).join(",\n")}\n  ],`,
    `  "structures": {\n${names.map((n) => `    ${literal(n)}: ${JSON.stringify(structures[n])}`).join(",\n")}\n  }`,
    "}",
    "",
  ].join("\n");
  return { ts, json };
}

/** One operation as data: what the registry needs at import (routing) and the names of its shapes. */
function operationData(service: IRService, op: IROperation): Record<string, unknown> {
  return {
    name: op.name,
    http: op.http ? { method: op.http.method, path: op.http.path, code: op.http.code, ...(op.http.hostPrefix ? { hostPrefix: op.http.hostPrefix } : {}) } : { method: "POST", path: "/" },
    input: op.input,
    output: op.output,
    errors: op.errors,
    outputMembers: service.structures.get(op.output)!.members.map((m) => m.name),
    ...(op.paginated ? { paginated: op.paginated } : {}),
    ...(op.modelled ? {} : { constraints: false }),
  };
}

/**
 * The operations of a service: their types as a TypeScript tuple (erased at run time) and their data as
 * JSON, read at import (routing needs it) while their shapes wait for first use.
 */
export function emitOperations(info: ServiceInfo, service: IRService): { ts: string; json: string } {
  const ops = [...service.operations].sort((a, b) => (a.name < b.name ? -1 : 1));
  const ts = [
    `// Generated by \`npm run codegen\` from ${info.sdkPackage}@${info.sdkVersion} and ${info.modelFile}. Do not edit.`,
    `import { loadOperations, type Declared } from "../operation.js";`,
    `import type { Resource } from "../resources.js";`,
    `import { ${info.id} } from "../services.js";`,
    `import operationData from "./operations.json" with { type: "json" };`,
    `import resourceData from "./resources.json" with { type: "json" };`,
    `import { shapes, type Shapes } from "./shapes.js";`,
    "",
    `type Op<N extends string, I extends keyof Shapes, O extends keyof Shapes, E extends string = never> = Declared<typeof ${info.id}, N, Shapes[I], Shapes[O], E>;`,
    "",
    `/** Every operation of ${info.sdkPackage}@${info.sdkVersion}, by name. */`,
    `export type Operations = readonly [`,
    ...ops.map((op) => `  Op<${literal(op.name)}, ${literal(op.input)}, ${literal(op.output)}${op.errors.length ? `, ${[...op.errors].sort().map(literal).join(" | ")}` : ""}>,`),
    `];`,
    "",
    `export const operations = loadOperations<Operations>(${info.id}, operationData, shapes);`,
    "",
    `/** The service's resources (\`resources.json\`, reported in models/RESOURCES.md). */`,
    `export const resources = (): readonly Resource[] => resourceData as unknown as readonly Resource[];`,
    "",
  ].join("\n");
  const json = `[\n${ops.map((op) => `  ${JSON.stringify(operationData(service, op))}`).join(",\n")}\n]\n`;
  return { ts, json };
}

/** The generated summary: what came from where, and every place the two sources disagree. */
export function emitSummary(entries: readonly { info: ServiceInfo; service: IRService }[]): string {
  const lines = [
    "# Reconciliation of AWS's models with the pinned SDKs",
    "",
    "Generated by `npm run codegen`; do not edit. Structure comes from the installed SDK's runtime schema,",
    "constraints (length, pattern, range, enum values, defaults) from AWS's Smithy models in `models/`.",
    "Each line below is a place where the two sources disagree; the SDK wins for structure.",
    "",
  ];
  for (const { info, service } of entries) {
    const sdkOnly = service.operations.filter((o) => !o.modelled).length;
    lines.push(`## ${info.id}: ${service.operations.length} operations (${info.sdkPackage}@${info.sdkVersion}; ${sdkOnly} only in the SDK), ${service.structures.size} structures`, "");
    for (const note of service.notes) lines.push(`- ${note}`);
    lines.push("");
  }
  return lines.join("\n");
}

/**
 * Type tests of every operation: the contract's SDK-side input and output are the SDK's own
 * `<Op>CommandInput` and `<Op>CommandOutput` (less `$metadata`), compared by `test/support/same.ts`.
 */
export function emitTypeTests(entries: readonly { info: ServiceInfo; service: IRService }[]): string {
  const lines = [
    "// Generated by `npm run codegen`: one type test per operation of the pinned SDK clients. Do not edit.",
    ...entries.map(({ info }) => `import type * as ${info.id} from "${info.sdkPackage}";`),
    `import { describe, expectTypeOf, test } from "vitest";`,
    `import type { InputOf, OutputOf } from "../src/index.js";`,
    `import type { Body, Stripped } from "./support/same.js";`,
    "",
  ];
  for (const { info, service } of entries) {
    lines.push(`describe("${info.id}: contract types are the SDK's own", () => {`);
    for (const op of [...service.operations].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const id = `${info.id}:${op.name}`;
      lines.push(`  test(${JSON.stringify(id)}, () => {`);
      lines.push(`    expectTypeOf<Stripped<OutputOf<${JSON.stringify(id)}>>>().toEqualTypeOf<Body<${info.id}.${op.name}CommandOutput>>();`);
      lines.push(`    expectTypeOf<Stripped<InputOf<${JSON.stringify(id)}>>>().toEqualTypeOf<Stripped<${info.id}.${op.name}CommandInput>>();`);
      lines.push(`  });`);
    }
    lines.push(`});`, "");
  }
  return lines.join("\n");
}
