/** The two endpoints the bench drives, and what counts as an answer on each, for ours and the echo bot. */
import type { StandInsProcess } from './children';
import type { Role } from './servers';
import { BENCH_SIGNING_SECRET } from './servers';
import { type RequestBuilder, SLACK_PATH, slackRequests, TEAMS_PATH, teamsRequests } from './traffic';

export type EndpointName = 'teams' | 'slack';

export interface Endpoint {
  name: EndpointName;
  path: string;
  /** Builds this endpoint's requests; `runId` tells this run's ids apart from every other run's. */
  requests(standIns: StandInsProcess, runId: string): RequestBuilder;
}

export const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'teams',
    path: TEAMS_PATH,
    requests: (standIns, runId) => teamsRequests(standIns.connectorUrl, runId),
  },
  {
    name: 'slack',
    path: SLACK_PATH,
    requests: (standIns, runId) => slackRequests(standIns.slackApiUrl, BENCH_SIGNING_SECRET, runId),
  },
];

/**
 * Teams replies go to the connector, so a 2xx is all the response can tell. A Slack ack carries the
 * answer: ours and the answer bots' as Block Kit blocks, the echo bot's as text.
 */
export function answered(role: Role) {
  return (path: string, status: number, body: string): boolean => {
    if (status < 200 || status >= 300) return false;
    if (path !== SLACK_PATH) return true;
    return body.includes(role === 'echo' ? '"text":' : '"blocks":[');
  };
}
