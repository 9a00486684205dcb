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
  /** Ours against the fixed-answer bot, with this endpoint's targets: the headline. */
  headline: Comparison;
  /** Ours against the echo bot and the answer-only bot, and the fixed-answer bot against echo: context. */
  toEcho: Comparison;
  toAnswerOnly: Comparison;
  fixedToEcho: Comparison;
}

const MB = 1024 * 1024;
const number = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percent = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)} %`;
const ENDPOINT_LABEL: Record<EndpointName, string> = { teams: 'Teams', slack: 'Slack' };

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, index) => cell.padEnd(widths[index] ?? 0))
    .join('  ')
    .trimEnd();
}

/** The headline: ours against the fixed-answer bot, one line per endpoint, with its targets. */
function headlineReport(figures: readonly EndpointFigures[]): string[] {
  const widths = [9, 18, 28, 16, 5, 21, 7];
  const lines = [
    'ours against the fixed-answer bot (the same stack replying with one answer rendered at start-up):',
    row(
      [
        'endpoint',
        'req/s ratio',
        'CPU µs/req ours vs fixed',
        'p99 ratio',
        'lost',
        'replies / requests',
        'target',
      ],
      widths,
    ),
  ];
  for (const { name, ours, fixedAnswer, headline } of figures) {
    const target = TARGETS[name];
    lines.push(
      row(
        [
          ENDPOINT_LABEL[name],
          `${headline.throughputRatio.toFixed(2)} (≥ ${target.minThroughputRatio})`,
          `${number(ours.cpuMicrosPerRequest)} vs ${number(fixedAnswer.cpuMicrosPerRequest)} (${headline.cpuRatio.toFixed(2)}x)`,
          `${headline.p99Ratio.toFixed(2)}x (≤ ${target.maxP99Ratio}x)`,
          String(ours.lost),
          `${ours.delivered} / ${ours.responses}`,
          headline.met ? 'met' : 'NOT met',
        ],
        widths,
      ),
    );
  }
  return lines;
}

export function comparisonReport(figures: readonly EndpointFigures[]): string {
  const widths = [20, 12, 7, 7, 7, 7, 5, 11, 9];
  const lines = [
    ...headlineReport(figures),
    '',
    row(['endpoint', 'bot', 'req/s', 'p50 ms', 'p99 ms', 'acked', 'lost', 'CPU µs/req', 'new users'], widths),
  ];
  for (const { path, ours, echo, fixedAnswer, answerOnly } of figures) {
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
            number(m.cpuMicrosPerRequest),
            m.newUserShare === undefined ? '' : `${(m.newUserShare * 100).toFixed(1)} %`,
          ],
          widths,
        ),
      );
      if (m.errors > 0) lines.push(`  (${m.errors} connection errors or timeouts)`);
    }
  }
  const ratios = (label: string, r: Comparison) =>
    `  ${label}: req/s ${r.throughputRatio.toFixed(2)}, p99 ${r.p99Ratio.toFixed(2)}x, CPU ${r.cpuRatio.toFixed(2)}x`;
  lines.push(
    '',
    'context: "echo" replies with the message\'s text; "answer only" with the core\'s rendered answer and nothing else',
    ...figures.flatMap(({ name, toEcho, toAnswerOnly, fixedToEcho }) => [
      ratios(`${ENDPOINT_LABEL[name]} ours / answer only`, toAnswerOnly),
      ratios(`${ENDPOINT_LABEL[name]} ours / echo`, toEcho),
      ratios(`${ENDPOINT_LABEL[name]} fixed answer / echo`, fixedToEcho),
    ]),
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
