import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { registry, type Contract } from "../src/index.js";
import { Factory } from "./core/factory.js";
import { Gen, uuidOf } from "./core/random.js";
import { createFactories, REFERENCE_DATE } from "./index.js";
import { glueSession } from "./glue.js";

const factories = createFactories({ seed: 2026 });

// The operations whose output a hand-tuned factory builds (they have its traits); every other
// operation's output is covered by test/every-operation.test.ts.
const tuned = registry.operations.filter((op) => factories.operation(op.id).traitNames.length > 0);

// Every hand-tuned factory of the set, by name, including the operation outputs built on them.
const all: [string, Factory<any, any, any>][] = [
  ...Object.entries(factories.glue).map(([k, f]) => [`glue.${k}`, f] as [string, Factory<any, any, any>]),
  ...Object.entries(factories.deadline).map(([k, f]) => [`deadline.${k}`, f] as [string, Factory<any, any, any>]),
  ...Object.entries(factories.deviceFarm).map(([k, f]) => [`deviceFarm.${k}`, f] as [string, Factory<any, any, any>]),
  ...tuned.map((op) => [op.id, factories.operation(op.id)] as [string, Factory<any, any, any>]),
];

describe.each(all)("%s", (_, factory) => {
  test("for any seed and any traits, a build passes its contract strictly, keeps its invariants and survives the wire", () => {
    const traits = factory.traitNames;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.subarray(traits), (seed, chosen) => {
        const f = factory.with(...chosen);
        const value = f.build(undefined, { seed });
        expect(f.contract.validate(value, { level: "sdk", strict: true }).findings).toEqual([]);
        expect(f.violations(value)).toEqual([]);
        const wire = f.contract.encode(value);
        expect(f.contract.validate(wire, { strict: true }).findings).toEqual([]);
        expect(f.contract.decode(wire, { strict: true })).toEqual(value);
        expect(JSON.parse(JSON.stringify(wire))).toEqual(wire);
      }),
      { numRuns: 60 },
    );
  });

  test("the same seed gives the same object; another seed another one", () => {
    expect(factory.build(undefined, { seed: 7 })).toEqual(factory.build(undefined, { seed: 7 }));
    expect(JSON.stringify(factory.wire(undefined, { seed: 7 }))).toBe(JSON.stringify(factory.wire(undefined, { seed: 7 })));
    const many = new Set(Array.from({ length: 20 }, (_, i) => JSON.stringify(factory.wire(undefined, { seed: i }))));
    expect(many.size).toBeGreaterThan(1);
  });
});

