import {
  CreateSessionCommand,
  DeleteSessionCommand,
  GetSessionCommand,
  GetStatementCommand,
  IllegalSessionStateException,
  RunStatementCommand,
  StopSessionCommand,
  paginateListSessions,
  type GlueClient,
  type StatementOutput,
} from "@aws-sdk/client-glue";

export interface CellRun {
  readonly output: StatementOutput | undefined;
  /** Every session state the code saw, in order (repeats removed). */
  readonly sessionStates: string[];
  /** Every statement state the code saw, in order (repeats removed). */
  readonly statementStates: string[];
}

export interface CellOptions {
  readonly sessionId: string;
  readonly role: string;
  readonly code: string;
  readonly tags?: Record<string, string>;
  readonly pollMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const seen = (states: string[], state: string | undefined) => {
  if (state && states.at(-1) !== state) states.push(state);
};

/**
 * A notebook backend's cell: runs code in a new Glue interactive session (waiting until it is READY),
 * waits for the statement's output, then stops the session and deletes it, whatever happened.
 */
export async function runCell(glue: GlueClient, options: CellOptions): Promise<CellRun> {
  const { sessionId, role, code, tags, pollMs = 5000, sleep = (ms) => new Promise((r) => setTimeout(r, ms)) } = options;
  const sessionStates: string[] = [];
  const statementStates: string[] = [];
  await glue.send(new CreateSessionCommand({ Id: sessionId, Role: role, Command: { Name: "glueetl", PythonVersion: "3" }, ...(tags ? { Tags: tags } : {}) }));
  try {
    for (;;) {
      const { Session } = await glue.send(new GetSessionCommand({ Id: sessionId }));
      seen(sessionStates, Session?.Status);
      if (Session?.Status === "READY") break;
      if (Session?.Status !== "PROVISIONING") throw new Error(`Session ${sessionId} is ${Session?.Status}: ${Session?.ErrorMessage ?? "no reason given"}`);
      await sleep(pollMs);
    }
    const { Id } = await glue.send(new RunStatementCommand({ SessionId: sessionId, Code: code }));
    for (;;) {
      const { Statement } = await glue.send(new GetStatementCommand({ SessionId: sessionId, Id }));
      seen(statementStates, Statement?.State);
      if (Statement?.State === "AVAILABLE" || Statement?.State === "ERROR" || Statement?.State === "CANCELLED") return { output: Statement.Output, sessionStates, statementStates };
      await sleep(pollMs / 5);
    }
  } finally {
    try {
      await glue.send(new StopSessionCommand({ Id: sessionId }));
    } catch (error) {
      // Already stopping or stopped: nothing to do but wait.
      if (!(error instanceof IllegalSessionStateException)) throw error;
    }
    for (;;) {
      const { Session } = await glue.send(new GetSessionCommand({ Id: sessionId }));
      seen(sessionStates, Session?.Status);
      if (Session?.Status !== "STOPPING") break;
      await sleep(pollMs);
    }
    await glue.send(new DeleteSessionCommand({ Id: sessionId }));
  }
}

/** The ids of the sessions that carry all these tags, through every page of ListSessions. */
export async function sessionsTagged(glue: GlueClient, tags: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of paginateListSessions({ client: glue, pageSize: 2 }, { Tags: tags })) ids.push(...(page.Ids ?? []));
  return ids;
}
