/** The two endpoints the bench drives, and what counts as an answer on each, for ours and the echo bot. */
import type { StandInsProcess } from './children';
import type { Role } from './servers';
import { BENCH_SIGNING_SECRET } from './servers';
import {
  type BenchRequest,
  SLACK_PATH,
  slackTraffic,
  TEAMS_PATH,
  type TrafficOptions,
  teamsTraffic,
} from './traffic';

export type EndpointName = 'teams' | 'slack';

export interface Endpoint {
  name: EndpointName;
  path: string;
  traffic(standIns: StandInsProcess, options: TrafficOptions): () => BenchRequest;
}

export const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'teams',
    path: TEAMS_PATH,
    traffic: (standIns, options) => teamsTraffic(standIns.connectorUrl, options),
  },
  {
    name: 'slack',
    path: SLACK_PATH,
    traffic: (standIns, options) => slackTraffic(standIns.slackApiUrl, BENCH_SIGNING_SECRET, options),
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