describe("lifecycle states", () => {
  test.each(factories.glue.session.traitNames.filter((t) => t !== "sparkConnect"))("glue Session %s has its status and the fields of that state", (trait) => {
    const s = factories.glue.session.with(trait).build(undefined, { seed: 11 });
    expect(s.Status).toBe(trait.toUpperCase());
    expect(s.CompletedOn !== undefined).toBe(["failed", "timeout", "stopped"].includes(trait));
    expect(s.ErrorMessage !== undefined).toBe(trait === "failed");
  });

  test("a timed-out Glue session ran for at least its idle timeout", () => {
    const s = factories.glue.session.with("timeout").build(undefined, { seed: 3 });
    expect(s.ExecutionTime!).toBeGreaterThanOrEqual(s.IdleTimeout! * 60);
  });

  test("a Deadline session moves from STARTED to ENDED with its timestamps in order", () => {
    const started = factories.deadline.session.with("started").build(undefined, { seed: 5 });
    const ended = factories.deadline.session.with("ended").build(undefined, { seed: 5 });
    expect(started).not.toHaveProperty("endedAt");
    expect(started).not.toHaveProperty("updatedAt");
    expect(ended.startedAt).toEqual(started.startedAt);
    expect(ended.updatedAt!.getTime()).toBeGreaterThanOrEqual(ended.startedAt.getTime());
    expect(ended.endedAt!.getTime()).toBeGreaterThanOrEqual(ended.updatedAt!.getTime());
    expect(ended.targetLifecycleStatus).toBe("ENDED");
  });

  test("remote access device minutes follow the billing method", () => {
    const metered = factories.deviceFarm.remoteAccessSession.with("completed", "metered").build(undefined, { seed: 9 });
    const unmetered = factories.deviceFarm.remoteAccessSession.with("completed", "unmetered").build(undefined, { seed: 9 });
    expect(metered.deviceMinutes).toEqual({ total: metered.deviceMinutes!.total, metered: metered.deviceMinutes!.total, unmetered: 0 });
    expect(unmetered.deviceMinutes).toEqual({ total: unmetered.deviceMinutes!.total, metered: 0, unmetered: unmetered.deviceMinutes!.total });
  });

  test("Apple devices are IOS, whatever the seed", () => {
    for (let seed = 0; seed < 200; seed++) {
      const d = factories.deviceFarm.device.build(undefined, { seed });
      expect(d.platform === "IOS").toBe(d.manufacturer === "Apple");
    }
    expect(factories.deviceFarm.device.with("ios").build(undefined, { seed: 1 }).manufacturer).toBe("Apple");
  });

  test("the invariant checks catch a state whose fields disagree", () => {
    const f = factories.glue.session;
    const broken = { ...f.with("ready").build(undefined, { seed: 1 }), ErrorMessage: "boom" };
    expect(f.violations(broken)).toEqual(["ErrorMessage only on FAILED: status READY with ErrorMessage boom"]);
    const rac = factories.deviceFarm.remoteAccessSession;
    const bad = rac.with("completed").build(undefined, { seed: 1 });
    bad.deviceMinutes = { total: 5, metered: 2, unmetered: 2 };
    expect(rac.violations(bad)).toContainEqual(expect.stringContaining("total 5 != 2 + 2"));
  });
});

describe("overrides", () => {
  test("merge deeply, replace arrays and remove a member set to undefined", () => {
    const s = factories.deviceFarm.remoteAccessSession.with("running").build(
      { name: "checkout-flow-debug", device: { os: "15", resolution: { width: 1440 } }, endpoint: undefined },
      { seed: 4 },
    );
    expect(s.name).toBe("checkout-flow-debug");
    expect(s.device?.os).toBe("15");
    expect(s.device?.resolution).toEqual({ width: 1440, height: expect.any(Number) });
    expect(s).not.toHaveProperty("endpoint");
  });

  test("an override the contract rejects names the factory, the path and the allowed values", () => {
    expect(() => factories.glue.session.build({ Status: "RUNNING" as never })).toThrowErrorMatchingInlineSnapshot(
      `[Error: [aws-sdk-contracts] Failed to build glue Session: override "Status" = "RUNNING" is not one of PROVISIONING | READY | FAILED | TIMEOUT | STOPPING | STOPPED.]`,
    );
    expect(() => factories.deadline.session.build({ sessionId: "session-001" })).toThrowErrorMatchingInlineSnapshot(
      `[Error: [aws-sdk-contracts] Failed to build deadline GetSession response: override "sessionId" = "session-001" is not valid: "session-001" does not match /^session-[0-9a-f]{32}$/u (expected a string matching /^session-[0-9a-f]{32}$/u).]`,
    );
    expect(() => factories.deviceFarm.remoteAccessSession.build({ deviceProxy: { port: 0 } } as never)).toThrow(/override "deviceProxy.port" = 0 is not valid/);
  });

  test("an unknown trait is a clear error", () => {
    expect(() => factories.glue.session.with("running" as never)).toThrow(
      '[aws-sdk-contracts] Failed to apply trait "running" to glue Session: known traits are provisioning | ready | failed | timeout | stopping | stopped | sparkConnect.',
    );
  });
});

