import type { Finding } from "../contracts/findings.js";
import type { Operation } from "../contracts/operation.js";
import { registry, unknownOperation } from "../contracts/registry.js";
import { duplicateKeysOf } from "./duplicates.js";
import { detect, formats, type Entry, type Format } from "./formats.js";

export interface CheckOptions {
  /** Drift (unknown members and enum values) fails the check. */
  readonly strict?: boolean;
  /** Skip detection: the format of the input. */
  readonly format?: Format;
  /** Skip detection: the operation the input answers (an id such as `glue:GetSession`). */
  readonly operation?: string;
  /** Names the input in reports (a file path). */
  readonly source?: string;
  /** Files above this many bytes that look like HAR are streamed entry by entry (default 16 MiB). */
  readonly streamAbove?: number;
  /** Inputs (and streamed HAR entries) above this many bytes are not checked: a `too_large` problem (default 64 MiB). */
  readonly maxBytes?: number;
}

/** The largest input checked by default: far above any AWS response, far below what exhausts memory. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

const OPTION_KEYS = ["strict", "format", "operation", "source", "streamAbove", "maxBytes"];

/** What is wrong with the options a caller gave, in one sentence (the check reports it as a `usage` problem). */
export function optionsProblem(options: unknown): string | undefined {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== "object" || Array.isArray(options)) return `The options must be an object; got ${Array.isArray(options) ? "an array" : typeof options}.`;
  const o = options as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !OPTION_KEYS.includes(k));
  if (unknown.length) return `Unknown option ${unknown.map((k) => `"${k}"`).join(", ")}; known: ${OPTION_KEYS.join(", ")}.`;
  if (o.strict !== undefined && typeof o.strict !== "boolean") return `strict must be true or false; got ${JSON.stringify(o.strict)}.`;
  if (o.format !== undefined && !formats.includes(o.format as Format)) return `format must be one of ${formats.join(", ")}; got ${JSON.stringify(o.format)}.`;
  if (o.operation !== undefined && typeof o.operation !== "string") return `operation must be an operation id such as "glue:GetSession"; got ${JSON.stringify(o.operation)}.`;
  if (o.source !== undefined && typeof o.source !== "string") return "source must be a string.";
  if (o.streamAbove !== undefined && !(Number.isSafeInteger(o.streamAbove) && (o.streamAbove as number) >= 0)) return `streamAbove must be a whole number of bytes; got ${JSON.stringify(o.streamAbove)}.`;
  if (o.maxBytes !== undefined && !(Number.isSafeInteger(o.maxBytes) && (o.maxBytes as number) > 0)) return `maxBytes must be a positive whole number of bytes; got ${JSON.stringify(o.maxBytes)}.`;
  return undefined;
}

