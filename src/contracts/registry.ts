import { operations as deadlineOperations, resources as deadlineResources } from "./deadline/operations.js";
import { operations as deviceFarmOperations, resources as deviceFarmResources } from "./device-farm/operations.js";
import { operations as glueOperations, resources as glueResources } from "./glue/operations.js";
import { shapes as deadlineShapes } from "./deadline/shapes.js";
import { shapes as deviceFarmShapes } from "./device-farm/shapes.js";
import { shapes as glueShapes } from "./glue/shapes.js";
import type { Resource } from "./resources.js";
import type { LazyShapes } from "../model/link.js";
import type { SdkOf, WireOf } from "../model/types.js";
import type { Operation } from "./operation.js";

/**
 * The operation registry: the one place that says which operations exist. Factories, handlers,
 * the checker, the CLI and the completeness tests all read this list; none keeps its own.
 */
export const operations = [...glueOperations, ...deadlineOperations, ...deviceFarmOperations] as const;

export type RegisteredOperation = (typeof operations)[number];
export type OperationId = RegisteredOperation["id"];
/** The operation with this id; for an id that is any of several (a union), the general `Operation`. */
export type OperationById<Id extends OperationId> = [OperationId] extends [Id] ? Operation : Extract<RegisteredOperation, { readonly id: Id }>;

/** An SDK command given as its instance (`new GetSessionCommand(…)`), or as package and command name. */
export type SdkCommandRef = { readonly schema?: unknown } | { readonly package: string; readonly command: string };

export interface Match {
  readonly operation: Operation;
  /** URI labels taken from the path, for restJson operations. */
  readonly params: Readonly<Record<string, string>>;
}

const byId = new Map<string, Operation>(operations.map((op) => [op.id, op]));
const models = [
  [glueOperations, glueResources, glueShapes],
  [deadlineOperations, deadlineResources, deadlineShapes],
  [deviceFarmOperations, deviceFarmResources, deviceFarmShapes],
] as const;
/** Each service's resource model, by the service id its operations carry. */
const resourceModels = new Map<string, () => readonly Resource[]>(models.map(([ops, load]) => [ops[0].service.id, load]));
/** Each service's shape data, by service id: loaded as a module outside Node (`preload`). */
const shapeData = new Map<string, LazyShapes<unknown>>(models.map(([ops, , shapes]) => [ops[0].service.id, shapes]));
const byTarget = new Map<string, Operation>(operations.flatMap((op) => (op.target ? [[op.target, op] as const] : [])));

interface PathMatcher {
  readonly operation: Operation;
  readonly method: string;
  readonly regex: RegExp;
  readonly literal: number;
  /** Path segments of the template; a template without a greedy label matches only paths with as many. */
  readonly segments: number;
  readonly greedy: boolean;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * restJson routes: labels match one path segment, greedy labels (`{key+}`) the rest of the path; the
 * query string is not part of the route. A route with more literal text wins over one with less.
 */
const pathMatchers: PathMatcher[] = (operations as readonly Operation[])
  .filter((op) => !op.target)
  .map((op) => {
    const path = op.http.path.split("?")[0]!;
    const source = path
      .split(/(\{[^}]+\})/)
      .map((part) => {
        if (!part.startsWith("{")) return escape(part);
        const greedy = part.endsWith("+}");
        const name = part.slice(1, greedy ? -2 : -1);
        return `(?<${name}>${greedy ? ".+" : "[^/]+"})`;
      })
      .join("");
    return {
      operation: op,
      method: op.http.method,
      regex: new RegExp(`^${source}$`),
      literal: path.replace(/\{[^}]+\}/g, "").length,
      segments: path.split("/").length,
      greedy: path.includes("+}"),
    };
  })
  .sort((a, b) => b.literal - a.literal);

/** The registry's service ids, in the order their operations come (`glue`, `deadline`, `deviceFarm`). */
const serviceIds: readonly string[] = [...new Set(operations.map((op) => op.service.id))];

