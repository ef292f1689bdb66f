/**
 * `npm run codegen`: writes the contracts of every operation of the three pinned SDK clients into
 * src/contracts/<service>/ (shapes.ts, operations.ts) and the reconciliation summary into models/.
 * Reads only the project: models/ and the installed SDKs. Deterministic: a second run writes the same bytes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { emitOperations, emitShapes, emitSummary, emitTypeTests, type ServiceInfo } from "./emit.js";
import { reconcile, type SmithyModel } from "./reconcile.js";
import { refine, type Refinements } from "./refine.js";
import { refinements as deadlineRefinements } from "./refinements/deadline.js";
import { refinements as deviceFarmRefinements, resources as deviceFarmResources } from "./refinements/deviceFarm.js";
import { refinements as glueRefinements, resources as glueResources } from "./refinements/glue.js";
import { emitResourceReport, resourceModel, type ResourceRefinements, type ResourceReport } from "./resources.js";
import { readSdk } from "./sdk.js";

const root = new URL("..", import.meta.url);

const services: { info: Omit<ServiceInfo, "sdkVersion">; dir: string; serviceException: string; refinements: Refinements; resources?: ResourceRefinements }[] = [
  { info: { id: "glue", namespace: "com.amazonaws.glue", sdkPackage: "@aws-sdk/client-glue", modelFile: "models/glue-2017-03-31.json" }, dir: "glue", serviceException: "GlueServiceException", refinements: glueRefinements, resources: glueResources },
  { info: { id: "deadline", namespace: "com.amazonaws.deadline", sdkPackage: "@aws-sdk/client-deadline", modelFile: "models/deadline-2023-10-12.json" }, dir: "deadline", serviceException: "DeadlineServiceException", refinements: deadlineRefinements },
  { info: { id: "deviceFarm", namespace: "com.amazonaws.devicefarm", sdkPackage: "@aws-sdk/client-device-farm", modelFile: "models/device-farm-2015-06-23.json" }, dir: "device-farm", serviceException: "DeviceFarmServiceException", refinements: deviceFarmRefinements, resources: deviceFarmResources },
];

const summary = [];
const resourceReports: { id: string; report: ResourceReport }[] = [];
for (const { info: partial, dir, serviceException, refinements, resources } of services) {
  const sdk = readSdk(partial.sdkPackage, serviceException);
  const info: ServiceInfo = { ...partial, sdkVersion: sdk.version };
  const model = JSON.parse(readFileSync(new URL(partial.modelFile, root), "utf8")) as SmithyModel;
  const service = reconcile(partial.namespace, model, sdk);
  refine(service, refinements);
  const shapes = emitShapes(info, service);
  writeFileSync(new URL(`src/contracts/${dir}/shapes.ts`, root), shapes.ts);
  writeFileSync(new URL(`src/contracts/${dir}/shapes.json`, root), shapes.json);
  const operations = emitOperations(info, service);
  writeFileSync(new URL(`src/contracts/${dir}/operations.ts`, root), operations.ts);
  writeFileSync(new URL(`src/contracts/${dir}/operations.json`, root), operations.json);
  writeFileSync(new URL(`test/model-examples/${info.id}.json`, root), `${JSON.stringify(Object.fromEntries(service.operations.filter((o) => o.examples.length).map((o) => [o.name, o.examples])), null, 1)}\n`);
  summary.push({ info, service });
  const report = resourceModel(partial.namespace, model, service, resources);
  writeFileSync(new URL(`src/contracts/${dir}/resources.json`, root), `${JSON.stringify(report.resources, null, 1)}\n`);
  resourceReports.push({ id: info.id, report });
  console.log(`${info.id}: ${service.operations.length} operations, ${service.structures.size} structures, ${service.notes.length} reconciliation notes, ${report.resources.length} resources`);
}
writeFileSync(new URL("models/RECONCILIATION.md", root), emitSummary(summary));
writeFileSync(new URL("models/RESOURCES.md", root), emitResourceReport(resourceReports));
writeFileSync(new URL("test/operations.test-d.ts", root), emitTypeTests(summary));