/** Why an input could not be checked at all: one per file, and the run goes on. */
export interface Problem {
  readonly code:
    | "unreadable"
    | "not_regular"
    | "too_large"
    | "too_deep"
    | "empty"
    | "binary"
    | "invalid_json"
    | "unknown_operation"
    | "unknown_format"
    | "invalid_entry"
    | "not_found"
    | "symlink_loop"
    | "symlink_outside"
    | "duplicate_key"
    | "usage";
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export interface EntryResult {
  readonly location: string;
  readonly operation: string;
  /** `response` or the error name. */
  readonly part: string;
  readonly status?: number;
  readonly findings: readonly Finding[];
}

export interface CheckReport {
  readonly source: string;
  readonly format?: Format;
  readonly entries: readonly EntryResult[];
  /** HAR entries that are not one of the modelled operations. */
  readonly skipped: number;
  readonly problems: readonly Problem[];
  /** True when the input was checked and nothing in it is a violation. */
  readonly ok: boolean;
}

const violations = (entries: readonly EntryResult[]) => entries.some((e) => e.findings.some((f) => f.severity === "violation"));

/** Checks one parsed response against its contract (the body of an entry). */
export function checkEntry(entry: Entry, strict: boolean): EntryResult {
  const op = entry.operation;
  const prefix = entry.location === "$" ? [] : parsePath(entry.location);
  let findings: readonly Finding[];
  if (entry.part === "response") {
    findings = op.response.validate(entry.body, { strict, level: entry.level, pathPrefix: prefix, decode: false }).findings;
    const stranger = strangerBody(op, entry.body);
    if (stranger) findings = [{ severity: "violation", code: "wrong_type", path: entry.location, message: stranger, expected: `a response of ${op.id}`, received: "a body of another shape" }, ...findings];
  } else {
    const error = op.errors.find((e) => e.name === entry.part)!;
    findings = error.body.validate(entry.body, { strict, pathPrefix: prefix, decode: false }).findings;
    if (entry.status !== undefined && entry.status !== error.httpStatus) {
      findings = [
        ...findings,
        {
          severity: "violation",
          code: "wrong_type",
          path: entry.location,
          message: `${error.name} came with HTTP ${entry.status}; AWS sends it with ${error.httpStatus}, and the SDK's retry decision depends on it.`,
          expected: `HTTP ${error.httpStatus}`,
          received: `HTTP ${entry.status}`,
        },
      ];
    }
  }
  return { location: entry.location, operation: op.id, part: entry.part, ...(entry.status !== undefined ? { status: entry.status } : {}), findings };
}

/**
 * A body that shares no top-level member with the output (a GetJobRun body checked as GetTable): with
 * drift not failing, it would pass with nothing but unknown members, so it is a violation of its own.
 */
function strangerBody(op: Operation, body: unknown): string | undefined {
  if (!body || typeof body !== "object" || Array.isArray(body)) return undefined;
  const keys = Object.keys(body).filter((k) => k !== "$metadata");
  const members = Object.keys(op.response.shape.members);
  if (keys.length === 0 || members.length === 0 || keys.some((k) => members.includes(k))) return undefined;
  return `None of the body's members (${keys.slice(0, 5).join(", ")}${keys.length > 5 ? ", …" : ""}) is a member of ${op.id}'s output (${members.slice(0, 5).join(", ")}${members.length > 5 ? ", …" : ""}): is it the response of another operation?`;
}

/**
 * An ISO string where the wire wants epoch seconds is either a wrong wire encoding or SDK output saved
 * without `$metadata`; the finding says how to check it as the latter.
 */
function hintSdkJson(entry: EntryResult): EntryResult {
  if (!entry.findings.some((f) => f.code === "timestamp_encoding" && f.received.startsWith("string"))) return entry;
  return {
    ...entry,
    findings: entry.findings.map((f) =>
      f.code === "timestamp_encoding" && f.received.startsWith("string")
        ? { ...f, message: `${f.message} If this file is SDK output saved with JSON.stringify, check it with --format sdk-json.` }
        : f,
    ),
  };
}

/** `$.log.entries[3].response` → path segments for finding paths. */
function parsePath(location: string): PropertyKey[] {
  const out: PropertyKey[] = [];
  for (const m of location.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]/g)) out.push(m[1] ?? Number(m[2]));
  return out;
}

/** Where in a text a JSON.parse error points, as 1-based line and column. */
function jsonErrorPosition(text: string, message: string): { line?: number; column?: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  const offset = pos ? Number(pos[1]) : /end of JSON input/.test(message) ? text.length : undefined;
  if (offset === undefined) return {};
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** An ISO timestamp with a numeric offset anywhere in a text: the only thing that can make it AWS CLI output. */
const CLI_TIMESTAMP_TEXT = /"\d{4}-\d{2}-\d{2}T[\d:.]+[+-]\d{2}:\d{2}"/;

/** The UTF-16 encoding of bytes with a byte-order mark, or of JSON text whose every other byte is zero. */
function utf16Encoding(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes.length >= 4 && bytes.length % 2 === 0) {
    const sample = bytes.subarray(0, Math.min(bytes.length, 64));
    const evenZero = sample.every((b, i) => (i % 2 === 0) === (b === 0));
    const oddZero = sample.every((b, i) => (i % 2 === 1) === (b === 0));
    if (oddZero) return "utf-16le";
    if (evenZero) return "utf-16be";
  }
  return undefined;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return true;
  try {
    // `stream` tolerates a character cut in two at the end of the sample.
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: sample.length < bytes.length });
    return false;
  } catch {
    return true;
  }
}

/** The problem of an input above the size limit. */
export function tooLarge(size: number, max: number): Problem {
  const mib = (n: number) => (n < 1024 * 1024 ? `${n} bytes` : `${(n / 1024 / 1024).toFixed(1)} MiB`);
  return { code: "too_large", message: `The input is ${mib(size)}; the check reads at most ${mib(max)} of one response (raise it with --max-bytes or the maxBytes option).` };
}

function report(source: string, rest: Omit<CheckReport, "source" | "ok">): CheckReport {
  return { source, ...rest, ok: rest.problems.length === 0 && !violations(rest.entries) };
}

