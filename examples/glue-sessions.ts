import { GetSessionCommand, type GlueClient, type Session } from "@aws-sdk/client-glue";

export class SessionFailedError extends Error {}

/**
 * Waits until a Glue interactive session is READY, polling every `intervalMs`.
 * Fails fast when the session ends (FAILED, TIMEOUT, STOPPED) and gives up after `maxPolls`.
 */
export async function waitForSessionReady(
  glue: GlueClient,
  id: string,
  { intervalMs = 1000, maxPolls = 60, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)) } = {},
): Promise<Session> {
  for (let poll = 1; poll <= maxPolls; poll++) {
    const { Session: session } = await glue.send(new GetSessionCommand({ Id: id }));
    switch (session?.Status) {
      case "READY":
        return session;
      case "FAILED":
      case "TIMEOUT":
      case "STOPPED":
      case "STOPPING":
        throw new SessionFailedError(`Session ${id} is ${session.Status}${session.ErrorMessage ? `: ${session.ErrorMessage}` : ""}`);
      default:
        await sleep(intervalMs);
    }
  }
  throw new Error(`Session ${id} was not READY after ${maxPolls} polls`);
}
