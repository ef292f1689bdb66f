import {
  CreateDevicePoolCommand,
  CreateProjectCommand,
  CreateUploadCommand,
  DeviceFarmClient,
  GetJobCommand,
  GetRunCommand,
  GetDevicePoolCompatibilityCommand,
  GetUploadCommand,
  ListArtifactsCommand,
  ListRunsCommand,
  ListJobsCommand,
  ListSuitesCommand,
  ListTestsCommand,
  ScheduleRunCommand,
  StopRunCommand,
  type Run,
} from "@aws-sdk/client-device-farm";
import { describe, expect, test } from "vitest";
import { createAwsMock, testClientConfig } from "../handlers/index.js";

async function project() {
  const mock = createAwsMock();
  const df = new DeviceFarmClient({ ...testClientConfig(), requestHandler: mock.requestHandler() });
  const { project } = await df.send(new CreateProjectCommand({ name: "mobile QA" }));
  return { mock, df, projectArn: project!.arn! };
}

describe("a Device Farm run, as Device Farm runs it", () => {
  test("uploads of the type asked, a pool whose rules pick devices of the catalogue, a run through its statuses with one job per device, suites, tests, counters and artifacts", async () => {
    const { mock, df, projectArn } = await project();
    const { upload: app } = await df.send(new CreateUploadCommand({ projectArn, name: "app-release.apk", type: "ANDROID_APP" }));
    expect(app).toMatchObject({ type: "ANDROID_APP", status: "INITIALIZED", name: "app-release.apk" });
    expect(app!.url).toMatch(/^https:\/\//);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await df.send(new GetUploadCommand({ arn: app!.arn! }))).upload!.status);
    expect(statuses.at(-1)).toBe("SUCCEEDED");
    const { upload: tests } = await df.send(new CreateUploadCommand({ projectArn, name: "tests.zip", type: "APPIUM_PYTHON_TEST_PACKAGE" }));

    const android = mock.deviceFarm.devices().filter((d) => d.platform === "ANDROID");
    const { devicePool } = await df.send(new CreateDevicePoolCommand({ projectArn, name: "two androids", rules: [{ attribute: "PLATFORM", operator: "EQUALS", value: '"ANDROID"' }], maxDevices: 2 }));
    const { devicePool: everyPhone } = await df.send(new CreateDevicePoolCommand({ projectArn, name: "every phone", rules: [{ attribute: "FORM_FACTOR", operator: "EQUALS", value: '"PHONE"' }] }));
    const compatibility = await df.send(new GetDevicePoolCompatibilityCommand({ devicePoolArn: everyPhone!.arn!, appArn: app!.arn! }));
    expect(compatibility.compatibleDevices!.every((c) => c.device!.platform === "ANDROID" && c.device!.formFactor === "PHONE")).toBe(true);
    expect(compatibility.incompatibleDevices!.every((c) => c.device!.platform === "IOS" && c.incompatibilityMessages![0]!.type === "PLATFORM")).toBe(true);
    expect(compatibility.compatibleDevices!.length * compatibility.incompatibleDevices!.length).toBeGreaterThan(0);
    const { run } = await df.send(new ScheduleRunCommand({ projectArn, appArn: app!.arn!, devicePoolArn: devicePool!.arn!, name: "nightly", test: { type: "APPIUM_PYTHON", testPackageArn: tests!.arn! } }));
    expect(run).toMatchObject({ name: "nightly", type: "APPIUM_PYTHON", status: "PENDING", devicePoolArn: devicePool!.arn });
    expect(run!.arn).toMatch(new RegExp(`:run:${projectArn.split(":project:")[1]}/`));

    const seen: Run[] = [];
    for (let i = 0; i < 10 && seen.at(-1)?.status !== "COMPLETED"; i++) seen.push((await df.send(new GetRunCommand({ arn: run!.arn! }))).run!);
    expect([...new Set(seen.map((r) => r.status))]).toEqual(["PENDING", "SCHEDULING", "PREPARING", "RUNNING", "COMPLETED"]);
    const done = seen.at(-1)!;
    expect(done).toMatchObject({ result: "PASSED", totalJobs: 2, completedJobs: 2, counters: { total: 6, passed: 6, failed: 0 } });

    const { jobs } = await df.send(new ListJobsCommand({ arn: run!.arn! }));
    expect(jobs!.map((j) => j.device!.arn)).toEqual(android.slice(0, 2).map((d) => d.arn));
    expect(jobs!.map((j) => j.arn)).toEqual([`${run!.arn!.replace(":run:", ":job:")}/00000`, `${run!.arn!.replace(":run:", ":job:")}/00001`]);
    expect(jobs!.every((j) => j.status === "COMPLETED" && j.result === "PASSED")).toBe(true);
    const { suites } = await df.send(new ListSuitesCommand({ arn: jobs![0]!.arn! }));
    expect(suites!.map((s) => s.name)).toEqual(["Setup Suite", "Tests Suite", "Teardown Suite"]);
    const { tests: testList } = await df.send(new ListTestsCommand({ arn: suites![1]!.arn! }));
    expect(testList).toHaveLength(1);
    expect(testList![0]).toMatchObject({ name: "Tests", result: "PASSED", counters: { total: 1, passed: 1 } });
    const { artifacts } = await df.send(new ListArtifactsCommand({ arn: run!.arn!, type: "FILE" }));
    expect(artifacts!.map((a) => a.type)).toEqual(["VIDEO", "CUSTOMER_ARTIFACT", "VIDEO", "CUSTOMER_ARTIFACT"]);
  });

  test("StopRun: STOPPING, then COMPLETED with result STOPPED", async () => {
    const { df, projectArn } = await project();
    const { run } = await df.send(new ScheduleRunCommand({ projectArn, name: "fuzz", test: { type: "BUILTIN_FUZZ" } }));
    await df.send(new GetRunCommand({ arn: run!.arn! }));
    await df.send(new StopRunCommand({ arn: run!.arn! }));
    const states = [];
    for (let i = 0; i < 3; i++) states.push((await df.send(new GetRunCommand({ arn: run!.arn! }))).run!);
    expect(states.map((r) => r.status)).toEqual(["STOPPING", "COMPLETED", "COMPLETED"]);
    expect(states.at(-1)!.result).toBe("STOPPED");
    const { jobs } = await df.send(new ListJobsCommand({ arn: run!.arn! }));
    expect(jobs!.every((j) => j.result === "STOPPED")).toBe(true);
  });

  test("a URL that names a resource names the one the answer is about: an upload's URL, a run's console URL, in a fresh account and in a populated one", async () => {
    const { df, projectArn } = await project();
    const projectId = projectArn.split(":project:")[1]!;
    const { upload } = await df.send(new CreateUploadCommand({ projectArn, name: "app-release.apk", type: "ANDROID_APP" }));
    expect(upload!.url).toContain(encodeURIComponent(upload!.arn!).replaceAll("%2F", "/"));
    expect(upload!.url).toContain(`project%3A${projectId}/`);

    const populated = createAwsMock({ unknownIds: "generate", seed: 11 });
    const client = new DeviceFarmClient({ ...testClientConfig(), requestHandler: populated.requestHandler() });
    const project2 = `arn:aws:devicefarm:us-west-2:${populated.account}:project:${"1".repeat(8)}-1111-4111-8111-${"1".repeat(12)}`;
    const runArn = `${project2.replace(":project:", ":run:")}/${"2".repeat(8)}-2222-4222-8222-${"2".repeat(12)}`;
    const { run } = await client.send(new GetRunCommand({ arn: runArn }));
    const consoleUrl = (arn: string) => `#/mobile/projects/${arn.split(":run:")[1]!.replace("/", "/runs/")}`;
    expect(run!.webUrl).toMatch(new RegExp(`${consoleUrl(runArn)}$`));
    const { runs } = await client.send(new ListRunsCommand({ arn: project2 }));
    expect(runs!.length).toBeGreaterThan(0);
    for (const listed of runs!) {
      expect(listed.arn).toMatch(new RegExp(`:run:${"1".repeat(8)}-`));
      if (listed.webUrl !== undefined) expect(listed.webUrl).toMatch(new RegExp(`${consoleUrl(listed.arn!)}$`));
      if (listed.appUpload !== undefined) expect(listed.appUpload).toMatch(new RegExp(`:upload:${"1".repeat(8)}-`));
      if (listed.devicePoolArn !== undefined) expect(listed.devicePoolArn).toMatch(new RegExp(`:devicepool:${"1".repeat(8)}-`));
    }
    // A page built item by item: every artifact is under the job asked about, and its URL names its project and run.
    const jobArn = `${runArn.replace(":run:", ":job:")}/00001`;
    const { artifacts } = await client.send(new ListArtifactsCommand({ arn: jobArn, type: "FILE" }));
    expect(artifacts!.length).toBeGreaterThan(1);
    for (const artifact of artifacts!) {
      expect(artifact.arn!.startsWith(`${jobArn.replace(":job:", ":artifact:")}/`)).toBe(true);
      if (artifact.url !== undefined) expect(artifact.url).toContain(`/${jobArn.split(":job:")[1]}/`);
    }
  });

  test("in a populated account a run's jobs are its devices: each named as its device, the same job read and listed", async () => {
    const populated = createAwsMock({ unknownIds: "generate", seed: 5 });
    const client = new DeviceFarmClient({ ...testClientConfig(), requestHandler: populated.requestHandler() });
    const runArn = `arn:aws:devicefarm:us-west-2:${populated.account}:run:${"3".repeat(8)}-3333-4333-8333-${"3".repeat(12)}/${"4".repeat(8)}-4444-4444-8444-${"4".repeat(12)}`;
    const { jobs } = await client.send(new ListJobsCommand({ arn: runArn }));
    expect(jobs!.length).toBeGreaterThan(0);
    for (const listed of jobs!) {
      expect(listed.device!.name).toBe(`${listed.device!.manufacturer} ${listed.device!.model}`);
      expect(listed.name).toBe(listed.device!.name);
      const { job } = await client.send(new GetJobCommand({ arn: listed.arn! }));
      expect(job!.name).toBe(listed.name);
      expect(job!.device!.arn).toBe(listed.device!.arn);
    }
  });
});
