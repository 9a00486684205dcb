/**
 * The soak: a steady mixed load on both endpoints of our server, with ever-new users, conversations
 * and threads, so that every cache keeps meeting new keys. RSS and the live heap (after a full GC) are
 * sampled every 10 s; memory has levelled off when the last third's peak is within 10 % of the middle third's.
 */
import { type Levelling, levelling, lostSlackReplies, lostTeamsReplies } from './accounting';
import type { BenchArgs } from './args';
import type { ServerProcess, StandInsProcess } from './children';
import { answered, ENDPOINTS } from './endpoints';
import type { ProcessUsage } from './ipc';
import { runLoad } from './load';
import { DEFAULT_SENDERS, Senders } from './senders';
import { settledCounts } from './settle';
import { SLACK_PATH, TEAMS_PATH, traffic } from './traffic';

/** Every message from a new user in a new conversation: the caches keep meeting new keys. */
const EVER_NEW_SENDERS = { ...DEFAULT_SENDERS, returningUsers: 0, newUserShare: 1 };

export const SAMPLE_EVERY_MS = 10_000;

export interface SoakResult {
  samples: (ProcessUsage & { seconds: number })[];
  requestsPerSecond: number;
  acked: number;
  lost: number;
  errors: number;
  rss: Levelling | undefined;
  heap: Levelling | undefined;
}

export async function soak(
  server: ServerProcess,
  standIns: StandInsProcess,
  args: BenchArgs,
): Promise<SoakResult> {
  const seconds = args.soak ?? 0;
  const start = Date.now();
  const samples: SoakResult['samples'] = [];
  const sample = async () => {
    samples.push({ seconds: Math.round((Date.now() - start) / 1000), ...(await server.usage()) });
  };
  await sample();
  // Chained timeouts rather than an interval: a slow answer never stacks up two samples.
  let timer: NodeJS.Timeout | undefined;
  let sampling = true;
  const schedule = () => {
    timer = setTimeout(() => {
      sample().then(() => {
        if (sampling) schedule();
      }, schedule);
    }, SAMPLE_EVERY_MS);
  };
  schedule();

  const before = await standIns.counts();
  const result = await runLoad({
    baseUrl: `http://127.0.0.1:${server.port}`,
    generators: ENDPOINTS.map((endpoint) => {
      const senders = new Senders(EVER_NEW_SENDERS);
      return traffic(endpoint.requests(standIns, 'soak'), () => senders.next());
    }),
    answered: answered('ours'),
    connections: args.connections,
    durationSeconds: seconds,
    overallRate: args.rate,
  });
  sampling = false;
  clearTimeout(timer);
  await sample();
  const after = await settledCounts(standIns);

  const teams = result.responses[TEAMS_PATH] ?? { responses: 0, acked: 0, answered: 0 };
  const slack = result.responses[SLACK_PATH] ?? { responses: 0, acked: 0, answered: 0 };
  samples.sort((a, b) => a.seconds - b.seconds);
  return {
    samples,
    requestsPerSecond: result.requestsPerSecond,
    acked: teams.acked + slack.acked,
    lost: lostTeamsReplies(teams, after.connectorReplies - before.connectorReplies) + lostSlackReplies(slack),
    errors: result.errors,
    rss: levelling(samples.map((s) => s.rss)),
    heap: levelling(samples.map((s) => s.heapUsed)),
  };
}
