#!/usr/bin/env node
// Copies AWS's Smithy models of the three services into models/, without documentation traits, so that
// `npm run codegen` works on a clone with nothing beside it. Run it when the models are updated:
//   node scripts/vendor-models.mjs <folder holding glue-2017-03-31.json, deadline-2023-10-12.json, device-farm-2015-06-23.json>
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const from = process.argv[2];
if (!from) {
  console.error("usage: node scripts/vendor-models.mjs <folder of the Smithy JSON models>");
  process.exit(2);
}
const DROP = new Set(["smithy.api#documentation", "smithy.api#externalDocumentation", "aws.api#clientEndpointDiscovery", "smithy.rules#endpointRuleSet", "smithy.rules#endpointTests"]);
const strip = (value) => {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).filter(([k]) => !DROP.has(k)).map(([k, v]) => [k, strip(v)]));
  return value;
};
for (const name of ["glue-2017-03-31.json", "deadline-2023-10-12.json", "device-farm-2015-06-23.json"]) {
  const model = strip(JSON.parse(readFileSync(join(from, name), "utf8")));
  // One shape per line: small diffs when AWS updates a model, and still one JSON document.
  const shapes = Object.keys(model.shapes).sort().map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(model.shapes[k])}`);
  const head = Object.entries(model).filter(([k]) => k !== "shapes").map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  writeFileSync(join("models", name), `{\n${head.join("\n")}\n  "shapes": {\n${shapes.join(",\n")}\n  }\n}\n`);
  console.log(`models/${name}: ${Object.keys(model.shapes).length} shapes`);
}
