import { gzipSync } from "node:zlib";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { table } from "./harness.js";

const root = fileURLToPath(new URL("..", import.meta.url));

/** A page's script given as its imports, bundled for the browser as an app's bundler would: minified, split into chunks. */
async function bundle(lines: readonly string[]): Promise<{ meta: Metafile; files: Map<string, Uint8Array> }> {
  const result = await build({
    stdin: { contents: lines.join("\n"), resolveDir: root, loader: "ts" },
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: "esm",
    splitting: true,
    minify: true,
    outdir: "/bundle",
    platform: "browser",
    metafile: true,
    logLevel: "silent",
  });
  // The metafile names outputs relative to the working directory; the files carry absolute paths.
  const byPath = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
  return { meta: result.metafile, files: new Map(Object.keys(result.metafile.outputs).map((k) => [k, byPath.get(resolve(root, k))!])) };
}

/** What the page loads before its code runs: the entry and every chunk it imports statically. */
function initial(meta: Metafile): Set<string> {
  const entry = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === "<stdin>")![0];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of meta.outputs[file]!.imports) if (i.kind === "import-statement") visit(i.path);
  };
  visit(entry);
  return seen;
}

const chunkHolding = (meta: Metafile, input: RegExp) => Object.keys(meta.outputs).filter((f) => Object.keys(meta.outputs[f]!.inputs).some((i) => input.test(i)));

/**
 * The browser bundle of a Deadline page (`npm run bench -- bundle`): the page's own needs (the SDK client
 * and msw's service worker entry) against the same page with the mock, and what the mock fetches later:
 * the shapes of a service on its first call, the YAML parser on a YAML template; the other services'
 * shapes are chunks this page never fetches.
 */
export async function benchBundle(): Promise<string> {
  const page = [`import { setupWorker } from "msw/browser";`, `import { DeadlineClient, ListFarmsCommand } from "@aws-sdk/client-deadline";`];
  const run = [`await new DeadlineClient({ region: "us-west-2" }).send(new ListFarmsCommand({}));`];
  const base = await bundle([...page, `await setupWorker().start();`, ...run]);
  const mocked = await bundle([...page, `import { createAwsMock } from "./handlers/browser.ts";`, `const mock = createAwsMock();`, `await setupWorker(...mock.handlers).start();`, ...run]);
  const size = (b: typeof base, files: Iterable<string>) => {
    let raw = 0;
    let gz = 0;
    for (const f of files) {
      const bytes = b.files.get(f)!;
      raw += bytes.length;
      gz += gzipSync(bytes).length;
    }
    return { raw, gz };
  };
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  const baseInitial = size(base, initial(base.meta));
  const rows: string[][] = [["the page without the mock (SDK client + msw/browser)", kb(baseInitial.raw), kb(baseInitial.gz), "1.00x", "at load"]];
  const add = (what: string, s: { raw: number; gz: number }, when: string) => rows.push([what, kb(s.raw), kb(s.gz), `${(s.gz / baseInitial.gz).toFixed(2)}x`, when]);
  const mockInitial = initial(mocked.meta);
  add("the page with the mock", size(mocked, mockInitial), "at load");
  for (const [service, when] of [
    ["deadline", "on its first Deadline call"],
    ["glue", "never, on this page"],
    ["device-farm", "never, on this page"],
  ] as const) {
    const chunks = chunkHolding(mocked.meta, new RegExp(`src/contracts/${service}/shapes\\.json$`));
    if (chunks.some((c) => mockInitial.has(c))) throw new Error(`the ${service} shapes are in the page's initial bundle`);
    add(`+ ${service} shapes`, size(mocked, chunks), when);
  }
  const yaml = chunkHolding(mocked.meta, /node_modules\/yaml\//).filter((c) => !mockInitial.has(c));
  add("+ the YAML parser", size(mocked, yaml), "on a YAML job template");
  const node = Object.keys(mocked.meta.inputs).filter((i) => i.startsWith("node:"));
  if (node.length) throw new Error(`the browser bundle imports Node built-ins: ${node.join(", ")}`);
  return table("Browser bundle of a Deadline page (esbuild, minified, split), no Node built-in in it; ratio: gzip size to the page without the mock", ["what", "size", "gzip", "ratio (gzip)", "fetched"], rows);
}
