import { string, structure } from "../../model/shapes.js";
import { operation } from "../operation.js";
import { glue } from "../services.js";
import {
  AccessDeniedException,
  EntityNotFoundException,
  InternalServiceException,
  InvalidInputException,
  NameString,
  OperationTimeoutException,
  Session,
} from "./shapes.js";

const GetSessionRequest = structure("GetSessionRequest", {
  Id: NameString,
  RequestOrigin: string({ length: { min: 1, max: 128 }, pattern: "^[\\.\\-_A-Za-z0-9]+$" }),
}, { required: ["Id"] });

const GetSessionResponse = structure("GetSessionResponse", {
  Session: Session,
});

/** Glue `GetSession`: one interactive session by `Id`. */
export const GetSession = operation({
  service: glue,
  name: "GetSession",
  http: { method: "POST", path: "/" },
  input: GetSessionRequest,
  output: GetSessionResponse,
  errors: [AccessDeniedException, EntityNotFoundException, InternalServiceException, OperationTimeoutException, InvalidInputException],
});