describe("determinism", () => {
  test("two sets with the same seed give the same sequence of builds; reset repeats it", () => {
    const a = createFactories({ seed: 42 });
    const b = createFactories({ seed: 42 });
    const first = [a.glue.session.build(), a.deadline.session.build()];
    expect([b.glue.session.build(), b.deadline.session.build()]).toEqual(first);
    a.reset();
    expect([a.glue.session.build(), a.deadline.session.build()]).toEqual(first);
    expect(a.glue.session.build()).not.toEqual(first[0]);
  });

  test("a field drawn by another path does not shift the values of the others", () => {
    const f = createFactories().glue.session;
    const plain = new Factory(glueSession, f.sequence);
    const noisy = new Factory({ ...glueSession, generate: (gen, params) => {
      gen.faker("ANewField").lorem.paragraph();
      gen.int("AnotherNewField", 0, 100);
      return glueSession.generate(gen, params);
    } }, f.sequence);
    expect(noisy.build(undefined, { seed: 99 })).toEqual(plain.build(undefined, { seed: 99 }));
  });

  test("buildList gives distinct, reproducible items", () => {
    const list = factories.deviceFarm.testGridSession.buildList(5, undefined, { seed: 8 });
    expect(new Set(list.map((s) => s.arn)).size).toBe(5);
    expect(factories.deviceFarm.testGridSession.buildList(5, undefined, { seed: 8 })).toEqual(list);
  });

  test("an operation output holds the entity built with the same seed", () => {
    const out = factories.operation("glue:GetSession").with("failed").build(undefined, { seed: 12 });
    expect(out).toEqual({ Session: factories.glue.session.with("failed").build(undefined, { seed: 12 }) });
  });

  test.each(tuned.map((op) => op.id))("fixed seeds pin the wire output of %s", (id) => {
    expect(factories.operation(id).wire(undefined, { seed: 1 })).toMatchSnapshot();
  });
});

test("every operation whose output holds a session builds it with the hand-tuned factory and its traits", () => {
  expect(tuned.map((op) => op.id)).toEqual(expect.arrayContaining(["glue:GetSession", "deadline:GetSession", "deviceFarm:GetTestGridSession", "deviceFarm:GetRemoteAccessSession"]));
  for (const op of tuned) {
    const output = factories.operation(op.id).build(undefined, { seed: 1 });
    const contract: Contract = op.response;
    expect(contract.validate(contract.encode(output), { strict: true }).ok).toBe(true);
  }
});

