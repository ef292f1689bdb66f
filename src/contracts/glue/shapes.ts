/** AWS Glue shapes shared by the Glue operations (glue 2017-03-31, SDK 3.1169). */
import { boolean, double, enumeration, integer, list, map, string, structure, timestamp, withTraits } from "../../model/shapes.js";

export const NameString = string({ length: { min: 1, max: 255 }, pattern: "^[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*$" });

const DescriptionString = string({ length: { min: 0, max: 2048 }, pattern: "^[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\r\\n\\t]*$" });

const NullableDouble = double();

export const AccessDeniedException = structure("AccessDeniedException", {
  Message: string(),
}, { error: { fault: "client" } });

export const EntityNotFoundException = structure("EntityNotFoundException", {
  Message: string(),
  FromFederationSource: boolean(),
}, { error: { fault: "client" } });

export const InternalServiceException = structure("InternalServiceException", {
  Message: string(),
}, { error: { fault: "server" } });

export const InvalidInputException = structure("InvalidInputException", {
  Message: string(),
  FromFederationSource: boolean(),
}, { error: { fault: "client" } });

export const OperationTimeoutException = structure("OperationTimeoutException", {
  Message: string(),
}, { error: { fault: "client" } });

const ConnectionsList = structure("ConnectionsList", {
  Connections: list(string({ length: { max: 255 } }), { length: { max: 1000 } }),
});

const SessionCommand = structure("SessionCommand", {
  Name: NameString,
  PythonVersion: string({ pattern: "^([2-3]|3[.]9)$" }),
});

export const Session = structure("Session", {
  Id: NameString,
  CreatedOn: timestamp(),
  Status: enumeration("SessionStatus", ["PROVISIONING", "READY", "FAILED", "TIMEOUT", "STOPPING", "STOPPED"]),
  ErrorMessage: DescriptionString,
  Description: DescriptionString,
  Role: string({ length: { min: 20, max: 2048 }, pattern: "^arn:aws[^:]*:iam::[0-9]*:role/.+$" }),
  Command: SessionCommand,
  DefaultArguments: map(string({ length: { min: 1, max: 128 }, pattern: "^[\\.\\-_A-Za-z0-9]+$" }), string({ length: { min: 0, max: 4096 }, pattern: "^[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\r\\n\\t]*$" }), { length: { min: 0, max: 75 } }),
  Connections: ConnectionsList,
  Progress: withTraits(NullableDouble, { modelDefault: 0 }),
  MaxCapacity: NullableDouble,
  SecurityConfiguration: NameString,
  GlueVersion: string({ length: { min: 1, max: 255 }, pattern: "^(\\w+\\.)+\\w+$" }),
  NumberOfWorkers: integer(),
  WorkerType: enumeration("WorkerType", ["Standard", "G.1X", "G.2X", "G.025X", "G.4X", "G.8X", "Z.2X", "G.12X", "G.16X", "R.1X", "R.2X", "R.4X", "R.8X"]),
  CompletedOn: timestamp(),
  ExecutionTime: NullableDouble,
  DPUSeconds: NullableDouble,
  IdleTimeout: integer(),
  ProfileName: NameString,
  SessionType: enumeration("SessionType", ["LIVY", "SPARK_CONNECT"]),
});
