import {
  CreateFarmCommand,
  CreateFleetCommand,
  CreateJobCommand,
  CreateQueueCommand,
  CreateQueueFleetAssociationCommand,
  DeadlineClient,
  GetFleetCommand,
  GetJobCommand,
  type DeadlineClientConfig,
} from "@aws-sdk/client-deadline";
import { setupWorker } from "msw/browser";
import { createAwsMock, onUnhandled, testClientConfig, type AwsMock } from "aws-sdk-contracts/handlers";

/** How the page's SDK reaches the mock: msw's service worker (the SDK's own `fetch`), or the direct transport. */
export type Transport = "worker" | "direct";

const FLEET = {
  customerManaged: { mode: "NO_SCALING", workerCapabilities: { vCpuCount: { min: 4 }, memoryMiB: { min: 8192 }, osFamily: "LINUX", cpuArchitectureType: "x86_64" } },
} as const;

/** An Open Job Description template in YAML: one step, a task per frame. */
const beauty = (shot: string, frames: string) => `specificationVersion: jobtemplate-2023-09
name: ${shot} beauty
steps:
- name: Render
  parameterSpace:
    taskParameterDefinitions:
    - name: Frame
      type: INT
      range: "${frames}"
  script:
    actions:
      onRun:
        command: render
        args: ["--frame", "{{Task.Param.Frame}}"]
`;

/** The same format in JSON: two steps, the second waiting for the first. */
const comp = (shot: string) =>
  JSON.stringify({
    specificationVersion: "jobtemplate-2023-09",
    name: `${shot} comp`,
    steps: [
      { name: "Plates", parameterSpace: { taskParameterDefinitions: [{ name: "Frame", type: "INT", range: "1-8" }] }, script: { actions: { onRun: { command: "plates" } } } },
      { name: "Composite", dependencies: [{ dependsOn: "Plates" }], script: { actions: { onRun: { command: "nuke", args: ["comp.nk"] } } } },
    ],
  });

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, polls = 200): Promise<T> {
  for (let i = 0; i < polls; i++) {
    const value = await read();
    if (done(value)) return value;
  }
  throw new Error("the mock never reached the state");
}

/** What the dashboard shows, made the way a pipeline makes it: through Deadline's API. */
async function seed(deadline: DeadlineClient): Promise<void> {
  const { farmId } = await deadline.send(new CreateFarmCommand({ displayName: "Feature film" }));
  const { queueId: lighting } = await deadline.send(new CreateQueueCommand({ farmId, displayName: "Lighting" }));
  const { queueId: compositing } = await deadline.send(new CreateQueueCommand({ farmId, displayName: "Compositing" }));
  const { fleetId } = await deadline.send(
    new CreateFleetCommand({ farmId, displayName: "Linux render fleet", roleArn: "arn:aws:iam::111122223333:role/DeadlineFleetRole", maxWorkerCount: 8, configuration: FLEET }),
  );
  await deadline.send(new CreateQueueFleetAssociationCommand({ farmId, queueId: lighting, fleetId }));
  await until(() => deadline.send(new GetFleetCommand({ farmId, fleetId })), (fleet) => fleet.status === "ACTIVE");

  const { jobId } = await deadline.send(new CreateJobCommand({ farmId, queueId: lighting, priority: 50, template: beauty("Shot 010", "1-4"), templateType: "YAML" }));
  await until(() => deadline.send(new GetJobCommand({ farmId, queueId: lighting, jobId })), (job) => job.taskRunStatus === "SUCCEEDED");
  await deadline.send(new CreateJobCommand({ farmId, queueId: lighting, priority: 60, template: beauty("Shot 020", "1-24"), templateType: "YAML" }));
  await deadline.send(new CreateJobCommand({ farmId, queueId: compositing, priority: 40, template: comp("Shot 010"), templateType: "JSON" }));
}

/** Starts the mock for the page and fills it; the client settings reach it through the transport chosen. */
export async function startMock(transport: Transport): Promise<{ mock: AwsMock; config: DeadlineClientConfig }> {
  const mock = createAwsMock({ seed: 7 });
  const config: DeadlineClientConfig = { ...testClientConfig({ region: "us-west-2", maxAttempts: 1 }), ...(transport === "direct" ? { requestHandler: mock.requestHandler() } : {}) };
  if (transport === "worker") await setupWorker(...mock.handlers).start({ quiet: true, ...onUnhandled("bypass") });
  await seed(new DeadlineClient(config));
  return { mock, config };
}