describe("overrides of state members pick the state, so the other fields agree", () => {
  test("remote access: any status and billing method", () => {
    const f = factories.deviceFarm.remoteAccessSession;
    const statuses = ["PENDING", "PENDING_CONCURRENCY", "PENDING_DEVICE", "PROCESSING", "SCHEDULING", "PREPARING", "RUNNING", "COMPLETED", "STOPPING"] as const;
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...statuses), fc.constantFrom("METERED", "UNMETERED") as fc.Arbitrary<"METERED" | "UNMETERED">, (seed, status, billingMethod) => {
        const value = f.build({ status, billingMethod }, { seed });
        expect(f.violations(value)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  test.each([
    ["glue", () => factories.glue.session, (s: string) => ({ Status: s }), ["PROVISIONING", "READY", "FAILED", "TIMEOUT", "STOPPING", "STOPPED"]],
    ["deadline", () => factories.deadline.session, (s: string) => ({ lifecycleStatus: s }), ["STARTED", "UPDATE_IN_PROGRESS", "UPDATE_SUCCEEDED", "UPDATE_FAILED", "ENDED"]],
    ["test grid", () => factories.deviceFarm.testGridSession, (s: string) => ({ status: s }), ["ACTIVE", "CLOSED", "ERRORED"]],
  ] as const)("%s: every state", (_, factory, override, states) => {
    for (const state of states) {
      const f = factory() as Factory<any, any, any>;
      expect(f.violations(f.build(override(state), { seed: 3 }))).toEqual([]);
    }
  });
});

describe("realism details", () => {
  test("a result override completes the session", () => {
    const f = factories.deviceFarm.remoteAccessSession;
    const s = f.build({ result: "PASSED" }, { seed: 2 });
    expect(s).toMatchObject({ status: "COMPLETED", result: "PASSED", stopped: expect.any(Date) });
    expect(f.violations(s)).toEqual([]);
  });

  test("a TIMEOUT session with an overridden idle timeout ran at least that long", () => {
    const f = factories.glue.session;
    const s = f.build({ Status: "TIMEOUT", IdleTimeout: 2880 }, { seed: 4 });
    expect(s.ExecutionTime!).toBeGreaterThanOrEqual(2880 * 60);
    expect(f.violations(s)).toEqual([]);
  });

  test("Spark Connect sessions run on Glue 5.1", () => {
    expect(factories.glue.session.with("sparkConnect").build(undefined, { seed: 1 }).GlueVersion).toBe("5.1");
  });

  test("every state of one session (one seed) shares its start, so a lifecycle reads as one session", () => {
    const glue = factories.glue.session.traitNames.filter((t) => t !== "sparkConnect").map((t) => factories.glue.session.with(t).build({ IdleTimeout: 60 }, { seed: 6 }).CreatedOn!.getTime());
    expect(new Set(glue).size).toBe(1);
    const ra = ["pending", "running", "completed"].map((t) => factories.deviceFarm.remoteAccessSession.with(t as never).build(undefined, { seed: 6 }).created!.getTime());
    expect(new Set(ra).size).toBe(1);
    const running = factories.deviceFarm.remoteAccessSession.with("running").build(undefined, { seed: 6 });
    expect(REFERENCE_DATE.getTime() - running.created!.getTime()).toBeLessThanOrEqual(150 * 60_000);
  });

  test("a private device's session and instance share a UDID in the platform's form", () => {
    const s = factories.deviceFarm.remoteAccessSession.with("privateDevice", "ios").build(undefined, { seed: 8 });
    expect(s.deviceUdid).toBe(s.device!.instances![0]!.udid);
    expect(s.deviceUdid).toMatch(/^00008[0-9A-F]{3}-[0-9A-F]{16}$/);
  });

  test("EC2 host names and IPv6 blocks follow the region", () => {
    for (let seed = 0; seed < 50; seed++) {
      const host = factories.deadline.hostProperties.build(undefined, { seed });
      const region = /arn:aws:ec2:([^:]+):/.exec(host.ec2InstanceArn!)![1];
      expect(host.hostName).toMatch(region === "us-east-1" ? /\.ec2\.internal$/ : new RegExp(`\\.${region}\\.compute\\.internal$`));
    }
  });
});

describe("service hints keep generated values consistent", () => {
  test("a completed Device Farm run's counters add up to their total, an unfinished one has counted no result yet, and it has completed at most its jobs, whatever the seed", () => {
    const f = factories.operation("deviceFarm:GetRun");
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const { run } = f.build(undefined, { seed });
        const c = run?.counters;
        const counted = c ? [c.passed, c.failed, c.warned, c.errored, c.stopped, c.skipped] : [];
        if (run?.status === "COMPLETED" && c?.total !== undefined && counted.some((n) => n !== undefined)) {
          expect(c.total).toBe(counted.reduce<number>((sum, n) => sum + (n ?? 0), 0));
        }
        if (run?.status !== "COMPLETED" && c) expect(counted.filter((n) => n !== undefined && n !== 0)).toEqual([]);
        if (run?.completedJobs !== undefined && run.totalJobs !== undefined) expect(run.completedJobs).toBeLessThanOrEqual(run.totalJobs);
      }),
      { numRuns: 200 },
    );
  });

  test.each(["deviceFarm:ListRuns", "deviceFarm:ListJobs", "deviceFarm:ListSuites", "deviceFarm:ListTests", "deviceFarm:ListUploads", "deviceFarm:ListArtifacts"] as const)(
    "the items of %s each have their own ARN, under one parent, whatever the seed",
    (id) => {
      const f = factories.operation(id);
      fc.assert(
        fc.property(fc.nat(), (seed) => {
          const output = f.build(undefined, { seed }) as Record<string, unknown>;
          const items = Object.values(output).find(Array.isArray) as { arn?: string }[] | undefined;
          const arns = (items ?? []).map((item) => item.arn).filter((arn): arn is string => arn !== undefined);
          expect(new Set(arns).size).toBe(arns.length);
          // arn:aws:devicefarm:<region>:<account>:<type>:<parents>/<own id>
          const parents = arns.map((arn) => arn.split(":").slice(6).join(":").replace(/\/[^/]+$/, ""));
          expect(new Set(parents).size).toBeLessThanOrEqual(1);
        }),
        { numRuns: 100 },
      );
    },
  );

  test("a Device Farm run's console URL names its project and run, and an upload's URL names the upload, whatever the seed", () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const { run } = factories.operation("deviceFarm:GetRun").build(undefined, { seed });
        const [, project, id] = /:run:([^/]+)\/(.+)$/.exec(run?.arn ?? "") ?? [];
        if (run?.webUrl !== undefined) expect(run.webUrl).toMatch(new RegExp(`/projects/${project}/runs/${id}$`));
        const { upload } = factories.operation("deviceFarm:GetUpload").build(undefined, { seed });
        if (upload?.url !== undefined) expect(upload.url).toContain(encodeURIComponent(upload.arn!).replaceAll("%2F", "/"));
      }),
      { numRuns: 100 },
    );
  });

  test("a Device Farm job runs on a device of the catalogue, is named as its device is, and a run's or job's test type is one its platform runs, whatever the seed", () => {
    const catalogue = factories.deviceFarm.device;
    const models = new Set(Array.from({ length: 200 }, (_, seed) => catalogue.build(undefined, { seed }).model));
    // Appium (and its web tests) and the built-in fuzz test on both; Instrumentation on Android; XCTest on iOS.
    const runs = { ANDROID: /^(APPIUM_[A-Z_]+|BUILTIN_FUZZ|INSTRUMENTATION)$/, IOS: /^(APPIUM_[A-Z_]+|BUILTIN_FUZZ|XCTEST|XCTEST_UI)$/ };
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const { job } = factories.operation("deviceFarm:GetJob").build(undefined, { seed });
        expect(models).toContain(job!.device!.model);
        expect(job!.device!.name).toBe(`${job!.device!.manufacturer} ${job!.device!.model}`);
        expect(job!.name).toBe(job!.device!.name);
        expect(job!.type).toMatch(runs[job!.device!.platform!]);
        const { run } = factories.operation("deviceFarm:GetRun").build(undefined, { seed });
        expect(run!.type).toMatch(runs[run!.platform!]);
        for (const listed of factories.operation("deviceFarm:ListJobs").build(undefined, { seed }).jobs ?? []) if (listed.device) expect(listed.name).toBe(listed.device.name);
      }),
      { numRuns: 100 },
    );
  });

  test("some generated Device Farm jobs run on a private device, some on a public one", () => {
    const fleets = new Set(Array.from({ length: 40 }, (_, seed) => factories.operation("deviceFarm:GetJob").build(undefined, { seed }).job!.device!.fleetType));
    expect([...fleets].sort()).toEqual(["PRIVATE", "PUBLIC"]);
  });

  test("a Device Farm run's result, jobs and fuzz members agree with its status and type; a job's instance, an upload's metadata and category, a pool's rules and an account's timeouts are as AWS has them, whatever the seed", () => {
    const unstarted = ["PENDING", "PENDING_CONCURRENCY", "PENDING_DEVICE", "PROCESSING", "SCHEDULING", "PREPARING"];
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const { runs = [] } = factories.operation("deviceFarm:ListRuns").build(undefined, { seed });
        for (const run of [factories.operation("deviceFarm:GetRun").build(undefined, { seed }).run!, ...runs]) {
          if (run.status === "COMPLETED") expect(run.result).not.toBe("PENDING");
          if (unstarted.includes(run.status!)) expect(run.completedJobs).toBe(0);
          expect(run.completedJobs! <= run.totalJobs! && run.totalJobs! <= 5).toBe(true);
          if (run.type !== "BUILTIN_FUZZ") expect([run.eventCount, run.seed]).toEqual([undefined, undefined]);
        }
        const { job } = factories.operation("deviceFarm:GetJob").build(undefined, { seed });
        // A job on a private device ran on its instance; one on a public device names none.
        expect(job!.instanceArn).toBe(job!.device!.fleetType === "PRIVATE" ? job!.device!.instances![0]!.arn : undefined);
        const { upload } = factories.operation("deviceFarm:GetUpload").build(undefined, { seed });
        if (upload!.type !== "ANDROID_APP") expect(upload!.metadata).toBeUndefined();
        expect(upload!.category).toBe("PRIVATE");
        for (const artifact of factories.operation("deviceFarm:ListArtifacts").build(undefined, { seed }).artifacts ?? []) {
          expect(new URL(artifact.url!).pathname.split("/").at(-1)).toBe(`${artifact.name!.replaceAll(" ", "_")}.${artifact.extension}`);
        }
        for (const rule of factories.operation("deviceFarm:GetDevicePool").build(undefined, { seed }).devicePool!.rules ?? []) {
          expect([rule.attribute, rule.operator, rule.value]).not.toContain(undefined);
        }
        const settings = factories.operation("deviceFarm:GetAccountSettings").build(undefined, { seed }).accountSettings!;
        if (settings.maxJobTimeoutMinutes !== undefined) expect(settings.maxJobTimeoutMinutes).toBeLessThanOrEqual(150);
        if (settings.defaultJobTimeoutMinutes !== undefined && settings.maxJobTimeoutMinutes !== undefined) expect(settings.defaultJobTimeoutMinutes).toBeLessThanOrEqual(settings.maxJobTimeoutMinutes);
      }),
      { numRuns: 100 },
    );
  });

  test("Glue runs, jobs, triggers, workflow runs, databases and schemas hold together as AWS's do, whatever the seed", () => {
    const unfinished = ["STARTING", "RUNNING", "STOPPING", "WAITING"];
    const statistics = ["TimeoutActions", "FailedActions", "StoppedActions", "SucceededActions", "RunningActions", "ErroredActions", "WaitingActions"] as const;
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const run = factories.operation("glue:GetJobRun").build(undefined, { seed }).JobRun!;
        if (unfinished.includes(run.JobRunState!)) expect(run.DPUSeconds).toBeUndefined();
        else expect(run.ExecutionTime).toBeTypeOf("number");
        const job = factories.operation("glue:GetJob").build(undefined, { seed }).Job!;
        if (job.Command!.Name !== "glueray") expect(job.Command!.Runtime).toBeUndefined();
        const trigger = factories.operation("glue:GetTrigger").build(undefined, { seed }).Trigger!;
        expect(trigger.Schedule !== undefined).toBe(trigger.Type === "SCHEDULED");
        expect(trigger.Predicate !== undefined).toBe(trigger.Type === "CONDITIONAL");
        if (trigger.Schedule !== undefined) expect(trigger.Schedule).toMatch(/^cron\(/);
        for (const action of trigger.Actions ?? []) expect(action.JobName !== undefined && action.CrawlerName !== undefined).toBe(false);
        const workflowRun = factories.operation("glue:GetWorkflowRun").build(undefined, { seed }).Run!;
        expect(workflowRun.CompletedOn !== undefined).toBe(!["RUNNING", "STOPPING"].includes(workflowRun.Status!));
        if (workflowRun.ErrorMessage !== undefined) expect(workflowRun.Status).toBe("ERROR");
        expect(workflowRun.WorkflowRunId).toMatch(/^wr_[0-9a-f]{64}$/);
        const stats = workflowRun.Statistics;
        if (stats) expect(stats.TotalActions).toBe(statistics.reduce((sum, k) => sum + (stats[k] ?? 0), 0));
        for (const permission of factories.operation("glue:GetDatabase").build(undefined, { seed }).Database!.CreateTableDefaultPermissions ?? []) {
          expect(permission).toEqual({ Principal: { DataLakePrincipalIdentifier: "IAM_ALLOWED_PRINCIPALS" }, Permissions: ["ALL"] });
        }
        const schema = factories.operation("glue:GetSchema").build(undefined, { seed });
        for (const time of [schema.CreatedTime, schema.UpdatedTime]) if (time !== undefined) expect(new Date(time).toISOString()).toBe(time);
      }),
      { numRuns: 100 },
    );
  });

  test("Deadline tasks, sessions and session actions have the times their status allows, fleets keep their workers within their bounds, and a search names each job, whatever the seed", () => {
    const unstarted = ["PENDING", "READY", "NOT_COMPATIBLE"];
    const ended = ["SUCCEEDED", "FAILED", "CANCELED"];
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const task = factories.operation("deadline:GetTask").build(undefined, { seed });
        if (unstarted.includes(task.runStatus!)) expect([task.startedAt, task.endedAt, task.latestSessionActionId]).toEqual([undefined, undefined, undefined]);
        if (!ended.includes(task.runStatus!)) expect(task.endedAt).toBeUndefined();
        for (const session of factories.operation("deadline:ListSessions").build(undefined, { seed }).sessions ?? []) {
          expect(session.endedAt !== undefined).toBe(session.lifecycleStatus === "ENDED");
        }
        for (const action of factories.operation("deadline:ListSessionActions").build(undefined, { seed }).sessionActions ?? []) {
          if (action.status === "NEVER_ATTEMPTED") expect([action.startedAt, action.endedAt, action.progressPercent]).toEqual([undefined, undefined, undefined]);
          if (action.status === "SUCCEEDED") expect(action.progressPercent).toBe(100);
        }
        const fleet = factories.operation("deadline:GetFleet").build(undefined, { seed });
        for (const count of [fleet.workerCount, fleet.targetWorkerCount]) if (count !== undefined) expect(fleet.minWorkerCount! <= count && count <= fleet.maxWorkerCount!).toBe(true);
        const jobs = factories.operation("deadline:SearchJobs").build(undefined, { seed }).jobs ?? [];
        expect(new Set(jobs.map((job) => job.jobId)).size).toBe(jobs.length);
        for (const job of jobs) expect([job.jobId, job.queueId]).not.toContain(undefined);
        const monitor = factories.operation("deadline:GetMonitor").build(undefined, { seed });
        expect(monitor.url).toMatch(new RegExp(`^https://${monitor.subdomain}\\.[a-z0-9-]+\\.deadlinecloud\\.amazonaws\\.com$`));
      }),
      { numRuns: 100 },
    );
  });

  test("a Glue table's columns and partition keys each have a name of their own, never a numbered copy, whatever the seed", () => {
    const f = factories.operation("glue:GetTable");
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const table = f.build(undefined, { seed }).Table!;
        const names = [...(table.StorageDescriptor?.Columns ?? []), ...(table.PartitionKeys ?? [])].map((c) => c.Name);
        expect(new Set(names).size).toBe(names.length);
        expect(names.filter((n) => /_\d+$/.test(n ?? ""))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  test("a UUID drawn directly is the one uuidOf writes from the same field's 32 hex digits, for any seed and field", () => {
    fc.assert(
      fc.property(fc.nat(), fc.string({ maxLength: 12 }), (seed, field) => {
        const gen = new Gen(seed);
        expect(gen.uuid(field)).toBe(uuidOf(gen.hex(field, 32)));
      }),
      { numRuns: 300 },
    );
  });

  test("a Glue job run that ended has a completion time, and a failed one says why", () => {
    const f = factories.operation("glue:GetJobRun");
    for (let seed = 0; seed < 200; seed++) {
      const { JobRun } = f.build(undefined, { seed });
      if (JobRun?.JobRunState === "RUNNING") expect([JobRun.CompletedOn, JobRun.ErrorMessage]).toEqual([undefined, undefined]);
      if (JobRun?.JobRunState === "FAILED") expect(JobRun.ErrorMessage).toEqual(expect.any(String));
      if (JobRun?.JobRunState === "SUCCEEDED") expect(JobRun.CompletedOn).toBeInstanceOf(Date);
    }
  });
});
