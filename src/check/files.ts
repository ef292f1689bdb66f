import { createReadStream } from "node:fs";
import { lstat, readFile, readdir, realpath, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { registry } from "../contracts/registry.js";
import { checkEntry, checkRecording, type CheckOptions, type CheckReport, type EntryResult, type Problem } from "./check.js";
import { harEntry } from "./formats.js";
import { streamHarEntries } from "./har-stream.js";

/** Files above this size that look like HAR are streamed entry by entry. */
const STREAM_THRESHOLD = 16 * 1024 * 1024;

const RECORDING = /\.(json|har)$/i;

const failed = (source: string, problem: Problem): CheckReport => ({ source, entries: [], skipped: 0, problems: [problem], ok: false });

function errno(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? "";
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
  const reader = streamHarEntries(stream as AsyncIterable<string>);
  let step = await reader.next();
  while (!step.done) {
    const item = step.value;
    if ("error" in item) problems.push({ code: "invalid_entry", message: `$.log.entries[${item.index}]: ${item.error}` });
    else {
      const r = harEntry(item.entry, item.index, forced);
      if ("skip" in r) skipped++;
      else if ("problem" in r) problems.push({ code: "invalid_entry", message: r.problem });
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
  const source = options.source ?? path;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return failed(source, { code: "unreadable", message: "Is a directory." });
    const harLike = options.format === "har" || (!options.format && /\.har$/i.test(path));
    if (harLike && info.size > (options.streamAbove ?? STREAM_THRESHOLD)) return await checkHarStreaming(path, source, options);
    const bytes = await readFile(path);
    return checkRecording(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { ...options, source });
  } catch (error) {
    return failed(source, describeFsError(error));
  }
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
async function walk(dir: string, ancestors: readonly string[], visited: Set<string>, out: string[], problems: CheckReport[], wanted: (path: string) => boolean): Promise<void> {
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
  for (const name of names) {
    const path = join(dir, name);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const link = await lstat(path).catch(() => undefined);
      if ((link?.isSymbolicLink() || RECORDING.test(name)) && wanted(path)) problems.push(failed(path, describeFsError(error)));
      continue;
    }
    if (info.isDirectory()) await walk(path, [...ancestors, real], visited, out, problems, wanted);
    else if (RECORDING.test(name) && wanted(path)) out.push(path);
  }
}

/** The files named by paths, directories (recursively) and globs, with problems for the ones that cannot be read. */
export async function expandPaths(inputs: readonly string[]): Promise<{ files: string[]; problems: CheckReport[] }> {
  const files: string[] = [];
  const problems: CheckReport[] = [];
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      const normalized = input.split(sep).join("/");
      const base = normalized.slice(0, normalized.search(/[*?]/)).replace(/[^/]*$/, "") || ".";
      const regex = globRegex(normalized.startsWith("./") ? normalized.slice(2) : normalized);
      const wanted = (path: string) => regex.test(path.split(sep).join("/")) || regex.test(relative(".", path).split(sep).join("/"));
      const found: string[] = [];
      await walk(base, [], new Set(), found, problems, wanted);
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
    if (info.isDirectory()) await walk(input, [], new Set(), files, problems, () => true);
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
  inputs: readonly string[],
  options: CheckOptions = {},
  onProgress?: (done: number, total: number, file: string) => void,
): Promise<CheckReport[]> {
  const { files, problems } = await expandPaths(inputs);
  const reports: CheckReport[] = [...problems];
  for (const [i, file] of files.entries()) {
    onProgress?.(i, files.length, file);
    reports.push(await checkFile(file, options));
  }
  onProgress?.(files.length, files.length, "");
  return reports;
}
