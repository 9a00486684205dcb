/** The bench's output: plain-text tables, easy to paste into the README. */
import { type Comparison, type Measurement, TARGETS } from './accounting';
import type { EndpointName } from './endpoints';
import type { SoakResult } from './soak';

export interface EndpointFigures {
  name: EndpointName;
  path: string;
  ours: Measurement;
  echo: Measurement;
  /** The echo bot replying with one answer rendered at start-up: the cost of carrying the answer. */
  fixedAnswer: Measurement;
  /** The echo bot replying with the core's rendered answer: the cost of the answer itself. */
  answerOnly: Measurement;
  /** Ours against the echo bot: the target. */
  comparison: Comparison;
  /** Ours against the answer-only bot: what our server adds beyond the answer. */
  toAnswerOnly: Comparison;
  /** The fixed-answer bot against the echo bot: the most any bot sending such answers can reach. */
  fixedToEcho: Comparison;
}

const MB = 1024 * 1024;
const number = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percent = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)} %`;

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, index) => cell.padEnd(widths[index] ?? 0))
    .join('  ')
    .trimEnd();
}

export function comparisonReport(figures: readonly EndpointFigures[]): string {
  const widths = [20, 12, 7, 7, 7, 7, 5, 11, 10, 11, 9];
  const lines = [
    row(
      [
        'endpoint',
        'bot',
        'req/s',
        'p50 ms',
        'p99 ms',
        'acked',
        'lost',
        'req/s ratio',
        'p99 ratio',
        'CPU µs/req',
        'CPU ratio',
      ],
      widths,
    ),
  ];
  for (const { path, ours, echo, fixedAnswer, answerOnly, comparison } of figures) {
    for (const [bot, m] of [
      ['echo', echo],
      ['fixed answer', fixedAnswer],
      ['answer only', answerOnly],
      ['ours', ours],
    ] as const) {
      lines.push(
        row(
          [
            `POST ${path}`,
            bot,
            number(m.requestsPerSecond),
            m.p50Ms.toFixed(0),
            m.p99Ms.toFixed(0),
            String(m.acked),
            String(m.lost),
            bot === 'ours' ? comparison.throughputRatio.toFixed(2) : '',
            bot === 'ours' ? `${comparison.p99Ratio.toFixed(2)}x` : '',
            number(m.cpuMicrosPerRequest),
            bot === 'ours' ? `${comparison.cpuRatio.toFixed(2)}x` : '',
          ],
          widths,
        ),
      );
      if (m.errors > 0) lines.push(`  (${m.errors} connection errors or timeouts)`);
    }
  }
  lines.push(
    '',
    'ratios: ours / echo bot. "answer only": the echo bot replying with the core\'s rendered answer and nothing else;',
    '"fixed answer": the echo bot replying to everything with one answer rendered at start-up',
    ...figures.map(
      ({ path, fixedToEcho: r }) =>
        `  ${path}: fixed answer / echo: req/s ${r.throughputRatio.toFixed(2)}, p99 ${r.p99Ratio.toFixed(2)}x, CPU ${r.cpuRatio.toFixed(2)}x`,
    ),
    ...figures.map(
      ({ path, toAnswerOnly: r }) =>
        `  ${path}: ours / answer only: req/s ${r.throughputRatio.toFixed(2)}, p99 ${r.p99Ratio.toFixed(2)}x, CPU ${r.cpuRatio.toFixed(2)}x`,
    ),
    `target: req/s ratio ≥ ${TARGETS.minThroughputRatio}, p99 ratio ≤ ${TARGETS.maxP99Ratio}x, no reply lost`,
    ...figures.map((f) => `  ${f.path}: ${f.comparison.met ? 'met' : 'NOT met'}`),
  );
  return lines.join('\n');
}

/** Our server on each state backend, measured `rounds` times in alternation, per endpoint. */
export interface StateFigures {
  path: string;
  runs: { backend: string; runs: Measurement[] }[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The median, and the lowest and highest value: the spread between runs on a shared machine. */
const spread = (values: readonly number[], digits = 0) =>
  `${number(median(values), digits)} (${number(Math.min(...values), digits)}-${number(Math.max(...values), digits)})`;

export function stateReport(figures: readonly StateFigures[]): string {
  const widths = [20, 8, 22, 12, 16, 18, 5];
  const lines = [
    row(['endpoint', 'state', 'CPU µs/req', 'vs first', 'p99 ms', 'req/s', 'lost'], widths),
    '(median of the runs, lowest-highest in brackets; "vs first": the medians of CPU µs per request against the first backend)',
  ];
  for (const { path, runs } of figures) {
    const base = median(runs[0]?.runs.map((m) => m.cpuMicrosPerRequest) ?? []);
    for (const { backend, runs: measured } of runs) {
      const cpu = measured.map((m) => m.cpuMicrosPerRequest);
      lines.push(
        row(
          [
            `POST ${path}`,
            backend,
            spread(cpu),
            percent(median(cpu) / base - 1),
            spread(measured.map((m) => m.p99Ms)),
            spread(measured.map((m) => m.requestsPerSecond)),
            String(measured.reduce((sum, m) => sum + m.lost, 0)),
          ],
          widths,
        ),
      );
    }
  }
  return lines.join('\n');
}

export function soakReport(result: SoakResult, seconds: number, rate: number): string {
  const lines = [
    `soak: ${seconds} s, steady ${rate} req/s asked (${number(result.requestsPerSecond)} req/s served) over both endpoints, ever-new users, conversations and threads`,
    `requests acked: ${result.acked}, replies lost: ${result.lost}, connection errors: ${result.errors}`,
    row(['t (s)', 'RSS MB', 'live heap MB (after a full GC)'], [6, 7, 7]),
    ...result.samples.map((s) =>
      row([String(s.seconds), (s.rss / MB).toFixed(1), (s.heapUsed / MB).toFixed(1)], [6, 7, 7]),
    ),
  ];
  for (const [name, level] of [
    ['RSS', result.rss],
    ['heap', result.heap],
  ] as const) {
    if (!level) continue;
    lines.push(
      `${name}: peak of the middle third ${(level.middleMax / MB).toFixed(1)} MB, of the last third ${(level.lastMax / MB).toFixed(1)} MB (${percent(level.growth)}): ${level.levelled ? 'levelled off' : 'STILL GROWING'}`,
    );
  }
  return lines.join('\n');
}
