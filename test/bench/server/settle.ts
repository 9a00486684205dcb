/** Waits for replies still on their way once the load stops, so that counting them is fair. */
import type { StandInsProcess } from './children';
import type { StandInCounts } from './standIns';

const POLL_MS = 200;
const MAX_WAIT_MS = 5_000;

/** The stand-ins' counts once they stop changing (two equal polls), or after five seconds. */
export async function settledCounts(standIns: StandInsProcess): Promise<StandInCounts> {
  let previous = await standIns.counts();
  const deadline = Date.now() + MAX_WAIT_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const current = await standIns.counts();
    if (current.connectorReplies === previous.connectorReplies && current.slackCalls === previous.slackCalls)
      return current;
    previous = current;
  }
  return previous;
}
