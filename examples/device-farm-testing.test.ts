import {
  ArgumentException,
  CannotDeleteException,
  CreateProjectCommand,
  CreateRemoteAccessSessionCommand,
  CreateTestGridProjectCommand,
  DeleteRemoteAccessSessionCommand,
  DeleteTestGridProjectCommand,
  DeviceFarmClient,
  GetDeviceCommand,
  ListRemoteAccessSessionsCommand,
  ListTestGridSessionActionsCommand,
  ListTestGridSessionsCommand,
  NotFoundException,
  StopRemoteAccessSessionCommand,
} from "@aws-sdk/client-device-farm";
import { describe, expect, test } from "vitest";
import { createAwsMock, testClientConfig } from "../handlers/index.js";
import { registry, type Contract } from "../src/index.js";
import { gridReport, gridUrl, openDevice, stopDevice } from "./device-farm-testing.js";

const noSleep = async () => {};

function setup() {
  const mock = createAwsMock();
  const df = new DeviceFarmClient({ ...testClientConfig({ maxAttempts: 1 }), requestHandler: mock.requestHandler() });
  return { mock, df };
}

function expectContractValid(mock: ReturnType<typeof createAwsMock>) {
  for (const sent of mock.responses) {
    const op = registry.get(sent.operation);
    const contract: Contract = sent.status === 200 ? op.response : op.errors.find((e) => e.name === JSON.parse(sent.body).__type)!.body;
    expect(contract.validate(JSON.parse(sent.body), { strict: true }).findings, sent.operation).toEqual([]);
  }
}

describe("Device Farm remote access", () => {
  test("a device of the catalogue is opened PENDING, PREPARING, RUNNING, then stopped through STOPPING to COMPLETED and billed", async () => {
    const { mock, df } = setup();
    const { project } = await df.send(new CreateProjectCommand({ name: "manual QA" }));
    const { session, states } = await openDevice(df, project!.arn!, "ANDROID", noSleep);
    expect(states).toEqual(["PENDING", "PREPARING", "RUNNING"]);
    expect(session.arn).toMatch(new RegExp(`:session:${project!.arn!.split(":").pop()}/[0-9a-f-]{36}/00000$`));
    expect(session.device!.platform).toBe("ANDROID");
    expect((await df.send(new GetDeviceCommand({ arn: session.device!.arn! }))).device).toEqual(session.device);
    mock.clock.advance(12 * 60_000);
    const stopped = await stopDevice(df, session.arn!, noSleep);
    expect(stopped.states).toEqual(["STOPPING", "COMPLETED"]);
    expect(stopped.result).toBe("STOPPED");
    expect(stopped.minutes).toEqual({ total: 13, metered: 13, unmetered: 0 });
    const { remoteAccessSessions } = await df.send(new ListRemoteAccessSessionsCommand({ arn: project!.arn! }));
    expect(remoteAccessSessions!.map((s) => [s.arn, s.status])).toEqual([[session.arn, "COMPLETED"]]);
    await df.send(new DeleteRemoteAccessSessionCommand({ arn: session.arn! }));
    expect(mock.deviceFarm.remoteAccessSessions.size).toBe(0);
    expectContractValid(mock);
  });
});

