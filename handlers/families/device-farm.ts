import type { Device, RemoteAccessSession, TestGridSession } from "../../src/contracts/device-farm/shapes.js";
import type { SdkOf } from "../../src/index.js";
import type { Factories } from "../../factories/index.js";
import { hashSeed, hex32, uuidOf } from "../../factories/core/random.js";
import { CATALOG_MODELS } from "../../factories/device-farm.js";
import { Progress, type Clock, type Phase } from "../clock.js";
import type { ResourceEngine } from "../engine.js";
import type { SessionStore } from "../store.js";
import type { Answer, Family } from "./family.js";
import { pageOf } from "./page.js";

type Remote = SdkOf<RemoteAccessSession>;
type RemoteStatus = NonNullable<Remote["status"]>;
type Grid = SdkOf<TestGridSession>;
type Rec = Record<string, unknown>;

/** Device Farm's usual durations: a device is found, prepared (apps installed), then the session runs. */
const PENDING: Phase<RemoteStatus> = { state: "PENDING", polls: 1, ms: 20_000 };
const PREPARING: Phase<RemoteStatus> = { state: "PREPARING", polls: 2, ms: 60_000 };
const STOPPING: Phase<RemoteStatus> = { state: "STOPPING", polls: 1, ms: 15_000 };
const last = (state: RemoteStatus): Phase<RemoteStatus> => ({ state, polls: 0, ms: 0 });

const notFound = (what: string): Answer => ({ error: "NotFoundException", members: { message: `${what} was not found.` }, missing: true });
const argument = (message: string): Answer => ({ error: "ArgumentException", members: { message } });

const projectIdOf = (arn: string) => /:(?:project|testgrid-project):([0-9a-f-]{36})$/.exec(arn)?.[1];

/**
 * Device Farm's projects, devices, remote access sessions and Selenium test grids: a remote access
 * session goes PENDING, PREPARING, RUNNING on a device of the catalogue and is stopped through
 * STOPPING to COMPLETED with minutes billed; test grid sessions open in a project as a browser opens them.
 */
export class DeviceFarmFamily implements Family {
  readonly service = "deviceFarm";
  readonly operations = [
    ...["CreateProject", "ListDevices", "GetDevice", "ListArtifacts", "GetDevicePoolCompatibility"],
    ...["CreateRemoteAccessSession", "GetRemoteAccessSession", "StopRemoteAccessSession", "ListRemoteAccessSessions", "DeleteRemoteAccessSession"],
    ...["CreateTestGridProject", "DeleteTestGridProject", "CreateTestGridUrl", "ListTestGridSessions", "ListTestGridSessionActions", "ListTestGridSessionArtifacts"],
  ];
  readonly #progress = new Map<string, Progress<RemoteStatus>>();
  /** Sessions the family moves (created or stopped through the API); the store's lifecycle moves the others. */
  readonly #owned = new Set<string>();
  #devices: SdkOf<Device>[] | undefined;
  #counter = 0;

