/** AWS Deadline Cloud shapes shared by the Deadline operations (deadline 2023-10-12, SDK 3.1107). */
import { enumeration, integer, list, map, string, structure, withTraits } from "../../model/shapes.js";

const ExceptionContext = map(string(), string());

export const SessionId = string({ pattern: "^session-[0-9a-f]{32}$" });

export const AccessDeniedException = structure("AccessDeniedException", {
  message: string(),
  context: ExceptionContext,
}, { required: ["message"], error: { fault: "client", httpStatus: 403 } });

export const InternalServerErrorException = structure("InternalServerErrorException", {
  message: string(),
  retryAfterSeconds: withTraits(integer(), { httpHeader: "Retry-After" }),
}, { required: ["message"], error: { fault: "server", httpStatus: 500, retryable: { throttling: false } } });

export const ResourceNotFoundException = structure("ResourceNotFoundException", {
  message: string(),
  resourceId: string(),
  resourceType: string(),
  context: ExceptionContext,
}, { required: ["message", "resourceId", "resourceType"], error: { fault: "client", httpStatus: 404 } });

export const ThrottlingException = structure("ThrottlingException", {
  message: string(),
  serviceCode: string(),
  quotaCode: string(),
  retryAfterSeconds: withTraits(integer(), { httpHeader: "Retry-After" }),
  context: ExceptionContext,
}, { required: ["message"], error: { fault: "client", httpStatus: 429, retryable: { throttling: true } } });

const ValidationExceptionField = structure("ValidationExceptionField", {
  name: string(),
  message: string(),
}, { required: ["name", "message"] });

export const ValidationException = structure("ValidationException", {
  message: string(),
  reason: enumeration("ValidationExceptionReason", ["UNKNOWN_OPERATION", "CANNOT_PARSE", "FIELD_VALIDATION_FAILED", "OTHER"]),
  fieldList: list(ValidationExceptionField),
  context: ExceptionContext,
}, { required: ["message", "reason"], error: { fault: "client", httpStatus: 400 } });

export const LogConfiguration = structure("LogConfiguration", {
  logDriver: string({ length: { min: 1, max: 512 } }),
  options: ExceptionContext,
  parameters: ExceptionContext,
  error: string({ length: { min: 1, max: 512 } }),
}, { required: ["logDriver"] });

const IpAddresses = structure("IpAddresses", {
  ipV4Addresses: list(string({ pattern: "^(?:[0-9]{1,3}\\.){3}[0-9]{1,3}$" })),
  ipV6Addresses: list(string({ pattern: "^(?:[A-F0-9]{1,4}:){7}[A-F0-9]{1,4}$" })),
});

export const HostPropertiesResponse = structure("HostPropertiesResponse", {
  ipAddresses: IpAddresses,
  hostName: string({ pattern: "^[a-zA-Z0-9_\\.\\-]{0,255}$", redact: "host" }),
  ec2InstanceArn: string(),
  ec2InstanceType: string({ length: { min: 1, max: 100 } }),
});
