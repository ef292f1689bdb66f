/** AWS Device Farm shapes shared by the Device Farm operations (devicefarm 2015-06-23, SDK 3.1169). */
import { boolean, double, enumeration, integer, list, long, string, structure, timestamp, withTraits } from "../../model/shapes.js";

const Message = string({ length: { min: 0, max: 16384 } });

export const DeviceFarmArn = string({ length: { min: 32, max: 1011 }, pattern: "^arn:aws:devicefarm:.+$" });

const Name = string({ length: { min: 0, max: 256 } });

const SensitiveURL = string({ length: { min: 0, max: 4096 } });

export const ArgumentException = structure("ArgumentException", {
  message: Message,
}, { error: { fault: "client" } });

export const InternalServiceException = structure("InternalServiceException", {
  message: Message,
}, { error: { fault: "server", httpStatus: 500 } });

export const LimitExceededException = structure("LimitExceededException", {
  message: Message,
}, { error: { fault: "client" } });

export const NotFoundException = structure("NotFoundException", {
  message: Message,
}, { error: { fault: "client" } });

export const ServiceAccountException = structure("ServiceAccountException", {
  message: Message,
}, { error: { fault: "client" } });

export const CPU = structure("CPU", {
  frequency: string(),
  architecture: string(),
  clock: double(),
});

export const Resolution = structure("Resolution", {
  width: integer(),
  height: integer(),
});

export const InstanceProfile = structure("InstanceProfile", {
  arn: DeviceFarmArn,
  packageCleanup: boolean(),
  excludeAppPackagesFromCleanup: list(string()),
  rebootAfterUse: boolean(),
  name: Name,
  description: Message,
});

export const DeviceInstance = structure("DeviceInstance", {
  arn: DeviceFarmArn,
  deviceArn: DeviceFarmArn,
  labels: list(string()),
  status: enumeration("InstanceStatus", ["IN_USE", "PREPARING", "AVAILABLE", "NOT_AVAILABLE"]),
  udid: string(),
  instanceProfile: InstanceProfile,
});

export const Device = structure("Device", {
  arn: DeviceFarmArn,
  name: Name,
  manufacturer: string(),
  model: string(),
  modelId: string(),
  formFactor: enumeration("DeviceFormFactor", ["PHONE", "TABLET"]),
  platform: enumeration("DevicePlatform", ["ANDROID", "IOS"]),
  os: string(),
  cpu: CPU,
  resolution: Resolution,
  heapSize: long(),
  memory: long(),
  image: string(),
  carrier: string(),
  radio: string(),
  remoteAccessEnabled: boolean(),
  remoteDebugEnabled: withTraits(boolean(), { deprecated: "2019-09-09" }),
  fleetType: string(),
  fleetName: string(),
  instances: list(DeviceInstance),
  availability: enumeration("DeviceAvailability", ["TEMPORARY_NOT_AVAILABLE", "BUSY", "AVAILABLE", "HIGHLY_AVAILABLE"]),
});

export const DeviceMinutes = structure("DeviceMinutes", {
  total: double(),
  metered: double(),
  unmetered: double(),
});

export const VpcConfig = structure("VpcConfig", {
  securityGroupIds: list(string({ length: { min: 1, max: 4096 }, pattern: "^sg-[0-9a-fA-F]{8,}$" }), { length: { min: 1, max: 5 } }),
  subnetIds: list(string({ length: { min: 1, max: 4096 }, pattern: "^subnet-[0-9a-fA-F]{8,}$" }), { length: { min: 1, max: 8 } }),
  vpcId: string({ length: { min: 1, max: 4096 }, pattern: "\\S" }),
}, { required: ["securityGroupIds", "subnetIds", "vpcId"] });

export const DeviceProxy = structure("DeviceProxy", {
  host: string({ length: { min: 1, max: 255 }, pattern: "^([a-zA-Z0-9])([a-zA-Z0-9-.]+)([a-zA-Z0-9])$", redact: "host" }),
  port: withTraits(integer({ range: { min: 1, max: 65535 } }), { modelDefault: 3128 }),
}, { required: ["host", "port"] });

export const RemoteAccessEndpoints = structure("RemoteAccessEndpoints", {
  remoteDriverEndpoint: withTraits(SensitiveURL, { sensitive: true }),
  interactiveEndpoint: withTraits(SensitiveURL, { sensitive: true }),
});

export const RemoteAccessSession = structure("RemoteAccessSession", {
  arn: DeviceFarmArn,
  name: Name,
  created: timestamp(),
  status: enumeration("ExecutionStatus", ["PENDING", "PENDING_CONCURRENCY", "PENDING_DEVICE", "PROCESSING", "SCHEDULING", "PREPARING", "RUNNING", "COMPLETED", "STOPPING"]),
  result: enumeration("ExecutionResult", ["PENDING", "PASSED", "WARNED", "FAILED", "SKIPPED", "ERRORED", "STOPPED"]),
  message: Message,
  started: timestamp(),
  stopped: timestamp(),
  device: Device,
  instanceArn: DeviceFarmArn,
  billingMethod: enumeration("BillingMethod", ["METERED", "UNMETERED"]),
  deviceMinutes: DeviceMinutes,
  // The same URL as the @sensitive endpoints.interactiveEndpoint that supersedes it.
  endpoint: withTraits(string(), { deprecated: "2025-11-17", redact: "secret" }),
  deviceUdid: string(),
  interactionMode: withTraits(enumeration("InteractionMode", ["INTERACTIVE", "NO_VIDEO", "VIDEO_ONLY"], { length: { min: 0, max: 64 } }), { deprecated: "2019-09-09" }),
  skipAppResign: boolean(),
  vpcConfig: VpcConfig,
  deviceProxy: DeviceProxy,
  appUpload: DeviceFarmArn,
  endpoints: RemoteAccessEndpoints,
});

export const TestGridSession = structure("TestGridSession", {
  arn: DeviceFarmArn,
  status: enumeration("TestGridSessionStatus", ["ACTIVE", "CLOSED", "ERRORED"]),
  created: timestamp(),
  ended: timestamp(),
  billingMinutes: double(),
  seleniumProperties: string(),
});
