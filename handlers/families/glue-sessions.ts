import type { Session as SessionShape } from "../../src/contracts/glue/shapes.js";
import type { SdkOf } from "../../src/index.js";
import type { Factories } from "../../factories/index.js";
import { hashSeed } from "../../factories/core/random.js";
import { Progress, type Clock, type Phase } from "../clock.js";
import type { SessionStore } from "../store.js";
import type { Answer, Family } from "./family.js";
import { runPython } from "./python.js";
import { pageOf } from "./page.js";

type Session = SdkOf<SessionShape>;
type SessionStatus = NonNullable<Session["Status"]>;
type StatementState = "WAITING" | "RUNNING" | "AVAILABLE" | "CANCELLING" | "CANCELLED" | "ERROR";

/** How long each state lasts: in polls of the resource, or on the clock (Glue's usual durations). */
const PROVISIONING: Phase<SessionStatus> = { state: "PROVISIONING", polls: 2, ms: 25_000 };
const STOPPING: Phase<SessionStatus> = { state: "STOPPING", polls: 1, ms: 8_000 };
const WAITING: Phase<StatementState> = { state: "WAITING", polls: 1, ms: 1_000 };
const RUNNING: Phase<StatementState> = { state: "RUNNING", polls: 2, ms: 3_000 };
const CANCELLING: Phase<StatementState> = { state: "CANCELLING", polls: 1, ms: 1_000 };
const end = <S extends string>(state: S): Phase<S> => ({ state, polls: 0, ms: 0 });

/** DPUs per worker type (Glue's documentation). */
const DPU: Record<string, number> = { Standard: 1, "G.025X": 0.25, "G.1X": 1, "G.2X": 2, "G.4X": 4, "G.8X": 8, "G.12X": 12, "G.16X": 16, "R.1X": 1, "R.2X": 2, "R.4X": 4, "R.8X": 8, "Z.2X": 2 };
/** Glue versions interactive sessions run on. */
const VERSIONS = ["2.0", "3.0", "4.0", "5.0", "5.1"];
/** Worker types that need Glue 4.0 or later. */
const NEWER_WORKERS = new Set(["G.12X", "G.16X", "R.1X", "R.2X", "R.4X", "R.8X"]);
const ENDED: ReadonlySet<string> = new Set(["STOPPING", "STOPPED", "FAILED", "TIMEOUT"]);

/** What a statement ends with: its output text, or an error as Python raised it. */
export type StatementOutcome = { readonly output: string } | { readonly error: { readonly name: string; readonly value: string; readonly traceback?: readonly string[] } };

interface StatementRecord {
  readonly id: number;
  readonly code: string;
  readonly progress: Progress<StatementState>;
  readonly outcome: StatementOutcome;
}

interface SessionRecord {
  /** The family moves this session (created or stopped through the API); else the store's lifecycle does. */
  owned: boolean;
  readonly progress: Progress<SessionStatus>;
  readonly statements: StatementRecord[];
  readonly tags: Record<string, string>;
}

const notFound = (what: string): Answer => ({ error: "EntityNotFoundException", members: { Message: `${what} not found.`, FromFederationSource: false }, missing: true });
const invalid = (message: string): Answer => ({ error: "InvalidInputException", members: { Message: message, FromFederationSource: false } });
/** StopSession and DeleteSession model no EntityNotFoundException: Glue answers an unknown id as invalid input. */
const unknownSession = (id: string): Answer => ({ ...invalid(`Session ${id} not found.`), missing: true });
const illegal = (message: string): Answer => ({ error: "IllegalSessionStateException", members: { Message: message } });

/**
 * Glue interactive sessions and their statements, as Glue runs them: created PROVISIONING, READY a
 * little later, statements WAITING then RUNNING then AVAILABLE (or ERROR), stopped through STOPPING.
 * Sessions added to `mock.glue.sessions` by a test take part too.
 */
export class GlueSessions implements Family {
  readonly service = "glue";
  readonly operations = ["CreateSession", "GetSession", "ListSessions", "StopSession", "DeleteSession", "RunStatement", "GetStatement", "ListStatements", "CancelStatement", "GetSessionEndpoint", "TagResource", "UntagResource", "GetTags"];
  readonly #records = new Map<string, SessionRecord>();
  readonly #planned: StatementOutcome[] = [];

  constructor(
    readonly sessions: SessionStore<SessionShape, SessionStatus>,
    readonly factories: Factories,
    readonly clock: Clock,
    readonly timeOnly: boolean,
    readonly seed: number,
  ) {}

