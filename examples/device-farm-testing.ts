import {
  CreateRemoteAccessSessionCommand,
  CreateTestGridUrlCommand,
  GetRemoteAccessSessionCommand,
  ListDevicesCommand,
  ListTestGridSessionArtifactsCommand,
  StopRemoteAccessSessionCommand,
  paginateListTestGridSessions,
  type DeviceFarmClient,
  type DeviceMinutes,
  type RemoteAccessSession,
} from "@aws-sdk/client-device-farm";

type Sleep = (ms: number) => Promise<void>;
const wait: Sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A manual-testing tool: finds an available device of a platform, opens a remote session on it, waits until it runs. */
export async function openDevice(df: DeviceFarmClient, projectArn: string, platform: "ANDROID" | "IOS", sleep: Sleep = wait): Promise<{ session: RemoteAccessSession; states: string[] }> {
  const { devices } = await df.send(
    new ListDevicesCommand({
      filters: [
        { attribute: "PLATFORM", operator: "EQUALS", values: [platform] },
        { attribute: "REMOTE_ACCESS_ENABLED", operator: "EQUALS", values: ["true"] },
      ],
    }),
  );
  const device = devices?.[0];
  if (!device) throw new Error(`No ${platform} device offers remote access`);
  const created = await df.send(new CreateRemoteAccessSessionCommand({ projectArn, deviceArn: device.arn!, name: `manual test on ${device.name}` }));
  const arn = created.remoteAccessSession!.arn!;
  const states = [created.remoteAccessSession!.status!];
  for (;;) {
    const { remoteAccessSession } = await df.send(new GetRemoteAccessSessionCommand({ arn }));
    if (states.at(-1) !== remoteAccessSession!.status) states.push(remoteAccessSession!.status!);
    if (remoteAccessSession!.status === "RUNNING") return { session: remoteAccessSession!, states };
    await sleep(10_000);
  }
}

/** Stops a remote session and waits until Device Farm has billed it; returns the states it saw and the minutes. */
export async function stopDevice(df: DeviceFarmClient, arn: string, sleep: Sleep = wait): Promise<{ states: string[]; result: string; minutes: DeviceMinutes }> {
  const stopping = await df.send(new StopRemoteAccessSessionCommand({ arn }));
  const states = [stopping.remoteAccessSession!.status!];
  for (;;) {
    const { remoteAccessSession } = await df.send(new GetRemoteAccessSessionCommand({ arn }));
    if (states.at(-1) !== remoteAccessSession!.status) states.push(remoteAccessSession!.status!);
    if (remoteAccessSession!.status === "COMPLETED") return { states, result: remoteAccessSession!.result!, minutes: remoteAccessSession!.deviceMinutes! };
    await sleep(5_000);
  }
}

/** A test runner's grid: a URL for its browsers, then a report of the sessions they opened (every page) and their artifacts. */
export async function gridUrl(df: DeviceFarmClient, projectArn: string): Promise<{ url: string; expires: Date }> {
  const { url, expires } = await df.send(new CreateTestGridUrlCommand({ projectArn, expiresInSeconds: 300 }));
  return { url: url!, expires: expires! };
}

export async function gridReport(df: DeviceFarmClient, projectArn: string): Promise<{ arn: string; status: string; browser: string; artifacts: string[] }[]> {
  const out = [];
  for await (const page of paginateListTestGridSessions({ client: df, pageSize: 2 }, { projectArn })) {
    for (const s of page.testGridSessions ?? []) {
      const { artifacts } = await df.send(new ListTestGridSessionArtifactsCommand({ sessionArn: s.arn! }));
      out.push({ arn: s.arn!, status: s.status!, browser: (JSON.parse(s.seleniumProperties ?? "{}") as { browserName?: string }).browserName ?? "", artifacts: (artifacts ?? []).map((a) => a.filename!) });
    }
  }
  return out;
}
