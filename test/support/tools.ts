import { execFileSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/**
 * The first program of this name on PATH that runs (`--version` succeeds, and says `version` when one
 * is asked for), as a shell would find it; undefined when there is none, so the tests that need it skip.
 */
export function findTool(name: string, version?: RegExp): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter).filter(Boolean)) {
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      const said = execFileSync(path, ["--version"], { stdio: ["ignore", "pipe", "pipe"], timeout: 20_000, encoding: "utf8" });
      if (!version || version.test(said)) return path;
    } catch {
      // Not here, or not one that runs (a version-manager shim without a version behind it).
    }
  }
  return undefined;
}