  constructor(
    readonly remoteAccessSessions: SessionStore<RemoteAccessSession, RemoteStatus>,
    readonly testGridSessions: SessionStore<TestGridSession, NonNullable<Grid["status"]>>,
    readonly factories: Factories,
    readonly clock: Clock,
    readonly timeOnly: boolean,
    readonly seed: number,
    readonly engine: ResourceEngine,
  ) {
    engine.onCreate("deviceFarm", "Run", (run, _, input) => this.#schedule(run, input));
    engine.derive("deviceFarm", "Run", (run) => this.#runCounts(run));
    for (const kind of ["Job", "Suite", "Test"] as const) engine.derive("deviceFarm", kind, (entity) => this.#follow(entity));
  }

  /** Runs scheduled through the API: how many jobs and tests each has (one job per device, SUITES per job). */
  readonly #runs = new Map<string, { readonly jobs: number }>();

  /**
   * ScheduleRun: one job per device the pool's rules select from the catalogue (up to its `maxDevices`), each with
   * its setup, tests and teardown suites and one test in each, under the run's ARN as Device Farm writes them
   * (`job:<project>/<run>/00000`, `suite:…/00000/00000`, `test:…/00000/00000/00000`).
   */
  #schedule(run: Rec, input: Rec): void {
    const pool = typeof input.devicePoolArn === "string" ? this.engine.get("deviceFarm", "DevicePool", { arn: input.devicePoolArn }) : undefined;
    const platform = run.platform as string | undefined;
    let devices = this.devices().filter((d) => (pool ? selects(d, (pool.rules as Rec[] | undefined) ?? []) : platform === undefined || d.platform === platform));
    devices = devices.slice(0, Number(pool?.maxDevices ?? (pool ? devices.length : 3)));
    const arn = String(run.arn);
    const path = arn.slice(arn.indexOf(":run:") + 5);
    const at = (type: string, ...n: number[]) => this.#arn(type, [path, ...n.map((i) => String(i).padStart(5, "0"))].join("/"));
    devices.forEach((device, j) => {
      this.engine.keep("deviceFarm", "Job", { arn: at("job", j) }, { arn: at("job", j), name: device.name, type: run.type, created: run.created, device });
      SUITES.forEach((suite, k) => {
        this.engine.keep("deviceFarm", "Suite", { arn: at("suite", j, k) }, { arn: at("suite", j, k), name: suite.name, type: run.type, created: run.created });
        this.engine.keep("deviceFarm", "Test", { arn: at("test", j, k, 0) }, { arn: at("test", j, k, 0), name: suite.test, type: run.type, created: run.created });
      });
    });
    this.#runs.set(arn, { jobs: devices.length });
  }

  /**
   * GetDevicePoolCompatibility: the devices of the catalogue the pool's rules select, compatible with the app the
   * request names when they run its platform (an ANDROID_APP on Android devices), incompatible otherwise, with why.
   */
  #compatibility(input: Rec): Answer {
    const pool = this.engine.get("deviceFarm", "DevicePool", { arn: input.devicePoolArn });
    if (!pool) return notFound(`Device pool ${String(input.devicePoolArn)}`);
    const app = typeof input.appArn === "string" ? this.engine.get("deviceFarm", "Upload", { arn: input.appArn }) : undefined;
    const platform = /^(ANDROID|IOS)_APP$/.exec(String(app?.type ?? ""))?.[1];
    const devices = this.devices().filter((d) => selects(d, (pool.rules as Rec[] | undefined) ?? []));
    const fits = (d: SdkOf<Device>) => platform === undefined || d.platform === platform;
    return {
      output: {
        compatibleDevices: devices.filter(fits).map((device) => ({ device, compatible: true })),
        incompatibleDevices: devices.filter((d) => !fits(d)).map((device) => ({ device, compatible: false, incompatibilityMessages: [{ type: "PLATFORM", message: `The device runs ${device.platform}; the app is an ${String(app!.type)}.` }] })),
      },
    };
  }

  /** ListArtifacts of a run, job, suite or test: each finished job's files of the category asked, with presigned-looking URLs. */
  #artifacts(input: Rec): Answer | undefined {
    const m = /^arn:[^:]+:devicefarm:[^:]*:[^:]*:(run|job|suite|test):(.+)$/.exec(String(input.arn));
    const path = m?.[2];
    const jobs = path ? this.engine.all("deviceFarm", "Job").filter((j) => `${String(j.entity.arn).split(":job:")[1]}/`.startsWith(`${path.split("/").slice(0, m![1] === "run" ? 2 : 3).join("/")}/`)) : [];
    if (jobs.length === 0) return this.engine.get("deviceFarm", "Run", { arn: input.arn }) ? { output: { artifacts: [] } } : notFound(`Artifacts of ${String(input.arn)}`);
    const artifacts = jobs
      .filter((j) => j.entity.status === "COMPLETED")
      .flatMap((j) => {
        const [project, run, job] = String(j.entity.arn).split(":job:")[1]!.split("/");
        return (ARTIFACTS[String(input.type)] ?? []).map((a, k) => ({
          arn: this.#arn("artifact", `${project}/${run}/${job}/00000/00000/${String(k).padStart(5, "0")}`),
          name: a.name,
          type: a.type,
          extension: a.extension,
          url: `https://prod-us-west-2-results.s3.dualstack.us-west-2.amazonaws.com/${this.#account()}/${project}/${run}/${job}/${a.name.replaceAll(" ", "_")}.${a.extension}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=86400&X-Amz-SignedHeaders=host`,
        }));
      });
    return this.#page(artifacts, input, "artifacts");
  }

