import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder of sample recordings shipped with the package (found from this module, in source or in dist). */
export function samplesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "aws-sdk-contracts") return join(dir, "samples");
    dir = dirname(dir);
  }
  throw new Error("[aws-sdk-contracts] Cannot find the package's sample recordings.");
}
