import type { Level } from "../contracts/build.js";
import type { Operation } from "../contracts/operation.js";
import { registry } from "../contracts/registry.js";
import { route } from "../contracts/routing.js";
import type { Shape, StructureShape } from "../model/shapes.js";

/** The recording formats the checker reads. */
export const formats = ["wire", "har", "aws-cli", "sdk-json", "cassette"] as const;
export type Format = (typeof formats)[number];

/** The version tag of the cassettes `recordResponses` writes. */
export const CASSETTE = "aws-sdk-contracts/cassette@1";

/** One response to check: a body, what it answers, and how its timestamps are written. */
export interface Entry {
  /** Where in the document (`$`, `$.log.entries[3]`). */
  readonly location: string;
  readonly operation: Operation;
  /** `response`, or the name of the error the body carries. */
  readonly part: string;
  readonly status?: number;
  readonly body: unknown;
  readonly level: Level;
}

export type Detected =
  | { readonly format: Format; readonly entries: readonly Entry[]; readonly skipped: number }
  | { readonly problem: { readonly code: "unknown_operation" | "unknown_format" | "invalid_entry"; readonly message: string } };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Timestamp members of a shape, as paths of member names (lists and maps are not walked: none hold timestamps here). */
function timestampValues(shape: Shape, value: unknown, out: unknown[] = []): unknown[] {
  if (shape.kind === "timestamp") out.push(value);
  else if (shape.kind === "structure" && isObject(value)) {
    for (const [name, member] of Object.entries(shape.members as Record<string, Shape>)) if (name in value) timestampValues(member, value[name], out);
  } else if (shape.kind === "list" && Array.isArray(value)) for (const v of value) timestampValues(shape.member, v, out);
  return out;
}

/**
 * The operation a body answers, told apart by its top-level members (derived from the registry).
 * Undefined when no operation, or more than one, fits equally well.
 */
const outputMembers = registry.operations.map((op) => ({ op: op as Operation, members: new Set(Object.keys((op.response.shape as StructureShape).members)) }));

export function operationOfBody(body: unknown): Operation | undefined {
  if (!isObject(body)) return undefined;
  const keys = Object.keys(body).filter((k) => k !== "$metadata");
  if (keys.length === 0) return undefined;
  const scored = outputMembers.map(({ op, members }) => ({ op, score: keys.filter((k) => members.has(k)).length / keys.length }));
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  return best >= 0.5 && top.length === 1 ? top[0]!.op : undefined;
}

/** AWS CLI prints timestamps as ISO strings with a numeric offset (`…+00:00`); the wire never does. */
const cliTimestamp = /^\d{4}-\d{2}-\d{2}T[\d:.]+[+-]\d{2}:\d{2}$/;

function documentEntry(body: Record<string, unknown>, options: DetectOptions): Detected {
  const op = options.operation ?? operationOfBody(body);
  if (!op) {
    return {
      problem: {
        code: "unknown_operation",
        message: `Cannot tell which operation this response answers (top-level members: ${Object.keys(body).join(", ") || "none"}); pass --operation with one of ${registry.operations.map((o) => o.id).join(", ")}.`,
      },
    };
  }
  let format = options.format;
  if (!format) {
    if ("$metadata" in body) format = "sdk-json";
    else if (options.mayHaveOffsets === false) format = "wire";
    else {
      const stamps = timestampValues(op.response.shape, body);
      format = stamps.some((v) => typeof v === "string" && cliTimestamp.test(v)) ? "aws-cli" : "wire";
    }
  }
  const level: Level = format === "wire" ? "wire" : "sdk-json";
  return { format, skipped: 0, entries: [{ location: "$", operation: op, part: "response", body, level }] };
}

/** The error an error response names, read the way the SDK does for the protocol. */
function errorName(op: Operation, headers: Record<string, string>, body: unknown): string | undefined {
  const header = headers["x-amzn-errortype"];
  const type = isObject(body) && typeof body.__type === "string" ? body.__type : undefined;
  const codeKey = isObject(body) ? Object.keys(body).find((k) => k.toLowerCase() === "code" && typeof body[k] === "string") : undefined;
  const code = codeKey ? String((body as Record<string, unknown>)[codeKey]) : undefined;
  // The SDK's lookup order: awsJson reads the body first, restJson the header first (aws-wire.md §4.1).
  const raw = op.protocol.errorCodeLocation === "__type" ? (type ?? code ?? header) : (header ?? code ?? type);
  return raw?.split(/[:,]/)[0]?.split("#").pop();
}

