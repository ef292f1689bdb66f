import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Operation } from "../contracts/operation.js";
import { registry } from "../contracts/registry.js";
import { CASSETTE } from "./formats.js";
import { findSecrets, isAwsHost, isSecretName, Pseudonyms, redactString, redactValue, SecretFound, sdkGuide, shapeGuide, type Guide } from "./redact.js";

export interface RecorderOptions {
  /** The folder cassettes are written to (created if missing). */
  readonly dir: string;
  /** Redaction is on by default; `false` writes what came (never use it for real traffic). */
  readonly redact?: boolean;
  /**
   * Key of the pseudonyms (HMAC-SHA-256), at least 16 characters: the same key gives the same replacement
   * for the same value, so cassettes recorded in several runs agree. By default a random key per recorder,
   * so a pseudonym cannot be reversed or confirmed by anyone; pin one only for reproducible cassettes, and
   * keep it out of the repository that holds them.
   */
  readonly key?: string | Uint8Array;
  /** Bodies larger than this many bytes are not recorded (default 8 MiB): the cassette is refused. */
  readonly maxBodyBytes?: number;
  /** Called when a cassette is refused (a secret survived redaction, or redaction could not be done). */
  readonly onRefused?: (refusal: Refusal) => void;
}

export interface Refusal {
  readonly operation: string;
  /** The kinds of secret found, never the secret itself. */
  readonly secrets: readonly string[];
  /** Why nothing was written when it was not a secret (redaction impossible, a file system error). */
  readonly reason?: string;
}

/** Request headers worth keeping; everything else (signatures, tokens, cookies, dates) is dropped. */
const REQUEST_HEADERS = new Set(["content-type", "x-amz-target"]);
/** Response headers worth keeping. */
const RESPONSE_HEADERS = new Set(["content-type", "x-amzn-requestid", "x-amzn-errortype", "retry-after"]);
const DEFAULT_MAX_BODY = 8 * 1024 * 1024;
const OPTION_KEYS = new Set(["dir", "redact", "key", "maxBodyBytes", "onRefused"]);

interface MiddlewareStack {
  add(middleware: unknown, options: { step: string; name: string; priority?: string; override?: boolean }): void;
  remove(name: string): boolean;
}

interface HttpRequestLike {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

interface HttpResponseLike {
  statusCode: number;
  headers: Record<string, string>;
  body?: unknown;
}

interface HandlerContext {
  clientName?: string;
  commandName?: string;
  __smithy_context?: { operationSchema?: readonly unknown[] };
}

const MIDDLEWARE = "awsSdkContractsRecorder";

/** Why a cassette cannot be written: the call goes on, the cassette is refused with this reason. */
class NotRecordable extends Error {}

/**
 * The bytes of a body, and whether reading consumed it (the SDK must then be handed the bytes).
 * A body of a kind we cannot read without consuming it for good is not recordable.
 */
async function collect(body: unknown): Promise<{ bytes: Uint8Array; consumed: boolean }> {
  if (body === undefined || body === null) return { bytes: new Uint8Array(), consumed: false };
  if (body instanceof Uint8Array) return { bytes: body, consumed: false };
  if (typeof body === "string") return { bytes: new TextEncoder().encode(body), consumed: false };
  if (body instanceof ArrayBuffer) return { bytes: new Uint8Array(body), consumed: false };
  if (typeof Blob !== "undefined" && body instanceof Blob) return { bytes: new Uint8Array(await body.arrayBuffer()), consumed: false };
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== "function") throw new NotRecordable(`the body is a ${Object.prototype.toString.call(body).slice(8, -1)}, which cannot be read without consuming it`);
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { bytes: out, consumed: true };
}

function validateOptions(options: RecorderOptions): void {
  if (!options || typeof options !== "object") throw new TypeError("[aws-sdk-contracts] recordResponses needs options: { dir: string, … }.");
  const unknown = Object.keys(options).filter((k) => !OPTION_KEYS.has(k));
  if (unknown.length) throw new TypeError(`[aws-sdk-contracts] Unknown recorder option ${unknown.map((k) => `"${k}"`).join(", ")}; known: ${[...OPTION_KEYS].join(", ")}.`);
  if (typeof options.dir !== "string" || options.dir === "") throw new TypeError("[aws-sdk-contracts] The recorder option dir must be a folder path.");
  if (options.redact !== undefined && typeof options.redact !== "boolean") throw new TypeError("[aws-sdk-contracts] The recorder option redact must be true or false.");
  if (options.maxBodyBytes !== undefined && !(Number.isSafeInteger(options.maxBodyBytes) && options.maxBodyBytes > 0)) {
    throw new TypeError(`[aws-sdk-contracts] The recorder option maxBodyBytes must be a positive whole number; got ${String(options.maxBodyBytes)}.`);
  }
  if (options.onRefused !== undefined && typeof options.onRefused !== "function") throw new TypeError("[aws-sdk-contracts] The recorder option onRefused must be a function.");
}

