import { registry, type OperationId, type Shape } from "../src/index.js";
import { packageVersion } from "../src/version.js";
import type { AwsMock } from "./mock.js";
import { reviveTimestamps } from "./timestamps.js";
import type { WireResponse } from "./wire.js";

/**
 * The control API of `serve`, under a path prefix AWS never uses: what a test suite in any language needs
 * between its calls (reset, add state, plan faults and answers, read the calls), JSON in and out. Every
 * endpoint takes `?account=<12 digits>` (the account a client's access key id names); without it, the
 * server's default account, except `reset`, which then resets every account.
 */
export const CONTROL_PREFIX = "/_aws-sdk-contracts/v1";

/** What the control API reaches of the server: its accounts' mocks and how state is added. */
export interface ControlTarget {
  /** The default account (a client whose access key id is not twelve digits). */
  readonly defaultAccount: string;
  /** The mock of an account, made on first use. */
  mockFor(account: string): AwsMock;
  /** The accounts that have a mock. */
  accounts(): string[];
  /** Adds a state object (the `--state` file's keys and checks). */
  addState(mock: AwsMock, state: unknown): readonly { readonly store: string; readonly input: Record<string, string> }[];
}

/** A control request's error: the status and the library's own message. */
class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const json = (status: number, body: unknown): WireResponse => ({ status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const bad = (message: string) => new ControlError(400, message.replace(/^\[aws-sdk-contracts\] /, ""));

/** What an endpoint is given: the server, the account the request names (if any), its mock, and the body. */
interface ControlRequest {
  readonly target: ControlTarget;
  readonly account: string | undefined;
  /** The mock of the account named, else of the default account. */
  mock(): AwsMock;
  body(): Promise<string>;
}

/** The endpoints, by method and path after the prefix (what a 404 lists), each with its answer. */
const ENDPOINTS: Readonly<Record<string, (request: ControlRequest) => Promise<WireResponse> | WireResponse>> = {
  "GET /health": ({ target }) => json(200, { status: "ok", version: packageVersion(), services: registry.services, defaultAccount: target.defaultAccount, accounts: target.accounts() }),
  "POST /reset": async ({ target, account, body }) => {
    const { service } = object(await readJson(body, true), ["service"]);
    if (service !== undefined && typeof service !== "string") throw bad(`service must be a service id (${registry.services.join(", ")}); got ${JSON.stringify(service)}.`);
    const accounts = account ? [account] : target.accounts();
    for (const a of accounts) attempt(() => target.mockFor(a).reset(service as string | undefined));
    return json(200, { reset: { accounts, ...(service ? { service } : {}) } });
  },
  "POST /state": async ({ target, mock, body }) => {
    const state = await readJson(body, false);
    const added = attempt(() => target.addState(mock(), state));
    return json(200, { added });
  },
  "POST /faults": async ({ mock, body }) => {
    const { operation, fault, times } = object(await readJson(body, false), ["operation", "fault", "times"]);
    const id = operationId(operation);
    attempt(() => mock().fault(id, fault as never, times === undefined ? {} : { times: times as number }));
    return json(200, { planned: { operation: id, times: times ?? 1 } });
  },
  "POST /answers": async ({ mock, body }) => {
    const { operation, output, times, validate } = object(await readJson(body, false), ["operation", "output", "times", "validate"]);
    const id = operationId(operation);
    if (!output || typeof output !== "object" || Array.isArray(output)) throw bad(`output must be an object of the ${id} output's members; got ${JSON.stringify(output)}.`);
    const partial = revive(registry.get(id).response.shape, output);
    attempt(() => mock().respondWith(id, partial as never, { ...(times === undefined ? {} : { times: times as number }), ...(validate === undefined ? {} : { validate: validate as boolean }) }));
    return json(200, { planned: { operation: id, times: times ?? 1 } });
  },
  "GET /calls": ({ mock }) => json(200, { calls: mock().calls.map((c) => ({ operation: c.operation, input: c.input, attempt: c.attempt, ...(c.status !== undefined ? { status: c.status } : {}) })) }),
  "DELETE /calls": ({ mock }) => {
    const m = mock();
    const cleared = m.calls.length;
    m.clearCalls();
    return json(200, { cleared });
  },
};

/** Answers a control request; `body` is read only by the endpoints that take one. */
export async function control(target: ControlTarget, method: string, url: URL, body: () => Promise<string>): Promise<WireResponse> {
  try {
    const path = url.pathname.slice(CONTROL_PREFIX.length) || "/";
    const endpoint = `${method.toUpperCase()} ${path.replace(/\/$/, "") || "/"}`;
    const names = Object.keys(ENDPOINTS);
    if (!Object.hasOwn(ENDPOINTS, endpoint)) {
      const known = names.some((e) => e.endsWith(` ${path.replace(/\/$/, "")}`));
      throw new ControlError(known ? 405 : 404, `${endpoint} is not an endpoint of the control API; endpoints: ${names.map((e) => e.replace(" ", ` ${CONTROL_PREFIX}`)).join(", ")}.`);
    }
    const account = accountParam(url);
    return await ENDPOINTS[endpoint]!({ target, account, mock: () => target.mockFor(account ?? target.defaultAccount), body });
  } catch (error) {
    if (error instanceof ControlError) return json(error.status, { message: error.message });
    return json(500, { message: (error as Error).message.replace(/^\[aws-sdk-contracts\] /, "") });
  }
}

/** The `account` query parameter, checked: twelve digits. */
function accountParam(url: URL): string | undefined {
  const account = url.searchParams.get("account");
  if (account === null) return undefined;
  if (!/^\d{12}$/.test(account)) throw bad(`account must be twelve digits (an AWS account id); got ${JSON.stringify(account)}.`);
  return account;
}

/** The body as JSON; an empty body is `{}` where the endpoint's members are all optional. */
async function readJson(body: () => Promise<string>, optional: boolean): Promise<unknown> {
  const text = await body();
  if (text.trim() === "") {
    if (optional) return {};
    throw bad("The request body is empty; this endpoint takes a JSON object.");
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw bad(`The request body is not JSON: ${(error as Error).message}.`);
  }
}

/** A JSON object with only the known members. */
function object(value: unknown, known: readonly string[]): Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw bad(`The request body must be a JSON object with ${known.join(", ")}; got ${JSON.stringify(value)}.`);
  const unknown = Object.keys(value).filter((k) => !known.includes(k));
  if (unknown.length) throw bad(`Unknown member ${unknown.map((k) => JSON.stringify(k)).join(", ")}; known: ${known.join(", ")}.`);
  return value as Record<string, unknown>;
}

/** An operation id, checked: `service:Operation` of the registry, with the registry's own message when it is not. */
function operationId(value: unknown): OperationId {
  if (typeof value !== "string") throw bad(`operation must be an operation id such as "glue:GetJobRun"; got ${JSON.stringify(value)}.`);
  return attempt(() => registry.get(value as OperationId).id as OperationId);
}

/** Runs a library call; its error (a bad fault, an unknown store) is the control request's 400, in the library's words. */
function attempt<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw bad((error as Error).message);
  }
}

/** JSON has no dates: timestamp members of a planned output may be RFC 3339 strings or epoch seconds (what is neither, the contract refuses). */
function revive(shape: Shape | undefined, value: unknown): unknown {
  return reviveTimestamps(shape, value, "$", (given) => {
    if (typeof given !== "string" && typeof given !== "number") return given;
    const date = typeof given === "number" ? new Date(given * 1000) : new Date(given);
    return Number.isNaN(date.getTime()) ? given : date;
  });
}
