import type { SdkOf } from "../src/index.js";
import {
  shapes as deviceFarmShapes,
  type CPU,
  type Device,
  type DeviceInstance,
  type DeviceMinutes,
  type DeviceProxy,
  type InstanceProfile,
  type RemoteAccessEndpoints,
  type RemoteAccessSession,
  type Resolution,
  type TestGridSession,
  type VpcConfig,
} from "../src/contracts/device-farm/shapes.js";
import type { EntityDefinition, FactoryDefinition, Invariant } from "./core/factory.js";
import type { Gen } from "./core/random.js";
import { accountId, roundTo } from "./core/values.js";
import { REFERENCE_DATE } from "./core/random.js";

type DeviceValue = SdkOf<Device>;
type RemoteAccess = SdkOf<RemoteAccessSession>;
type TestGrid = SdkOf<TestGridSession>;

/** Device Farm lives in us-west-2 only. */
const REGION = "us-west-2";

interface CatalogDevice {
  readonly manufacturer: string;
  readonly model: string;
  readonly modelId: string;
  readonly platform: "ANDROID" | "IOS";
  readonly formFactor: "PHONE" | "TABLET";
  readonly os: readonly string[];
  readonly architecture: string;
  readonly clock: number;
  readonly width: number;
  readonly height: number;
  readonly memoryGiB: number;
}

/** Devices whose maker, model, platform, OS and form factor belong together (Apple devices are IOS). */
const CATALOG: readonly CatalogDevice[] = [
  { manufacturer: "Google", model: "Pixel 8", modelId: "GKWS6", platform: "ANDROID", formFactor: "PHONE", os: ["14", "15"], architecture: "arm64-v8a", clock: 2910, width: 1080, height: 2400, memoryGiB: 128 },
  { manufacturer: "Google", model: "Pixel 7", modelId: "GVU6C", platform: "ANDROID", formFactor: "PHONE", os: ["13", "14"], architecture: "arm64-v8a", clock: 2850, width: 1080, height: 2400, memoryGiB: 128 },
  { manufacturer: "Samsung", model: "Galaxy S24", modelId: "SM-S921U", platform: "ANDROID", formFactor: "PHONE", os: ["14"], architecture: "arm64-v8a", clock: 3390, width: 1080, height: 2340, memoryGiB: 128 },
  { manufacturer: "Samsung", model: "Galaxy Tab S9", modelId: "SM-X710", platform: "ANDROID", formFactor: "TABLET", os: ["13", "14"], architecture: "arm64-v8a", clock: 3360, width: 1600, height: 2560, memoryGiB: 128 },
  { manufacturer: "Apple", model: "iPhone 15", modelId: "A3090", platform: "IOS", formFactor: "PHONE", os: ["17.4", "17.5.1"], architecture: "arm64e", clock: 3460, width: 1179, height: 2556, memoryGiB: 128 },
  { manufacturer: "Apple", model: "iPhone 14 Pro", modelId: "A2650", platform: "IOS", formFactor: "PHONE", os: ["16.6", "17.4"], architecture: "arm64e", clock: 3460, width: 1179, height: 2556, memoryGiB: 256 },
  { manufacturer: "Apple", model: "iPad Air (5th generation)", modelId: "A2588", platform: "IOS", formFactor: "TABLET", os: ["16.6", "17.4"], architecture: "arm64e", clock: 3200, width: 1640, height: 2360, memoryGiB: 64 },
];

const PLATFORM_OF_MANUFACTURER: Record<string, "ANDROID" | "IOS"> = { Apple: "IOS", Google: "ANDROID", Samsung: "ANDROID" };

const devicefarmArn = (gen: Gen, resource: string, id: string) => `arn:aws:devicefarm:${REGION}:${accountId(gen)}:${resource}:${id}`;

export interface DeviceParams {
  readonly platform?: "ANDROID" | "IOS";
  readonly fleet: "PUBLIC" | "PRIVATE";
  /** A catalogue entry (`Google Pixel 8`, by model name) and one of its OS versions, instead of a random pick. */
  readonly model?: string;
  readonly os?: string;
}

/** Every model and OS version the catalogue knows, once each: a public fleet lists each pair once. */
export const CATALOG_MODELS: readonly { readonly model: string; readonly os: string }[] = CATALOG.flatMap((d) => d.os.map((os) => ({ model: d.model, os })));

