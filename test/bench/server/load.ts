/**
 * One autocannon run against one server: requests come from a traffic generator (a fresh body and
 * fresh ids each time), and every response is checked for the answer it should carry.
 */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { BenchRequest } from './traffic';

export interface LoadOptions {
  baseUrl: string;
  /** Builds the next request; with several, they take turns (a mixed load). */
  generators: readonly (() => BenchRequest)[];
  /** Whether a response carries its answer: a 2xx status, and for Slack the answer in the body. */
  answered(path: string, status: number, body: string): boolean;
  connections: number;
  durationSeconds: number;
  /** Sends this many requests instead of running for `durationSeconds`. */
  amount?: number;
  /** Requests per second for all connections together (a steady load); unlimited when absent. */
  overallRate?: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Completed responses, with a 2xx status, and with the answer, per path. */
  responses: Record<string, { responses: number; acked: number; answered: number }>;
  errors: number;
}

/** What autocannon keeps per connection: the path of the request in flight (one at a time, no pipelining). */
interface ConnectionContext {
  path?: string;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const responses: LoadResult['responses'] = {};
  let turn = 0;
  const requests: autocannon.Request[] = [
    {
      setupRequest: (request, context) => {
        const generator = options.generators[turn++ % options.generators.length];
        if (!generator) throw new Error('no traffic generator');
        const next = generator();
        (context as ConnectionContext).path = next.path;
        return { ...request, method: 'POST', path: next.path, headers: next.headers, body: next.body };
      },
      onResponse: (status, body, context) => {
        const path = (context as ConnectionContext).path ?? '?';
        const tally = responses[path] ?? { responses: 0, acked: 0, answered: 0 };
        responses[path] = tally;
        tally.responses += 1;
        if (status >= 200 && status < 300) tally.acked += 1;
        if (options.answered(path, status, body)) tally.answered += 1;
      },
    },
  ];
  const started = performance.now();
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    pipelining: 1,
    duration: options.durationSeconds,
    requests,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    ...(options.amount ? { amount: options.amount } : {}),
  });
  const seconds = (performance.now() - started) / 1000;
  const completed = Object.values(responses).reduce((sum, tally) => sum + tally.responses, 0);
  return {
    // Completed responses over the run's wall time: autocannon's per-second average leaves out a
    // partial last second in some runs and not in others.
    requestsPerSecond: completed / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    responses,
    errors: result.errors,
  };
}
