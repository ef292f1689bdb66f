import { describe, expect, test } from "vitest";
import { registry, type FindingCode, type OperationId } from "../src/index.js";
import { DELETE, mutate } from "./support/mutate.js";
import { successExample } from "./support/reference.js";

type Row = readonly [description: string, part: "request" | "response", path: (string | number)[], value: unknown, code: FindingCode, findingPath: string];

/** Valid requests to mutate; responses start from the reference's success examples. */
const requests: Partial<Record<OperationId, Record<string, unknown>>> = {
  "glue:GetSession": { Id: "etl-notebook-session-01", RequestOrigin: "notebook-ui" },
  "deadline:GetSession": {
    farmId: "farm-0123456789abcdef0123456789abcdef",
    queueId: "queue-0123456789abcdef0123456789abcdef",
    jobId: "job-0123456789abcdef0123456789abcdef",
    sessionId: "session-9f8e7d6c5b4a39281706f5e4d3c2b1a0",
  },
  "deviceFarm:GetTestGridSession": {
    sessionArn: "arn:aws:devicefarm:us-west-2:111122223333:testgrid-session:7f3a9c2e-1b4d-4e8a-9c0f-2d6b8e4a1c35/4d2c9b7e8f1a3c5e7b9d1f3a5c7e9b1d",
  },
  "deviceFarm:GetRemoteAccessSession": {
    arn: "arn:aws:devicefarm:us-west-2:111122223333:session:5e2f8a1c-3b7d-4c9e-8f1a-2b4c6d8e0f1a/9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d/00000",
  },
};

const glue: Row[] = [
  ["missing required Id in the request", "request", ["Id"], DELETE, "missing_required", "$.Id"],
  ["empty Id (length 1..255)", "request", ["Id"], "", "length", "$.Id"],
  ["Id with a control character (pattern)", "request", ["Id"], "bad\u0001id", "pattern", "$.Id"],
  ["RequestOrigin with a space (pattern)", "request", ["RequestOrigin"], "notebook ui", "pattern", "$.RequestOrigin"],
  ["Id as a number", "request", ["Id"], 42, "wrong_type", "$.Id"],
  ["CreatedOn as an ISO string", "response", ["Session", "CreatedOn"], "2024-03-01T12:00:00Z", "timestamp_encoding", "$.Session.CreatedOn"],
  ["CreatedOn as a numeric string", "response", ["Session", "CreatedOn"], "1709294400", "timestamp_encoding", "$.Session.CreatedOn"],
  ["CreatedOn in epoch milliseconds", "response", ["Session", "CreatedOn"], 1709294400123, "timestamp_range", "$.Session.CreatedOn"],
  ["CompletedOn as a boolean", "response", ["Session", "CompletedOn"], true, "wrong_type", "$.Session.CompletedOn"],
  ["Progress as a string", "response", ["Session", "Progress"], "0.5", "wrong_type", "$.Session.Progress"],
  ["NumberOfWorkers with a fraction", "response", ["Session", "NumberOfWorkers"], 2.5, "not_integer", "$.Session.NumberOfWorkers"],
  ["Role that is not an IAM role ARN", "response", ["Session", "Role"], "arn:aws:iam::111122223333:user/someone", "pattern", "$.Session.Role"],
  ["Role shorter than 20 characters", "response", ["Session", "Role"], "arn:aws:iam::1:role", "length", "$.Session.Role"],
  ["PythonVersion 4", "response", ["Session", "Command", "PythonVersion"], "4", "pattern", "$.Session.Command.PythonVersion"],
  ["GlueVersion without a dot", "response", ["Session", "GlueVersion"], "4", "pattern", "$.Session.GlueVersion"],
  ["DefaultArguments key with a space", "response", ["Session", "DefaultArguments", "bad key"], "x", "pattern", '$.Session.DefaultArguments["bad key"]'],
  ["Connections as a string", "response", ["Session", "Connections", "Connections"], "orders", "wrong_type", "$.Session.Connections.Connections"],
  ["a connection name over 255 characters", "response", ["Session", "Connections", "Connections", 0], "c".repeat(256), "length", "$.Session.Connections.Connections[0]"],
  ["Session as null", "response", ["Session"], null, "null_value", "$.Session"],
  ["Status as a number", "response", ["Session", "Status"], 1, "wrong_type", "$.Session.Status"],
];

