/** Throughput and latency of each endpoint on each server: a warm-up, then one measured run. */
import { lostSlackReplies, lostTeamsReplies, type Measurement } from './accounting';
import type { BenchArgs } from './args';
import type { ServerProcess, StandInsProcess } from './children';
import { answered, type Endpoint } from './endpoints';
import { runLoad } from './load';
import type { Role } from './servers';
import { settledCounts } from './settle';

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
  const load = (durationSeconds: number) =>
    runLoad({
      baseUrl: `http://127.0.0.1:${server.port}`,
      // A pool of returning users: the caches are warm, as on a busy day.
      generators: [endpoint.traffic(standIns, { runId: `r${++runs}`, freshIds: false })],
      answered: answered(role),
      connections: args.connections,
      durationSeconds,
    });
  if (args.warmup > 0) await load(args.warmup);
  const before = await settledCounts(standIns);
  const cpuBefore = (await server.usage()).cpuMicros;
  const fromMicros = monotonicMicros();
  const result = await load(args.duration);
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
  };
}
