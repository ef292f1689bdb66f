// Runs the mock as a page would: with no Node built-ins to reach (process.getBuiltinModule taken away
// before the package loads), through the direct transport. Prints one JSON line of what it saw; the
// test (test/browser-entry.test.ts) holds it to what a browser must get.
delete (process as { getBuiltinModule?: unknown }).getBuiltinModule;

const { CreateFarmCommand, CreateFleetCommand, CreateJobCommand, CreateQueueCommand, CreateQueueFleetAssociationCommand, DeadlineClient, GetFleetCommand, GetJobCommand, ListFarmsCommand, ListStepsCommand } =
  await import("@aws-sdk/client-deadline");
const { createAwsMock, preload, serve, testClientConfig } = await import("../../handlers/browser.js");
const { createFactories } = await import("../../factories/index.js");

const seen: Record<string, unknown> = {};
const factories = createFactories({ seed: 3 });
try {
  factories.operation("glue:GetJobRun").build();
  seen.beforePreload = "built";
} catch (e) {
  seen.beforePreload = (e as Error).message;
}
await preload("glue");
seen.afterPreload = factories.operation("glue:GetJobRun").build().JobRun?.Id !== undefined;

const mock = createAwsMock({ seed: 7 });
// Planned before the service's first call: a fault needs no shapes.
mock.fault("deadline:ListFarms", { error: "AccessDeniedException" });
const deadline = new DeadlineClient({ ...testClientConfig({ maxAttempts: 1 }), requestHandler: mock.requestHandler() });
const { farmId } = await deadline.send(new CreateFarmCommand({ displayName: "Render farm" }));
const { queueId } = await deadline.send(new CreateQueueCommand({ farmId, displayName: "Shots" }));
const configuration = { customerManaged: { mode: "NO_SCALING", workerCapabilities: { vCpuCount: { min: 2 }, memoryMiB: { min: 4096 }, osFamily: "LINUX", cpuArchitectureType: "x86_64" } } } as const;
const { fleetId } = await deadline.send(new CreateFleetCommand({ farmId, displayName: "Fleet", roleArn: "arn:aws:iam::123456789012:role/Fleet", maxWorkerCount: 2, configuration }));
await deadline.send(new CreateQueueFleetAssociationCommand({ farmId, queueId, fleetId }));
for (let i = 0; i < 50 && (await deadline.send(new GetFleetCommand({ farmId, fleetId }))).status !== "ACTIVE"; i++);
const template = "specificationVersion: jobtemplate-2023-09\nname: Shot 010\nsteps:\n- name: Render\n  parameterSpace:\n    taskParameterDefinitions:\n    - {name: Frame, type: INT, range: '1-3'}\n  script:\n    actions:\n      onRun: {command: render}\n";
const { jobId } = await deadline.send(new CreateJobCommand({ farmId, queueId, priority: 50, template, templateType: "YAML" }));
let status: string | undefined;
for (let i = 0; i < 100 && status !== "SUCCEEDED"; i++) status = (await deadline.send(new GetJobCommand({ farmId, queueId, jobId }))).taskRunStatus;
seen.jobStatus = status;
seen.steps = (await deadline.send(new ListStepsCommand({ farmId, queueId, jobId }))).steps?.map((s) => s.name);
seen.farmsFault = await deadline.send(new ListFarmsCommand({})).then(
  () => "no error",
  (e: Error) => e.name,
);
seen.handlers = mock.handlers.length;
seen.serve = (() => {
  try {
    serve();
    return "no error";
  } catch (e) {
    return (e as Error).message;
  }
})();
console.log(JSON.stringify(seen));
