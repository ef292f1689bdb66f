import { type DeviceFarmClient, GetRemoteAccessSessionCommand } from "@aws-sdk/client-device-farm";

export interface UsageSummary {
  readonly sessions: number;
  readonly meteredMinutes: number;
  readonly unmeteredMinutes: number;
  /** Minutes per platform (ANDROID, IOS). */
  readonly byPlatform: Readonly<Record<string, number>>;
  /** Sessions that are still running. */
  readonly running: readonly string[];
}

/** Sums the device minutes of remote access sessions, by billing method and platform. */
export async function summariseRemoteAccessUsage(deviceFarm: DeviceFarmClient, arns: readonly string[]): Promise<UsageSummary> {
  let metered = 0;
  let unmetered = 0;
  const byPlatform: Record<string, number> = {};
  const running: string[] = [];
  for (const arn of arns) {
    const { remoteAccessSession: s } = await deviceFarm.send(new GetRemoteAccessSessionCommand({ arn }));
    if (!s) continue;
    metered += s.deviceMinutes?.metered ?? 0;
    unmetered += s.deviceMinutes?.unmetered ?? 0;
    const platform = s.device?.platform ?? "UNKNOWN";
    byPlatform[platform] = (byPlatform[platform] ?? 0) + (s.deviceMinutes?.total ?? 0);
    if (s.status === "RUNNING") running.push(arn);
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    sessions: arns.length,
    meteredMinutes: round(metered),
    unmeteredMinutes: round(unmetered),
    byPlatform: Object.fromEntries(Object.entries(byPlatform).map(([k, v]) => [k, round(v)])),
    running,
  };
}