function parseBody(text: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  if (typeof text !== "string" || text === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

/** An HTTP exchange (from a HAR entry or a cassette) as a check entry, or why it is not one of ours. */
function exchangeEntry(
  location: string,
  request: { method: string; url: string; headers: Record<string, string> },
  response: { status: number; headers: Record<string, string>; text: unknown },
  forced?: Operation,
): Entry | { skip: true } | { problem: string } {
  let op = forced;
  if (!op) {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return { skip: true };
    }
    const routed = route(request.method.toUpperCase(), url, (name) => request.headers[name.toLowerCase()]);
    if (routed.kind !== "operation") return { skip: true };
    op = routed.operation;
  }
  // An aborted exchange (status 0) or one recorded without its body says nothing about the contract.
  if (!(response.status >= 100) || (response.text === undefined && response.status < 300)) return { skip: true };
  const parsed = parseBody(response.text);
  if (!parsed.ok) return { problem: `${location}: the response body is not JSON (${parsed.message}).` };
  if (response.status < 300) return { location, operation: op, part: "response", status: response.status, body: parsed.value, level: "wire" };
  const name = errorName(op, response.headers, parsed.value);
  const error = op.errors.find((e) => e.name === name);
  if (!error) return { skip: true };
  return { location, operation: op, part: name!, status: response.status, body: parsed.value, level: "wire" };
}

/** Headers as HAR writes them (`[{ name, value }]`) or as a cassette does (`{ name: value }`), by lower-case name. */
const lowerHeaders = (list: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (Array.isArray(list)) {
    for (const h of list) if (isObject(h) && typeof h.name === "string") out[h.name.toLowerCase()] = String(h.value ?? "");
  } else if (isObject(list)) {
    for (const [k, v] of Object.entries(list)) out[k.toLowerCase()] = String(v);
  }
  return out;
};

/** One HAR entry (`log.entries[i]`) as a check entry. */
export function harEntry(entry: unknown, index: number, forced?: Operation): Entry | { skip: true } | { problem: string } {
  const location = `$.log.entries[${index}]`;
  if (!isObject(entry) || !isObject(entry.request) || !isObject(entry.response)) return { problem: `${location}: not a HAR entry (request and response objects expected).` };
  const content = isObject(entry.response.content) ? entry.response.content : {};
  let text = content.text;
  if (typeof text === "string" && content.encoding === "base64") text = Buffer.from(text, "base64").toString("utf8");
  return exchangeEntry(
    location,
    { method: String(entry.request.method ?? "GET"), url: String(entry.request.url ?? ""), headers: lowerHeaders(entry.request.headers) },
    { status: Number(entry.response.status ?? 0), headers: lowerHeaders(entry.response.headers), text },
    forced,
  );
}

export interface DetectOptions {
  readonly format?: Format;
  readonly operation?: Operation;
  /** False when the source text holds no ISO timestamp with a numeric offset (so it cannot be AWS CLI output). */
  readonly mayHaveOffsets?: boolean;
}

/** Works out the format of a parsed document and the responses in it. */
export function detect(document: unknown, options: DetectOptions = {}): Detected {
  const { format } = options;
  if (!isObject(document)) {
    return { problem: { code: "unknown_format", message: `Expected a JSON object (a response body, a HAR file or a cassette), found ${Array.isArray(document) ? "an array" : typeof document}.` } };
  }
  if (format === "har" || (!format && isObject(document.log) && Array.isArray(document.log.entries))) {
    if (!isObject(document.log) || !Array.isArray(document.log.entries)) {
      return { problem: { code: "unknown_format", message: "Not a HAR file: no log.entries array." } };
    }
    const log = document.log;
    const list = Array.isArray(log.entries) ? log.entries : [];
    const entries: Entry[] = [];
    let skipped = 0;
    for (const [i, e] of list.entries()) {
      const r = harEntry(e, i, options.operation);
      if ("skip" in r) skipped++;
      else if ("problem" in r) return { problem: { code: "invalid_entry", message: r.problem } };
      else entries.push(r);
    }
    return { format: "har", entries, skipped };
  }
  if (format === "cassette" || (!format && document.format === CASSETTE)) {
    const request = isObject(document.request) ? document.request : {};
    const response = isObject(document.response) ? document.response : {};
    const forced = options.operation ?? (typeof document.operation === "string" ? registry.find(document.operation) : undefined);
    const r = exchangeEntry(
      "$.response",
      { method: String(request.method ?? "POST"), url: String(request.url ?? ""), headers: lowerHeaders(request.headers) },
      { status: Number(response.status ?? 0), headers: lowerHeaders(response.headers), text: response.body },
      forced,
    );
    if ("problem" in r) return { problem: { code: "invalid_entry", message: r.problem } };
    if ("skip" in r) return { problem: { code: "unknown_operation", message: `The cassette's exchange is not one of the modelled operations; pass --operation.` } };
    return { format: "cassette", entries: [r], skipped: 0 };
  }
  return documentEntry(document, options);
}
