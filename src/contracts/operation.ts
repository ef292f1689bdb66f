import type { Shape, StructureShape } from "../model/shapes.js";
import { string, structure } from "../model/shapes.js";
import type { Protocol } from "../protocols/protocols.js";
import { Contract } from "./contract.js";

/** A service as the SDK and the wire know it. */
export interface Service {
  /** Our id, also the namespace users see (`glue`, `deadline`, `deviceFarm`). */
  readonly id: string;
  readonly title: string;
  /** Smithy namespace, e.g. `com.amazonaws.glue`. */
  readonly namespace: string;
  readonly protocol: Protocol;
  /** `X-Amz-Target` prefix for awsJson services (`AWSGlue`, `DeviceFarm_20150623`). */
  readonly targetPrefix?: string;
  /** First label of the regional host (`glue` in `glue.us-west-2.amazonaws.com`). */
  readonly endpointPrefix: string;
  readonly signingName: string;
  readonly apiVersion: string;
  readonly sdk: {
    readonly package: string;
    readonly client: string;
    readonly serviceException: string;
  };
}

export const service = <const S extends Service>(definition: S): S => definition;

export interface HttpBinding {
  readonly method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "HEAD";
  /** Path template with `{label}` segments, as in Smithy `@http(uri)`. */
  readonly path: string;
  readonly code: number;
  /** Smithy `@endpoint(hostPrefix)`, e.g. `management.`. */
  readonly hostPrefix?: string;
}

export interface ErrorContract {
  readonly name: string;
  readonly shape: StructureShape;
  readonly fault: "client" | "server";
  /** The HTTP status AWS sends, from `@httpError` or the protocol default. */
  readonly httpStatus: number;
  readonly retryable?: { readonly throttling: boolean };
  /** Members bound to headers, by member name (`retryAfterSeconds` -> `Retry-After`). */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as AWS writes it (with `__type` where the protocol puts the code in the body). */
  readonly body: Contract;
}

export interface OperationDefinition<I extends StructureShape, O extends StructureShape, Svc extends Service, N extends string> {
  readonly service: Svc;
  readonly name: N;
  readonly http: Omit<HttpBinding, "code"> & { readonly code?: number };
  /** The shapes, given as functions: an operation's shapes are built when its contracts are first used. */
  readonly input: () => I;
  readonly output: () => O;
  readonly errors: () => readonly StructureShape[];
  /** The names of those errors, known without building their shapes. */
  readonly errorNames?: readonly string[];
  /** The output's member names, known without building its shape (the check tells operations apart by them). */
  readonly outputMembers: readonly string[];
  /** Smithy `@paginated`: the tokens, page size and items of a list operation. */
  readonly paginated?: Paginated;
  /** False for an operation AWS's model does not have yet (only the SDK): its shapes carry no constraints. */
  readonly constraints?: false;
}

export interface Paginated {
  readonly inputToken: string;
  readonly outputToken: string;
  readonly pageSize?: string;
  readonly items?: string;
}

/** Everything the package knows about one operation; built once, read by factories, handlers and the checker. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the defaults stand for "any operation"
export interface Operation<I extends StructureShape = any, O extends StructureShape = any> {
  /** `service:Operation`, e.g. `glue:GetSession`. */
  readonly id: string;
  readonly name: string;
  readonly service: Service;
  readonly protocol: Protocol;
  readonly sdk: { readonly package: string; readonly client: string; readonly command: string };
  readonly http: HttpBinding;
  /** `X-Amz-Target` for awsJson operations. */
  readonly target?: string;
  /** Names of the request members bound to URI labels, in path order. */
  readonly labels: readonly string[];
  readonly request: Contract<I>;
  readonly response: Contract<O>;
  readonly errors: readonly ErrorContract[];
  /** The names of the errors it models, known without building their shapes (before a browser has loaded them). */
  readonly modelledErrors: readonly string[];
  readonly paginated?: Paginated;
  /** The output's member names, known without building its shape. */
  readonly outputMembers: readonly string[];
  /** Whether AWS's model gives this operation's constraints (false: structure only, from the SDK). */
  readonly constraints: boolean;
}

const labelsOf = (path: string): string[] => [...path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]!);

/** One error contract per service and error shape, however many operations list it. */
const errorContracts = new WeakMap<StructureShape, ErrorContract>();

function errorContract(service: Service, shape: StructureShape): ErrorContract {
  let contract = errorContracts.get(shape);
  if (!contract) errorContracts.set(shape, (contract = buildErrorContract(service, shape)));
  return contract;
}