function cpu(gen: Gen, d: CatalogDevice): SdkOf<CPU> {
  return { frequency: "MHz", architecture: d.architecture, clock: d.clock };
}

function instanceProfile(gen: Gen): SdkOf<InstanceProfile> {
  return {
    arn: devicefarmArn(gen, "instanceprofile", gen.uuid("arn")),
    packageCleanup: true,
    excludeAppPackagesFromCleanup: gen.bool("keep", 0.5) ? ["com.example.mdm.agent"] : [],
    rebootAfterUse: gen.bool("reboot", 0.3),
    name: gen.pick("name", ["clean-after-use", "qa-lab-profile", "keep-mdm-agent"]),
    description: "Cleans app packages between remote access sessions.",
  };
}

/** A device UDID in its platform's form: Apple's `00008xxx-…`, Android's 16 hex digits. */
function udid(gen: Gen, platform: "ANDROID" | "IOS" | undefined): string {
  return platform === "IOS" ? `00008${gen.hex("udid", 3, true)}-${gen.hex("udid2", 16, true)}` : gen.hex("udid", 16, true);
}

function deviceInstance(
  gen: Gen,
  deviceArn: string,
  platform?: "ANDROID" | "IOS",
  status: "IN_USE" | "PREPARING" | "AVAILABLE" | "NOT_AVAILABLE" = "IN_USE",
): SdkOf<DeviceInstance> {
  return {
    arn: devicefarmArn(gen, "deviceinstance", gen.uuid("arn")),
    deviceArn,
    labels: [gen.pick("label", ["lab-a", "regression", "release-candidate"])],
    status,
    udid: udid(gen, platform),
    instanceProfile: instanceProfile(gen.at("instanceProfile")),
  };
}

/** A device from a coherent catalogue; a private fleet device carries its instance. */
function device(gen: Gen, params: DeviceParams): DeviceValue {
  const choices = params.platform ? CATALOG.filter((d) => d.platform === params.platform) : CATALOG;
  const d = (params.model !== undefined ? CATALOG.find((c) => c.model === params.model) : undefined) ?? gen.pick("model", choices);
  const image = gen.hex("image", 32, true);
  const arn = params.fleet === "PUBLIC" ? `arn:aws:devicefarm:${REGION}::device:${image}` : devicefarmArn(gen, "device", image);
  const value: DeviceValue = {
    arn,
    name: `${d.manufacturer === "Apple" ? "Apple" : d.manufacturer} ${d.model}`,
    manufacturer: d.manufacturer,
    model: d.model,
    modelId: d.modelId,
    formFactor: d.formFactor,
    platform: d.platform,
    os: params.os !== undefined && d.os.includes(params.os) ? params.os : gen.pick("os", d.os),
    cpu: cpu(gen.at("cpu"), d),
    resolution: { width: d.width, height: d.height },
    heapSize: d.platform === "ANDROID" ? 512 * 1024 * 1024 : 0,
    memory: d.memoryGiB * 1024 ** 3,
    image,
    carrier: "",
    radio: "",
    remoteAccessEnabled: true,
    remoteDebugEnabled: false,
    fleetType: params.fleet,
    fleetName: params.fleet === "PUBLIC" ? "Public Device Fleet" : gen.pick("fleetName", ["QA Lab Fleet", "Private Device Fleet"]),
    availability: params.fleet === "PUBLIC" ? gen.pick("availability", ["AVAILABLE", "HIGHLY_AVAILABLE", "BUSY"]) : "BUSY",
  };
  if (params.fleet === "PRIVATE") value.instances = [deviceInstance(gen.at("instances[0]"), arn, d.platform)];
  return value;
}

function vpcConfig(gen: Gen): SdkOf<VpcConfig> {
  return {
    securityGroupIds: [`sg-${gen.hex("sg", 17)}`],
    subnetIds: [`subnet-${gen.hex("subnet.0", 17)}`, `subnet-${gen.hex("subnet.1", 17)}`],
    vpcId: `vpc-${gen.hex("vpc", 17)}`,
  };
}

function deviceProxy(gen: Gen): SdkOf<DeviceProxy> {
  return { host: gen.pick("host", ["proxy.corp.example.com", "egress-proxy.internal.example.net", "10.0.0.15"]), port: gen.pick("port", [3128, 8080, 8888]) };
}

