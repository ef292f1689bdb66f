import { gunzipSync } from "node:zlib";
import type { Level } from "../contracts/build.js";
import type { Operation } from "../contracts/operation.js";
import { registry } from "../contracts/registry.js";
import { MAX_DEPTH, nestsDeeper } from "../contracts/depth.js";
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

/** Why one entry of a document (or the whole document) could not be checked. */
interface DetectProblem {
  readonly code: "unknown_operation" | "unknown_format" | "invalid_entry" | "too_deep" | "too_large";
  readonly message: string;
}

export type Detected =
  | { readonly format: Format; readonly entries: readonly Entry[]; readonly skipped: number; readonly problems: readonly DetectProblem[] }
  | { readonly problem: DetectProblem };

const tooDeep = (where: string): DetectProblem => ({ code: "too_deep", message: `${where} nests deeper than ${MAX_DEPTH} levels; no AWS response does, so it is not checked.` });

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
let outputMembers: Map<string, { op: Operation; members: Set<string> }[]> | undefined;

/** The operations whose output has a member, by member name. */
function indexOutputs(): Map<string, { op: Operation; members: Set<string> }[]> {
  const index = new Map<string, { op: Operation; members: Set<string> }[]>();
  for (const op of registry.operations as readonly Operation[]) {
    const entry = { op, members: new Set(op.outputMembers) };
    for (const m of entry.members) index.set(m, [...(index.get(m) ?? []), entry]);
  }
  return index;
}

export function operationOfBody(body: unknown): Operation | undefined {
  if (!isObject(body)) return undefined;
  const keys = Object.keys(body).filter((k) => k !== "$metadata");
  if (keys.length === 0) return undefined;
  // Recordings of one operation share their top-level members: the answer is kept per set of members.
  const signature = keys.join("\0");
  if (detected.has(signature)) return detected.get(signature);
  const op = scoreOperations(keys);
  if (detected.size >= 1000) detected.clear();
  detected.set(signature, op);
  return op;
}

const detected = new Map<string, Operation | undefined>();

function scoreOperations(keys: readonly string[]): Operation | undefined {
  // Member names come with the registry: telling operations apart builds no shape. Only outputs that
  // have at least one of the body's members are scored.
  outputMembers ??= indexOutputs();
  const candidates = new Set(keys.flatMap((k) => outputMembers!.get(k) ?? []));
  let best: { op: Operation; members: Set<string> }[] = [];
  let bestKnown = 0;
  let bestExtra = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const known = keys.filter((k) => candidate.members.has(k)).length;
    // Most keys known first; then the output with the fewest members the body lacks (the most specific).
    const extra = candidate.members.size - known;
    if (known > bestKnown || (known === bestKnown && extra < bestExtra)) [best, bestKnown, bestExtra] = [[candidate], known, extra];
    else if (known === bestKnown && extra === bestExtra) best.push(candidate);
  }
  if (bestKnown / keys.length < 0.5 || best.length === 0) return undefined;
  if (best.length === 1) return best[0]!.op;
  // Several outputs fit (`GetSession` and `CreateSession` both answer `{ Session }`): when they are the same
  // members of the same shapes, the check is the same whichever is named, and a reader is named first.
  const membersOf = (op: Operation) => (op.response.shape as StructureShape).members as Record<string, unknown>;
  const first = membersOf(best[0]!.op);
  const same = (m: Record<string, unknown>) => Object.keys(m).length === Object.keys(first).length && Object.entries(m).every(([k, v]) => first[k] === v);
  if (!best.every(({ op }) => same(membersOf(op)))) return undefined;
  const rank = (name: string) => ["Get", "Describe", "List"].findIndex((verb) => name.startsWith(verb)) >>> 0;
  return best.map(({ op }) => op).sort((a, b) => rank(a.name) - rank(b.name) || (a.id < b.id ? -1 : 1))[0];
}

/** AWS CLI prints timestamps as ISO strings with a numeric offset (`…+00:00`); the wire never does. */
const cliTimestamp = /^\d{4}-\d{2}-\d{2}T[\d:.]+[+-]\d{2}:\d{2}$/;

