import { structure } from "../../model/shapes.js";
import { operation } from "../operation.js";
import { deviceFarm } from "../services.js";
import {
  ArgumentException,
  DeviceFarmArn,
  LimitExceededException,
  NotFoundException,
  RemoteAccessSession,
  ServiceAccountException,
} from "./shapes.js";

const GetRemoteAccessSessionRequest = structure("GetRemoteAccessSessionRequest", {
  arn: DeviceFarmArn,
}, { required: ["arn"] });

const GetRemoteAccessSessionResult = structure("GetRemoteAccessSessionResult", {
  remoteAccessSession: RemoteAccessSession,
});

/** Device Farm `GetRemoteAccessSession`: a remote access (interactive device) session by ARN. */
export const GetRemoteAccessSession = operation({
  service: deviceFarm,
  name: "GetRemoteAccessSession",
  http: { method: "POST", path: "/" },
  input: GetRemoteAccessSessionRequest,
  output: GetRemoteAccessSessionResult,
  errors: [ArgumentException, NotFoundException, LimitExceededException, ServiceAccountException],
});