function endpoints(gen: Gen, sessionId: string): SdkOf<RemoteAccessEndpoints> {
  return {
    remoteDriverEndpoint: `https://devicefarm-interactive-global.${REGION}.api.aws/remote-endpoint/${gen.hex("driver", 40)}/wd/hub`,
    interactiveEndpoint: `https://devicefarm-interactive-global.${REGION}.api.aws/remote-access/${sessionId}/${gen.hex("interactive", 40)}`,
  };
}

/** How a remote access session stands: its status, its result, and whether it was metered. */
export interface RemoteAccessParams extends DeviceParams {
  readonly status: NonNullable<RemoteAccess["status"]>;
  readonly result: NonNullable<RemoteAccess["result"]>;
  readonly billingMethod: "METERED" | "UNMETERED";
  readonly vpc: boolean;
  readonly proxy: boolean;
  readonly app: boolean;
  /** The ARN to build (a mock answers with the ARN it was asked for). */
  readonly arn?: string;
}

const BEFORE_START: ReadonlySet<string> = new Set(["PENDING", "PENDING_CONCURRENCY", "PENDING_DEVICE", "PROCESSING", "SCHEDULING", "PREPARING"]);

const MESSAGES: Partial<Record<string, string>> = {
  PENDING: "Waiting for a device.",
  PENDING_CONCURRENCY: "Waiting for a free concurrency slot.",
  PENDING_DEVICE: "Waiting for the device to become available.",
  PREPARING: "Preparing the device.",
  RUNNING: "Session is running.",
  STOPPING: "Stopping the session.",
  PASSED: "Session completed.",
  STOPPED: "Session was stopped by the user.",
  ERRORED: "The device became unavailable during the session.",
};

export const remoteAccessSession: EntityDefinition<
  RemoteAccessSession,
  RemoteAccessParams,
  "pending" | "pendingDevice" | "preparing" | "running" | "stopping" | "completed" | "stopped" | "errored" | "metered" | "unmetered" | "ios" | "android" | "privateDevice" | "vpc" | "proxy" | "withApp"