function buildErrorContract(service: Service, shape: StructureShape): ErrorContract {
  const error = shape.error;
  if (!error) throw new Error(`[aws-sdk-contracts] ${shape.name} is listed as an error but has no error traits.`);
  const protocol = service.protocol;
  const headers: Record<string, string> = {};
  const bodyMembers: Record<string, Shape> = {};
  for (const [name, member] of Object.entries(shape.members) as [string, Shape][]) {
    if (member.httpHeader) headers[name] = member.httpHeader;
    else bodyMembers[name] = member;
  }
  const required = shape.required.filter((name: string) => name in bodyMembers);
  if (protocol.errorCodeLocation === "__type") {
    // The error's own name, bare or namespaced, as AWS writes it (`NotFoundException`, `com.amazonaws.glue#…`).
    bodyMembers.__type = string({ pattern: `^(?:[A-Za-z0-9._]+#)?${shape.name}(?::.*)?$` });
    required.push("__type");
  }
  const body = structure(shape.name, bodyMembers, { required });
  return {
    name: shape.name,
    shape,
    fault: error.fault,
    httpStatus: error.httpStatus ?? (error.fault === "server" ? 500 : 400),
    ...(error.retryable ? { retryable: error.retryable } : {}),
    headers,
    body: new Contract(`${service.id} ${shape.name}`, body, protocol.defaultTimestampFormat),
  };
}

/** Declares an operation; everything derivable (id, target, labels, contracts) is derived here. */
export function operation<I extends StructureShape, O extends StructureShape, Svc extends Service, const N extends string>(
  definition: OperationDefinition<I, O, Svc, N>,
): Operation<I, O> & { readonly id: `${Svc["id"]}:${N}`; readonly name: N; readonly service: Svc } {
  const { service: svc, name } = definition;
  const protocol = svc.protocol;
  const id = `${svc.id}:${name}` as `${Svc["id"]}:${N}`;
  const format = protocol.defaultTimestampFormat;
  // Contracts are made the first time they are asked for: importing the registry builds no shape.
  let request: Contract<I> | undefined;
  let response: Contract<O> | undefined;
  let errors: readonly ErrorContract[] | undefined;
  return {
    id,
    name,
    service: svc,
    protocol,
    sdk: { package: svc.sdk.package, client: svc.sdk.client, command: `${name}Command` },
    http: { code: 200, ...definition.http },
    ...(protocol.targetHeader ? { target: `${svc.targetPrefix}.${name}` } : {}),
    labels: labelsOf(definition.http.path),
    get request() {
      return (request ??= new Contract(`${id} request`, definition.input(), format));
    },
    get response() {
      return (response ??= new Contract(`${id} response`, definition.output(), format, true));
    },
    get errors() {
      return (errors ??= definition.errors().map((shape) => errorContract(svc, shape)));
    },
    get modelledErrors() {
      return definition.errorNames ?? this.errors.map((e) => e.name);
    },
    ...(definition.paginated ? { paginated: definition.paginated } : {}),
    outputMembers: definition.outputMembers,
    constraints: definition.constraints !== false,
  };
}

/** An operation as the generated tuple types declare it: its service, name and shapes. */
export type Declared<Svc extends Service, N extends string, I extends StructureShape, O extends StructureShape, E extends string = never> = Operation<I, O> & {
  readonly id: `${Svc["id"]}:${N}`;
  readonly name: N;
  readonly service: Svc;
  /** The names of the errors the operation models (a type only: `errors` holds their contracts). */
  readonly errorNames?: E;
};

interface OperationData {
  readonly name: string;
  readonly http: Omit<HttpBinding, "code"> & { readonly code?: number };
  readonly input: string;
  readonly output: string;
  readonly errors: readonly string[];
  readonly outputMembers: readonly string[];
  readonly paginated?: Paginated;
  readonly constraints?: false;
}

/**
 * The operations of one service, from their generated JSON (imported as a module: routing needs it); each
 * operation's shapes are built the first time its contracts are used.
 */
export function loadOperations<T>(svc: Service, json: unknown, shapes: () => object): T {
  const table = shapes as () => Record<string, StructureShape>;
  return (json as readonly OperationData[]).map((d) =>
    operation({
      service: svc,
      name: d.name,
      http: d.http,
      input: () => table()[d.input]!,
      output: () => table()[d.output]!,
      errors: () => d.errors.map((e) => table()[e]!),
      errorNames: d.errors,
      outputMembers: d.outputMembers,
      ...(d.paginated ? { paginated: d.paginated } : {}),
      ...(d.constraints === false ? { constraints: false as const } : {}),
    }),
  ) as unknown as T;
}
