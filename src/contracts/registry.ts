import { GetSession as DeadlineGetSession } from "./deadline/GetSession.js";
import { GetRemoteAccessSession } from "./device-farm/GetRemoteAccessSession.js";
import { GetTestGridSession } from "./device-farm/GetTestGridSession.js";
import { GetSession as GlueGetSession } from "./glue/GetSession.js";
import type { SdkOf, WireOf } from "../model/types.js";
import type { Operation } from "./operation.js";

/**
 * The operation registry: the one place that says which operations exist. Factories, handlers,
 * the checker, the CLI and the completeness tests all read this list; none keeps its own.
 */
export const operations = [GlueGetSession, DeadlineGetSession, GetTestGridSession, GetRemoteAccessSession] as const;

export type RegisteredOperation = (typeof operations)[number];
export type OperationId = RegisteredOperation["id"];
export type OperationById<Id extends OperationId> = Extract<RegisteredOperation, { readonly id: Id }>;

/** An SDK command given as its instance (`new GetSessionCommand(…)`), or as package and command name. */
export type SdkCommandRef = { readonly schema?: unknown } | { readonly package: string; readonly command: string };

export interface Match {
  readonly operation: Operation;
  /** URI labels taken from the path, for restJson operations. */
  readonly params: Readonly<Record<string, string>>;
}

const byId = new Map<string, Operation>(operations.map((op) => [op.id, op]));
const byTarget = new Map<string, Operation>(operations.flatMap((op) => (op.target ? [[op.target, op] as const] : [])));

interface PathMatcher {
  readonly operation: Operation;
  readonly method: string;
  readonly regex: RegExp;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const pathMatchers: PathMatcher[] = operations
  .filter((op) => !op.target)
  .map((op) => {
    const source = op.http.path
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith("{") ? `(?<${part.slice(1, -1).replace("+", "")}>[^/]*)` : escape(part)))
      .join("");
    return { operation: op, method: op.http.method, regex: new RegExp(`^${source}$`) };
  });

export const registry = {
  operations: operations as readonly RegisteredOperation[],

  /** The operation with this id, e.g. `glue:GetSession`; throws with the known ids if there is none. */
  get<Id extends OperationId>(id: Id): OperationById<Id> {
    const op = byId.get(id) as OperationById<Id> | undefined;
    if (!op) {
      throw new Error(`[aws-sdk-contracts] Unknown operation "${id}". Known operations: ${[...byId.keys()].join(", ")}.`);
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
    for (const m of pathMatchers) {
      if (m.method !== upper) continue;
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
/** The SDK-side input of an operation. */
export type InputOf<Id extends OperationId> = SdkOf<OperationById<Id>["request"]["shape"]>;
/** The wire JSON of an operation's response. */
export type WireOutputOf<Id extends OperationId> = WireOf<OperationById<Id>["response"]["shape"], OperationById<Id>["protocol"]["defaultTimestampFormat"]>;