  /**
   * Plans how the next statement run ends (in order): its output, or an error with a traceback.
   * @example mock.glue.planStatement({ error: { name: "ZeroDivisionError", value: "division by zero" } })
   */
  planStatement(outcome: StatementOutcome): void {
    const ok = outcome && typeof outcome === "object" && ("output" in outcome ? typeof outcome.output === "string" : "error" in outcome && typeof outcome.error?.name === "string" && typeof outcome.error.value === "string");
    if (!ok) throw new TypeError(`[aws-sdk-contracts] planStatement takes { output: string } or { error: { name, value, traceback? } }; got ${JSON.stringify(outcome)}.`);
    this.#planned.push(outcome);
  }

  reset(): void {
    this.#records.clear();
    this.#planned.length = 0;
  }

  /** The ARN Glue gives a session: what TagResource and GetTags name it by. */
  arn(id: string, region = "us-west-2"): string {
    return `arn:aws:glue:${region}:${this.#account()}:session/${id}`;
  }

  #account(): string {
    return this.factories.account;
  }

  answer(operation: string, input: Record<string, unknown>): Answer | undefined {
    switch (operation) {
      case "CreateSession":
        return this.#create(input);
      case "GetSession":
        return this.#records.get(String(input.Id))?.owned ? { output: { Session: this.#current(String(input.Id), true) } } : undefined;
      case "ListSessions":
        return this.#list(input);
      case "StopSession":
        return this.#stop(String(input.Id));
      case "DeleteSession":
        return this.#delete(String(input.Id));
      case "RunStatement":
        return this.#run(String(input.SessionId), String(input.Code));
      case "GetStatement":
        return this.#statement(String(input.SessionId), Number(input.Id));
      case "ListStatements":
        return this.#statements(String(input.SessionId));
      case "CancelStatement":
        return this.#cancel(String(input.SessionId), Number(input.Id));
      case "GetSessionEndpoint":
        return this.#endpoint(String(input.SessionId));
      case "TagResource":
      case "UntagResource":
      case "GetTags":
        return this.#tags(operation, input);
      default:
        return undefined;
    }
  }

  #create(input: Record<string, unknown>): Answer {
    const id = String(input.Id);
    if (this.#records.has(id) || this.sessions.get(id)) return { error: "AlreadyExistsException", members: { Message: `Session ${id} already exists.` } };
    const command = (input.Command ?? {}) as { Name?: string; PythonVersion?: string };
    if (command.Name !== undefined && command.Name !== "glueetl" && command.Name !== "gluestreaming") return invalid(`Command name ${command.Name} is not supported for sessions; use glueetl or gluestreaming.`);
    const version = input.GlueVersion === undefined ? "4.0" : String(input.GlueVersion);
    if (!VERSIONS.includes(version)) return invalid(`Glue version ${version} does not support interactive sessions; supported versions are ${VERSIONS.join(", ")}.`);
    const hasType = input.WorkerType !== undefined;
    const hasCount = input.NumberOfWorkers !== undefined;
    if (hasType !== hasCount) return invalid("Please set both WorkerType and NumberOfWorkers.");
    if (hasType && input.MaxCapacity !== undefined) return invalid("Please set either MaxCapacity or WorkerType with NumberOfWorkers, not both.");
    const workerType = hasType ? String(input.WorkerType) : "G.1X";
    const workers = hasCount ? Number(input.NumberOfWorkers) : 5;
    if (workers < 2) return invalid(`NumberOfWorkers must be at least 2 for sessions; got ${workers}.`);
    if (NEWER_WORKERS.has(workerType) && Number(version) < 4) return invalid(`Worker type ${workerType} needs Glue version 4.0 or later; got ${version}.`);
    if (workerType === "Z.2X" || workerType === "G.025X") return invalid(`Worker type ${workerType} is not supported for interactive sessions.`);
    const idle = input.IdleTimeout === undefined ? 2880 : Number(input.IdleTimeout);
    if (input.Timeout !== undefined && idle > Number(input.Timeout)) return invalid(`IdleTimeout (${idle}) must not exceed Timeout (${String(input.Timeout)}).`);
    const now = new Date(this.clock.now());
    const maxCapacity = input.MaxCapacity !== undefined ? Number(input.MaxCapacity) : workers * (DPU[workerType] ?? 1);
    this.sessions.add(
      {
        Id: id,
        Status: "PROVISIONING",
        CreatedOn: now,
        Role: String(input.Role),
        Command: { Name: command.Name ?? "glueetl", PythonVersion: command.PythonVersion ?? "3" },
        GlueVersion: version,
        WorkerType: workerType as never,
        NumberOfWorkers: workers,
        MaxCapacity: maxCapacity,
        IdleTimeout: idle,
        ...(input.Description !== undefined ? { Description: String(input.Description) } : {}),
        ...(input.DefaultArguments !== undefined ? { DefaultArguments: input.DefaultArguments as Record<string, string> } : {}),
        ...(input.Connections !== undefined ? { Connections: input.Connections as never } : {}),
        ...(input.SecurityConfiguration !== undefined ? { SecurityConfiguration: String(input.SecurityConfiguration) } : {}),
        ...(input.SessionType !== undefined ? { SessionType: input.SessionType as never } : {}),
      },
      { seed: hashSeed(this.seed, `session ${id}`) },
    );
    this.#records.set(id, { owned: true, progress: new Progress([PROVISIONING, end("READY")], this.clock, this.timeOnly), statements: [], tags: { ...(input.Tags as Record<string, string> | undefined) } });
    return { output: { Session: this.sessions.get(id) } };
  }

  /** The record of a session: made for a session a test added, from the state it holds now. */
  #record(id: string): SessionRecord | undefined {
    let record = this.#records.get(id);
    if (!record) {
      const stored = this.sessions.get(id);
      if (!stored) return undefined;
      record = { owned: false, progress: new Progress([end(stored.Status ?? "READY")], this.clock, this.timeOnly), statements: [], tags: {} };
      this.#records.set(id, record);
    }
    return record;
  }

  /** The session as it is now (a poll moves a lifecycle on), written back to the store. */
  #current(id: string, poll: boolean): Session {
    const record = this.#records.get(id)!;
    const stored = this.sessions.get(id)!;
    // A session the store moves (added with a lifecycle) is as the store holds it.
    if (!record.owned) return stored;
    const status = record.progress.state(poll);
    if (status === stored.Status) return stored;
    const changes: Record<string, unknown> = { Status: status };
    if (status === "STOPPED") {
      const completed = new Date(record.progress.enteredAt("STOPPED")!);
      const ran = Math.max(0, Math.round((completed.getTime() - (record.progress.enteredAt("READY") ?? stored.CreatedOn!.getTime())) / 1000));
      Object.assign(changes, { CompletedOn: completed, ExecutionTime: ran, DPUSeconds: Math.round(ran * (stored.MaxCapacity ?? 1) * 1000) / 1000 });
    }
    return this.sessions.update(id, changes as never);
  }

  #list(input: Record<string, unknown>): Answer {
    const wanted = Object.entries((input.Tags ?? {}) as Record<string, string>);
    const ids = this.sessions.keys().filter((id) => {
      const tags = this.#record(id)!.tags;
      return wanted.every(([k, v]) => tags[k] === v);
    });
    const page = pageOf(ids, input.MaxResults === undefined ? 1000 : Number(input.MaxResults), input.NextToken);
    if ("invalid" in page) return invalid("The NextToken is not valid.");
    return { output: { Ids: page.items, Sessions: page.items.map((id) => this.#current(id, false)), ...(page.next ? { NextToken: page.next } : {}) } };
  }

  #stop(id: string): Answer {
    let record = this.#record(id);
    if (!record) return unknownSession(id);
    const status = this.#current(id, false).Status!;
    if (ENDED.has(status)) return illegal(`Session ${id} is ${status}; only a PROVISIONING or READY session can be stopped.`);
    if (!record.owned) {
      // From here on the family moves it: its lifecycle starts from the state the store holds now.
      this.#records.set(id, (record = { ...record, owned: true, progress: new Progress([end(status)], this.clock, this.timeOnly) }));
    }
    record.progress.then([STOPPING, end("STOPPED")]);
    this.#current(id, false);
    return { output: { Id: id } };
  }

  #delete(id: string): Answer {
    if (!this.#record(id)) return unknownSession(id);
    const status = this.#current(id, false).Status!;
    if (status === "PROVISIONING") return illegal(`Session ${id} is PROVISIONING; stop it or wait until it is READY before deleting it.`);
    this.#records.delete(id);
    this.sessions.remove(id);
    return { output: { Id: id } };
  }

  /** The session a statement call names, READY (else the error Glue answers). */
  #ready(id: string, action: string): { record: SessionRecord } | { answer: Answer } {
    const record = this.#record(id);
    if (!record) return { answer: notFound(`Session ${id}`) };
    const status = this.#current(id, false).Status!;
    if (status !== "READY") return { answer: illegal(`Session ${id} is ${status}; ${action} needs a READY session.`) };
    return { record };
  }

  #run(sessionId: string, code: string): Answer {
    const found = this.#ready(sessionId, "RunStatement");
    if ("answer" in found) return found.answer;
    const id = found.record.statements.length;
    const outcome = this.#planned.shift() ?? outcomeOf(code);
    const last: StatementState = "error" in outcome ? "ERROR" : "AVAILABLE";
    found.record.statements.push({ id, code, outcome, progress: new Progress([WAITING, RUNNING, end(last)], this.clock, this.timeOnly) });
    return { output: { Id: id } };
  }

  #find(sessionId: string, id: number): { statement: StatementRecord } | { answer: Answer } {
    const record = this.#record(sessionId);
    if (!record) return { answer: notFound(`Session ${sessionId}`) };
    const statement = record.statements[id];
    return statement ? { statement } : { answer: notFound(`Statement ${id} of session ${sessionId}`) };
  }

  #statement(sessionId: string, id: number): Answer {
    const found = this.#find(sessionId, id);
    return "answer" in found ? found.answer : { output: { Statement: view(found.statement, true) } };
  }

  #statements(sessionId: string): Answer {
    const record = this.#record(sessionId);
    if (!record) return notFound(`Session ${sessionId}`);
    return { output: { Statements: record.statements.map((s) => view(s, false)) } };
  }

  #cancel(sessionId: string, id: number): Answer {
    const found = this.#find(sessionId, id);
    if ("answer" in found) return found.answer;
    const state = found.statement.progress.state();
    if (state !== "WAITING" && state !== "RUNNING") return illegal(`Statement ${id} is ${state}; only a WAITING or RUNNING statement can be cancelled.`);
    found.statement.progress.then([CANCELLING, end("CANCELLED")]);
    return { output: {} };
  }

  #endpoint(sessionId: string): Answer {
    const found = this.#ready(sessionId, "GetSessionEndpoint");
    if ("answer" in found) return found.answer;
    if (this.sessions.get(sessionId)!.SessionType !== "SPARK_CONNECT") return { error: "OperationNotSupportedException", members: { Message: `Session ${sessionId} is a LIVY session; endpoints belong to SPARK_CONNECT sessions.` } };
    return { output: this.factories.operation("glue:GetSessionEndpoint").build(undefined, { seed: hashSeed(this.seed, sessionId) }) };
  }

  #tags(operation: string, input: Record<string, unknown>): Answer | undefined {
    const m = /^arn:aws[^:]*:glue:[^:]*:[^:]*:session\/(.+)$/.exec(String(input.ResourceArn));
    if (!m) return undefined;
    const record = this.#record(m[1]!);
    if (!record) return notFound(`Session ${m[1]}`);
    if (operation === "TagResource") Object.assign(record.tags, input.TagsToAdd);
    if (operation === "UntagResource") for (const k of (input.TagsToRemove ?? []) as string[]) delete record.tags[k];
    return { output: operation === "GetTags" ? { Tags: { ...record.tags } } : {} };
  }
}

