/**
 * `npm run bench:state`: the cost of each state operation on each backend, one process, loopback
 * Redis started for the run. Sequential operations give the latency of one (µs per op) and the
 * bot's CPU time for one; "64 at once" gives what concurrent messages get from Redis's pipelining
 * and from SQLite's group commit (the figure that adds to a busy server's request). Each measurement runs for a bounded
 * time, so the whole run takes about half a minute.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openStateStore, parseStateSettings, type StateStore } from '../../bots/runtime/state';
import { startRedisServer } from '../support/redisServer';

const MEASURE_MS = 1_500;
const WARM_UP_MS = 200;
const CONCURRENCY = 64;
const PER_USER = { burst: 10, perSecond: 0.5 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Operation = (store: StateStore, i: number) => Promise<unknown>;

/** Distinct users and conversations, so that rate limits measure takes, not refusals. */
const OPERATIONS: [string, Operation][] = [
  [
    'set',
    (store, i) => store.set('languageChoice', `slack:T1:U${i % 20_000}`, { locale: 'pl', renewedAt: i }, DAY),
  ],
  ['get', (store, i) => store.get('languageChoice', `slack:T1:U${i % 20_000}`)],
  ['firstSeen', (store, i) => store.firstSeen('delivery', `Ev${i}`, 2 * HOUR)],
  ['take', (store, i) => store.take(`message:u:slack:T1:U${i % 20_000}`, PER_USER)],
];

interface Figure {
  opsPerSecond: number;
  microsPerOp: number;
  /** This process's CPU time per operation (Redis's own is in its process). */
  cpuMicrosPerOp: number;
}

async function measure(
  store: StateStore,
  operation: Operation,
  concurrency: number,
  start: number,
): Promise<Figure> {
  let i = start;
  const runFor = async (ms: number) => {
    let done = 0;
    const until = performance.now() + ms;
    const worker = async () => {
      while (performance.now() < until) {
        await operation(store, i++);
        done++;
      }
    };
    const began = performance.now();
    const cpuBefore = process.cpuUsage();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const cpu = process.cpuUsage(cpuBefore);
    return { done, elapsed: performance.now() - began, cpuMicros: cpu.user + cpu.system };
  };
  await runFor(WARM_UP_MS);
  const { done, elapsed, cpuMicros } = await runFor(MEASURE_MS);
  return {
    opsPerSecond: (done / elapsed) * 1000,
    microsPerOp: (elapsed * 1000) / done,
    cpuMicrosPerOp: cpuMicros / done,
  };
}

async function benchBackend(label: string, stateUrl: string, rows: string[][]): Promise<void> {
  const result = parseStateSettings({ STATE_URL: stateUrl }, process.cwd());
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const store = await openStateStore(result.settings, { logger: pino({ level: 'warn' }) });
  if (store.health().status !== 'ok') throw new Error(`${label}: ${JSON.stringify(store.health())}`);
  let offset = 0;
  for (const [name, operation] of OPERATIONS) {
    const single = await measure(store, operation, 1, offset);
    offset += 10_000_000;
    const row = [
      label,
      name,
      single.opsPerSecond.toFixed(0),
      single.microsPerOp.toFixed(1),
      single.cpuMicrosPerOp.toFixed(1),
    ];
    const many = await measure(store, operation, CONCURRENCY, offset);
    offset += 10_000_000;
    row.push(many.opsPerSecond.toFixed(0), many.cpuMicrosPerOp.toFixed(1));
    rows.push(row);
    process.stderr.write(`${row.join('  ')}\n`);
  }
  await store.close();
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'mailflow-bench-state-'));
  const redis = await startRedisServer();
  const rows: string[][] = [];
  try {
    await benchBackend('memory', 'memory:', rows);
    await benchBackend('sqlite', `sqlite:${join(folder, 'state.db')}`, rows);
    await benchBackend('redis', redis.url(), rows);
  } finally {
    await redis.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  const header = [
    'backend',
    'operation',
    'ops/s (one at a time)',
    'µs per op',
    'CPU µs per op',
    `ops/s (${CONCURRENCY} at once)`,
    `CPU µs per op (${CONCURRENCY} at once)`,
  ];
  const table = [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`);
  process.stdout.write(`${table.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:state failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
