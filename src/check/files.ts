import { constants, createReadStream } from "node:fs";
import { lstat, open, readdir, realpath, stat } from "node:fs/promises";
import type { Stats } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { registry } from "../contracts/registry.js";
import { checkEntry, checkRecording, DEFAULT_MAX_BYTES, optionsProblem, tooLarge, type CheckOptions, type CheckReport, type EntryResult, type Problem } from "./check.js";
import { harEntry, inflateBudget } from "./formats.js";
import { streamHarEntries } from "./har-stream.js";

/** Files above this size that look like HAR are streamed entry by entry. */
const STREAM_THRESHOLD = 16 * 1024 * 1024;

const RECORDING = /\.(json|har)$/i;

const failed = (source: string, problem: Problem): CheckReport => ({ source, entries: [], skipped: 0, problems: [problem], ok: false });

function errno(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? "";
}

/** A FIFO, socket or device: reading one may never end (a FIFO) or never stop (`/dev/zero`). */
function notRegular(info: Stats): Problem {
  const kind = info.isFIFO() ? "a FIFO" : info.isSocket() ? "a socket" : info.isCharacterDevice() ? "a character device" : info.isBlockDevice() ? "a block device" : "not a regular file";
  return { code: "not_regular", message: `This is ${kind}, not a regular file: skipped, since reading it may never end.` };
}

function describeFsError(error: unknown): Problem {
  const code = errno(error);
  if (code === "ENOENT") return { code: "not_found", message: "No such file or directory." };
  if (code === "ELOOP") return { code: "symlink_loop", message: "Symbolic links loop back on themselves." };
  if (code === "EACCES" || code === "EPERM") return { code: "unreadable", message: "Permission denied." };
  if (code === "EISDIR") return { code: "unreadable", message: "Is a directory." };
  return { code: "unreadable", message: `Cannot read: ${(error as Error).message}` };
}

/** Checks a large HAR without holding it in memory. */
async function checkHarStreaming(path: string, source: string, options: CheckOptions): Promise<CheckReport> {
  const forced = options.operation ? registry.find(options.operation) : undefined;
  const entries: EntryResult[] = [];
  const problems: Problem[] = [];
  let skipped = 0;
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  const reader = streamHarEntries(stream as AsyncIterable<string>, { maxEntryChars: options.maxBytes ?? DEFAULT_MAX_BYTES });
  const budget = inflateBudget(options.maxBytes ?? DEFAULT_MAX_BYTES);
  let step = await reader.next();
  while (!step.done) {
    const item = step.value;
    if ("error" in item) problems.push({ code: "invalid_entry", message: `$.log.entries[${item.index}]: ${item.error}` });
    else {
      const r = harEntry(item.entry, item.index, forced, budget);
      if ("skip" in r) skipped++;
      else if ("problem" in r) problems.push({ code: r.code ?? "invalid_entry", message: r.problem });
      else entries.push(checkEntry(r, options.strict ?? false));
    }
    step = await reader.next();
  }
  if (!step.value.found) problems.push({ code: "unknown_format", message: "No log.entries array found: not a HAR file." });
  else if (!step.value.complete) problems.push({ code: "invalid_json", message: "The HAR file ends before its JSON is complete (truncated?)." });
  return { source, format: "har", entries, skipped, problems, ok: problems.length === 0 && !entries.some((e) => e.findings.some((f) => f.severity === "violation")) };
}

/**
 * Checks one file; never throws: unreadable, empty, binary or malformed files become a problem of the report.
 * @example await checkFile("recordings/get-session.json", { strict: true })
 */
export async function checkFile(path: string, options: CheckOptions = {}): Promise<CheckReport> {
  if (typeof path !== "string" || path === "") return failed(String(path), { code: "usage", message: `checkFile expects a file path; got ${JSON.stringify(path) ?? typeof path}.` });
  const wrong = optionsProblem(options);
  if (wrong) return failed(path, { code: "usage", message: wrong });
  options ??= {};
  const source = options.source ?? path;
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return failed(source, { code: "unreadable", message: "Is a directory." });
    if (!info.isFile()) return failed(source, notRegular(info));
    const harLike = options.format === "har" || (!options.format && /\.har$/i.test(path));
    if (harLike && info.size > (options.streamAbove ?? STREAM_THRESHOLD)) return await checkHarStreaming(path, source, options);
    if (info.size > max) return failed(source, tooLarge(info.size, max));
    // Non-blocking, and checked again on the open file: what was a file when we looked may not be one now.
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) return failed(source, notRegular(opened));
      const buffer = new Uint8Array(Math.min(opened.size, max) + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length === buffer.length) {
          if (length > max) return failed(source, tooLarge(length, max));
          break;
        }
      }
      return checkRecording(buffer.subarray(0, length), { ...options, source });
    } finally {
      await handle.close();
    }
  } catch (error) {
    return failed(source, describeFsError(error));
  }
}

/**
 * Whether a folder (as segments below the glob's fixed base) may hold a match: the walk enters only
 * those, so `*.json` reads one folder and `recordings/*.har` never walks `node_modules`. `pattern` is the
 * glob's segments, each compiled by `globRegex`, or `**`.
 */
function mayHoldMatches(segments: readonly string[], pattern: readonly (RegExp | "**")[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const p = pattern[i];
    if (p === "**") return true;
    if (p === undefined || i >= pattern.length - 1) return false;
    if (!p.test(segments[i]!)) return false;
  }
  return true;
}