function documentEntry(body: Record<string, unknown>, options: DetectOptions): Detected {
  // An awsJson error body (`{"__type":"EntityNotFoundException","Message":…}`) is checked against that error.
  if (typeof body.__type === "string" && (!options.format || options.format === "wire")) {
    const name = body.__type.split(/[:,]/)[0]!.split("#").pop()!;
    const op = options.operation;
    if (!op) {
      const owners = registry.operations.filter((o) => o.errors.some((e) => e.name === name));
      return { problem: { code: "unknown_operation", message: `This is an error body (${name}${owners.length ? `, an error of ${owners.length} operation${owners.length === 1 ? "" : "s"}` : ""}); pass --operation with the operation that answered it, such as ${owners[0]?.id ?? "glue:GetJobRun"}.` } };
    }
    if (!op.errors.some((e) => e.name === name)) {
      return { problem: { code: "invalid_entry", message: `This is an error body (${name}), which ${op.id} does not model; its errors are ${op.errors.map((e) => e.name).join(", ")}.` } };
    }
    return { format: "wire", skipped: 0, problems: [], entries: [{ location: "$", operation: op, part: name, body, level: "wire" }] };
  }
  const op = options.operation ?? operationOfBody(body);
  if (!op) {
    return {
      problem: {
        code: "unknown_operation",
        message: `Cannot tell which operation this response answers (top-level members: ${Object.keys(body).join(", ") || "none"}); pass --operation with its id, such as glue:GetSession.`,
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
  return { format, skipped: 0, problems: [], entries: [{ location: "$", operation: op, part: "response", body, level }] };
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

const GZIP = /^\x1f\x8b/;

function parseBody(text: unknown, headers: Record<string, string>): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text === undefined || text === "") return { ok: true, value: {} };
  if (typeof text !== "string") return { ok: false, message: `the body must be JSON text (a string); found ${Array.isArray(text) ? "an array" : text === null ? "null" : `a${typeof text === "object" ? "n" : ""} ${typeof text}`}` };
  if (GZIP.test(text) || /gzip|br|deflate/i.test(headers["content-encoding"] ?? "") && !/^\s*[{[]/.test(text)) {
    return { ok: false, message: `the body is compressed (content-encoding: ${headers["content-encoding"] ?? "gzip"}); export the HAR with decoded content, or with the body base64-encoded` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: `the body is not JSON (${(e as Error).message})` };
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
  const parsed = parseBody(response.text, response.headers);
  if (!parsed.ok) return { problem: `${location}: ${parsed.message}.` };
  if (nestsDeeper(parsed.value)) return { problem: tooDeep(`${location}: the response body`).message };
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

/**
 * How much a HAR's compressed bodies may inflate to: at most `perEntry` bytes each (the check's `maxBytes`)
 * and `remaining` bytes in all, so a small file of decompression bombs is refused entry by entry.
 */
export interface InflateBudget {
  readonly perEntry: number;
  remaining: number;
}

/** The budget of one HAR: each body within `maxBytes`, all of them within eight times that. */
export const inflateBudget = (maxBytes: number): InflateBudget => ({ perEntry: maxBytes, remaining: maxBytes * 8 });

const mib = (n: number) => (n < 1024 * 1024 ? `${n} bytes` : `${(n / 1024 / 1024).toFixed(1)} MiB`);

/** One HAR entry (`log.entries[i]`) as a check entry; a body that inflates beyond the budget is a `too_large` problem. */
export function harEntry(entry: unknown, index: number, forced?: Operation, budget: InflateBudget = inflateBudget(64 * 1024 * 1024)): Entry | { skip: true } | { problem: string; code?: "too_large" } {
  const location = `$.log.entries[${index}]`;
  if (!isObject(entry) || !isObject(entry.request) || !isObject(entry.response)) return { problem: `${location}: not a HAR entry (request and response objects expected).` };
  try {
    const content = isObject(entry.response.content) ? entry.response.content : {};
    let text = content.text;
    if (typeof text === "string" && content.encoding === "base64") {
      const bytes = Buffer.from(text, "base64");
      // A compressed body saved as base64 is still the body AWS sent: read it as the SDK would, within the budget.
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
        const limit = Math.max(0, Math.min(budget.perEntry, budget.remaining));
        let inflated: Buffer;
        try {
          inflated = gunzipSync(bytes, { maxOutputLength: Math.max(1, limit) });
        } catch (error) {
          if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
            const why = limit < budget.perEntry ? `the HAR's compressed bodies inflate to more than ${mib(budget.perEntry * 8)} in all` : `it inflates to more than ${mib(budget.perEntry)}`;
            return { code: "too_large", problem: `${location}: the gzip body was not checked: ${why} (raise it with --max-bytes or the maxBytes option).` };
          }
          throw error;
        }
        budget.remaining -= inflated.length;
        text = inflated.toString("utf8");
      } else text = bytes.toString("utf8");
    }
    return exchangeEntry(
      location,
      { method: String(entry.request.method ?? "GET"), url: String(entry.request.url ?? ""), headers: lowerHeaders(entry.request.headers) },
      { status: Number(entry.response.status ?? 0), headers: lowerHeaders(entry.response.headers), text },
      forced,
    );
  } catch (error) {
    return { problem: `${location}: ${(error as Error).message}.` };
  }
}

/** A HAR document: `log` holds what HAR's `log` holds (Deadline's `log` member holds `logDriver`, never these). */
const isHar = (document: Record<string, unknown>) => isObject(document.log) && ("entries" in document.log || "creator" in document.log || "version" in document.log || "pages" in document.log);

export interface DetectOptions {
  readonly format?: Format;
  readonly operation?: Operation;
  /** False when the source text holds no ISO timestamp with a numeric offset (so it cannot be AWS CLI output). */
  readonly mayHaveOffsets?: boolean;
  /** The file is named `*.har`: it must be a HAR document. */
  readonly harFile?: boolean;
  /** The most bytes one compressed HAR body may inflate to (the check's `maxBytes`). */
  readonly maxBytes?: number;
  /** HAR only: each entry is handed here as it is read, instead of being collected in `entries`. */
  readonly visit?: (entry: Entry) => void;
}

/** Works out the format of a parsed document and the responses in it. */
export function detect(document: unknown, options: DetectOptions = {}): Detected {
  const { format } = options;
  if (!isObject(document)) {
    return { problem: { code: "unknown_format", message: `Expected a JSON object (a response body, a HAR file or a cassette), found ${Array.isArray(document) ? "an array" : typeof document}.` } };
  }
  if (format === "har" || (!format && (isHar(document) || options.harFile))) {
    if (!isObject(document.log) || !Array.isArray(document.log.entries)) {
      return { problem: { code: "unknown_format", message: "Not a HAR file: no log.entries array." } };
    }
    const entries: Entry[] = [];
    const problems: DetectProblem[] = [];
    let skipped = 0;
    // One problem per bad entry; every other entry is still checked (the streaming reader does the same).
    const budget = inflateBudget(options.maxBytes ?? 64 * 1024 * 1024);
    for (const [i, e] of document.log.entries.entries()) {
      const r = harEntry(e, i, options.operation, budget);
      if ("skip" in r) skipped++;
      else if ("problem" in r) problems.push({ code: r.code ?? "invalid_entry", message: r.problem });
      // Checked as soon as it is read, when the caller asks: only one inflated body is held at a time.
      else if (options.visit) options.visit(r);
      else entries.push(r);
    }
    return { format: "har", entries, skipped, problems };
  }
  if (format === "cassette" || (!format && document.format === CASSETTE)) {
    const request = isObject(document.request) ? document.request : {};
    const response = isObject(document.response) ? document.response : {};
    const named = typeof document.operation === "string" ? document.operation : undefined;
    const forced = options.operation ?? (named ? registry.find(named) : undefined);
    // The recorder writes cassettes of every command; one that is not modelled is skipped and counted.
    if (!forced && named) return { format: "cassette", entries: [], skipped: 1, problems: [] };
    const r = exchangeEntry(
      "$.response",
      { method: String(request.method ?? "POST"), url: String(request.url ?? ""), headers: lowerHeaders(request.headers) },
      { status: Number(response.status ?? 0), headers: lowerHeaders(response.headers), text: response.body },
      forced,
    );
    if ("problem" in r) return { problem: { code: "invalid_entry", message: r.problem } };
    if ("skip" in r) {
      if (forced) return { format: "cassette", entries: [], skipped: 1, problems: [] };
      return { problem: { code: "unknown_operation", message: `The cassette names no operation and its request is not one of the modelled operations; pass --operation.` } };
    }
    return { format: "cassette", entries: [r], skipped: 0, problems: [] };
  }
  if (nestsDeeper(document)) return { problem: tooDeep("The document") };
  return documentEntry(document, options);
}
