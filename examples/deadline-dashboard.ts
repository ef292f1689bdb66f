import {
  GetSessionCommand,
  UpdateSessionCommand,
  paginateListSessionActions,
  paginateListSessions,
  type DeadlineClient,
  type SessionActionSummary,
  type SessionSummary,
} from "@aws-sdk/client-deadline";

export interface JobIds {
  readonly farmId: string;
  readonly queueId: string;
  readonly jobId: string;
}

export interface SessionActivity {
  readonly session: SessionSummary;
  readonly actions: SessionActionSummary[];
}

/** A render-farm dashboard's job view: every session of the job with its actions, through every page. */
export async function jobActivity(deadline: DeadlineClient, job: JobIds): Promise<SessionActivity[]> {
  const out: SessionActivity[] = [];
  for await (const page of paginateListSessions({ client: deadline, pageSize: 2 }, { ...job })) {
    for (const session of page.sessions ?? []) {
      const actions: SessionActionSummary[] = [];
      for await (const p of paginateListSessionActions({ client: deadline, pageSize: 2 }, { ...job, sessionId: session.sessionId })) actions.push(...(p.sessionActions ?? []));
      out.push({ session, actions });
    }
  }
  return out;
}

/** Ends a session and waits until Deadline says it has ended; returns the states it saw. */
export async function endSession(deadline: DeadlineClient, ids: JobIds & { readonly sessionId: string }, { sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) } = {}): Promise<string[]> {
  await deadline.send(new UpdateSessionCommand({ ...ids, targetLifecycleStatus: "ENDED" }));
  const states: string[] = [];
  for (;;) {
    const { lifecycleStatus } = await deadline.send(new GetSessionCommand(ids));
    if (states.at(-1) !== lifecycleStatus) states.push(lifecycleStatus!);
    if (lifecycleStatus === "ENDED") return states;
    await sleep(2000);
  }
}