> = {
  name: "deviceFarm RemoteAccessSession",
  service: "deviceFarm",
  get shape() { return deviceFarmShapes().RemoteAccessSession; },
  timestampFormat: "epoch-seconds",
  defaults: { status: "RUNNING", result: "PENDING", billingMethod: "METERED", fleet: "PUBLIC", vpc: false, proxy: false, app: false },
  traits: {
    pending: { status: "PENDING", result: "PENDING" },
    pendingDevice: { status: "PENDING_DEVICE", result: "PENDING" },
    preparing: { status: "PREPARING", result: "PENDING" },
    running: { status: "RUNNING", result: "PENDING" },
    stopping: { status: "STOPPING", result: "PENDING" },
    completed: { status: "COMPLETED", result: "PASSED" },
    stopped: { status: "COMPLETED", result: "STOPPED" },
    errored: { status: "COMPLETED", result: "ERRORED" },
    metered: { billingMethod: "METERED" },
    unmetered: { billingMethod: "UNMETERED" },
    ios: { platform: "IOS" },
    android: { platform: "ANDROID" },
    privateDevice: { fleet: "PRIVATE", billingMethod: "UNMETERED" },
    vpc: { vpc: true },
    proxy: { proxy: true },
    withApp: { app: true },
  },
  fromOverrides(o) {
    const implied: { -readonly [K in keyof RemoteAccessParams]?: RemoteAccessParams[K] } = {};
    if (o.status) {
      implied.status = o.status;
      if (!o.result) implied.result = o.status === "COMPLETED" ? "PASSED" : "PENDING";
    }
    if (o.result) {
      implied.result = o.result;
      // Only a completed session has a result other than PENDING.
      if (!o.status) implied.status = o.result === "PENDING" ? "RUNNING" : "COMPLETED";
    }
    if (o.billingMethod) implied.billingMethod = o.billingMethod;
    if (o.device?.platform) implied.platform = o.device.platform;
    if (o.device?.fleetType === "PRIVATE" || o.device?.fleetType === "PUBLIC") implied.fleet = o.device.fleetType;
    if (o.vpcConfig) implied.vpc = true;
    if (o.deviceProxy) implied.proxy = true;
    return implied;
  },
  generate(gen, params): RemoteAccess {
    const project = gen.uuid("project");
    const sessionId = gen.uuid("session");
    const arn = params.arn ?? devicefarmArn(gen, "session", `${project}/${sessionId}/00000`);
    const dev = device(gen.at("device"), params);
    const started = !BEFORE_START.has(params.status);
    // created depends only on the seed, so every state of one session shares it; a session lasts at most
    // 150 minutes (Device Farm's limit), so it started and ended within that window before the reference date.
    const created = new Date(REFERENCE_DATE.getTime() - gen.int("created", 50 * 60_000, 150 * 60_000));
    const startedAt = new Date(created.getTime() + gen.int("waited", 5_000, 180_000));
    const end = params.status === "COMPLETED" ? new Date(startedAt.getTime() + gen.int("elapsed", 60_000, 45 * 60_000)) : REFERENCE_DATE;
    const session: RemoteAccess = {
      arn,
      name: dev.name!,
      created,
      status: params.status,
      result: params.result,
      message: MESSAGES[params.status === "COMPLETED" ? params.result : params.status] ?? "",
      device: dev,
      billingMethod: params.billingMethod,
      skipAppResign: false,
      // A private device's instance is the device in the session: the same UDID.
      deviceUdid: dev.instances?.[0]?.udid ?? udid(gen, dev.platform),
    };
    if (dev.instances?.[0]) session.instanceArn = dev.instances[0].arn!;
    if (params.app) session.appUpload = devicefarmArn(gen, "upload", `${project}/${gen.uuid("upload")}`);
    if (params.vpc) session.vpcConfig = vpcConfig(gen.at("vpcConfig"));
    if (params.proxy) session.deviceProxy = deviceProxy(gen.at("deviceProxy"));
    if (started) {
      session.started = startedAt;
      // Minutes so far for a live session (up to the reference date), the whole session once completed.
      if (params.status === "COMPLETED") session.stopped = end;
      if (params.status === "RUNNING") {
        session.endpoints = endpoints(gen.at("endpoints"), sessionId);
        session.endpoint = session.endpoints.interactiveEndpoint!;
      }
      session.deviceMinutes = minutes(params.billingMethod, (end.getTime() - startedAt.getTime()) / 60_000);
    }
    return session;
  },
  invariants: remoteAccessInvariants(),
};

/** Device minutes as Device Farm bills them: all metered or all unmetered, total = metered + unmetered. */
function minutes(method: "METERED" | "UNMETERED", elapsed: number): SdkOf<DeviceMinutes> {
  const total = roundTo(Math.ceil(elapsed * 100) / 100, 2);
  return method === "METERED" ? { total, metered: total, unmetered: 0 } : { total, metered: 0, unmetered: total };
}

