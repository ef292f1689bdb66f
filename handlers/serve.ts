import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseDateTime, parseEpochSeconds, registry, route, type OperationId, type Shape } from "../src/index.js";
import { resources } from "./resources.js";
import { reviveTimestamps } from "./timestamps.js";
import { CONTROL_PREFIX, control, type ControlTarget } from "./control.js";
import { createAwsMock, type AwsMock, type AwsMockOptions } from "./mock.js";
import type { SessionStore } from "./store.js";
import { checkAccount } from "../factories/core/factory.js";
import { credentialScope, frameworkError, type WireResponse } from "./wire.js";

export interface ServeOptions extends AwsMockOptions {
  /** Port on 127.0.0.1; 0 picks a free one. */
  readonly port?: number;
  /** A JSON file of sessions to add: `{ "glue.sessions": [{ "Id": "s-1", "Status": "READY" }], … }`. */
  readonly state?: string;
  /** Request bodies above this many bytes get HTTP 413 (default 16 MiB; AWS's own limits are lower). */
  readonly maxBodyBytes?: number;
  /** One line per AWS call (time, account, operation, status, duration), as text or JSON, to `onLog` (default: standard output). */
  readonly log?: "text" | "json";
  readonly onLog?: (line: string) => void;
}

export interface Served {
  /** The default account's mock: what a client whose access key id is not twelve digits talks to. */
  readonly mock: AwsMock;
  /** The mock of an account (a client whose access key id is those twelve digits), made on first use. */
  mockFor(account: string): AwsMock;
  /** The accounts that have a mock, the default one first. */
  accounts(): string[];
  readonly url: string;
  /** The sessions the state file added, each with the input that fetches it. */
  readonly added: readonly { readonly store: string; readonly input: Record<string, string> }[];
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 16 * 1024 * 1024;
/** Accounts one server keeps apart (parallel test workers); each beyond the default logs 4 MiB of bodies. */
const MAX_ACCOUNTS = 64;
const ACCOUNT_LOGGED_BYTES = 4 * 1024 * 1024;
const DEFAULT_LOGGED_CALLS = 1000;
/** Bytes of bodies the call log of `serve` keeps (the latest call is always kept). */
const DEFAULT_LOGGED_BYTES = 16 * 1024 * 1024;
/** Keys of a state-file entry that are options of `add`, not members of the session. */
const ADD_OPTIONS = ["lifecycle", "seed", "farmId", "queueId", "jobId"];

/** `path` names where the state came from: `the state file state.json`, or `the state` of a control request. */
const stateError = (path: string, where: string, what: string) => new Error(`[aws-sdk-contracts] Failed to load ${path}: ${where}: ${what}`);

/** JSON has no dates: timestamp members of a state file may be RFC 3339 strings or epoch seconds. */
function reviveDates(shape: Shape | undefined, value: unknown, at: string, path: string): unknown {
  return reviveTimestamps(shape, value, at, (given, where) => {
    if (given instanceof Date) return given;
    const date = typeof given === "number" && Number.isFinite(given) ? parseEpochSeconds(given) : typeof given === "string" ? parseDateTime(given) : undefined;
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
      throw stateError(path, where, `expected a timestamp (an RFC 3339 string such as "2024-03-01T12:00:00Z", or epoch seconds); got ${JSON.stringify(given)}${typeof date === "string" ? `: ${date}` : ""}.`);
    }
    return date;
  });
}

/** The structure a read operation's output holds a resource in (its output itself when none). */
function entityShapeOf(read: { response: { shape: Shape } }, name: string): Shape | undefined {
  const out = read.response.shape;
  if (out.kind !== "structure") return undefined;
  return Object.values(out.members as Record<string, Shape>).find((m) => m.kind === "structure" && m.name === name) ?? out;
}

async function loadState(mock: AwsMock, file: string): Promise<Served["added"]> {
  let state: unknown;
  try {
    state = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new Error(`[aws-sdk-contracts] Failed to read the state file ${file}: ${(error as Error).message}`);
  }
  return addState(mock, state, `the state file ${file}`);
}