/** Turns a glob (`*`, `**`, `?`) into a regular expression over `/`-separated paths. */
function globRegex(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      out += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else out += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

/**
 * Walks a directory for recordings. A link is followed unless it leads back to a folder on the
 * current path (a loop); a folder reached twice by other routes is simply not walked again.
 */
async function walk(
  dir: string,
  ancestors: readonly string[],
  visited: Set<string>,
  out: string[],
  problems: CheckReport[],
  wanted: (path: string) => boolean,
  enter: (dir: string) => boolean = () => true,
): Promise<void> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (error) {
    if (wanted(dir)) problems.push(failed(dir, describeFsError(error)));
    return;
  }
  if (ancestors.includes(real)) {
    problems.push(failed(dir, { code: "symlink_loop", message: `Symbolic link leads back to ${real}, a folder it is inside.` }));
    return;
  }
  if (visited.has(real)) return;
  visited.add(real);
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (error) {
    problems.push(failed(dir, describeFsError(error)));
    return;
  }
  const root = ancestors[0] ?? real;
  for (const name of names) {
    const path = join(dir, name);
    // A link is followed only when it leads inside the folder the walk began in: checking a folder never reads files elsewhere.
    if ((await lstat(path).catch(() => undefined))?.isSymbolicLink()) {
      const target = await realpath(path).catch(() => undefined);
      if (target !== undefined && target !== root && !target.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)) {
        if (wanted(path)) problems.push(failed(path, { code: "symlink_outside", message: `Symbolic link to ${target}, outside the folder being checked (${root}): not followed. Name the target itself to check it.` }));
        continue;
      }
    }
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const link = await lstat(path).catch(() => undefined);
      if ((link?.isSymbolicLink() || RECORDING.test(name)) && wanted(path)) problems.push(failed(path, describeFsError(error)));
      continue;
    }
    if (info.isDirectory()) {
      if (enter(path)) await walk(path, [...ancestors, real], visited, out, problems, wanted, enter);
    } else if (RECORDING.test(name) && wanted(path)) {
      if (info.isFile()) out.push(path);
      else problems.push(failed(path, notRegular(info)));
    }
  }
}

/** The files named by paths, directories (recursively) and globs, with problems for the ones that cannot be read. */
/** Paths as given to `checkPaths`: one path, or a list of them; anything else is a programming error, said as such. */
function pathList(inputs: unknown, caller: string): readonly string[] {
  const list = typeof inputs === "string" ? [inputs] : inputs;
  if (!Array.isArray(list) || list.some((p) => typeof p !== "string" || p === "")) {
    throw new TypeError(`[aws-sdk-contracts] ${caller} expects a path or an array of paths (non-empty strings); got ${Array.isArray(list) ? "an array holding something else" : JSON.stringify(inputs) ?? typeof inputs}.`);
  }
  return list as string[];
}

export async function expandPaths(inputs: readonly string[] | string): Promise<{ files: string[]; problems: CheckReport[] }> {
  const files: string[] = [];
  const problems: CheckReport[] = [];
  for (const input of pathList(inputs, "expandPaths")) {
    if (/[*?]/.test(input)) {
      const normalized = input.split(sep).join("/");
      const base = normalized.slice(0, normalized.search(/[*?]/)).replace(/[^/]*$/, "") || ".";
      const relativeGlob = normalized.startsWith("./") ? normalized.slice(2) : normalized;
      const regex = globRegex(relativeGlob);
      const wanted = (path: string) => regex.test(path.split(sep).join("/")) || regex.test(relative(".", path).split(sep).join("/"));
      const pattern = normalized
        .slice(base === "." && !normalized.startsWith("./") ? 0 : base.length)
        .split("/")
        .filter(Boolean)
        .map((segment) => (segment === "**" ? ("**" as const) : globRegex(segment)));
      const enter = (dir: string) => mayHoldMatches(relative(base, dir).split(sep).filter(Boolean), pattern);
      const found: string[] = [];
      await walk(base, [], new Set(), found, problems, wanted, enter);
      if (found.length === 0) problems.push(failed(input, { code: "not_found", message: "The pattern matches no recording." }));
      files.push(...found);
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      problems.push(failed(input, describeFsError(error)));
      continue;
    }
    if (info.isDirectory()) {
      const before = files.length + problems.length;
      await walk(input, [], new Set(), files, problems, () => true);
      if (files.length + problems.length === before) problems.push(failed(input, { code: "not_found", message: "This folder holds no recordings (*.json, *.har)." }));
    } else if (!info.isFile()) problems.push(failed(input, notRegular(info)));
    else files.push(input);
  }
  // The same file named twice (or reached through a link) is checked once, under the first spelling given.
  const seenFiles = new Set<string>();
  const unique: string[] = [];
  for (const f of files) {
    const real = await realpath(f).catch(() => resolve(f));
    if (seenFiles.has(real)) continue;
    seenFiles.add(real);
    unique.push(f);
  }
  return { files: unique, problems };
}

/** Checks every recording the inputs name; one bad file never stops the others. */
export async function checkPaths(
  inputs: readonly string[] | string,
  options: CheckOptions = {},
  onProgress?: (done: number, total: number, file: string) => void,
): Promise<CheckReport[]> {
  const list = pathList(inputs, "checkPaths");
  const wrong = optionsProblem(options);
  if (wrong) throw new TypeError(`[aws-sdk-contracts] checkPaths: ${wrong}`);
  if (onProgress !== undefined && typeof onProgress !== "function") throw new TypeError("[aws-sdk-contracts] checkPaths: onProgress must be a function.");
  const { files, problems } = await expandPaths(list);
  const reports: CheckReport[] = [...problems];
  for (const [i, file] of files.entries()) {
    onProgress?.(i, files.length, file);
    reports.push(await checkFile(file, options));
  }
  onProgress?.(files.length, files.length, "");
  return reports;
}