  /** A run's counters and jobs: every test of every job, as far as the run has got. */
  #runCounts(run: Rec): Rec {
    const scheduled = this.#runs.get(String(run.arn));
    if (!scheduled) return {};
    const done = run.status === "COMPLETED";
    return { totalJobs: scheduled.jobs, completedJobs: done ? scheduled.jobs : 0, counters: counters(scheduled.jobs * SUITES.length, done ? (run.result as string | undefined) : undefined) };
  }

  /** A job, suite or test moves with its run: its status, times, result and counters. */
  #follow(entity: Rec): Rec {
    const m = /^(arn:[^:]+:devicefarm:[^:]*:[^:]*:)(job|suite|test):([^/]+\/[^/]+)\/(.*)$/.exec(String(entity.arn));
    const run = m ? this.engine.get("deviceFarm", "Run", { arn: `${m[1]}run:${m[3]}` }) : undefined;
    if (!m || !run) return {};
    const done = run.status === "COMPLETED";
    const tests = m[2] === "job" ? SUITES.length : 1;
    return { status: run.status, started: run.started, stopped: run.stopped, result: done ? run.result : undefined, counters: counters(tests, done ? (run.result as string | undefined) : undefined) };
  }

  #project(arn: unknown): Rec | undefined {
    return this.engine.get("deviceFarm", "Project", { arn });
  }

  #gridProject(arn: unknown): Rec | undefined {
    return this.engine.get("deviceFarm", "TestGridProject", { projectArn: arn });
  }

  reset(): void {
    this.#progress.clear();
    this.#owned.clear();
    this.#runs.clear();
    this.#counter = 0;
  }

  #account(): string {
    return this.factories.account;
  }

  #uuid(): string {
    return uuidOf(hex32(this.seed, `uuid${this.#counter++}.`));
  }

  #arn(type: string, path: string): string {
    return `arn:aws:devicefarm:us-west-2:${this.#account()}:${type}:${path}`;
  }

  /** The public device catalogue: the same devices for the same seed. */
  devices(): SdkOf<Device>[] {
    // Each model and OS version once (a fleet lists a device once); not every device takes remote access.
    return (this.#devices ??= CATALOG_MODELS.map(({ model, os }, i) =>
      this.factories.deviceFarm.device.build({ remoteAccessEnabled: i % 4 !== 3 }, { seed: hashSeed(this.seed, `device ${i}`), params: { model, os } }),
    ));
  }

  /** The projects and test grid projects, as GetProject and GetTestGridProject answer them. */
  projects(): { projects: Rec[]; testGridProjects: Rec[] } {
    this.#adoptProjects();
    return { projects: this.engine.all("deviceFarm", "Project").map((e) => e.entity), testGridProjects: this.engine.all("deviceFarm", "TestGridProject").map((e) => e.entity) };
  }

  /** Sessions a test added (or a state file) bring their project: it exists, and lists them. */
  #adoptProjects(): void {
    for (const arn of this.remoteAccessSessions.keys()) {
      const m = /^arn:aws:devicefarm:([^:]*):([^:]*):session:([0-9a-f-]{36})\//.exec(arn);
      const project = m && `arn:aws:devicefarm:${m[1]}:${m[2]}:project:${m[3]}`;
      if (project && !this.#project(project)) this.engine.keep("deviceFarm", "Project", { arn: project }, { arn: project, name: `project ${m[3]!.slice(0, 8)}`, defaultJobTimeoutMinutes: 150, created: this.remoteAccessSessions.get(arn)!.created });
    }
    for (const arn of this.testGridSessions.keys()) {
      const m = /^arn:aws:devicefarm:([^:]*):([^:]*):testgrid-session:([0-9a-f-]{36})\//.exec(arn);
      const project = m && `arn:aws:devicefarm:${m[1]}:${m[2]}:testgrid-project:${m[3]}`;
      if (project && !this.#gridProject(project)) this.engine.keep("deviceFarm", "TestGridProject", { projectArn: project }, { arn: project, name: `grid ${m[3]!.slice(0, 8)}`, created: this.testGridSessions.get(arn)!.created });
    }
  }

  answer(operation: string, input: Rec): Answer | undefined {
    this.#adoptProjects();
    switch (operation) {
      case "CreateProject":
        return this.#createProject(input);
      case "ListArtifacts":
        return this.#artifacts(input);
      case "GetDevicePoolCompatibility":
        return this.#compatibility(input);
      case "ListDevices":
        return { output: { devices: this.devices().filter((d) => matches(d, input.filters as Rec[] | undefined)) } };
      case "GetDevice": {
        const device = this.devices().find((d) => d.arn === input.arn);
        return device ? { output: { device } } : notFound(`Device ${String(input.arn)}`);
      }
      case "CreateRemoteAccessSession":
        return this.#createRemote(input);
      case "GetRemoteAccessSession":
        return this.#owned.has(String(input.arn)) ? { output: { remoteAccessSession: this.#remote(String(input.arn), true) } } : undefined;
      case "StopRemoteAccessSession":
        return this.#stopRemote(String(input.arn));
      case "ListRemoteAccessSessions":
        return this.#listRemote(String(input.arn));
      case "DeleteRemoteAccessSession":
        return this.#deleteRemote(String(input.arn));
      case "CreateTestGridProject":
        return this.#createGridProject(input);
      case "DeleteTestGridProject":
        return this.#deleteGridProject(String(input.projectArn));
      case "CreateTestGridUrl":
        return this.#url(input);
      case "ListTestGridSessions":
        return this.#listGrid(input);
      case "ListTestGridSessionActions":
      case "ListTestGridSessionArtifacts":
        return this.#gridDetails(operation, input);
      default:
        return undefined;
    }
  }

  #page(items: readonly unknown[], input: Rec, member: string): Answer {
    const page = pageOf(items, input.maxResult === undefined ? 50 : Number(input.maxResult), input.nextToken);
    if ("invalid" in page) return argument("The nextToken is not valid.");
    return { output: { [member]: page.items, ...(page.next ? { nextToken: page.next } : {}) } };
  }

  #createProject(input: Rec): Answer {
    const project: Rec = {
      arn: this.#arn("project", this.#uuid()),
      name: input.name,
      defaultJobTimeoutMinutes: input.defaultJobTimeoutMinutes ?? 150,
      created: new Date(this.clock.now()),
      ...(input.vpcConfig ? { vpcConfig: input.vpcConfig } : {}),
      ...(input.environmentVariables ? { environmentVariables: input.environmentVariables } : {}),
      ...(input.executionRoleArn ? { executionRoleArn: input.executionRoleArn } : {}),
    };
    this.engine.keep("deviceFarm", "Project", { arn: project.arn }, project);
    return { output: { project } };
  }

  #createRemote(input: Rec): Answer {
    const project = this.#project(input.projectArn);
    if (!project) return notFound(`Project ${String(input.projectArn)}`);
    const device = this.devices().find((d) => d.arn === input.deviceArn);
    if (!device) return notFound(`Device ${String(input.deviceArn)}`);
    if (!device.remoteAccessEnabled) return argument(`Device ${device.name} does not support remote access.`);
    const arn = this.#arn("session", `${projectIdOf(String(project.arn))}/${this.#uuid()}/00000`);
    this.remoteAccessSessions.add(
      {
        arn,
        name: (input.name as string | undefined) ?? device.name!,
        status: "PENDING",
        created: new Date(this.clock.now()),
        device,
        billingMethod: (input.configuration as Rec | undefined)?.billingMethod === "UNMETERED" ? "UNMETERED" : "METERED",
        ...(input.interactionMode ? { interactionMode: input.interactionMode as never } : {}),
        skipAppResign: input.skipAppResign === true,
      },
      { seed: hashSeed(this.seed, arn) },
    );
    this.#progress.set(arn, new Progress([PENDING, PREPARING, last("RUNNING")], this.clock, this.timeOnly));
    this.#owned.add(arn);
    return { output: { remoteAccessSession: this.#remote(arn, false) } };
  }

  /** The session as it is now (a poll moves it on), with its times and minutes as the state gives them. */
  #remote(arn: string, poll: boolean): Remote {
    const progress = this.#progress.get(arn)!;
    const stored = this.remoteAccessSessions.get(arn)!;
    if (!this.#owned.has(arn)) return stored;
    const status = progress.state(poll);
    if (status === stored.status && status !== "RUNNING") return stored;
    const started = progress.enteredAt("RUNNING");
    const stopped = status === "COMPLETED" ? progress.enteredAt("COMPLETED") : undefined;
    const ran = started === undefined ? 0 : ((stopped ?? this.clock.now()) - started) / 60_000;
    // Device Farm bills whole minutes of a device, by the session's billing method.
    const total = Math.ceil(ran);
    const minutes = stored.billingMethod === "UNMETERED" ? { total, metered: 0, unmetered: total } : { total, metered: total, unmetered: 0 };
    // A session stopped before it ran used no device time: nothing is billed.
    const changes: Rec = { status, ...(started !== undefined ? { started: new Date(started), deviceMinutes: minutes } : status === "COMPLETED" ? { deviceMinutes: { total: 0, metered: 0, unmetered: 0 } } : {}) };
    if (status === "COMPLETED") Object.assign(changes, { stopped: new Date(stopped!), result: "STOPPED", message: "Session was stopped by the user." });
    if (status === stored.status && JSON.stringify(stored.deviceMinutes) === JSON.stringify(minutes)) return stored;
    return this.remoteAccessSessions.update(arn, changes as never);
  }

  /** A session of the store (one a test added) gets a lifecycle from the state it holds now. */
  #adopt(arn: string): boolean {
    if (this.#progress.has(arn)) return true;
    const stored = this.remoteAccessSessions.get(arn);
    if (!stored) return false;
    this.#progress.set(arn, new Progress([last(stored.status ?? "RUNNING")], this.clock, this.timeOnly));
    return true;
  }

  #stopRemote(arn: string): Answer {
    if (!this.#adopt(arn)) return notFound(`Remote access session ${arn}`);
    const status = this.#remote(arn, false).status!;
    if (status === "COMPLETED" || status === "STOPPING") return argument(`Remote access session ${arn} is ${status}; it cannot be stopped again.`);
    if (!this.#owned.has(arn)) {
      // From here on the family moves it, from the state the store holds now.
      this.#progress.set(arn, new Progress([last(status)], this.clock, this.timeOnly));
      this.#owned.add(arn);
    }
    this.#progress.get(arn)!.then([STOPPING, last("COMPLETED")]);
    return { output: { remoteAccessSession: this.#remote(arn, false) } };
  }

  #listRemote(projectArn: string): Answer {
    const project = this.#project(projectArn);
    if (!project) return notFound(`Project ${projectArn}`);
    const id = projectIdOf(projectArn)!;
    const sessions = this.remoteAccessSessions.keys().filter((arn) => arn.includes(`:session:${id}/`)).map((arn) => (this.#adopt(arn), this.#remote(arn, false)));
    return { output: { remoteAccessSessions: sessions } };
  }

  #deleteRemote(arn: string): Answer {
    if (!this.#adopt(arn)) return notFound(`Remote access session ${arn}`);
    const status = this.#remote(arn, false).status!;
    if (status !== "COMPLETED") return argument(`Remote access session ${arn} is ${status}; stop it before deleting it.`);
    this.remoteAccessSessions.remove(arn);
    this.#progress.delete(arn);
    this.#owned.delete(arn);
    return { output: {} };
  }

  #createGridProject(input: Rec): Answer {
    const project: Rec = {
      arn: this.#arn("testgrid-project", this.#uuid()),
      name: input.name,
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.vpcConfig ? { vpcConfig: input.vpcConfig } : {}),
      created: new Date(this.clock.now()),
    };
    this.engine.keep("deviceFarm", "TestGridProject", { projectArn: project.arn }, project);
    return { output: { testGridProject: project } };
  }

  #gridSessions(projectArn: string): Grid[] {
    const id = projectIdOf(projectArn);
    return this.testGridSessions.list().filter((s) => s.arn?.includes(`:testgrid-session:${id}/`));
  }

  #deleteGridProject(projectArn: string): Answer {
    if (!this.#gridProject(projectArn)) return notFound(`Test grid project ${projectArn}`);
    if (this.#gridSessions(projectArn).some((s) => s.status === "ACTIVE")) return { error: "CannotDeleteException", members: { message: `Test grid project ${projectArn} has active sessions.` } };
    this.engine.remove("deviceFarm", "TestGridProject", { projectArn });
    return { output: {} };
  }

  #url(input: Rec): Answer {
    const projectArn = String(input.projectArn);
    if (!this.#gridProject(projectArn)) return notFound(`Test grid project ${projectArn}`);
    const seconds = Number(input.expiresInSeconds);
    const token = [0, 1, 2, 3, 4, 5].map((i) => hashSeed(this.seed, `${projectArn} url ${this.#counter} ${i}`).toString(36)).join("");
    this.#counter++;
    return { output: { url: `https://testgrid-devicefarm.us-west-2.amazonaws.com/AQIC${token}/wd/hub`, expires: new Date(this.clock.now() + seconds * 1000) } };
  }

  /**
   * Opens a Selenium session in a test grid project, as a browser does with the project's URL.
   * @example mock.deviceFarm.openTestGridSession(projectArn, { browser: "firefox" })
   */
  openTestGridSession(projectArn: string, { browser = "chrome" }: { browser?: "chrome" | "firefox" | "MicrosoftEdge" } = {}): Grid {
    if (!this.#gridProject(projectArn)) throw new Error(`[aws-sdk-contracts] Failed to open a test grid session: no test grid project ${projectArn} in this mock; create it first.`);
    const arn = this.#arn("testgrid-session", `${projectIdOf(projectArn)}/${this.#uuid().replaceAll("-", "")}`);
    const stored = this.testGridSessions.add({ arn, status: "ACTIVE", created: new Date(this.clock.now()) }, { seed: hashSeed(this.seed, arn) });
    // The browser the session was opened with is what Selenium reports as its capabilities.
    return this.testGridSessions.update(arn, { seleniumProperties: stored.seleniumProperties!.replace(/"browserName":"[^"]*"/, `"browserName":"${browser}"`) } as never);
  }

  /** Ends a test grid session, as the browser's WebDriver `quit()` does: CLOSED, with its minutes billed. */
  closeTestGridSession(arn: string): Grid {
    const stored = this.testGridSessions.get(arn);
    if (!stored) throw new Error(`[aws-sdk-contracts] Failed to close a test grid session: no session ${arn}.`);
    const ended = new Date(Math.max(this.clock.now(), stored.created!.getTime() + 60_000));
    return this.testGridSessions.update(arn, { status: "CLOSED", ended, billingMinutes: Math.ceil((ended.getTime() - stored.created!.getTime()) / 60_000) } as never);
  }

  #listGrid(input: Rec): Answer {
    const projectArn = String(input.projectArn);
    if (!this.#gridProject(projectArn)) return notFound(`Test grid project ${projectArn}`);
    const t = (k: string) => (input[k] === undefined ? undefined : Date.parse(String(input[k])) || Number(input[k]) * 1000);
    const sessions = this.#gridSessions(projectArn).filter((s) => {
      const created = s.created!.getTime();
      const ended = s.ended?.getTime();
      return (
        (input.status === undefined || s.status === input.status) &&
        (t("creationTimeAfter") === undefined || created >= t("creationTimeAfter")!) &&
        (t("creationTimeBefore") === undefined || created <= t("creationTimeBefore")!) &&
        (t("endTimeAfter") === undefined || (ended !== undefined && ended >= t("endTimeAfter")!)) &&
        (t("endTimeBefore") === undefined || (ended !== undefined && ended <= t("endTimeBefore")!))
      );
    });
    return this.#page(sessions, input, "testGridSessions");
  }

  #gridDetails(operation: string, input: Rec): Answer {
    const session = this.testGridSessions.get(String(input.sessionArn));
    if (!session) return notFound(`Test grid session ${String(input.sessionArn)}`);
    if (operation === "ListTestGridSessionActions") return this.#page(actionsOf(session), input, "actions");
    // Artifacts exist once the session has closed: the video and the Selenium log.
    const id = session.arn!.split("/").pop()!;
    const base = `https://prod-us-west-2-testgrid.s3-us-west-2.amazonaws.com/${this.#account()}/${id}`;
    const all = session.status === "ACTIVE" ? [] : [
      { filename: "video.mp4", type: "VIDEO", url: `${base}/video.mp4` },
      { filename: "selenium-server.log", type: "SELENIUM_LOG", url: `${base}/selenium-server.log` },
    ];
    const wanted = input.type === "VIDEO" ? "VIDEO" : input.type === "LOG" ? "SELENIUM_LOG" : undefined;
    return this.#page(all.filter((a) => wanted === undefined || a.type === wanted), input, "artifacts");
  }
}

/** The WebDriver commands a session's browser sent: opened, navigated, found and clicked, and quit once closed. */
function actionsOf(session: Grid): Rec[] {
  const start = session.created!.getTime();
  const steps: [string, string, number][] = [
    ["newSession", "POST", 4_200],
    ["navigateTo", "POST", 1_300],
    ["findElement", "POST", 90],
    ["elementClick", "POST", 240],
    ["takeScreenshot", "GET", 410],
    ...(session.status === "ACTIVE" ? [] : ([["deleteSession", "DELETE", 800]] as [string, string, number][])),
  ];
  let at = start;
  return steps.map(([action, requestMethod, duration]) => {
    const out = { action, started: new Date(at), duration, statusCode: "200", requestMethod };
    at += duration + 500;
    return out;
  });
}

/** Whether a device passes ListDevices filters (EQUALS, IN and NOT_IN over the attributes a device has). */
/** The suites of a job as Device Farm reports them: a setup, the tests, a teardown; one test in each. */
const SUITES: readonly { name: string; test: string }[] = [
  { name: "Setup Suite", test: "Setup Test" },
  { name: "Tests Suite", test: "Tests" },
  { name: "Teardown Suite", test: "Teardown Test" },
];

/** The files a finished job leaves, by the category ListArtifacts asks for. */
const ARTIFACTS: Readonly<Record<string, readonly { name: string; type: string; extension: string }[]>> = {
  LOG: [
    { name: "Logcat", type: "DEVICE_LOG", extension: "logcat" },
    { name: "TestSpec Output", type: "TESTSPEC_OUTPUT", extension: "txt" },
  ],
  FILE: [
    { name: "Video", type: "VIDEO", extension: "mp4" },
    { name: "Customer Artifacts", type: "CUSTOMER_ARTIFACT", extension: "zip" },
  ],
  SCREENSHOT: [],
};

/** Counters of `total` tests: none counted yet while the run goes, all of them under its result once it has one. */
function counters(total: number, result: string | undefined): Rec {
  const by = { PASSED: "passed", FAILED: "failed", WARNED: "warned", ERRORED: "errored", STOPPED: "stopped", SKIPPED: "skipped" } as Record<string, string>;
  const c: Rec = { total, passed: 0, failed: 0, warned: 0, errored: 0, stopped: 0, skipped: 0 };
  if (result && by[result]) c[by[result]!] = total;
  return c;
}

/**
 * Whether a device pool's rules select a device: each rule's attribute against its JSON-encoded value
 * (`"ANDROID"`, `["Pixel 8","Galaxy S24"]`), with EQUALS, IN, NOT_IN, CONTAINS, LESS_THAN and GREATER_THAN.
 */
function selects(device: SdkOf<Device>, rules: readonly Rec[]): boolean {
  return rules.every((rule) => {
    const read = ATTRIBUTES[String(rule.attribute)];
    if (!read) return true;
    const actual = String(read(device));
    let value: unknown;
    try {
      value = JSON.parse(String(rule.value));
    } catch {
      value = String(rule.value);
    }
    const values = (Array.isArray(value) ? value : [value]).map(String);
    const number = (v: string) => Number.parseFloat(v);
    switch (rule.operator) {
      case "EQUALS":
      case "IN":
        return values.includes(actual);
      case "NOT_IN":
        return !values.includes(actual);
      case "CONTAINS":
        return values.some((v) => actual.includes(v));
      case "LESS_THAN":
        return number(actual) < number(values[0]!);
      case "GREATER_THAN":
        return number(actual) > number(values[0]!);
      default:
        return true;
    }
  });
}

const ATTRIBUTES: Record<string, (d: SdkOf<Device>) => unknown> = {
  ARN: (d) => d.arn,
  PLATFORM: (d) => d.platform,
  OS_VERSION: (d) => d.os,
  MODEL: (d) => d.model,
  AVAILABILITY: (d) => d.availability,
  FORM_FACTOR: (d) => d.formFactor,
  MANUFACTURER: (d) => d.manufacturer,
  REMOTE_ACCESS_ENABLED: (d) => String(d.remoteAccessEnabled),
  FLEET_TYPE: (d) => d.fleetType,
};

function matches(device: SdkOf<Device>, filters: Rec[] | undefined): boolean {
  return (filters ?? []).every((f) => {
    const read = ATTRIBUTES[String(f.attribute)];
    if (!read) return true;
    const value = String(read(device));
    const values = ((f.values ?? []) as string[]).map(String);
    if (f.operator === "NOT_IN") return !values.includes(value);
    return values.includes(value);
  });
}
