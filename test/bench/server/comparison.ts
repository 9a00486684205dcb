/** Throughput and latency of each endpoint on each server: a warm-up, then one measured run. */
import { lostSlackReplies, lostTeamsReplies, type Measurement } from './accounting';
import type { BenchArgs } from './args';
import type { ServerProcess, StandInsProcess } from './children';
import { answered, type Endpoint } from './endpoints';
import { runLoad } from './load';
import { DEFAULT_SENDERS, newUserShare, Senders } from './senders';
import type { Role } from './servers';
import { settledCounts } from './settle';
import { type BenchRequest, traffic } from './traffic';

let runs = 0;

/** The clock of V8's CPU profiles (CLOCK_MONOTONIC, as process.hrtime), in microseconds. */
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

export async function measure(
  server: ServerProcess,
  role: Role,
  endpoint: Endpoint,
  standIns: StandInsProcess,
  args: BenchArgs,
): Promise<Measurement> {
  const build = endpoint.requests(standIns, `r${++runs}`);
  const senders = new Senders(DEFAULT_SENDERS);
  const load = (generator: () => BenchRequest, durationSeconds: number, amount?: number) =>
    runLoad({
      baseUrl: `http://127.0.0.1:${server.port}`,
      generators: [generator],
      answered: answered(role),
      connections: args.connections,
      durationSeconds,
      ...(amount ? { amount } : {}),
    });
  if (role === 'ours') {
    // Our server keeps what it learns of users (their language, Slack locale, last answer): each
    // returning user's first message comes before the run, so that they are returning indeed. The
    // other bots keep nothing about users.
    const introductions = senders.introductions();
    await load(
      traffic(build, () => introductions.next().value ?? senders.next()),
      0,
      DEFAULT_SENDERS.returningUsers,
    );
  }
  const generator = traffic(build, () => senders.next());
  if (args.warmup > 0) await load(generator, args.warmup);
  const before = await settledCounts(standIns);
  const sendersBefore = { ...senders.counts };
  const cpuBefore = (await server.usage()).cpuMicros;
  const fromMicros = monotonicMicros();
  const result = await load(generator, args.duration);
  const toMicros = monotonicMicros();
  const after = await settledCounts(standIns);
  // Includes the few requests still in flight when the load stopped: a small, equal error for both bots.
  const cpu = (await server.usage()).cpuMicros - cpuBefore;
  const tally = result.responses[endpoint.path] ?? { responses: 0, acked: 0, answered: 0 };
  const delivered =
    endpoint.name === 'teams' ? after.connectorReplies - before.connectorReplies : tally.answered;
  const lost = endpoint.name === 'teams' ? lostTeamsReplies(tally, delivered) : lostSlackReplies(tally);
  return {
    requestsPerSecond: result.requestsPerSecond,
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
    responses: tally.responses,
    acked: tally.acked,
    delivered,
    lost,
    errors: result.errors,
    cpuMicrosPerRequest: tally.responses > 0 ? cpu / tally.responses : Number.NaN,
    window: { fromMicros, toMicros },
    newUserShare: newUserShare(sendersBefore, senders.counts),
  };
}
