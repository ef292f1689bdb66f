import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { build } from "esbuild";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { fromBase64, randomUUID, sha256, toBase64 } from "../src/platform.js";

const root = new URL("..", import.meta.url).pathname;
const run = promisify(execFile);

describe("outside Node (no built-in module to reach)", () => {
  test("the browser entry answers a Deadline job flow through the direct transport, loading shapes and the YAML parser as modules; a fault is planned before the first call", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "test/support/outside-node.ts"], {
      cwd: root,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    });
    const seen = JSON.parse(stdout.trim().split("\n").at(-1)!);
    expect(seen.beforePreload).toMatch(/The glue contracts are not loaded yet: outside Node, call `await preload\("glue"\)`/);
    expect(seen.afterPreload).toBe(true);
    expect(seen.jobStatus).toBe("SUCCEEDED");
    expect(seen.steps).toEqual(["Render"]);
    expect(seen.farmsFault).toBe("AccessDeniedException");
    expect(seen.handlers).toBe(1);
    expect(seen.serve).toMatch(/serve\(\) runs in Node only/);
  }, 60_000);

  test("the plain-JavaScript SHA-256 gives node:crypto's digest, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        const bytes = new TextEncoder().encode(text);
        expect(Buffer.from(sha256(bytes)).toString("hex")).toBe(createHash("sha256").update(bytes).digest("hex"));
      }),
    );
    // The padding edges: 55, 56 and 64 bytes.
    for (const n of [0, 55, 56, 63, 64, 65, 1000]) expect(Buffer.from(sha256(new Uint8Array(n).fill(97))).toString("hex")).toBe(createHash("sha256").update("a".repeat(n)).digest("hex"));
  });

  test("base64 without Buffer reads and writes what Buffer does", () => {
    const saved = globalThis.Buffer;
    const withBuffer = (bytes: Uint8Array) => [toBase64(bytes), fromBase64(toBase64(bytes))] as const;
    try {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
          const [text, back] = withBuffer(bytes);
          (globalThis as { Buffer?: unknown }).Buffer = undefined;
          try {
            expect(toBase64(bytes)).toBe(text);
            expect(fromBase64(text)).toEqual(back);
            // Node's decoder skips what is not base64 and takes unpadded text; so does ours.
            expect(fromBase64(` ${text.replace(/=+$/, "")}\n`)).toEqual(back);
            expect(fromBase64(text.replace(/\+/g, "-").replace(/\//g, "_"))).toEqual(back);
          } finally {
            globalThis.Buffer = saved;
          }
        }),
      );
    } finally {
      globalThis.Buffer = saved;
    }
  });

  test("any text decodes as Node's decoder reads it, with or without Buffer", () => {
    const saved = globalThis.Buffer;
    const alphabet = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_= \n.!"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((cs) => cs.join("")), (text) => {
        const node = new Uint8Array(saved.from(text, "base64"));
        (globalThis as { Buffer?: unknown }).Buffer = undefined;
        try {
          expect(fromBase64(text)).toEqual(node);
        } finally {
          globalThis.Buffer = saved;
        }
      }),
    );
  });

  test("a UUID without randomUUID (a page served over plain http) is a version 4 UUID", () => {
    const crypto = globalThis.crypto as { randomUUID?: unknown };
    const own = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(crypto), "randomUUID");
    Object.defineProperty(crypto, "randomUUID", { value: undefined, configurable: true });
    try {
      const ids = Array.from({ length: 50 }, () => randomUUID());
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(new Set(ids).size).toBe(50);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(own).toBeDefined();
    expect(typeof globalThis.crypto.randomUUID).toBe("function");
  });
});

describe("the browser bundle", () => {
  test("the handlers' browser entry, msw's browser entry and a Deadline client bundle for the browser with no Node built-in; each service's shapes are a chunk of their own", async () => {
    const result = await build({
      stdin: {
        contents: [
          `import { createAwsMock } from "./handlers/browser.ts";`,
          `import { setupWorker } from "msw/browser";`,
          `import { DeadlineClient, ListFarmsCommand } from "@aws-sdk/client-deadline";`,
          `const mock = createAwsMock();`,
          `await setupWorker(...mock.handlers).start();`,
          `await new DeadlineClient({ region: "us-west-2" }).send(new ListFarmsCommand({}));`,
        ].join("\n"),
        resolveDir: root,
        loader: "ts",
      },
      bundle: true,
      write: false,
      format: "esm",
      splitting: true,
      outdir: "/bundle",
      platform: "browser",
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((f) => f.startsWith("node:") || /^(fs|crypto|http|module|path|zlib)$/.test(f))).toEqual([]);
    const chunkOf = (service: string) =>
      Object.entries(result.metafile.outputs).filter(([, o]) => Object.keys(o.inputs).some((i) => i.endsWith(`src/contracts/${service}/shapes.json`)));
    for (const service of ["glue", "deadline", "device-farm"]) {
      const chunks = chunkOf(service);
      expect(chunks, service).toHaveLength(1);
      // A chunk of the shapes only, imported on demand: not the page's entry.
      expect(chunks[0]![1].entryPoint, service).toMatch(/shapes\.json$/);
      expect(Object.keys(chunks[0]![1].inputs), service).toEqual([expect.stringMatching(/shapes\.json$/)]);
    }
    expect(inputs.filter((i) => i.endsWith("handlers/serve.ts"))).toEqual([]);
  }, 60_000);

  test("the package's own code in the browser graph reaches no Node global but through its guards", async () => {
    // Our modules only: the third-party ones are external, so the output is the package's code.
    const result = await build({
      entryPoints: [`${root}handlers/browser.ts`],
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      packages: "external",
      outfile: "/bundle/ours.js",
      logLevel: "silent",
    });
    const code = result.outputFiles.map((f) => f.text).join("\n");
    const reached = (name: string) => [...code.matchAll(new RegExp(`[^.\\w$"'\`]${name}\\b`, "g"))].length;
    // `process` and `Buffer` are read off globalThis, and only in src/platform.ts; there is no require, __dirname or __filename.
    for (const name of ["process", "Buffer", "require", "__dirname", "__filename", "setImmediate"]) expect(reached(name), name).toBe(0);
    expect(code).toContain("globalThis.process");
  }, 60_000);

  test("bundlers take the browser entry by the `browser` condition, and it is the built handlers/browser.ts", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(pkg.exports["./handlers"].browser).toBe("./dist/handlers/browser.js");
    expect(Object.keys(pkg.exports["./handlers"])).toEqual(["types", "browser", "default"]);
    expect(readFileSync(new URL("../handlers/browser.ts", import.meta.url), "utf8")).toMatch(/useMsw\(\{ http \}\)/);
  });
});
