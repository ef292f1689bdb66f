/**
 * Pass 1 of the generator: what the installed SDK client says. Operations come from its runtime schema
 * (`Op$` tuples of `@smithy/core/schema`), errors per operation and enum-typed members from its type
 * declarations (the only place the SDK keeps them), paginators from its paginator factories.
 */
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export type SdkModule = Record<string, unknown>;

export interface SdkOperation {
  readonly name: string;
  readonly traits: unknown;
  readonly input: unknown;
  readonly output: unknown;
  /** Error names from the command's `@throws` tags, in the order the SDK documents them. */
  readonly errors: readonly string[];
}

export interface SdkPaginator {
  readonly inputToken: string;
  readonly outputToken: string;
  readonly pageSize?: string;
}

export interface SdkClient {
  readonly package: string;
  readonly version: string;
  readonly module: SdkModule;
  readonly operations: readonly SdkOperation[];
  /** `Structure.member` → the enum type the SDK declares for it (`Session.Status` → `SessionStatus`). */
  readonly enumMembers: ReadonlyMap<string, string>;
  /** Enum objects the SDK exports, by name, with their values. */
  readonly enums: ReadonlyMap<string, readonly string[]>;
  readonly paginators: ReadonlyMap<string, SdkPaginator>;
}

const require = createRequire(import.meta.url);

function packageRoot(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/** Enum objects: exported plain objects whose values are all strings. */
function enumsOf(module: SdkModule): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, value] of Object.entries(module)) {
    if (!value || typeof value !== "object" || Array.isArray(value)) continue;
    const values = Object.values(value as Record<string, unknown>);
    if (values.length > 0 && values.every((v) => typeof v === "string")) out.set(name, values as string[]);
  }
  return out;
}

/** `interface X { member?: EnumName | undefined; list?: EnumName[] | undefined; map?: Record<string, EnumName> }` → `X.member` → `EnumName`. */
export function enumMembersOf(declarations: string, enums: ReadonlyMap<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  for (const block of declarations.matchAll(/export interface (\w+) \{([\s\S]*?)\n\}/g)) {
    for (const line of block[2]!.matchAll(/^ {4}(\w+)\??: (.+?)(?: \| undefined)?;$/gm)) {
      const type = line[2]!.replace(/^\((.*)\)\[\]$|^(.*)\[\]$/, "$1$2").replace(/^Record<string, (\w+)>$/, "$1");
      if (enums.has(type)) out.set(`${block[1]}.${line[1]}`, type);
    }
  }
  return out;
}

/** `@throws {@link EntityNotFoundException} (client fault)` tags of one command's declaration. */
export function throwsOf(declaration: string, serviceException: string): string[] {
  return [...declaration.matchAll(/@throws \{@link (\w+)\}/g)].map((m) => m[1]!).filter((name) => name !== serviceException);
}

/** `createPaginator(Client, XCommand, "NextToken", "NextToken", "MaxResults")` calls of the bundle. */
export function paginatorsOf(bundle: string): Map<string, SdkPaginator> {
  const out = new Map<string, SdkPaginator>();
  for (const m of bundle.matchAll(/createPaginator\(\w+, (\w+)Command, "(\w*)", "(\w*)", "(\w*)"\)/g)) {
    out.set(m[1]!, { inputToken: m[2]!, outputToken: m[3]!, ...(m[4] ? { pageSize: m[4] } : {}) });
  }
  return out;
}

export function readSdk(packageName: string, serviceException: string): SdkClient {
  const root = packageRoot(packageName);
  const module = require(packageName) as SdkModule;
  const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
  const enums = enumsOf(module);
  const modelsDir = join(root, "dist-types", "models");
  const declarations = readdirSync(modelsDir)
    .filter((f) => f.endsWith(".d.ts"))
    .sort()
    .map((f) => readFileSync(join(modelsDir, f), "utf8"))
    .join("\n");
  const operations = Object.entries(module)
    .filter(([key, value]) => key.endsWith("$") && Array.isArray(value) && value[0] === 9)
    .map(([, value]) => {
      const tuple = value as unknown[];
      const name = tuple[2] as string;
      const declaration = readFileSync(join(root, "dist-types", "commands", `${name}Command.d.ts`), "utf8");
      return { name, traits: tuple[3], input: tuple[4], output: tuple[5], errors: throwsOf(declaration, serviceException) };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const bundle = readFileSync(join(root, "dist-cjs", "index.js"), "utf8");
  return { package: packageName, version, module, operations, enumMembers: enumMembersOf(declarations, enums), enums, paginators: paginatorsOf(bundle) };
}
