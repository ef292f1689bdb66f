import { CreateQueueEnvironmentCommand, DeadlineClient, ListJobsCommand } from "@aws-sdk/client-deadline";
import { CreateTestGridUrlCommand, DeviceFarmClient, ListRemoteAccessSessionsCommand } from "@aws-sdk/client-device-farm";
import { CreateJobCommand, GetConnectionCommand, GetJobCommand, GetSessionCommand, GlueClient } from "@aws-sdk/client-glue";
import fc from "fast-check";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { testClientConfig } from "../handlers/index.js";
import { checkPaths, recordResponses, type Refusal } from "../src/check/index.js";
import { scratchFolders } from "./support/scratch.js";

// A planted-secret corpus: every kind of secret the recorder must keep off the disk, in modelled and
// unmodelled commands, escaped and unescaped, in bodies, headers, query strings and map values.
// Each value is unique, so finding any of its bytes in a cassette is a leak.
const secretKey = (tag: string) => `Pl4nted${tag}SecretKeyMustNotLeak0000000000`.slice(0, 40);
const planted = {
  dbPassword: "PlantedDbPassw0rd!",
  connPassword: "PlantedConnPassw0rd",
  secretValue: "plantedsecretvalue7",
  tokenValue: "plantedtokenvalue8",
  sparkKey: secretKey("Spark"),
  percentKey: "Pl4ntedPct/SecretKey+MustNotLeak00000000",
  akiaUnderscore: "AKIAPLANTED000000001",
  pemBody: "MIIEpAIBAAKCAQEAplantedPemBodyLine0001",
  jwt: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.PlantedJwtSignatureAbc123_-",
  bearer: "AQICAHhPlantedBearerTokenX9f8e7d6c5b4a3Z2Y1-_Qq",
  queryToken: "PlantedQueryToken42",
  email: "planted.person@corp-planted.io",
  dashedAccount: "9876-5432-1099",
  ec2PublicIp: "54-201-33-44",
  endpointPath: "PlantedEndpointPath",
  endpointHost: "planted-host.io",
  headerToken: "PlantedHeaderToken0001",
  sessionToken: "FwoGZXIvYXdzEPLANTEDSESSIONTOKEN0123456789abcdef",
  escapedAkia: "AKIAPLANTED000000002",
  escapedKey: "Pl4ntedEsc/SecretKeyMustNotLeak000000000",
  truncatedKey: secretKey("Trunc"),
  deepKey: secretKey("Deep0"),
  nextToken: "PlantedNextToken0001",
};

const scratch = scratchFolders("secrets");

interface Canned {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body: string;
}

