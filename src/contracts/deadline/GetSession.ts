import { enumeration, string, structure, timestamp } from "../../model/shapes.js";
import { operation } from "../operation.js";
import { deadline } from "../services.js";
import {
  AccessDeniedException,
  HostPropertiesResponse,
  InternalServerErrorException,
  LogConfiguration,
  ResourceNotFoundException,
  SessionId,
  ThrottlingException,
  ValidationException,
} from "./shapes.js";

const GetSessionRequest = structure("GetSessionRequest", {
  farmId: string({ pattern: "^farm-[0-9a-f]{32}$" }),
  queueId: string({ pattern: "^queue-[0-9a-f]{32}$" }),
  jobId: string({ pattern: "^job-[0-9a-f]{32}$" }),
  sessionId: SessionId,
}, { required: ["farmId", "queueId", "jobId", "sessionId"] });

export const GetSessionResponse = structure("GetSessionResponse", {
  sessionId: SessionId,
  fleetId: string({ pattern: "^fleet-[0-9a-f]{32}$" }),
  workerId: string({ pattern: "^worker-[0-9a-f]{32}$" }),
  startedAt: timestamp("date-time"),
  lifecycleStatus: enumeration("SessionLifecycleStatus", ["STARTED", "UPDATE_IN_PROGRESS", "UPDATE_SUCCEEDED", "UPDATE_FAILED", "ENDED"]),
  log: LogConfiguration,
  endedAt: timestamp("date-time"),
  targetLifecycleStatus: enumeration("SessionLifecycleTargetStatus", ["ENDED"]),
  updatedAt: timestamp("date-time"),
  updatedBy: string(),
  hostProperties: HostPropertiesResponse,
  workerLog: LogConfiguration,
}, { required: ["sessionId", "fleetId", "workerId", "startedAt", "lifecycleStatus", "log"] });

/** Deadline Cloud `GetSession`: one worker session of a job, addressed by four URI labels. */
export const GetSession = operation({
  service: deadline,
  name: "GetSession",
  http: {
    method: "GET",
    path: "/2023-10-12/farms/{farmId}/queues/{queueId}/jobs/{jobId}/sessions/{sessionId}",
    hostPrefix: "management.",
  },
  input: GetSessionRequest,
  output: GetSessionResponse,
  errors: [AccessDeniedException, InternalServerErrorException, ResourceNotFoundException, ThrottlingException, ValidationException],
});