const deadline: Row[] = [
  ["missing required sessionId", "response", ["sessionId"], DELETE, "missing_required", "$.sessionId"],
  ["missing required log", "response", ["log"], DELETE, "missing_required", "$.log"],
  ["missing required log.logDriver", "response", ["log", "logDriver"], DELETE, "missing_required", "$.log.logDriver"],
  ["missing required startedAt", "response", ["startedAt"], DELETE, "missing_required", "$.startedAt"],
  ["startedAt as epoch seconds", "response", ["startedAt"], 1709294400.123, "timestamp_encoding", "$.startedAt"],
  ["endedAt without a zone", "response", ["endedAt"], "2024-03-01T13:15:42", "invalid_timestamp", "$.endedAt"],
  ["updatedAt on 30 February", "response", ["updatedAt"], "2024-02-30T12:00:00Z", "invalid_timestamp", "$.updatedAt"],
  ["endedAt as an HTTP date", "response", ["endedAt"], "Fri, 01 Mar 2024 13:15:42 GMT", "invalid_timestamp", "$.endedAt"],
  ["sessionId with 16 hex digits", "response", ["sessionId"], "session-0123456789abcdef", "pattern", "$.sessionId"],
  ["fleetId fleet-abc", "response", ["fleetId"], "fleet-abc", "pattern", "$.fleetId"],
  ["compressed IPv6 address", "response", ["hostProperties", "ipAddresses", "ipV6Addresses", 0], "2600:1f14::1", "pattern", "$.hostProperties.ipAddresses.ipV6Addresses[0]"],
  ["hostName with a slash", "response", ["hostProperties", "hostName"], "ip/10", "pattern", "$.hostProperties.hostName"],
  ["empty ec2InstanceType", "response", ["hostProperties", "ec2InstanceType"], "", "length", "$.hostProperties.ec2InstanceType"],
  ["log.error of 513 characters", "response", ["log", "error"], "e".repeat(513), "length", "$.log.error"],
  ["log.options value as a number", "response", ["log", "options", "logGroupName"], 15, "wrong_type", "$.log.options.logGroupName"],
  ["ipV4Addresses as a string", "response", ["hostProperties", "ipAddresses", "ipV4Addresses"], "10.0.0.1", "wrong_type", "$.hostProperties.ipAddresses.ipV4Addresses"],
  ["farmId in the request breaks the pattern", "request", ["farmId"], "farm-1", "pattern", "$.farmId"],
  ["missing queueId in the request", "request", ["queueId"], DELETE, "missing_required", "$.queueId"],
];

const testGrid: Row[] = [
  ["created as an ISO string", "response", ["testGridSession", "created"], "2024-03-01T12:00:00.123Z", "timestamp_encoding", "$.testGridSession.created"],
  ["ended in epoch milliseconds", "response", ["testGridSession", "ended"], 1709296200456, "timestamp_range", "$.testGridSession.ended"],
  ["created before the year 0000", "response", ["testGridSession", "created"], -62_167_219_201, "timestamp_range", "$.testGridSession.created"],
  ["arn of another service (pattern)", "response", ["testGridSession", "arn"], "arn:aws:s3:::bucket-name-that-is-long-enough", "pattern", "$.testGridSession.arn"],
  ["arn shorter than 32 characters", "response", ["testGridSession", "arn"], "arn:aws:devicefarm:x", "length", "$.testGridSession.arn"],
  ["billingMinutes as a string", "response", ["testGridSession", "billingMinutes"], "30.5", "wrong_type", "$.testGridSession.billingMinutes"],
  ["seleniumProperties as an object", "response", ["testGridSession", "seleniumProperties"], { browserName: "chrome" }, "wrong_type", "$.testGridSession.seleniumProperties"],
  ["status as a boolean", "response", ["testGridSession", "status"], false, "wrong_type", "$.testGridSession.status"],
  ["testGridSession as an array", "response", ["testGridSession"], [], "wrong_type", "$.testGridSession"],
  ["ended as null", "response", ["testGridSession", "ended"], null, "null_value", "$.testGridSession.ended"],
  ["empty sessionId in the request", "request", ["sessionId"], "", "length", "$.sessionId"],
  ["blank sessionId in the request (pattern \\S)", "request", ["sessionId"], "   ", "pattern", "$.sessionId"],
  ["sessionId over 128 characters", "request", ["sessionId"], "s".repeat(129), "length", "$.sessionId"],
  ["projectArn that is not a Device Farm ARN", "request", ["projectArn"], "arn:aws:iam::111122223333:role/not-device-farm", "pattern", "$.projectArn"],
  ["sessionArn as a number", "request", ["sessionArn"], 7, "wrong_type", "$.sessionArn"],
];

