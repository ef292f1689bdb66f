import { nodeBuiltin } from "./platform.js";

let version: string | undefined;

/** The package's version, read once from its package.json (beside `src/` in the source, beside `dist/` once built). */
export function packageVersion(): string {
  return (version ??= readVersion());
}

function readVersion(): string {
  for (const path of ["../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(nodeBuiltin("node:fs")!.readFileSync(new URL(path, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "aws-sdk-contracts" && pkg.version) return pkg.version;
    } catch {
      // Not this one.
    }
  }
  return "unknown";
}