const decoder = new TextDecoder("utf-8", { fatal: true });

function text(bytes: Uint8Array, what: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new NotRecordable(`the ${what} body is not UTF-8 text`);
  }
}

/** Every string in a value (keys too), JSON bodies inside it parsed: what the secret scan reads, unescaped. */
function strings(value: unknown, out: string[], depth = 0): string[] {
  if (depth > 600) throw new NotRecordable("the cassette is nested too deeply to scan");
  if (typeof value === "string") {
    out.push(value);
    const first = value.trimStart()[0];
    if (first === "{" || first === "[") {
      try {
        strings(JSON.parse(value), out, depth + 1);
      } catch (error) {
        if (error instanceof NotRecordable) throw error;
      }
    }
  } else if (Array.isArray(value)) for (const v of value) strings(v, out, depth + 1);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out, depth + 1);
    }
  }
  return out;
}

/**
 * Records every response an SDK client receives as a cassette, redacted before it is written.
 * An SDK middleware sees the exact bytes the SDK parses, whatever the transport (real network,
 * MSW, a direct handler), and knows which command made the call. Fail-closed: a body that cannot be
 * redacted structurally (not JSON, too large, too deep, a stream) or a cassette in which a secret
 * survives is refused, never written; the application's call always goes on.
 * @example const recorder = recordResponses({ dir: "recordings" }); recorder.attach(new GlueClient({}));
 */
