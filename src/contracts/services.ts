import { awsJson1_1, restJson1 } from "../protocols/protocols.js";
import { service } from "./operation.js";

/** AWS Glue: awsJson1_1, `X-Amz-Target: AWSGlue.<Operation>`. */
export const glue = service({
  id: "glue",
  title: "AWS Glue",
  namespace: "com.amazonaws.glue",
  protocol: awsJson1_1,
  targetPrefix: "AWSGlue",
  endpointPrefix: "glue",
  signingName: "glue",
  apiVersion: "2017-03-31",
  sdk: { package: "@aws-sdk/client-glue", client: "GlueClient", serviceException: "GlueServiceException" },
});

/** AWS Deadline Cloud: restJson1, timestamps as `date-time` strings, host prefix `management.`. */
export const deadline = service({
  id: "deadline",
  title: "AWS Deadline Cloud",
  namespace: "com.amazonaws.deadline",
  protocol: restJson1,
  endpointPrefix: "deadline",
  signingName: "deadline",
  apiVersion: "2023-10-12",
  sdk: { package: "@aws-sdk/client-deadline", client: "DeadlineClient", serviceException: "DeadlineServiceException" },
});

/** AWS Device Farm: awsJson1_1, `X-Amz-Target: DeviceFarm_20150623.<Operation>`. */
export const deviceFarm = service({
  id: "deviceFarm",
  title: "AWS Device Farm",
  namespace: "com.amazonaws.devicefarm",
  protocol: awsJson1_1,
  targetPrefix: "DeviceFarm_20150623",
  endpointPrefix: "devicefarm",
  signingName: "devicefarm",
  apiVersion: "2015-06-23",
  sdk: { package: "@aws-sdk/client-device-farm", client: "DeviceFarmClient", serviceException: "DeviceFarmServiceException" },
});
