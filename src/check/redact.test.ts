import { describe, expect, test } from "vitest";
import { registry } from "../contracts/registry.js";
import { Pseudonyms, SecretFound, findSecrets, isHostName, isSecretName, redactString, redactValue } from "./redact.js";

describe("redaction", () => {
  test("an account gets one pseudonym, in an ARN and alone", () => {
    const p = new Pseudonyms();
    const out = redactString("arn:aws:iam::111122223333:role/R and 111122223333", p);
    const [inArn, alone] = [/::(\d{12}):/.exec(out)![1], out.split(" ").pop()];
    expect(inArn).toBe(alone);
    expect(inArn).not.toBe("111122223333");
  });

  test("a public device ARN (no account) is left alone; addresses are replaced in their own format", () => {
    const p = new Pseudonyms();
    expect(redactString("arn:aws:devicefarm:us-west-2::device:4B2C1F8E9D7A4C3B8E1F2A3B4C5D6E7F", p)).toBe("arn:aws:devicefarm:us-west-2::device:4B2C1F8E9D7A4C3B8E1F2A3B4C5D6E7F");
    expect(redactString("10.0.12.34", p)).toMatch(/^10\.\d+\.\d+\.\d+$/);
    expect(redactString("2600:1F14:0ABC:1200:0000:0000:0000:0001", p)).toMatch(/^FD00(:[0-9A-F]{4}){7}$/);
    expect(redactString("fe80::1", p)).toMatch(/^fd00(:[0-9a-f]{4}){7}$/);
  });

  test("members that hold secrets or host names are hidden, whatever the model marks", () => {
    const op = registry.get("deviceFarm:GetRemoteAccessSession");
    const p = new Pseudonyms();
    const url = "https://devicefarm-interactive.us-west-2.example/session/SECRET?token=abc";
    const out = redactValue(
      { remoteAccessSession: { endpoint: url, endpoints: { interactiveEndpoint: url }, deviceProxy: { host: "proxy.corp.example.com", port: 3128 } } },
      op.response.shape,
      p,
    ) as { remoteAccessSession: { endpoint: string; endpoints: { interactiveEndpoint: string }; deviceProxy: { host: string } } };
    expect(out.remoteAccessSession.endpoint).toBe(out.remoteAccessSession.endpoints.interactiveEndpoint);
    expect(JSON.stringify(out)).not.toMatch(/SECRET|token=abc|corp\.example\.com/);
    expect(op.response.validate(out, { strict: true }).ok).toBe(true);
  });

  test("keys of maps and of unknown objects are redacted; member names of known structures are not", () => {
    const p = new Pseudonyms();
    const out = redactValue({ "arn:aws:iam::111122223333:role/x": "v", Session: { Id: "s" } }, undefined, p) as Record<string, unknown>;
    expect(Object.keys(out)[0]).not.toContain("111122223333");
    expect(out).toHaveProperty("Session");
  });

  test("the secret scan knows access keys, secret keys and session tokens, and leaves hex digests alone", () => {
    expect(findSecrets("AKIAIOSFODNN7EXAMPLE")).toEqual(["AWS access key id"]);
    expect(findSecrets("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")).toEqual(["AWS secret access key"]);
    expect(findSecrets("FwoGZXIvYXdzEJr//////////wEaDEXAMPLE")).toEqual(["AWS session token"]);
    expect(findSecrets("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 0123456789abcdef0123456789abcdef01234567")).toEqual([]);
  });

  test("an IPv6 address written with a dotted IPv4 tail becomes one valid IPv6 pseudonym", () => {
    const p = new Pseudonyms();
    const out = redactString("from 2001:db8::203.0.113.77 and ::ffff:192.0.2.1.", p);
    expect(out).toMatch(/^from fd00(:[0-9a-f]{4}){7} and fd00(:[0-9a-f]{4}){7}\.$/);
  });

  test("URLs of any web scheme keep their form: wss endpoints, user-info passwords, EC2 public names", () => {
    const p = new Pseudonyms();
    expect(p.secret("wss://devicefarm-interactive.example.org/x")).toMatch(/^wss:\/\/redacted\.example\/[0-9a-f]{16}$/);
    expect(redactString("wss://corp.example.org/socket", p)).toMatch(/^wss:\/\/host-[0-9a-f]{10}\.example\/socket$/);
    expect(redactString("jdbc:postgresql://etl:hunter2secret@db.corp.internal:5432/x", p)).not.toContain("hunter2secret");
    expect(redactString("ec2-54-201-33-44.us-west-2.compute.amazonaws.com", p)).toMatch(/^ec2-10-\d+-\d+-\d+\.us-west-2\.compute\.amazonaws\.com$/);
  });

  test("pseudonyms are keyed: the same key gives the same pseudonym, another key another", () => {
    const key = "a pinned key, 16+ characters";
    expect(new Pseudonyms(key).account("111122223333")).toBe(new Pseudonyms(key).account("111122223333"));
    expect(new Pseudonyms().account("111122223333")).not.toBe(new Pseudonyms().account("111122223333"));
  });

  test("names that hold secrets are known whatever their spelling", () => {
    for (const name of ["--db-password", "PASSWORD", "secret", "token", "spark.hadoop.fs.s3a.secret.key", "X-Amz-Credential", "X-Amz-Security-Token", "apiKey", "client_secret"]) expect(isSecretName(name), name).toBe(true);
    for (const name of ["Name", "AuthenticationType", "TokenType", "--job-language", "Description", "keyId"]) expect(isSecretName(name), name).toBe(false);
  });

  test("the secret scan reads through %-encoding and finds keys after = and before _", () => {
    expect(findSecrets("k=wJalrXUtnFEMI%2FK7MDENG%2FbPxRfiCYEXAMPLEKEY")).toEqual(["AWS secret access key"]);
    expect(findSecrets("AKIAIOSFODNN7EXAMPLE_old")).toEqual(["AWS access key id"]);
    expect(findSecrets("-----BEGIN OPENSSH PRIVATE KEY-----")).toEqual(["private key"]);
  });

  test("the secret-name vocabulary: flags, environment names and members that hold secrets, and model names that do not", () => {
    const secret = [
      "--db_pass", "DB_PASS", "--pass", "--pw", "--smtp-pass", "--encryption-key", "--hmac-key", "signing_key", "api_key", "auth_token",
      "client_secret", "session_cookie", "PASSWD", "db-pwd", "x-api-key", "private_key", "access_key", "SSL_KEY", "cert_key", "AccessToken", "refresh_token", "Authorization",
    ];
    const plain = ["PartitionKeys", "KeyName", "keyPrefix", "SortKey", "TokenType", "AuthenticationType", "keyId", "KmsKeyArn", "Name", "Description", "bypass", "KeySchemaElements", "PrimaryKey", "author"];
    for (const name of secret) expect(isSecretName(name), name).toBe(true);
    for (const name of plain) expect(isSecretName(name), name).toBe(false);
    for (const name of ["HOST", "hostAddress", "KAFKA_BOOTSTRAP_SERVERS", "hostName", "--bootstrap-server"]) expect(isHostName(name), name).toBe(true);
    for (const name of ["ServerSideEncryption", "HostedZone", "Name"]) expect(isHostName(name), name).toBe(false);
  });

  test("secrets inside structured strings are redacted where they stand, and the rest of the text is kept", () => {
    const p = new Pseudonyms();
    const cases: [string, RegExp][] = [
      ['{"db":{"password":"pw1"}}', /^\{"db":\{"password":"redacted-[0-9a-f]{16}"\}\}$/],
      ["password: pw2\nuser: etl", /^password: redacted-[0-9a-f]{16}\nuser: etl$/],
      ["--password pw3 --verbose", /^--password redacted-[0-9a-f]{16} --verbose$/],
      ["mysql -u root -p pw4", /^mysql -u root -p redacted-[0-9a-f]{16}$/],
      ["Driver={x};Server=db.corp.internal;Pwd=pw5;", /^Driver=\{x\};Server=host-[0-9a-f]{10}\.example;Pwd=redacted-[0-9a-f]{16};$/],
      ["jdbc:oracle:thin:scott/pw6@//db.corp.internal:1521/svc", /^jdbc:oracle:thin:scott\/redacted-[0-9a-f]{16}@\/\/host-[0-9a-f]{10}\.example:1521\/svc$/],
      ["jdbc:sqlserver://db.corp.internal;password=pw7", /^jdbc:sqlserver:\/\/host-[0-9a-f]{10}\.example;password=redacted-[0-9a-f]{16}$/],
      ["Authorization: Bearer 0123456789abcdef0123", /^Authorization: redacted-[0-9a-f]{16}$/],
      ["curl -H 'x: Basic ZXRsOnB3OA==' https://h.corp.io/x", /^curl -H 'x: Basic redacted-[0-9a-f]{16}' https:\/\/host-[0-9a-f]{10}\.example\/x$/],
      ["redis://:pw9@cache.corp.internal:6379", /^redis:\/\/:redacted-[0-9a-f]{16}@host-[0-9a-f]{10}\.example:6379$/],
      ["a.corp.internal:9092,b.corp.internal:9092", /^host-[0-9a-f]{10}\.example:9092,host-[0-9a-f]{10}\.example:9092$/],
      ["spark.sql.shuffle.partitions:200 s3://bucket/key arn:aws:secretsmanager:us-east-1:123456789012:secret:db", /^spark\.sql\.shuffle\.partitions:200 s3:\/\/bucket\/key arn:aws:secretsmanager:us-east-1:\d{12}:secret:db$/],
    ];
    for (const [text, expected] of cases) expect(redactString(text, p), text).toMatch(expected);
  });

  test("a credential inside Basic credentials or written with escapes is found, so the cassette is refused", () => {
    const p = new Pseudonyms();
    const basic = `Basic ${Buffer.from("AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").toString("base64")}`;
    expect(() => redactString(basic, p)).toThrow(SecretFound);
    expect(findSecrets(basic)).toEqual(["AWS access key id", "AWS secret access key"]);
    expect(findSecrets(String.raw`log {\"k\":\"\u0041KIAIOSFODNN7EXAMPLE\"}`)).toEqual(["AWS access key id"]);
    expect(findSecrets(String.raw`\\u0041KIAIOSFODNN7EXAMPLE`)).toEqual(["AWS access key id"]);
  });
});