/**
 * Checks a recorded response (text, bytes or an already parsed value) against the contracts;
 * never throws on bad input: each problem is a finding of the report.
 * @example checkRecording('{"Session":{"Id":"s-1","CreatedOn":"2024-03-01T12:00:00Z"}}').entries[0].findings[0].code // "timestamp_encoding"
 */
export function checkRecording(input: string | Uint8Array | object, options: CheckOptions = {}): CheckReport {
  const wrong = optionsProblem(options);
  options ??= {};
  const source = !wrong && typeof options.source === "string" ? options.source : "<input>";
  if (wrong) return report(source, { entries: [], skipped: 0, problems: [{ code: "usage", message: wrong }] });
  if (input === null || (typeof input !== "string" && typeof input !== "object")) {
    return report(source, { entries: [], skipped: 0, problems: [{ code: "usage", message: `Expected JSON text, bytes or a parsed value; got ${input === null ? "null" : typeof input}.` }] });
  }
  try {
    let operation: Operation | undefined;
    if (options.operation) {
      operation = registry.find(options.operation);
      if (!operation) {
        return report(source, { entries: [], skipped: 0, problems: [{ code: "usage", message: unknownOperation(options.operation) }] });
      }
    }
    let document: unknown = input;
    let parsedText: string | undefined;
    let mayHaveOffsets: boolean | undefined;
    if (typeof input === "string" || input instanceof Uint8Array) {
      if (input.length === 0) return report(source, { entries: [], skipped: 0, problems: [{ code: "empty", message: "The file is empty." }] });
      const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
      const size = typeof input === "string" ? input.length : input.byteLength;
      if (size > max) return report(source, { entries: [], skipped: 0, problems: [tooLarge(size, max)] });
      let text: string;
      if (input instanceof Uint8Array) {
        // UTF-16 (a file saved by PowerShell or Notepad): read as the text it is, not as binary.
        const utf16 = utf16Encoding(input);
        const decoded = utf16 ? new TextDecoder(utf16).decode(input) : undefined;
        if (decoded !== undefined && /^\uFEFF?\s*[{[]/.test(decoded)) text = decoded;
        else {
          if (looksBinary(input)) return report(source, { entries: [], skipped: 0, problems: [{ code: "binary", message: "The file is binary, not JSON text." }] });
          text = new TextDecoder().decode(input);
        }
      } else text = input;
      if (text.trim() === "") return report(source, { entries: [], skipped: 0, problems: [{ code: "empty", message: "The file holds only white space." }] });
      mayHaveOffsets = CLI_TIMESTAMP_TEXT.test(text);
      try {
        parsedText = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
        document = JSON.parse(parsedText);
      } catch (e) {
        const message = (e as Error).message;
        const where = jsonErrorPosition(text, message);
        const at = where.line ? ` at line ${where.line}, column ${where.column}` : "";
        return report(source, { entries: [], skipped: 0, problems: [{ code: "invalid_json", message: `Malformed JSON${at}: ${message}`, ...where }] });
      }
    }
    // HAR entries are checked as they are read, so one inflated body at a time is held.
    const visited: EntryResult[] = [];
    const detected = detect(document, {
      ...(options.format ? { format: options.format } : {}),
      ...(operation ? { operation } : {}),
      ...(mayHaveOffsets !== undefined ? { mayHaveOffsets } : {}),
      harFile: /\.har$/i.test(source),
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      visit: (e) => visited.push(checkEntry(e, options.strict ?? false)),
    });
    if ("problem" in detected) return report(source, { entries: [], skipped: 0, problems: [detected.problem] });
    // A member named twice hides the first one from JSON.parse: a problem, and what is left is still checked.
    const twice = parsedText === undefined ? [] : duplicateKeysOf(parsedText, document);
    const duplicates: Problem[] = twice.map((path) => ({ code: "duplicate_key", message: `${path} is named twice in one object; JSON readers keep only the last, so the first was not checked.` }));
    let entries = [...visited, ...detected.entries.map((e) => checkEntry(e, options.strict ?? false))];
    if (!options.format && detected.format === "wire") entries = entries.map(hintSdkJson);
    return report(source, { format: detected.format, entries, skipped: detected.skipped, problems: [...duplicates, ...detected.problems] });
  } catch (error) {
    // A defect of ours must not take the whole run down: report it against this input.
    return report(source, { entries: [], skipped: 0, problems: [{ code: "invalid_entry", message: `Could not check this input: ${(error as Error).message}` }] });
  }
}