export function recordResponses(options: RecorderOptions) {
  validateOptions(options);
  const redact = options.redact ?? true;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const pseudonyms = new Pseudonyms(options.key);
  const written: string[] = [];
  const refused: Refusal[] = [];
  let count = 0;
  mkdirSync(options.dir, { recursive: true });

  const refuse = (refusal: Refusal) => {
    refused.push(refusal);
    try {
      options.onRefused?.(refusal);
    } catch {
      // The user's callback must not fail the user's call either.
    }
  };

  /** A JSON body, redacted with what the model (or the SDK schema) says of it. */
  function redactBody(body: string, guide: Guide | undefined, what: string): string {
    if (body === "") return "";
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new NotRecordable(`the ${what} body is not JSON, so it cannot be redacted member by member`);
    }
    try {
      return JSON.stringify(redactValue(parsed, guide, pseudonyms));
    } catch (error) {
      if (error instanceof SecretFound) throw error;
      throw new NotRecordable(`the ${what} body could not be redacted (${(error as Error).message})`);
    }
  }

  function url(request: HttpRequestLike): string {
    const host = redact && !isAwsHost(request.hostname) ? pseudonyms.host(request.hostname) : request.hostname;
    const path = redact ? redactString(request.path, pseudonyms) : request.path;
    const query = Object.entries(request.query ?? {}).flatMap(([k, v]) =>
      (v === null ? [null] : Array.isArray(v) ? v : [v]).map((x) => {
        if (x === null) return encodeURIComponent(k);
        const value = !redact ? x : isSecretName(k) ? pseudonyms.secret(x) : redactString(x, pseudonyms);
        return `${encodeURIComponent(k)}=${encodeURIComponent(value)}`;
      }),
    );
    return `${request.protocol}//${host}${request.port ? `:${request.port}` : ""}${path}${query.length ? `?${query.join("&")}` : ""}`;
  }

  function headers(all: Record<string, string>, allowed: Set<string>): Record<string, string> {
    if (!redact) return all;
    return Object.fromEntries(Object.entries(all).filter(([k]) => allowed.has(k.toLowerCase())).map(([k, v]) => [k.toLowerCase(), redactString(String(v), pseudonyms)]));
  }

  function cassette(op: Operation | undefined, schema: readonly unknown[] | undefined, id: string, request: HttpRequestLike, requestBody: string, response: HttpResponseLike, responseBody: string) {
    const ok = response.statusCode < 300;
    const responseGuide = ok ? (op ? shapeGuide(op.response.shape) : sdkGuide(schema?.[5])) : undefined;
    const requestGuide = op ? shapeGuide(op.request.shape) : sdkGuide(schema?.[4]);
    return {
      format: CASSETTE,
      operation: id,
      recordedAt: new Date().toISOString(),
      request: {
        method: request.method,
        url: url(request),
        headers: headers(request.headers, REQUEST_HEADERS),
        body: redact ? redactBody(requestBody, requestGuide, "request") : requestBody,
      },
      response: { status: response.statusCode, headers: headers(response.headers, RESPONSE_HEADERS), body: redact ? redactBody(responseBody, responseGuide, "response") : responseBody },
    };
  }

  function write(id: string, text: string): void {
    // Never overwrite an earlier recording.
    const stem = `${new Date().toISOString().replace(/[:.]/g, "-")}-${id.replace(/[^A-Za-z0-9]+/g, "-")}`;
    for (let attempt = 0; attempt < 1000; attempt++) {
      const file = join(options.dir, `${stem}-${String(++count).padStart(4, "0")}.cassette.json`);
      try {
        writeFileSync(file, text, { flag: "wx" });
        written.push(file);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
        throw new NotRecordable(`not written: ${(error as Error).message}`);
      }
    }
  }

  async function record(args: { request: HttpRequestLike }, response: HttpResponseLike, context: HandlerContext, id: string, op: Operation | undefined): Promise<void> {
    const { bytes, consumed } = await collect(response.body);
    // The SDK reads the body after us: hand it the bytes we took.
    if (consumed) response.body = bytes;
    if (bytes.length > maxBody) throw new NotRecordable(`the response body has ${bytes.length} bytes; the recorder redacts at most ${maxBody} (maxBodyBytes)`);
    const requestBytes = (await collect(args.request.body)).bytes;
    if (requestBytes.length > maxBody) throw new NotRecordable(`the request body has ${requestBytes.length} bytes; the recorder redacts at most ${maxBody} (maxBodyBytes)`);
    const schema = context.__smithy_context?.operationSchema;
    const entry = cassette(op, schema, id, args.request, text(requestBytes, "request"), response, text(bytes, "response"));
    const out = `${JSON.stringify(entry, null, 2)}\n`;
    if (redact) {
      const secrets = [...new Set([...findSecrets(out), ...findSecrets(strings(entry, []).join("\n"))])];
      if (secrets.length > 0) {
        refuse({ operation: id, secrets });
        return;
      }
    }
    write(id, out);
  }

  const middleware =
    (next: (args: { request: HttpRequestLike }) => Promise<{ response: HttpResponseLike }>, context: HandlerContext) =>
    async (args: { request: HttpRequestLike }) => {
      const result = await next(args);
      const op = registry.operations.find((o) => o.sdk.client === context.clientName && o.sdk.command === context.commandName) as Operation | undefined;
      const id = op?.id ?? `${context.clientName ?? "client"}:${context.commandName ?? "command"}`;
      try {
        await record(args, result.response, context, id, op);
      } catch (error) {
        // Whatever happens here, the user's call goes on; nothing half-redacted is written.
        if (error instanceof SecretFound) refuse({ operation: id, secrets: [error.secret] });
        else refuse({ operation: id, secrets: [], reason: error instanceof NotRecordable ? error.message : `not recorded: ${(error as Error)?.message ?? String(error)}` });
      }
      return result;
    };

  return {
    /** Cassettes written so far. */
    written: written as readonly string[],
    /** Calls whose cassette was refused: a secret survived redaction, or the body could not be redacted. */
    refused: refused as readonly Refusal[],
    /** Records the responses of this client from now on; returns the client. */
    attach<C extends { middlewareStack: unknown }>(client: C): C {
      (client.middlewareStack as MiddlewareStack).add(middleware, { step: "deserialize", name: MIDDLEWARE, priority: "low", override: true });
      return client;
    },
    /** Stops recording this client. */
    detach<C extends { middlewareStack: unknown }>(client: C): C {
      (client.middlewareStack as MiddlewareStack).remove(MIDDLEWARE);
      return client;
    },
  };
}