describe("Device Farm test grid", () => {
  test("a URL for the browsers, sessions they opened, paged and filtered, with their actions and artifacts", async () => {
    const { mock, df } = setup();
    const { testGridProject } = await df.send(new CreateTestGridProjectCommand({ name: "checkout e2e" }));
    const projectArn = testGridProject!.arn!;
    const { url, expires } = await gridUrl(df, projectArn);
    expect(url).toMatch(/^https:\/\/testgrid-devicefarm\.us-west-2\.amazonaws\.com\//);
    expect(expires.getTime() - mock.clock.now()).toBe(300_000);
    const chrome = mock.deviceFarm.openTestGridSession(projectArn);
    mock.clock.advance(90_000);
    const firefox = mock.deviceFarm.openTestGridSession(projectArn, { browser: "firefox" });
    mock.deviceFarm.openTestGridSession(projectArn, { browser: "MicrosoftEdge" });
    mock.clock.advance(60_000);
    mock.deviceFarm.closeTestGridSession(chrome.arn!);
    const report = await gridReport(df, projectArn);
    expect(report.map((r) => [r.browser, r.status, r.artifacts])).toEqual([
      ["chrome", "CLOSED", ["video.mp4", "selenium-server.log"]],
      ["firefox", "ACTIVE", []],
      ["MicrosoftEdge", "ACTIVE", []],
    ]);
    const active = await df.send(new ListTestGridSessionsCommand({ projectArn, status: "ACTIVE", creationTimeAfter: firefox.created }));
    expect(active.testGridSessions!.map((s) => s.arn)).toHaveLength(2);
    const { actions } = await df.send(new ListTestGridSessionActionsCommand({ sessionArn: chrome.arn! }));
    expect(actions!.map((a) => a.action)).toEqual(["newSession", "navigateTo", "findElement", "elementClick", "takeScreenshot", "deleteSession"]);
    expectContractValid(mock);
  });
});

describe("illegal steps get the error the model lists for them", () => {
  test.each([
    ["open a remote session in a missing project", "deviceFarm:CreateRemoteAccessSession", "NotFoundException"],
    ["stop a stopped remote session", "deviceFarm:StopRemoteAccessSession", "ArgumentException"],
    ["delete a running remote session", "deviceFarm:DeleteRemoteAccessSession", "ArgumentException"],
    ["delete a test grid project with an active session", "deviceFarm:DeleteTestGridProject", "CannotDeleteException"],
    ["list the sessions of a missing test grid project", "deviceFarm:ListTestGridSessions", "NotFoundException"],
  ] as const)("%s: %s answers %s", async (what, id, error) => {
    expect(registry.get(id).errors.map((e) => e.name)).toContain(error);
    const { mock, df } = setup();
    const { project } = await df.send(new CreateProjectCommand({ name: "qa" }));
    const device = mock.deviceFarm.devices().find((d) => d.remoteAccessEnabled)!;
    const missing = `arn:aws:devicefarm:us-west-2:123456789012:project:${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}`;
    let step: Promise<unknown>;
    if (what === "open a remote session in a missing project") step = df.send(new CreateRemoteAccessSessionCommand({ projectArn: missing, deviceArn: device.arn! }));
    else if (what === "list the sessions of a missing test grid project") step = df.send(new ListTestGridSessionsCommand({ projectArn: missing.replace(":project:", ":testgrid-project:") }));
    else if (what === "delete a test grid project with an active session") {
      const { testGridProject } = await df.send(new CreateTestGridProjectCommand({ name: "e2e" }));
      mock.deviceFarm.openTestGridSession(testGridProject!.arn!);
      step = df.send(new DeleteTestGridProjectCommand({ projectArn: testGridProject!.arn! }));
    } else {
      const { session } = await openDevice(df, project!.arn!, device.platform!, noSleep);
      if (what === "stop a stopped remote session") {
        await stopDevice(df, session.arn!, noSleep);
        step = df.send(new StopRemoteAccessSessionCommand({ arn: session.arn! }));
      } else step = df.send(new DeleteRemoteAccessSessionCommand({ arn: session.arn! }));
    }
    const thrown = await step.catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf({ NotFoundException, ArgumentException, CannotDeleteException }[error]);
    expectContractValid(mock);
  });
});

test("sessions added to the stores bring their projects, which list them", async () => {
  const { mock, df } = setup();
  const session = mock.deviceFarm.remoteAccessSessions.add({ status: "RUNNING" });
  const grid = mock.deviceFarm.testGridSessions.add({ status: "CLOSED" });
  const { projects, testGridProjects } = mock.deviceFarm.projects();
  expect(projects).toHaveLength(1);
  expect(testGridProjects).toHaveLength(1);
  expect((await df.send(new ListRemoteAccessSessionsCommand({ arn: String(projects[0]!.arn) }))).remoteAccessSessions!.map((s) => s.arn)).toEqual([session.arn]);
  expect((await df.send(new ListTestGridSessionsCommand({ projectArn: String(testGridProjects[0]!.arn) }))).testGridSessions!.map((s) => s.arn)).toEqual([grid.arn]);
});

test("a throttled poll (LimitExceededException) is retried by the SDK, and the session still opens", async () => {
  const mock = createAwsMock();
  const df = new DeviceFarmClient({ ...testClientConfig({ maxAttempts: 3 }), requestHandler: mock.requestHandler() });
  const { project } = await df.send(new CreateProjectCommand({ name: "manual QA" }));
  mock.fault("deviceFarm:GetRemoteAccessSession", { error: "LimitExceededException" });
  const { states } = await openDevice(df, project!.arn!, "IOS", noSleep);
  expect(states).toEqual(["PENDING", "PREPARING", "RUNNING"]);
  expect(mock.callsTo("deviceFarm:GetRemoteAccessSession")[1]!.attempt).toBe(2);
});

test("a remote session added with a lifecycle keeps it after ListRemoteAccessSessions, until the API stops it", async () => {
  const { mock, df } = setup();
  const session = mock.deviceFarm.remoteAccessSessions.add({}, { lifecycle: ["PENDING", "RUNNING"] });
  const projectArn = String(mock.deviceFarm.projects().projects[0]!.arn);
  await df.send(new ListRemoteAccessSessionsCommand({ arn: projectArn }));
  const { GetRemoteAccessSessionCommand } = await import("@aws-sdk/client-device-farm");
  const seen = [];
  for (let i = 0; i < 3; i++) seen.push((await df.send(new GetRemoteAccessSessionCommand({ arn: session.arn! }))).remoteAccessSession!.status);
  expect(seen).toEqual(["PENDING", "RUNNING", "RUNNING"]);
  expect((await stopDevice(df, session.arn!, noSleep)).states).toEqual(["STOPPING", "COMPLETED"]);
});
