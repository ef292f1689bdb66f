// Writes every ```ts block of README.md as a vitest file under test/readme/ (generated, not committed),
// so the documentation's examples run with the suite. A block without its own test() is wrapped in one.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const out = new URL("../test/readme/", import.meta.url);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
blocks.forEach((code, i) => {
  const lines = code.split("\n");
  const imports = lines.filter((l) => l.startsWith("import "));
  const body = lines.filter((l) => !l.startsWith("import "));
  const text = /\btest\(/.test(code)
    ? code
    : [...imports, 'import { test as readmeTest } from "vitest";', `readmeTest("README block ${i + 1}", async () => {`, ...body, "});"].join("\n");
  writeFileSync(new URL(`block-${String(i + 1).padStart(2, "0")}.test.ts`, out), `// Generated from README.md by scripts/readme-tests.mjs: edit the README.\n${text}`);
});
console.log(`README: ${blocks.length} ts blocks written to test/readme/`);