/** Adds what a state object holds (the keys and checks of `--state`); `path` names its source in errors. */
export function addState(mock: AwsMock, state: unknown, path: string): Served["added"] {
  const stores: Record<string, SessionStore<any>> = {
    "glue.sessions": mock.glue.sessions,
    "deadline.sessions": mock.deadline.sessions,
    "deviceFarm.testGridSessions": mock.deviceFarm.testGridSessions,
    "deviceFarm.remoteAccessSessions": mock.deviceFarm.remoteAccessSessions,
  };
  if (!state || typeof state !== "object" || Array.isArray(state)) {
    throw stateError(path, "$", `expected an object of stores, such as { "glue.sessions": [{ "Id": "s-1", "Status": "READY" }] }; got ${Array.isArray(state) ? "an array" : JSON.stringify(state)}.`);
  }
  const added: { store: string; input: Record<string, string> }[] = [];
  for (const [name, list] of Object.entries(state)) {
    // Any resource the mock keeps, by `service:Resource` (`"glue:Table": [{ "DatabaseName": "sales", "Name": "orders" }]`).
    const resource = /^([A-Za-z]+):([A-Za-z]+)$/.exec(name);
    if (resource && !Object.hasOwn(stores, name)) {
      if (!Array.isArray(list)) throw stateError(path, `$[${JSON.stringify(name)}]`, `expected a list of resources; got ${JSON.stringify(list)}.`);
      if (!registry.resources(resource[1]!).some((r) => r.name === resource[2] && r.entity && r.operations.read)) {
        const known = registry.resources(resource[1]!).filter((r) => r.entity && r.operations.read).map((r) => r.name);
        throw stateError(path, `$[${JSON.stringify(name)}]`, `${resource[1]} has no resource "${resource[2]}" the mock keeps; known: ${known.join(", ") || "none"}.`);
      }
      for (const [i, entry] of list.entries()) {
        const at = `$[${JSON.stringify(name)}][${i}]`;
        if (!entry || typeof entry !== "object" || Array.isArray(entry)) throw stateError(path, at, `expected a resource object; got ${JSON.stringify(entry)}.`);
        try {
          const read = registry.resources(resource[1]!).find((r) => r.name === resource[2])?.operations.read;
          const op = read ? registry.find(`${resource[1]}:${read}`) : undefined;
          mock.resources.add(resource[1]!, resource[2]!, (op ? reviveDates(entityShapeOf(op, resource[2]!), entry, at, path) : entry) as Record<string, unknown>);
        } catch (error) {
          if ((error as Error).message.includes(`Failed to load ${path}`)) throw error;
          throw stateError(path, at, (error as Error).message.replace(/^\[aws-sdk-contracts\] /, ""));
        }
      }
      continue;
    }
    // Own keys only: `toString`, `__proto__` or `constructor` name no store.
    const store = Object.hasOwn(stores, name) ? stores[name] : undefined;
    if (!store) throw stateError(path, `$[${JSON.stringify(name)}]`, `unknown store; known: ${Object.keys(stores).join(", ")}, or a resource as service:Resource (glue:Table; models/RESOURCES.md lists them).`);
    // The ids a session is added under (Deadline's farm, queue and job) are held to the request contract of the store's operation.
    const binding = Object.entries(resources).find(([, r]) => r.store === name);
    const request = binding ? registry.get(binding[0] as OperationId).request : undefined;
    if (!Array.isArray(list)) throw stateError(path, `$["${name}"]`, `expected a list of sessions; got ${JSON.stringify(list)}.`);
    const shape = store.factory.contract.shape as Shape & { kind: "structure" };
    for (const [i, entry] of list.entries()) {
      const at = `$["${name}"][${i}]`;
      if (!entry || typeof entry !== "object" || Array.isArray(entry)) throw stateError(path, at, `expected a session object; got ${JSON.stringify(entry)}.`);
      const options: Record<string, unknown> = {};
      const members: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(entry as Record<string, unknown>)) {
        if (ADD_OPTIONS.includes(k) && !(k in shape.members)) options[k] = v;
        else members[k] = v;
      }
      const ids = Object.entries(options).filter(([k]) => request && Object.hasOwn(request.shape.members, k));
      if (ids.length && request) {
        const findings = request.validate(Object.fromEntries(ids)).findings.filter((f) => ids.some(([k]) => f.path === `$.${k}`));
        if (findings.length) throw stateError(path, `${at}.${findings[0]!.path.slice(2)}`, `${findings[0]!.message} Expected ${findings[0]!.expected}.`);
      }
      try {
        const session = store.add(reviveDates(shape, members, at, path) as never, options as never);
        added.push({ store: name, input: store.inputFor(session) });
      } catch (error) {
        if ((error as Error).message.includes(`Failed to load ${path}`)) throw error;
        throw stateError(path, at, (error as Error).message.replace(/^\[aws-sdk-contracts\] /, ""));
      }
    }
  }
  return added;
}

