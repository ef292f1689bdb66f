import { nodeBuiltin } from "../platform.js";
import type { Shape, StructureShape } from "./shapes.js";

/** A member type as the generator writes it: a scalar by index, a structure by name, or a list or map of those. */
type TypeData = { readonly scalar?: number; readonly ref?: string; readonly kind?: "list" | "map"; readonly member?: TypeData; readonly key?: TypeData; readonly value?: TypeData } & Record<string, unknown>;

export interface ShapeData {
  readonly scalars: readonly Record<string, unknown>[];
  readonly structures: Readonly<Record<string, { readonly members: Readonly<Record<string, TypeData>>; readonly required: readonly string[]; readonly union?: true; readonly error?: unknown }>>;
}

/**
 * Links generated shape data into shape objects: every structure is made first, then its members point at
 * the others, so shared structures are one object and a cycle is just a reference.
 */
export function linkShapes(data: ShapeData): Record<string, StructureShape> {
  const out: Record<string, StructureShape> = {};
  const members: Record<string, Record<string, Shape>> = {};
  for (const [name, s] of Object.entries(data.structures)) {
    members[name] = {};
    out[name] = { kind: "structure", name, members: members[name], required: s.required, ...(s.union ? { union: true } : {}), ...(s.error ? { error: s.error } : {}) } as StructureShape;
  }
  const scalars = data.scalars.map((s) => s as unknown as Shape);
  const resolve = (t: TypeData): Shape => {
    const { scalar, ref, kind, member, key, value, ...traits } = t;
    const base: Shape =
      scalar !== undefined
        ? scalars[scalar]!
        : ref !== undefined
          ? out[ref]!
          : kind === "list"
            ? ({ kind: "list", member: resolve(member!) } as Shape)
            : ({ kind: "map", key: resolve(key!), value: resolve(value!) } as Shape);
    // Traits of the member (sensitive, a header, a default) sit on a copy; structures keep their identity.
    return Object.keys(traits).length === 0 ? base : ({ ...base, ...traits } as Shape);
  };
  for (const [name, s] of Object.entries(data.structures)) {
    for (const [member, t] of Object.entries(s.members)) members[name]![member] = resolve(t);
  }
  return out;
}

/** A service's shapes, linked the first time they are asked for. */
export interface LazyShapes<T> {
  (): T;
  /** Loads the data as a module where there is no file system (a browser); in Node the first call reads the file. */
  load(): Promise<void>;
  /** Whether a call now would fail for want of `load()` (never in Node). */
  readonly pending: boolean;
}

/**
 * The shapes of one service. In Node they are read from their JSON file beside the module the first time
 * they are asked for; in a browser `load()` (the registry's `preload`) imports the same JSON as a module,
 * which a bundler puts in a chunk of its own, fetched only by a page that uses the service.
 */
export function loadShapes<T>(service: string, file: string, base: string, importData: () => Promise<{ default: unknown }>): LazyShapes<T> {
  let shapes: T | undefined;
  let data: ShapeData | undefined;
  const get = (): T => {
    if (shapes) return shapes;
    if (!data) {
      const fs = nodeBuiltin("node:fs");
      if (!fs) {
        throw new Error(
          `[aws-sdk-contracts] The ${service} contracts are not loaded yet: outside Node, call \`await preload("${service}")\` before building its factories or planning its answers (the mock's handlers load a service on its first call).`,
        );
      }
      data = JSON.parse(fs.readFileSync(new URL(file, base), "utf8")) as ShapeData;
    }
    return (shapes = linkShapes(data) as T);
  };
  const pending = () => !shapes && !data && !nodeBuiltin("node:fs");
  return Object.defineProperty(
    Object.assign(get, {
      load: async () => {
        if (!pending()) return;
        try {
          // A bundler follows this import; the file is a chunk of its own.
          data = (await importData()).default as ShapeData;
        } catch (error) {
          // Unbundled, outside Node (Deno, a Node without getBuiltinModule): JSON modules need their attribute.
          const url = new URL(file, base).href;
          try {
            data = (await import(/* @vite-ignore */ /* webpackIgnore: true */ url, { with: { type: "json" } })).default as ShapeData;
          } catch {
            throw error;
          }
        }
      },
    }),
    "pending",
    { get: pending },
  ) as LazyShapes<T>;
}
