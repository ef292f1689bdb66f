import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Operation } from "../contracts/operation.js";
import { registry } from "../contracts/registry.js";
import { CASSETTE } from "./formats.js";
import { findSecrets, isAwsHost, Pseudonyms, redactString, redactValue } from "./redact.js";

export interface RecorderOptions {
  /** The folder cassettes are written to (created if missing). */
  readonly dir: string;
  /** Redaction is on by default; `false` writes what came (never use it for real traffic). */
  readonly redact?: boolean;
  /** Salt of the pseudonyms: the same salt gives the same replacement for the same value. */
  readonly salt?: string;
  /** Called when a cassette is refused because a secret survived redaction. */
  readonly onRefused?: (refusal: Refusal) => void;
}

export interface Refusal {
  readonly operation: string;
  /** The kinds of secret found, never the secret itself. */
  readonly secrets: readonly string[];
  /** Why nothing was written when it was not a secret (a file system error). */
  readonly reason?: string;
}

/** Request headers worth keeping; everything else (signatures, tokens, cookies, dates) is dropped. */
const REQUEST_HEADERS = new Set(["content-type", "x-amz-target"]);
/** Response headers worth keeping. */
const RESPONSE_HEADERS = new Set(["content-type", "x-amzn-requestid", "x-amzn-errortype", "retry-after"]);

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
  headers: Record<string, string>;
  body?: unknown;
}

interface HttpResponseLike {
  statusCode: number;
  headers: Record<string, string>;
  body?: unknown;
}

const MIDDLEWARE = "awsSdkContractsRecorder";

async function collect(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  if (typeof body === "string") return new TextEncoder().encode(body);
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const keep = (headers: Record<string, string>, allowed: Set<string>) =>
  Object.fromEntries(Object.entries(headers).filter(([k]) => allowed.has(k.toLowerCase())).map(([k, v]) => [k.toLowerCase(), v]));

/**
 * Records every response an SDK client receives as a cassette, redacted before it is written.
 * An SDK middleware sees the exact bytes the SDK parses, whatever the transport (real network,
 * MSW, a direct handler), and knows which command made the call.
 * @example const recorder = recordResponses({ dir: "recordings" }); recorder.attach(new GlueClient({}));
 */
export function recordResponses(options: RecorderOptions) {
  const redact = options.redact ?? true;
  const pseudonyms = new Pseudonyms(options.salt);
  const written: string[] = [];
  const refused: Refusal[] = [];
  let count = 0;
  mkdirSync(options.dir, { recursive: true });

  function cassette(op: Operation | undefined, id: string, request: HttpRequestLike, requestBody: string, response: HttpResponseLike, responseBody: string) {
    const host = redact && !isAwsHost(request.hostname) ? pseudonyms.host(request.hostname) : request.hostname;
    const path = redact ? redactString(request.path, pseudonyms) : request.path;
    let body: string = responseBody;
    let reqBody: string = requestBody;
    if (redact) {
      const shape = response.statusCode < 300 ? op?.response.shape : undefined;
      try {
        body = JSON.stringify(redactValue(JSON.parse(responseBody), shape, pseudonyms));
      } catch {
        body = redactString(responseBody, pseudonyms);
      }
      try {
        reqBody = requestBody ? JSON.stringify(redactValue(JSON.parse(requestBody), op?.request.shape, pseudonyms)) : "";
      } catch {
        reqBody = redactString(requestBody, pseudonyms);
      }
    }
    return {
      format: CASSETTE,
      operation: id,
      recordedAt: new Date().toISOString(),
      request: {
        method: request.method,
        url: `${request.protocol}//${host}${request.port ? `:${request.port}` : ""}${path}`,
        headers: redact ? keep(request.headers, REQUEST_HEADERS) : request.headers,
        body: reqBody,
      },
      response: { status: response.statusCode, headers: redact ? keep(response.headers, RESPONSE_HEADERS) : response.headers, body },
    };
  }

  const middleware =
    (next: (args: { request: HttpRequestLike }) => Promise<{ response: HttpResponseLike }>, context: { clientName?: string; commandName?: string }) =>
    async (args: { request: HttpRequestLike }) => {
      const result = await next(args);
      const response = result.response;
      const bytes = await collect(response.body);
      // The SDK reads the body after us: hand it the bytes we took.
      response.body = bytes;
      const op = registry.operations.find((o) => o.sdk.client === context.clientName && o.sdk.command === context.commandName) as Operation | undefined;
      const id = op?.id ?? `${context.clientName ?? "client"}:${context.commandName ?? "command"}`;
      const requestBody = args.request.body === undefined ? "" : new TextDecoder().decode(await collect(args.request.body));
      const record = cassette(op, id, args.request, requestBody, response, new TextDecoder().decode(bytes));
      const text = `${JSON.stringify(record, null, 2)}\n`;
      const secrets = redact ? findSecrets(text) : [];
      if (secrets.length > 0) {
        const refusal = { operation: id, secrets };
        refused.push(refusal);
        options.onRefused?.(refusal);
        return result;
      }
      // Never overwrite an earlier recording, and never fail the user's call because of a cassette.
      const stem = `${new Date().toISOString().replace(/[:.]/g, "-")}-${id.replace(/[^A-Za-z0-9]+/g, "-")}`;
      for (let attempt = 0; attempt < 1000; attempt++) {
        const file = join(options.dir, `${stem}-${String(++count).padStart(4, "0")}.cassette.json`);
        try {
          writeFileSync(file, text, { flag: "wx" });
          written.push(file);
          return result;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
          const refusal = { operation: id, secrets: [], reason: `not written: ${(error as Error).message}` };
          refused.push(refusal);
          options.onRefused?.(refusal);
          return result;
        }
      }
      return result;
    };

  return {
    /** Cassettes written so far. */
    written: written as readonly string[],
    /** Calls whose cassette was refused because a secret survived redaction. */
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