function remoteAccessInvariants(): Invariant<RemoteAccess>[] {
  return [
    {
      name: "result is PENDING until the session completes",
      check: (s) => ((s.status === "COMPLETED") === (s.result !== "PENDING") ? undefined : `status ${s.status} with result ${s.result}`),
    },
    {
      name: "started only once running; stopped only when completed",
      check: (s) => {
        if (s.status && BEFORE_START.has(s.status) && s.started) return `status ${s.status} has started`;
        if (s.status && !BEFORE_START.has(s.status) && !s.started) return `status ${s.status} lacks started`;
        if ((s.status === "COMPLETED") !== (s.stopped !== undefined)) return `status ${s.status} with stopped ${s.stopped?.toISOString() ?? "absent"}`;
        return undefined;
      },
    },
    {
      name: "created <= started <= stopped",
      check: (s) => (s.created && s.started && s.started < s.created ? "started before created" : s.started && s.stopped && s.stopped < s.started ? "stopped before started" : undefined),
    },
    {
      name: "deviceMinutes.total = metered + unmetered, agreeing with billingMethod",
      check: (s) => {
        const m = s.deviceMinutes;
        if (!m) return undefined;
        if (Math.abs(m.total! - m.metered! - m.unmetered!) > 1e-9) return `total ${m.total} != ${m.metered} + ${m.unmetered}`;
        if (s.billingMethod === "METERED" && m.unmetered !== 0) return "METERED session with unmetered minutes";
        if (s.billingMethod === "UNMETERED" && m.metered !== 0) return "UNMETERED session with metered minutes";
        return undefined;
      },
    },
    {
      name: "deviceMinutes cover started..stopped",
      check: (s) =>
        s.started && s.stopped && s.deviceMinutes && s.deviceMinutes.total! + 0.01 < (s.stopped.getTime() - s.started.getTime()) / 60_000
          ? `total ${s.deviceMinutes.total} below the session's ${(s.stopped.getTime() - s.started.getTime()) / 60_000} minutes`
          : undefined,
    },
    {
      name: "endpoints only while running",
      check: (s) => ((s.endpoints !== undefined) === (s.status === "RUNNING") ? undefined : `status ${s.status} with endpoints ${s.endpoints ? "present" : "absent"}`),
    },
    {
      name: "device maker and platform belong together",
      check: (s) => {
        const d = s.device;
        if (!d?.manufacturer) return undefined;
        const platform = PLATFORM_OF_MANUFACTURER[d.manufacturer];
        return platform && platform !== d.platform ? `${d.manufacturer} device on ${d.platform}` : undefined;
      },
    },
    {
      name: "timestamps not after the reference date",
      check: (s) => ([s.created, s.started, s.stopped].some((d) => d && d > REFERENCE_DATE) ? "a timestamp after the reference date" : undefined),
    },
    {
      name: "a private device's session has its instance's UDID",
      check: (s) => {
        const instance = s.device?.instances?.[0];
        return instance?.udid && s.deviceUdid && instance.udid !== s.deviceUdid ? `deviceUdid ${s.deviceUdid} for instance ${instance.udid}` : undefined;
      },
    },
    {
      name: "the ARN names a Device Farm remote access session",
      check: (s) => (s.arn && !/^arn:aws:devicefarm:us-west-2:\d{12}:session:[0-9a-f-]{36}\/[0-9a-f-]{36}\/\d{5}$/.test(s.arn) ? `arn ${s.arn}` : undefined),
    },
  ];
}

export interface TestGridParams {
  readonly status: NonNullable<TestGrid["status"]>;
  readonly browser: "chrome" | "firefox" | "MicrosoftEdge";
  readonly arn?: string;
}

/** Selenium test grid sessions, one trait per `TestGridSessionStatus`, and one per browser. */
export const testGridSession: EntityDefinition<TestGridSession, TestGridParams, "active" | "closed" | "errored" | "chrome" | "firefox" | "edge"> = {
  name: "deviceFarm TestGridSession",
  service: "deviceFarm",
  get shape() { return deviceFarmShapes().TestGridSession; },
  timestampFormat: "epoch-seconds",
  defaults: { status: "ACTIVE", browser: "chrome" },
  traits: {
    active: { status: "ACTIVE" },
    closed: { status: "CLOSED" },
    errored: { status: "ERRORED" },
    chrome: { browser: "chrome" },
    firefox: { browser: "firefox" },
    edge: { browser: "MicrosoftEdge" },
  },
  fromOverrides: (o) => (o.status ? { status: o.status } : {}),
  generate(gen, params): TestGrid {
    // created depends only on the seed (every state of one session shares it); an ended session ended
    // within an hour of it, before the reference date.
    const created = new Date(REFERENCE_DATE.getTime() - gen.int("created", 61 * 60_000, 3 * 3_600_000));
    const ended = params.status === "ACTIVE" ? undefined : new Date(created.getTime() + gen.int("duration", 30_000, 60 * 60_000));
    const session: TestGrid = {
      arn: params.arn ?? devicefarmArn(gen, "testgrid-session", `${gen.uuid("project")}/${gen.hex("session", 32)}`),
      status: params.status,
      created,
      // Every part is a fixed token, so a template gives the same text JSON.stringify would.
      seleniumProperties: `{"browserName":"${params.browser}","browserVersion":"${gen.pick("browserVersion", ["latest", "latest-1", "latest-2"])}","platformName":"${gen.pick("platformName", ["windows", "linux"])}"}`,
    };
    if (ended) {
      session.ended = ended;
      session.billingMinutes = roundTo((ended.getTime() - created.getTime()) / 60_000, 2);
    }
    return session;
  },
  invariants: [
    {
      name: "ended and billingMinutes only once closed or errored",
      check: (s) => ((s.status === "ACTIVE") === (s.ended === undefined && s.billingMinutes === undefined) ? undefined : `status ${s.status} with ended ${s.ended ? "present" : "absent"}`),
    },
    { name: "ended >= created", check: (s) => (s.ended && s.created && s.ended < s.created ? "ended before created" : undefined) },
    {
      name: "timestamps not after the reference date",
      check: (s) => ([s.created, s.ended].some((d) => d && d > REFERENCE_DATE) ? "a timestamp after the reference date" : undefined),
    },
    {
      name: "billingMinutes = created..ended in minutes",
      check: (s) =>
        s.ended && s.created && s.billingMinutes !== undefined && Math.abs(s.billingMinutes - (s.ended.getTime() - s.created.getTime()) / 60_000) > 0.01
          ? `billingMinutes ${s.billingMinutes}`
          : undefined,
    },
    {
      name: "seleniumProperties is JSON naming a browser",
      check: (s) => {
        if (s.seleniumProperties === undefined) return undefined;
        try {
          const parsed = JSON.parse(s.seleniumProperties) as { browserName?: unknown };
          return typeof parsed.browserName === "string" ? undefined : "no browserName";
        } catch {
          return "not JSON";
        }
      },
    },
  ],
};