const remoteAccess: Row[] = [
  ["missing required arn in the request", "request", ["arn"], DELETE, "missing_required", "$.arn"],
  ["request arn of another service", "request", ["arn"], "arn:aws:ec2:us-west-2:111122223333:instance/i-0123", "pattern", "$.arn"],
  ["missing required vpcConfig.vpcId", "response", ["remoteAccessSession", "vpcConfig", "vpcId"], DELETE, "missing_required", "$.remoteAccessSession.vpcConfig.vpcId"],
  ["missing required deviceProxy.port", "response", ["remoteAccessSession", "deviceProxy", "port"], DELETE, "missing_required", "$.remoteAccessSession.deviceProxy.port"],
  ["deviceProxy.port 0", "response", ["remoteAccessSession", "deviceProxy", "port"], 0, "range", "$.remoteAccessSession.deviceProxy.port"],
  ["deviceProxy.port 70000", "response", ["remoteAccessSession", "deviceProxy", "port"], 70000, "range", "$.remoteAccessSession.deviceProxy.port"],
  ["deviceProxy.host with an underscore", "response", ["remoteAccessSession", "deviceProxy", "host"], "proxy_host.example", "pattern", "$.remoteAccessSession.deviceProxy.host"],
  ["six security groups (1..5)", "response", ["remoteAccessSession", "vpcConfig", "securityGroupIds"], ["sg-00000001", "sg-00000002", "sg-00000003", "sg-00000004", "sg-00000005", "sg-00000006"], "length", "$.remoteAccessSession.vpcConfig.securityGroupIds"],
  ["no subnets (1..8)", "response", ["remoteAccessSession", "vpcConfig", "subnetIds"], [], "length", "$.remoteAccessSession.vpcConfig.subnetIds"],
  ["security group id too short", "response", ["remoteAccessSession", "vpcConfig", "securityGroupIds", 0], "sg-123", "pattern", "$.remoteAccessSession.vpcConfig.securityGroupIds[0]"],
  ["started as an ISO string", "response", ["remoteAccessSession", "started"], "2024-03-01T12:01:00.250Z", "timestamp_encoding", "$.remoteAccessSession.started"],
  ["created in epoch milliseconds", "response", ["remoteAccessSession", "created"], 1709294400000, "timestamp_range", "$.remoteAccessSession.created"],
  ["device.resolution.width with a fraction", "response", ["remoteAccessSession", "device", "resolution", "width"], 1080.5, "not_integer", "$.remoteAccessSession.device.resolution.width"],
  ["device.memory as a string", "response", ["remoteAccessSession", "device", "memory"], "137438953472", "wrong_type", "$.remoteAccessSession.device.memory"],
  ["interactionMode over 64 characters", "response", ["remoteAccessSession", "interactionMode"], "I".repeat(65), "length", "$.remoteAccessSession.interactionMode"],
  ["name over 256 characters (counted in code points)", "response", ["remoteAccessSession", "name"], "😀".repeat(257), "length", "$.remoteAccessSession.name"],
  ["appUpload that is not a Device Farm ARN", "response", ["remoteAccessSession", "appUpload"], "arn:aws:s3:::uploads/app-build-1234567890.apk", "pattern", "$.remoteAccessSession.appUpload"],
  ["endpoints.remoteDriverEndpoint as a number", "response", ["remoteAccessSession", "endpoints", "remoteDriverEndpoint"], 443, "wrong_type", "$.remoteAccessSession.endpoints.remoteDriverEndpoint"],
  ["null inside device.instances", "response", ["remoteAccessSession", "device", "instances"], [null], "null_value", "$.remoteAccessSession.device.instances[0]"],
  ["skipAppResign as a string", "response", ["remoteAccessSession", "skipAppResign"], "false", "wrong_type", "$.remoteAccessSession.skipAppResign"],
];

