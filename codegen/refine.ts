import type { IRService, IRTraits } from "./reconcile.js";

/** `Structure.member` → traits to add, and why (every entry is backed by a test). */
export type Refinements = Readonly<Record<string, { readonly traits: IRTraits; readonly why: string }>>;

/** Pass 2b: hand refinements applied to the reconciled service; one that names nothing is an error. */
export function refine(service: IRService, refinements: Refinements): void {
  for (const [path, { traits }] of Object.entries(refinements)) {
    const [structure, member] = path.split(".") as [string, string];
    const target = service.structures.get(structure)?.members.find((m) => m.name === member);
    if (!target) throw new Error(`refinement ${path} names no member of the SDK's shapes`);
    Object.assign(target.traits, traits);
  }
}