class BodyTooLarge extends Error {}

/** The request body as text, refused past `limit` bytes without holding more than that. */
async function text(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** An AWS-shaped error when no service can be told from the request: the code in the header and in `__type`. */
function unroutable(status: number, code: string, message: string): WireResponse {
  return {
    status,
    headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": code },
    body: JSON.stringify({ __type: code, message: `[aws-sdk-contracts] ${message}` }),
  };
}

/** The request's URL, or undefined when its target or Host header cannot make one (`Host: a b`, `GET http://[::1`). */
function requestUrl(req: IncomingMessage): URL | undefined {
  try {
    const host = req.headers.host && /^[A-Za-z0-9.-]*(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(req.headers.host) ? req.headers.host : "127.0.0.1";
    return new URL(req.url ?? "/", `http://${host}`);
  } catch {
    try {
      return new URL(req.url ?? "/", "http://127.0.0.1");
    } catch {
      return undefined;
    }
  }
}

/** The account a request's access key id names (twelve digits), from its signature. */
function accountOf(header: (name: string) => string | undefined): string | undefined {
  const key = credentialScope(header("authorization"))?.accessKeyId;
  return key && /^\d{12}$/.test(key) ? key : undefined;
}

/**
 * Serves the mock over HTTP on loopback, for clients outside JavaScript (`aws --endpoint-url`).
 * Every request gets an AWS-shaped answer, whatever it holds; bodies are limited and the call log bounded.
 * @example const served = await serve({ port: 0 }); // aws glue get-session --endpoint-url served.url …
 */
export async function serve(options: ServeOptions = {}): Promise<Served> {
  const { port = 4566, state, maxBodyBytes = DEFAULT_MAX_BODY, ...mockOptions } = options ?? {};
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`[aws-sdk-contracts] serve: port must be a whole number from 0 to 65535; got ${String(port)}.`);
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes <= 0) throw new TypeError(`[aws-sdk-contracts] serve: maxBodyBytes must be a positive whole number; got ${String(maxBodyBytes)}.`);
  const { log, onLog = (line: string) => process.stdout.write(`${line}\n`), ...baseOptions } = mockOptions;
  if (log !== undefined && log !== "text" && log !== "json") throw new TypeError(`[aws-sdk-contracts] serve: log must be "text" or "json"; got ${JSON.stringify(log)}.`);
  const mock = createAwsMock({ maxLoggedCalls: DEFAULT_LOGGED_CALLS, maxLoggedBytes: DEFAULT_LOGGED_BYTES, ...baseOptions });
  const added = state ? await loadState(mock, state) : [];
  // State per account: a client whose access key id is twelve digits is that account, as LocalStack does.
  const mocks = new Map<string, AwsMock>([[mock.account, mock]]);
  const mockFor = (account: string): AwsMock => {
    let m = mocks.get(account);
    if (!m) {
      checkAccount(account, "serve");
      if (mocks.size >= MAX_ACCOUNTS) throw new Error(`[aws-sdk-contracts] serve keeps at most ${MAX_ACCOUNTS} accounts apart; reset or restart it.`);
      mocks.set(account, (m = createAwsMock({ maxLoggedCalls: DEFAULT_LOGGED_CALLS, maxLoggedBytes: ACCOUNT_LOGGED_BYTES, ...baseOptions, account })));
    }
    return m;
  };
  const accounts = () => [...mocks.keys()];
  const target: ControlTarget = {
    defaultAccount: mock.account,
    mockFor,
    accounts,
    addState: (m, value) => addState(m, value, "the state"),
  };
  const write = (entry: { time: string; account: string; operation: string; status: number; durationMs: number }) =>
    onLog(log === "json" ? JSON.stringify(entry) : `${entry.time} ${entry.account} ${entry.operation} ${entry.status} ${entry.durationMs}ms`);

  const send = (res: ServerResponse, wire: WireResponse, close = false) => {
    if (res.headersSent) return;
    res.writeHead(wire.status, close ? { ...wire.headers, connection: "close" } : wire.headers);
    res.end(wire.body);
  };

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req);
    if (!url) return send(res, unroutable(400, "SerializationException", `The request target ${JSON.stringify(req.url)} is not a valid URL.`));
    const header = (name: string) => {
      const v = req.headers[name.toLowerCase()];
      return Array.isArray(v) ? v.join(", ") : v;
    };
    const method = req.method ?? "GET";
    try {
      if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) return send(res, await control(target, method, url, () => text(req, maxBodyBytes)));
      const account = accountOf(header);
      const started = performance.now();
      let answering: AwsMock;
      try {
        answering = account ? mockFor(account) : mock;
      } catch (error) {
        return send(res, unroutable(400, "InvalidClientTokenId", (error as Error).message.replace(/^\[aws-sdk-contracts\] /, "")));
      }
      // Routed once: for the mock, and for the log line's operation.
      const routed = route(method, url, header);
      const wire = await answering.answer({ method, url, header, body: () => text(req, maxBodyBytes) }, routed);
      if (log && wire) {
        write({ time: new Date().toISOString(), account: answering.account, operation: routed.kind === "operation" ? routed.operation.id : routed.kind === "unmodelled" ? `${routed.service.id}:${routed.name}` : "-", status: wire.status, durationMs: Math.round((performance.now() - started) * 10) / 10 });
      }
      if (wire) return send(res, wire);
      const missing = method === "POST" && !header("x-amz-target");
      send(
        res,
        method === "POST"
          ? unroutable(400, "UnknownOperationException", missing ? "The request has no X-Amz-Target header naming an operation." : `${String(header("x-amz-target"))} is not an operation of the modelled services.`)
          : unroutable(404, "UnknownOperationException", `${method} ${url.pathname} is not one of the modelled operations.`),
      );
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        const routed = route(method, url, header);
        const message = `Request body is larger than ${maxBodyBytes} bytes.`;
        send(res, routed.kind === "foreign" ? unroutable(413, "RequestEntityTooLargeException", message) : frameworkError(routed.kind === "operation" ? routed.operation.service : routed.service, 413, "RequestEntityTooLargeException", message), true);
        req.resume();
        return;
      }
      send(res, unroutable(500, "InternalFailure", (error as Error).message));
    }
  }

  const server: Server = createServer((req, res) => {
    // Nothing a client sends may take the server down: every failure becomes an answer.
    answer(req, res).catch(() => send(res, unroutable(500, "InternalFailure", "The mock could not answer this request.")));
  });
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`[aws-sdk-contracts] serve: port ${port} on 127.0.0.1 is in use; choose another with --port, or --port 0 for a free one.`) : error),
    );
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    mock,
    mockFor,
    accounts,
    url: `http://127.0.0.1:${bound}`,
    added,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