/** A sentence for an id that names no operation, with the closest ids (same name, other case or service). */
export function unknownOperation(id: string): string {
  const name = id.split(":").pop()!.toLowerCase();
  const close = [...byId.keys()].filter((k) => k.toLowerCase() === id.toLowerCase() || k.split(":")[1]!.toLowerCase() === name).slice(0, 5);
  return `Unknown operation "${id}".${close.length ? ` Did you mean ${close.join(" or ")}?` : ""} Ids are service:Operation, for the services ${serviceIds.join(", ")} (e.g. glue:GetJobRun).`;
}

export const registry = {
  operations: operations as readonly RegisteredOperation[],
  /** The services' ids (`glue`, `deadline`, `deviceFarm`). */
  services: serviceIds,

  /** A service's resources (identifiers, parent, lifecycle operations, errors), read on first use; empty for an unknown service. */
  resources(service: string): readonly Resource[] {
    return resourceModels.get(service)?.() ?? [];
  },

  /**
   * Loads the services' contracts (all, or those named) where they cannot be read on first use: in a
   * browser, before building factories or planning answers synchronously. In Node it returns at once.
   */
  async preload(...services: string[]): Promise<void> {
    for (const service of services) {
      if (!shapeData.has(service)) throw new Error(`[aws-sdk-contracts] preload: unknown service ${JSON.stringify(service)}; known: ${serviceIds.join(", ")}.`);
    }
    await Promise.all((services.length ? services : serviceIds).map((service) => shapeData.get(service)!.load()));
  },

  /** Whether a service's contracts must be loaded (`preload`) before synchronous use: never in Node. */
  pending(service: string): boolean {
    return shapeData.get(service)?.pending ?? false;
  },

  /** The operation with this id, e.g. `glue:GetSession`; throws with the known ids if there is none. */
  get<Id extends OperationId>(id: Id): OperationById<Id> {
    const op = byId.get(id) as OperationById<Id> | undefined;
    if (!op) {
      throw new Error(`[aws-sdk-contracts] ${unknownOperation(id)}`);
    }
    return op;
  },

  /** The operation with this id, or undefined. */
  find(id: string): Operation | undefined {
    return byId.get(id);
  },

  /** The operation an SDK command invokes. */
  bySdkCommand(ref: SdkCommandRef): Operation | undefined {
    if ("schema" in ref) {
      if (!Array.isArray(ref.schema)) return undefined;
      const [, namespace, name] = ref.schema as [unknown, string, string];
      return operations.find((op) => op.service.namespace === namespace && op.name === name);
    }
    if (!("package" in ref)) return undefined;
    return operations.find((op) => op.sdk.package === ref.package && op.sdk.command === ref.command);
  },

  /** The awsJson operation named by an `X-Amz-Target` header value. */
  byTarget(target: string): Operation | undefined {
    return byTarget.get(target);
  },

  /** The restJson operation bound to this method and path (the path without query, after any endpoint base path). */
  byRoute(method: string, path: string): Match | undefined {
    const upper = method.toUpperCase();
    const segments = path.split("/").length;
    for (const m of pathMatchers) {
      if (m.method !== upper || (!m.greedy && m.segments !== segments)) continue;
      const found = m.regex.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      // A label that is not valid %-encoding stays as written: the request contract then rejects it, as AWS does.
      for (const [k, v] of Object.entries(found.groups ?? {})) params[k] = safeDecode(v);
      return { operation: m.operation, params };
    }
    return undefined;
  },
};

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The SDK-side output of an operation as its response contract decodes it (no `$metadata`). */
export type OutputOf<Id extends OperationId> = SdkOf<OperationById<Id>["response"]["shape"]>;
/** The names of the errors an operation models. */
export type ErrorNameOf<Id extends OperationId> = OperationById<Id> extends { readonly errorNames?: infer E } ? Exclude<E, undefined> : string;
/** The SDK-side input of an operation. */
export type InputOf<Id extends OperationId> = SdkOf<OperationById<Id>["request"]["shape"]>;
/** The wire JSON of an operation's response. */
export type WireOutputOf<Id extends OperationId> = WireOf<OperationById<Id>["response"]["shape"], OperationById<Id>["protocol"]["defaultTimestampFormat"]>;

/** Loads services' contracts where they cannot be read on first use (a browser): `await preload("deadline")`. */
export const preload = (...services: string[]): Promise<void> => registry.preload(...services);
