import { string, structure } from "../../model/shapes.js";
import { operation } from "../operation.js";
import { deviceFarm } from "../services.js";
import { ArgumentException, DeviceFarmArn, InternalServiceException, NotFoundException, TestGridSession } from "./shapes.js";

const GetTestGridSessionRequest = structure("GetTestGridSessionRequest", {
  projectArn: DeviceFarmArn,
  sessionId: string({ length: { min: 1, max: 128 }, pattern: "\\S" }),
  sessionArn: DeviceFarmArn,
});

const GetTestGridSessionResult = structure("GetTestGridSessionResult", {
  testGridSession: TestGridSession,
});

/** Device Farm `GetTestGridSession`: a Selenium session by `sessionArn`, or by `projectArn` + `sessionId`. */
export const GetTestGridSession = operation({
  service: deviceFarm,
  name: "GetTestGridSession",
  http: { method: "POST", path: "/" },
  input: GetTestGridSessionRequest,
  output: GetTestGridSessionResult,
  errors: [NotFoundException, ArgumentException, InternalServiceException],
});
