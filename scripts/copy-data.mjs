// The build's second step: the generated shape data (JSON beside the generated types) goes into dist as it is.
import { copyFileSync, readdirSync } from "node:fs";

for (const service of readdirSync(new URL("../src/contracts/", import.meta.url), { withFileTypes: true }).filter((d) => d.isDirectory())) {
  for (const file of readdirSync(new URL(`../src/contracts/${service.name}/`, import.meta.url)).filter((f) => f.endsWith(".json"))) {
    copyFileSync(new URL(`../src/contracts/${service.name}/${file}`, import.meta.url), new URL(`../dist/src/contracts/${service.name}/${file}`, import.meta.url));
  }
}
