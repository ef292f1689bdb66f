import { CreateProjectCommand, CreateRemoteAccessSessionCommand, DeviceFarmClient, GetRemoteAccessSessionCommand, ListDevicesCommand, StopRemoteAccessSessionCommand } from "@aws-sdk/client-device-farm";
import { expect, test } from "vitest";
import { createAwsMock, testClientConfig } from "../handlers/index.js";

const client = (mock: ReturnType<typeof createAwsMock>) => new DeviceFarmClient({ ...testClientConfig(), requestHandler: mock.requestHandler() });

test("the public catalogue lists each model and OS version once, and some devices take no remote access", async () => {
  const mock = createAwsMock();
  const { devices } = await client(mock).send(new ListDevicesCommand({}));
  const pairs = devices!.map((d) => `${d.name} ${d.os}`);
  expect(new Set(pairs).size).toBe(pairs.length);
  expect(new Set(devices!.map((d) => d.arn)).size).toBe(devices!.length);
  expect(devices!.some((d) => d.remoteAccessEnabled === false)).toBe(true);
  expect(devices!.some((d) => d.remoteAccessEnabled === true)).toBe(true);
  const { devices: remote } = await client(mock).send(new ListDevicesCommand({ filters: [{ attribute: "REMOTE_ACCESS_ENABLED", operator: "EQUALS", values: ["true"] }] }));
  expect(remote!.every((d) => d.remoteAccessEnabled)).toBe(true);
});

test("a remote access session stopped before it ran bills no minutes", async () => {
  const mock = createAwsMock();
  const df = client(mock);
  const { project } = await df.send(new CreateProjectCommand({ name: "manual" }));
  const device = (await df.send(new ListDevicesCommand({}))).devices!.find((d) => d.remoteAccessEnabled)!;
  const { remoteAccessSession } = await df.send(new CreateRemoteAccessSessionCommand({ projectArn: project!.arn!, deviceArn: device.arn! }));
  expect(remoteAccessSession!.status).toBe("PENDING");
  await df.send(new StopRemoteAccessSessionCommand({ arn: remoteAccessSession!.arn! }));
  let session = remoteAccessSession!;
  for (let i = 0; i < 20 && session.status !== "COMPLETED"; i++) session = (await df.send(new GetRemoteAccessSessionCommand({ arn: remoteAccessSession!.arn! }))).remoteAccessSession!;
  expect(session.status).toBe("COMPLETED");
  expect(session.deviceMinutes ?? { total: 0, metered: 0, unmetered: 0 }).toEqual({ total: 0, metered: 0, unmetered: 0 });
});

test.each(["PENDING", "PREPARING"] as const)("a %s session added to the store and stopped before it ran bills no minutes", async (status) => {
  const mock = createAwsMock();
  const df = client(mock);
  const added = mock.deviceFarm.remoteAccessSessions.add({ status });
  await df.send(new StopRemoteAccessSessionCommand({ arn: added.arn! }));
  let session: { status?: string } = added;
  for (let i = 0; i < 20 && session.status !== "COMPLETED"; i++) session = (await df.send(new GetRemoteAccessSessionCommand({ arn: added.arn! }))).remoteAccessSession!;
  expect(session).toMatchObject({ status: "COMPLETED", deviceMinutes: { total: 0, metered: 0, unmetered: 0 } });
});
