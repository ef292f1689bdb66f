import { readFileSync } from "node:fs";
import type { Shape, StructureShape } from "./shapes.js";

/** A member type as the generator writes it: a scalar by index, a structure by name, or a list or map of those. */
type TypeData = { readonly scalar?: number; readonly ref?: string; readonly kind?: "list" | "map"; readonly member?: TypeData; readonly key?: TypeData; readonly value?: TypeData } & Record<string, unknown>;

interface ShapeData {
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

/** The shapes of one service, read from their JSON file and linked the first time they are asked for. */
export function loadShapes<T>(file: URL): () => T {
  let shapes: T | undefined;
  return () => (shapes ??= linkShapes(JSON.parse(readFileSync(file, "utf8")) as ShapeData) as T);
}