/**
 * What code without a planned outcome gives: Python's error for a `raise`; for simple statements (literals,
 * arithmetic, names, `print`) what Python prints, the last expression's value as the REPL shows it; else
 * the text of each `print` of a literal, or nothing.
 */
function outcomeOf(code: string): StatementOutcome {
  const raised = /^\s*raise\s+([A-Za-z_][\w.]*)\s*(?:\(\s*(?:(['"])(.*?)\2)?\s*\))?/m.exec(code);
  if (raised) return { error: { name: raised[1]!, value: raised[3] ?? "" } };
  const ran = runPython(code);
  if (ran && "error" in ran) return { error: { name: ran.error.type, value: ran.error.value } };
  if (ran) return { output: ran.output };
  const printed = [...code.matchAll(/print\(\s*(['"])(.*?)\1\s*\)/g)].map((m) => m[2]);
  return { output: printed.length ? `${printed.join("\n")}\n` : "" };
}

/** A statement as GetStatement writes it (a poll moves it on). */
function view(s: StatementRecord, poll: boolean) {
  const state = s.progress.state(poll);
  const started = s.progress.enteredAt("RUNNING");
  const done = state === "AVAILABLE" || state === "ERROR" || state === "CANCELLED";
  const completed = done ? s.progress.enteredAt(state) : undefined;
  const output = !done
    ? undefined
    : "error" in s.outcome && state === "ERROR"
      ? {
          Status: "ERROR" as const,
          ExecutionCount: s.id + 1,
          ErrorName: s.outcome.error.name,
          ErrorValue: s.outcome.error.value,
          Traceback: [...(s.outcome.error.traceback ?? ["Traceback (most recent call last):\n", '  File "<stdin>", line 1, in <module>\n', `${s.outcome.error.name}: ${s.outcome.error.value}\n`])],
        }
      : { Status: state, ExecutionCount: s.id + 1, Data: { TextPlain: "output" in s.outcome ? s.outcome.output : "" } };
  return {
    Id: s.id,
    Code: s.code,
    State: state,
    Progress: done ? 1 : state === "RUNNING" ? 0.5 : 0,
    ...(started !== undefined ? { StartedOn: started } : {}),
    ...(completed !== undefined ? { CompletedOn: completed } : {}),
    ...(output ? { Output: output } : {}),
  };
}