const tables: Partial<Record<OperationId, Row[]>> = {
  "glue:GetSession": glue,
  "deadline:GetSession": deadline,
  "deviceFarm:GetTestGridSession": testGrid,
  "deviceFarm:GetRemoteAccessSession": remoteAccess,
};

describe.each(Object.entries(tables) as [OperationId, Row[]][])("%s", (id, rows) => {
  const op = registry.get(id);

  test("has at least 15 invalid bodies, covering each kind of violation the operation can show", () => {
    expect(rows.length).toBeGreaterThanOrEqual(15);
  });

  test.each(rows)("rejects %s", (_, part, path, value, code, findingPath) => {
    const base = part === "request" ? requests[id]! : successExample(id);
    const body = mutate(base, path, value);
    const contract = part === "request" ? op.request : op.response;
    for (const strict of [false, true]) {
      const result = contract.validate(body, { strict });
      expect(result.ok).toBe(false);
      expect(result.findings).toContainEqual(expect.objectContaining({ severity: "violation", code, path: findingPath }));
      expect(() => contract.decode(body, { strict })).toThrow(findingPath);
    }
  });

  test("the unmutated bodies are valid", () => {
    expect(op.request.validate(requests[id], { strict: true }).findings).toEqual([]);
    expect(op.response.validate(successExample(id), { strict: true }).findings).toEqual([]);
  });
});

describe("open world", () => {
  const cases = [
    ["glue:GetSession", ["Session", "Tags"], { ManagedBy: "MCP" }, "unknown_member", "$.Session.Tags"],
    ["glue:GetSession", ["Session", "WorkerType"], "G.32X", "unknown_enum_value", "$.Session.WorkerType"],
    ["deadline:GetSession", ["lifecycleStatus"], "HIBERNATING", "unknown_enum_value", "$.lifecycleStatus"],
    ["deadline:GetSession", ["hostProperties", "availabilityZone"], "us-west-2a", "unknown_member", "$.hostProperties.availabilityZone"],
    ["deviceFarm:GetTestGridSession", ["testGridSession", "status"], "SUSPENDED", "unknown_enum_value", "$.testGridSession.status"],
    ["deviceFarm:GetRemoteAccessSession", ["remoteAccessSession", "remoteRecordEnabled"], true, "unknown_member", "$.remoteAccessSession.remoteRecordEnabled"],
  ] as const;

  test.each(cases)("%s: %j is drift by default and a violation in strict mode", (id, path, value, code, findingPath) => {
    const contract = registry.get(id).response;
    const body = mutate(successExample(id), [...path], value);
    const open = contract.validate(body);
    expect(open.ok).toBe(true);
    expect(open.findings).toEqual([expect.objectContaining({ severity: "drift", code, path: findingPath })]);
    const strict = contract.validate(body, { strict: true });
    expect(strict.ok).toBe(false);
    expect(strict.findings).toEqual([expect.objectContaining({ severity: "violation", code, path: findingPath })]);
  });

  test("decoding in the open world drops unknown members and keeps unknown enum values, as the SDK does", () => {
    const contract = registry.get("glue:GetSession").response;
    const decoded = contract.decode({ Session: { Id: "s-1", Status: "HIBERNATING", Tags: { a: "b" } } });
    expect(decoded).toEqual({ Session: { Id: "s-1", Status: "HIBERNATING" } });
  });

  test("a contract error names the path, what was expected and what came", () => {
    const contract = registry.get("deadline:GetSession").response;
    expect(() => contract.decode(mutate(successExample("deadline:GetSession"), ["startedAt"], 1709294400))).toThrowErrorMatchingInlineSnapshot(`
      [ContractError: [aws-sdk-contracts] deadline:GetSession response is not valid:
        - $.startedAt: Expected an RFC 3339 date-time string, received the number 1709294400; the SDK rejects numbers here. (expected RFC 3339 date-time string)]
    `);
  });
});