/** A transport that answers every request with the next canned response (a real SDK client sends through it). */
function canned(responses: Canned[]) {
  const queue = [...responses];
  return {
    async handle() {
      const r = queue.shift() ?? { body: "{}" };
      return { response: { statusCode: r.status ?? 200, headers: { "content-type": "application/x-amz-json-1.1", ...r.headers }, body: new TextEncoder().encode(r.body) } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
}

/** Everything written, as raw text and as every decoded string inside it (bodies parsed). */
function written(dir: string): string {
  const texts = readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8"));
  const decoded: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      decoded.push(v, v.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
      if (/^\s*[[{]/.test(v)) {
        try {
          walk(JSON.parse(v));
        } catch {
          // not JSON
        }
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) decoded.push(k), walk(x);
  };
  for (const t of texts) walk(JSON.parse(t));
  return [...texts, ...decoded].join("\n");
}

const config = (handler: ReturnType<typeof canned>) => ({
  ...testClientConfig({ maxAttempts: 1 }),
  credentials: { ...testClientConfig().credentials, sessionToken: planted.sessionToken },
  requestHandler: handler,
});

describe("the recorder keeps every planted secret off the disk", () => {
  test("a corpus of secrets in modelled and unmodelled commands is redacted or refused, never written", async () => {
    const dir = scratch();
    const refusals: Refusal[] = [];
    const recorder = recordResponses({ dir, onRefused: (r) => refusals.push(r) });
    const glueHandler = canned([
      // 1. GetJob (unmodelled): map values under secret names, a Spark conf pair, an e-mail, an EC2 public DNS name.
      {
        headers: { "x-amz-security-token": planted.headerToken, "set-cookie": `session=${planted.headerToken}` },
        body: JSON.stringify({
          Job: {
            Name: "nightly",
            Role: "arn:aws:iam::123456789012:role/GlueRole",
            Description: `owner ${planted.email}, account ${planted.dashedAccount}, host ec2-${planted.ec2PublicIp}.us-west-2.compute.amazonaws.com`,
            DefaultArguments: {
              "--db-password": planted.dbPassword,
              secret: planted.secretValue,
              token: planted.tokenValue,
              "--conf": `spark.hadoop.fs.s3a.secret.key=${planted.sparkKey}`,
              "--callback": `https://hooks.example.org/done?token=${planted.queryToken}&x=1`,
              "--jwt": `Bearer ${planted.jwt}`,
              "--pem": `-----BEGIN RSA PRIVATE KEY-----\n${planted.pemBody}\nAAAA\n-----END RSA PRIVATE KEY-----\n`,
            },
          },
        }),
      },
      // 2. GetConnection (unmodelled): PASSWORD in a plain map.
      { body: JSON.stringify({ Connection: { Name: "db", ConnectionType: "JDBC", ConnectionProperties: { USERNAME: "etl", PASSWORD: planted.connPassword } } }) },
      // 3. GetSession (modelled): an access key id followed by `_` in free text: refused.
      { body: JSON.stringify({ Session: { Id: "s-1", Description: `key ${planted.akiaUnderscore}_backup` } }) },
      // 4. A URL-encoded secret key in free text: refused.
      { body: JSON.stringify({ Session: { Id: "s-2", Description: `sig ${encodeURIComponent(planted.percentKey)}` } }) },
      // 5. Escapes: the body writes the key with \u escapes.
      { body: `{"Session":{"Id":"s-3","Description":"${planted.escapedAkia.replace("A", "\\u0041")} ${planted.escapedKey.replace("/", "\\u002F")}"}}` },
      // 6. A truncated body: structured redaction fails, so nothing is written.
      { body: `{"Session":{"Id":"s-4","Description":"${planted.truncatedKey}` },
      // 7. A member nested 20,000 deep.
      { body: `{"Session":{"Id":"s-5","Description":"x"},"Deep":${"[".repeat(20_000)}"${planted.deepKey}"${"]".repeat(20_000)}}` },
    ]);
    const glue = recorder.attach(new GlueClient(config(glueHandler)));
    await glue.send(new GetJobCommand({ JobName: "nightly" }));
    await glue.send(new GetConnectionCommand({ Name: "db" }));
    for (let i = 0; i < 5; i++) await glue.send(new GetSessionCommand({ Id: `s-${i + 1}` })).catch(() => undefined);

    const deviceFarm = recorder.attach(
      new DeviceFarmClient(
        config(
          canned([
            // 8. ListRemoteAccessSessions (unmodelled): @sensitive endpoints, known only from the SDK's schema.
            {
              body: JSON.stringify({
                remoteAccessSessions: [
                  {
                    arn: "arn:aws:devicefarm:us-west-2:123456789012:session:abc/def/00000",
                    endpoints: { remoteDriverEndpoint: `https://${planted.endpointHost}/wd/hub/${planted.endpointPath}`, interactiveEndpoint: `wss://${planted.endpointHost}/${planted.endpointPath}` },
                  },
                ],
              }),
            },
            // 9. CreateTestGridUrl (unmodelled): a bearer token in the URL path.
            { body: JSON.stringify({ url: `https://testgrid-devicefarm.us-west-2.amazonaws.com/${planted.bearer}/wd/hub`, expires: 1_700_000_000 }) },
          ]),
        ),
      ),
    );
    await deviceFarm.send(new ListRemoteAccessSessionsCommand({ arn: "arn:aws:devicefarm:us-west-2:123456789012:project:abc" }));
    await deviceFarm.send(new CreateTestGridUrlCommand({ projectArn: "arn:aws:devicefarm:us-west-2:123456789012:testgrid-project:abc", expiresInSeconds: 300 }));

    // 10. A secret in a query string of the request (restJson1).
    const deadline = recorder.attach(new DeadlineClient(config(canned([{ body: JSON.stringify({ jobs: [] }) }]))));
    await deadline.send(new ListJobsCommand({ farmId: `farm-${"a".repeat(32)}`, queueId: `queue-${"b".repeat(32)}`, nextToken: planted.nextToken }));

    const disk = written(dir);
    for (const [name, secret] of Object.entries(planted)) expect(disk, name).not.toContain(secret);
    // What could be redacted was written; what could not was refused, with the reason or the kind of secret.
    expect(recorder.written).toHaveLength(5);
    expect(refusals.map((r) => r.secrets.join(",") || r.reason?.replace(/\(.*\)/, "(…)"))).toEqual([
      "AWS access key id",
      "AWS secret access key",
      "AWS access key id,AWS secret access key",
      "the response body is not JSON, so it cannot be redacted member by member",
      "the response body could not be redacted (…)",
    ]);
    const job = JSON.parse(JSON.parse(readFileSync(recorder.written[0]!, "utf8")).response.body).Job;
    expect(job.DefaultArguments["--db-password"]).toMatch(/^redacted-[0-9a-f]{16}$/);
    expect(job.Role).toMatch(/^arn:aws:iam::\d{12}:role\/GlueRole$/);
    expect(job.Description).toMatch(/owner user-[0-9a-f]{10}@example\.com, account \d{4}-\d{4}-\d{4}, host ec2-10-\d+-\d+-\d+\.us-west-2\.compute\.amazonaws\.com/);
    const sessions = JSON.parse(JSON.parse(readFileSync(recorder.written[2]!, "utf8")).response.body).remoteAccessSessions;
    expect(sessions[0].endpoints.interactiveEndpoint).toMatch(/^wss:\/\/redacted\.example\/[0-9a-f]{16}$/);
  });

  test("a body too large to redact, or one the recorder cannot read, is refused and the call succeeds", async () => {
    const dir = scratch();
    const recorder = recordResponses({ dir, maxBodyBytes: 1024 });
    const big = canned([{ body: JSON.stringify({ Session: { Id: "big", Description: "A".repeat(4096) } }) }]);
    const glue = recorder.attach(new GlueClient(config(big)));
    const out = await glue.send(new GetSessionCommand({ Id: "big" }));
    expect(out.Session?.Description).toHaveLength(4096);
    expect(recorder.refused[0]?.reason).toMatch(/has 4\d{3} bytes; the recorder redacts at most 1024 \(maxBodyBytes\)/);

    // A Blob body: read without consuming it, so the SDK still parses it.
    const blob = {
      ...canned([]),
      async handle() {
        return { response: { statusCode: 200, headers: { "content-type": "application/x-amz-json-1.1" }, body: new Blob([JSON.stringify({ Session: { Id: "blob" } })]) } };
      },
    };
    const glue2 = recorder.attach(new GlueClient(config(blob as never)));
    expect((await glue2.send(new GetSessionCommand({ Id: "blob" }))).Session?.Id).toBe("blob");
    expect(recorder.written).toHaveLength(1);
  });

  test("a run of millions of base64 characters is scanned without overflowing the stack", async () => {
    const dir = scratch();
    const recorder = recordResponses({ dir });
    const glue = recorder.attach(new GlueClient(config(canned([{ body: JSON.stringify({ Session: { Id: "b64", Description: "QUJD".repeat(1_500_000) } }) }]))));
    const out = await glue.send(new GetSessionCommand({ Id: "b64" }));
    expect(out.Session?.Description).toHaveLength(6_000_000);
    expect(recorder.refused).toEqual([]);
    expect(JSON.parse(JSON.parse(readFileSync(recorder.written[0]!, "utf8")).response.body).Session.Description).toMatch(/^redacted-[0-9a-f]{16}$/);
  });

  test("pseudonyms come from a random key per recorder unless one is pinned", async () => {
    const body = JSON.stringify({ Session: { Id: "k", Role: "arn:aws:iam::123456789012:role/R" } });
    const roleOf = async (key?: string) => {
      const dir = scratch();
      const recorder = recordResponses({ dir, ...(key ? { key } : {}) });
      await recorder.attach(new GlueClient(config(canned([{ body }])))).send(new GetSessionCommand({ Id: "k" }));
      return JSON.parse(JSON.parse(readFileSync(recorder.written[0]!, "utf8")).response.body).Session.Role as string;
    };
    expect(await roleOf()).not.toBe(await roleOf());
    expect(await roleOf("a pinned key of 16+ chars")).toBe(await roleOf("a pinned key of 16+ chars"));
    expect(() => recordResponses({ dir: scratch(), salt: "x" } as never)).toThrow(/Unknown recorder option "salt"/);
    expect(() => recordResponses({ dir: scratch(), key: "short" })).toThrow(/at least 16/);
  });

  test("a member named __proto__ is kept in the cassette", async () => {
    const dir = scratch();
    const recorder = recordResponses({ dir });
    const glue = recorder.attach(new GlueClient(config(canned([{ body: '{"Session":{"Id":"p","DefaultArguments":{"__proto__":"kept"}}}' }]))));
    await glue.send(new GetSessionCommand({ Id: "p" }));
    expect(JSON.parse(recorder.written.length ? JSON.parse(readFileSync(recorder.written[0]!, "utf8")).response.body : "{}").Session.DefaultArguments).toHaveProperty("__proto__", "kept");
  });
});

describe("for all bodies with a secret planted anywhere", () => {
  const upper = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
  const b64 = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+");
  const secret = fc.oneof(
    fc.array(upper, { minLength: 16, maxLength: 16 }).map((a) => `AKIA${a.join("")}`),
    fc.array(b64, { minLength: 38, maxLength: 38 }).map((a) => `Zz${a.join("")}`.replace(/^(.{10})/, "$1a1B")).map((s) => s.slice(0, 40)),
    fc.array(b64, { minLength: 24, maxLength: 40 }).map((a) => `eyJhbGciOiJub25lIn0.eyJ${a.join("").replace(/[/+]/g, "_")}.sig`),
  );
  const where = fc.constantFrom("free text", "map value under a secret name", "escaped", "query string", "url path");
  test("the secret is never written: the cassette is redacted or refused", async () => {
    await fc.assert(
      fc.asyncProperty(secret, where, fc.string({ maxLength: 20 }), async (s, place, noise) => {
        const dir = scratch();
        const recorder = recordResponses({ dir });
        const description =
          place === "free text" ? `${noise} ${s} ${noise}` : place === "query string" ? `https://x.example.org/?a=1&token=${s}` : place === "url path" ? `https://x.example.org/${s}/y` : noise;
        const session: Record<string, unknown> = { Id: "p", Description: description };
        if (place === "map value under a secret name") session.DefaultArguments = { "--api-secret": s };
        let body = JSON.stringify({ Session: session });
        if (place === "escaped") body = body.replace(`"Description":`, `"Name":"${[...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}","Description":`);
        const glue = recorder.attach(new GlueClient(config(canned([{ body }]))));
        await glue.send(new GetSessionCommand({ Id: "p" }));
        const disk = recorder.written.length ? written(dir) : "";
        expect(disk).not.toContain(s);
        expect(recorder.written.length + recorder.refused.length).toBe(1);
      }),
      { numRuns: 60 },
    );
  });
});

describe("round 2: secrets inside structured text, authorization values and hosts in every form", () => {
  const b64 = (s: string) => Buffer.from(s).toString("base64");
  // Each planted value is unique: finding it on disk is a leak.
  const pw = (n: number) => `Pl4nted2Pw${String(n).padStart(2, "0")}x`;
  const hexBearer = "9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddccbbaa";
  const hosts = ["sqlhost", "orahost", "mssqlhost", "mysqlhost", "redishost", "mongohost", "smbhost", "ftphost", "kafka1", "kafka2", "pghost", "kb1", "kb2", "cmdhost", "farmhost"];
  const secretArgs: Record<string, string> = {
    "--db_pass": pw(1),
    "--pass": pw(2),
    "--pw": pw(3),
    "--smtp-pass": pw(4),
    "--encryption-key": pw(5),
    "--hmac-key": pw(6),
    "--extra-args": `--password ${pw(7)} -p ${pw(8)} -h cmdhost.corp.internal`,
    "--config-json": JSON.stringify({ db: { password: pw(9), host: "pghost.corp.internal" } }),
    "--config-yaml": `db:\n  password: ${pw(10)}\n  api_key: "${pw(11)}"\n`,
    "--ado": `Server=tcp:sqlhost.corp.internal,1433;User Id=sa;Password=${pw(12)};`,
    "--oracle": `jdbc:oracle:thin:scott/${pw(13)}@//orahost.corp.internal:1521/svc`,
    "--mssql": `jdbc:sqlserver://mssqlhost.corp.internal:1433;user=sa;password=${pw(14)}`,
    "--mysql": `jdbc:mysql://mysqlhost.corp.internal:3306/db?user=u&password=${pw(15)}`,
    "--basic": `Basic ${b64(`etl:${pw(16)}`)}`,
    "--bearer": `Bearer ${hexBearer}`,
    "--redis": `redis://:${pw(17)}@redishost.corp.internal:6379`,
    "--mongo": `mongodb+srv://u:${pw(18)}@mongohost.corp.internal/db`,
    "--smb": "smb://smbhost.corp.internal/share",
    "--ftp": "ftp://ftphost.corp.internal/x",
    "--kafka": "kafka1.corp.internal:9092,kafka2.corp.internal:9092",
    signing_key: pw(19),
    api_key: pw(20),
    auth_token: pw(21),
    client_secret: pw(22),
    DB_PASS: pw(23),
    session_cookie: pw(24),
  };
  const planted = [...Array.from({ length: 30 }, (_, i) => pw(i + 1)), hexBearer, b64(`etl:${pw(16)}`), ...hosts.map((h) => `${h}.corp`)];

  test("no planted value reaches disk, from request or response bodies or headers, and the cassettes pass check --strict", async () => {
    const dir = scratch();
    const refusals: Refusal[] = [];
    const recorder = recordResponses({ dir, onRefused: (r) => refusals.push(r) });
    const glue = recorder.attach(
      new GlueClient(
        config(
          canned([
            { headers: { authorization: `Bearer ${pw(25)}`, "set-cookie": `s=${pw(25)}` }, body: JSON.stringify({ Job: { Name: "nightly", DefaultArguments: secretArgs } }) },
            {
              body: JSON.stringify({
                Connection: {
                  Name: "db",
                  ConnectionType: "KAFKA",
                  ConnectionProperties: {
                    HOST: "pghost.corp.internal",
                    KAFKA_BOOTSTRAP_SERVERS: "kb1.corp.internal:9094,kb2.corp.internal:9094",
                    JDBC_CONNECTION_URL: `jdbc:postgresql://pghost.corp.internal:5432/db?password=${pw(26)}`,
                    PASSWORD: pw(27),
                  },
                },
              }),
            },
            { body: JSON.stringify({ Name: "nightly" }) },
            // An error whose message quotes a connection string: the kept error type header and the body are redacted.
            { status: 400, headers: { "x-amzn-errortype": "InvalidInputException" }, body: JSON.stringify({ __type: "InvalidInputException", Message: `cannot connect: Password=${pw(28)}; host kafka1.corp.internal:9092` }) },
          ]),
        ),
      ),
    );
    await glue.send(new GetJobCommand({ JobName: "nightly" }));
    await glue.send(new GetConnectionCommand({ Name: "db" }));
    await glue.send(new CreateJobCommand({ Name: "nightly", Role: "arn:aws:iam::123456789012:role/R", Command: { Name: "glueetl" }, DefaultArguments: secretArgs }));
    await expect(glue.send(new GetJobCommand({ JobName: "x" }))).rejects.toThrow();
    // Deadline: a @sensitive template in the request body, and an environment variable holding a password.
    const deadline = recorder.attach(new DeadlineClient(config(canned([{ body: JSON.stringify({ queueEnvironmentId: `queueenv-${"c".repeat(32)}` }) }]))));
    await deadline.send(
      new CreateQueueEnvironmentCommand({
        farmId: `farm-${"a".repeat(32)}`,
        queueId: `queue-${"b".repeat(32)}`,
        priority: 1,
        templateType: "YAML",
        template: `specificationVersion: environment-2023-09\nenvironment:\n  name: db\n  variables:\n    DB_PASSWORD: ${pw(29)}\n`,
      }),
    );

    const disk = written(dir);
    for (const value of planted) expect(disk, value).not.toContain(value);
    expect(refusals).toEqual([]);
    expect(recorder.written).toHaveLength(5);
    const reports = await checkPaths(dir, { strict: true });
    expect(reports.flatMap((r) => [...r.problems.map((p) => p.message), ...r.entries.flatMap((e) => e.findings.map((f) => `${f.path} ${f.message}`))])).toEqual([]);
    // Pseudonyms keep the value's form: a URL stays a URL of its scheme, a host list a host list, a flag its flag.
    const args = JSON.parse(JSON.parse(readFileSync(recorder.written[0]!, "utf8")).response.body).Job.DefaultArguments as Record<string, string>;
    expect(args["--redis"]).toMatch(/^redis:\/\/:redacted-[0-9a-f]{16}@host-[0-9a-f]{10}\.example:6379$/);
    expect(args["--kafka"]).toMatch(/^host-[0-9a-f]{10}\.example:9092,host-[0-9a-f]{10}\.example:9092$/);
    expect(args["--extra-args"]).toMatch(/^--password redacted-[0-9a-f]{16} -p redacted-[0-9a-f]{16} -h host-[0-9a-f]{10}\.example$/);
    expect(JSON.parse(args["--config-json"]!)).toEqual({ db: { password: expect.stringMatching(/^redacted-/), host: expect.stringMatching(/^host-[0-9a-f]{10}\.example$/) } });
  });

  test("credentials that redaction would hide are refused: Basic credentials of an AWS key pair, keys written with \\u escapes in text", async () => {
    const dir = scratch();
    const refusals: Refusal[] = [];
    const recorder = recordResponses({ dir, onRefused: (r) => refusals.push(r) });
    const keyPair = `${"AKIA"}PLANTEDBASIC0003:Pl4ntedBasic/SecretKeyMustNotLeak00000000`;
    const escaped = "AKIAPLANTEDESCAPE004".replace("A", "\\\\u0041");
    const glue = recorder.attach(
      new GlueClient(
        config(
          canned([
            { body: JSON.stringify({ Session: { Id: "b", Description: `Authorization: Basic ${b64(keyPair)}` } }) },
            // A log line quoting JSON: the key is written with a \u escape inside ordinary text.
            { body: `{"Session":{"Id":"e","Description":"log: {\\"key\\":\\"${escaped}\\"}"}}` },
          ]),
        ),
      ),
    );
    await glue.send(new GetSessionCommand({ Id: "b" }));
    await glue.send(new GetSessionCommand({ Id: "e" }));
    expect(recorder.written).toEqual([]);
    expect(refusals.map((r) => r.secrets.join(","))).toEqual(["AWS access key id in Basic credentials", "AWS access key id"]);
  });
});