const nested = <S extends Device | DeviceInstance | InstanceProfile | CPU | Resolution | DeviceMinutes | VpcConfig | DeviceProxy | RemoteAccessEndpoints>(
  name: string,
  shape: () => S,
  generate: (gen: Gen) => SdkOf<S>,
): FactoryDefinition<S, object, never> => ({
  name: `deviceFarm ${name}`,
  get shape() {
    return shape();
  },
  timestampFormat: "epoch-seconds",
  defaults: {},
  traits: {},
  generate,
});

export const deviceFactory: FactoryDefinition<Device, DeviceParams, "ios" | "android" | "private"> = {
  name: "deviceFarm Device",
  get shape() { return deviceFarmShapes().Device; },
  timestampFormat: "epoch-seconds",
  defaults: { fleet: "PUBLIC" },
  traits: { ios: { platform: "IOS" }, android: { platform: "ANDROID" }, private: { fleet: "PRIVATE" } },
  fromOverrides: (o) => ({ ...(o.platform ? { platform: o.platform } : {}), ...(o.fleetType === "PRIVATE" || o.fleetType === "PUBLIC" ? { fleet: o.fleetType } : {}) }),
  generate: (gen, params) => device(gen.at("device"), params),
  invariants: [
    {
      name: "maker and platform belong together",
      check: (d) => (d.manufacturer && PLATFORM_OF_MANUFACTURER[d.manufacturer] !== d.platform ? `${d.manufacturer} on ${d.platform}` : undefined),
    },
  ],
};

export const deviceInstanceFactory = nested("DeviceInstance", () => deviceFarmShapes().DeviceInstance, (gen) => deviceInstance(gen.at("instance"), devicefarmArn(gen, "device", gen.hex("device", 32, true))));
export const instanceProfileFactory = nested("InstanceProfile", () => deviceFarmShapes().InstanceProfile, (gen) => instanceProfile(gen.at("instanceProfile")));
export const cpuFactory = nested("CPU", () => deviceFarmShapes().CPU, (gen) => cpu(gen, gen.pick("model", CATALOG)));
export const resolutionFactory = nested("Resolution", () => deviceFarmShapes().Resolution, (gen) => {
  const d = gen.pick("model", CATALOG);
  return { width: d.width, height: d.height };
});
export const deviceMinutesFactory = nested("DeviceMinutes", () => deviceFarmShapes().DeviceMinutes, (gen) => minutes(gen.pick("billingMethod", ["METERED", "UNMETERED"] as const), gen.int("elapsed", 1, 60)));
export const vpcConfigFactory = nested("VpcConfig", () => deviceFarmShapes().VpcConfig, (gen) => vpcConfig(gen.at("vpcConfig")));
export const deviceProxyFactory = nested("DeviceProxy", () => deviceFarmShapes().DeviceProxy, (gen) => deviceProxy(gen.at("deviceProxy")));
export const endpointsFactory = nested("RemoteAccessEndpoints", () => deviceFarmShapes().RemoteAccessEndpoints, (gen) => endpoints(gen.at("endpoints"), gen.uuid("session")));
