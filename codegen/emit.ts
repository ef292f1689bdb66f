/**
 * Pass 3 of the generator: the intermediate form as TypeScript. Each structure is an interface (what
 * the types read: `SdkOf`, `WireOf`) and a plain data constant (what the contracts read at run time),
 * in dependency order, so that only the back edges of a cycle need a getter. Output is sorted and
 * stable: a second run writes the same bytes.
 */
import type { IROperation, IRService, IRStructure, IRTraits, IRType } from "./reconcile.js";

export interface ServiceInfo {
  /** Our service id (`glue`), the export of `src/contracts/services.ts`. */
  readonly id: string;
  readonly namespace: string;
  readonly sdkPackage: string;
  readonly sdkVersion: string;
  readonly modelFile: string;
}

// Names a structure may not take in the generated module: they would shadow what it uses.
const RESERVED = new Set(["Array", "Boolean", "Date", "Error", "Function", "Map", "Number", "Object", "Promise", "Record", "Set", "String", "Symbol", "JSON", "Math", "operation", "shape", "service"]);
export const ident = (name: string) => (RESERVED.has(name) ? `${name}_` : name);

const literal = (value: unknown) => JSON.stringify(value);

function scalarData(type: IRType): string {
  const parts = [`kind: ${literal(type.kind)}`];
  if (type.kind === "enum") parts.push(`name: ${literal(type.name)}`, `values: ${literal(type.values)}`);
  if ("length" in type && type.length) parts.push(`length: ${literal(type.length)}`);
  if ("pattern" in type && type.pattern) parts.push(`pattern: ${literal(type.pattern)}`);
  if ("range" in type && type.range) parts.push(`range: ${literal(type.range)}`);
  if (type.kind === "timestamp" && type.format) parts.push(`format: ${literal(type.format)}`);
  return `{ ${parts.join(", ")} }`;
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

const traitData = (traits: IRTraits): string[] =>
  Object.entries(traits)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}: ${literal(v)}`);

export function emitShapes(info: ServiceInfo, service: IRService): string {
  const scalars = new Map<string, string>();
  const scalarName = (type: IRType): string => {
    const data = scalarData(type);
    let name = scalars.get(data);
    if (!name) scalars.set(data, (name = `t${scalars.size}`));
    return name;
  };

  const emitted = new Set<string>();
  const inProgress = new Set<string>();
  const order: IRStructure[] = [];
  // Back edges of cycles: the member is written as a getter (the constant it names comes later).
  const lazy = new Set<string>();
  const visit = (name: string) => {
    if (emitted.has(name)) return;
    inProgress.add(name);
    const s = service.structures.get(name)!;
    const refs = (t: IRType): string[] => (t.kind === "ref" ? [t.name] : t.kind === "list" ? refs(t.member) : t.kind === "map" ? refs(t.value) : []);
    for (const m of s.members) {
      for (const r of refs(m.type)) {
        if (inProgress.has(r)) lazy.add(`${name}.${m.name}`);
        else visit(r);
      }
    }
    inProgress.delete(name);
    emitted.add(name);
    order.push(s);
  };
  for (const name of [...service.structures.keys()].sort()) visit(name);

  const dataOf = (type: IRType, traits: IRTraits = {}): string => {
    const extra = traitData(traits);
    let base: string;
    if (type.kind === "ref") base = ident(type.name);
    else if (type.kind === "list") base = `{ kind: "list", member: ${dataOf(type.member)}${type.length ? `, length: ${literal(type.length)}` : ""} }`;
    else if (type.kind === "map") base = `{ kind: "map", key: ${dataOf(type.key)}, value: ${dataOf(type.value)}${type.length ? `, length: ${literal(type.length)}` : ""} }`;
    else base = scalarName(type);
    return extra.length ? `{ ...${base}, ${extra.join(", ")} }` : base;
  };

  const body: string[] = [];
  for (const s of order) {
    const name = ident(s.name);
    const memberTypes = s.members.map((m) => `  readonly ${literal(m.name)}: ${typeOf(m.type)};`);
    const required = s.required.length ? s.required.map(literal).join(" | ") : "never";
    body.push(`export interface ${name} extends ${s.union ? "UnionShape" : "StructureShape"}<{${memberTypes.length ? `\n${memberTypes.join("\n")}\n` : ""}}${s.union ? "" : `, ${required}`}> {}`);
    const members = s.members.map((m) =>
      lazy.has(`${s.name}.${m.name}`) ? `    get ${literal(m.name)}() { return ${dataOf(m.type, m.traits)}; },` : `    ${literal(m.name)}: ${dataOf(m.type, m.traits)},`,
    );
    const fields = [
      `  kind: "structure",`,
      `  name: ${literal(s.name)},`,
      `  members: {${members.length ? `\n${members.join("\n")}\n  ` : ""}},`,
      `  required: ${literal(s.required)},`,
      ...(s.union ? [`  union: true,`] : []),
      ...(s.error ? [`  error: ${literal(s.error)},`] : []),
    ];
    body.push(`export const ${name} = shape<${name}>({\n${fields.join("\n")}\n});`);
  }
  const scalarLines = [...scalars.entries()].map(([data, name]) => `const ${name} = ${data} as const;`);
  return [
    `// Generated by \`npm run codegen\` from ${info.sdkPackage}@${info.sdkVersion} (structure) and ${info.modelFile} (constraints). Do not edit:`,
    `// hand knowledge lives in codegen/refinements/${info.id}.ts.`,
    `import type { BlobShape, BooleanShape, DocumentShape, EnumShape, ListShape, MapShape, NumberShape, StringShape, StructureShape, TimestampShape, UnionShape } from "../../model/shapes.js";`,
    `import { shape } from "../../model/shapes.js";`,
    "",
    ...scalarLines,
    "",
    ...body,
    "",
  ].join("\n");
}

function operationData(info: ServiceInfo, op: IROperation): string {
  const fields = [
    `  service: ${info.id},`,
    `  name: ${literal(op.name)},`,
    `  http: ${literal(op.http ? { method: op.http.method, path: op.http.path, code: op.http.code, ...(op.http.hostPrefix ? { hostPrefix: op.http.hostPrefix } : {}) } : { method: "POST", path: "/" })},`,
    `  input: s.${ident(op.input)},`,
    `  output: s.${ident(op.output)},`,
    `  errors: [${op.errors.map((e) => `s.${ident(e)}`).join(", ")}],`,
    ...(op.paginated ? [`  paginated: ${literal(op.paginated)},`] : []),
    ...(op.modelled ? [] : [`  constraints: false,`]),
  ];
  return `export const ${op.name} = operation({\n${fields.join("\n")}\n});`;
}

export function emitOperations(info: ServiceInfo, service: IRService): string {
  const ops = [...service.operations].sort((a, b) => (a.name < b.name ? -1 : 1));
  return [
    `// Generated by \`npm run codegen\` from ${info.sdkPackage}@${info.sdkVersion} and ${info.modelFile}. Do not edit.`,
    `import { operation } from "../operation.js";`,
    `import { ${info.id} } from "../services.js";`,
    `import * as s from "./shapes.js";`,
    "",
    ...ops.map((op) => operationData(info, op)),
    "",
    `/** Every operation of ${info.sdkPackage}@${info.sdkVersion}, by name. */`,
    `export const operations = [${ops.map((o) => o.name).join(", ")}] as const;`,
    "",
  ].join("\n");
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
