/**
 * Where a server's CPU time goes, by stage of a request: reads a V8 CPU profile (`node --cpu-prof`)
 * and sums the sampled time by the stage each sample's stack belongs to. A sample belongs to the
 * stage of the innermost frame whose script is one of ours or a library we know (so that
 * `JSON.stringify` called while rendering counts as rendering, and i18next called by a card template
 * as the card's); Node's HTTP and socket code is a stage of its own unless it sends a request of
 * ours, and so is the garbage collector. Samples measure wall time between ticks, so the shares
 * are what a profile tells; the bench scales them to the CPU time it measured.
 */
import { readFileSync } from 'node:fs';

export const STAGES = [
  'parse',
  'understand',
  'answer',
  'conversation',
  'adapter',
  'render',
  'state',
  'log',
  'send',
  'http',
  'gc',
  'other',
] as const;
export type Stage = (typeof STAGES)[number];

/** What the samples of a profile, or of a time window in it, came to by stage. */
export interface StageBreakdown {
  /** Microseconds of CPU by stage; idle time is left out. */
  micros: Record<Stage, number>;
  totalMicros: number;
}

/** The parts of a `.cpuprofile` file that the breakdown reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * Scripts of the project and of its libraries, by stage; the first rule that matches a frame's URL
 * wins, so narrower folders come before wider ones.
 */
const SCRIPT_RULES: readonly [RegExp, Stage][] = [
  [
    /\/(core\/understand|node_modules\/fasttext\.wasm|node_modules\/@nlpjs|node_modules\/opencc-js)\//,
    'understand',
  ],
  [/\/core\//, 'answer'],
  [
    /\/(bots\/teams\/cards|bots\/slack\/blocks|bots\/slack\/outgoing|bots\/runtime\/i18n|node_modules\/i18next)/,
    'render',
  ],
  [
    /\/(bots\/runtime\/state|node_modules\/better-sqlite3|node_modules\/ioredis|bots\/runtime\/memoryStore)/,
    'state',
  ],
  [/\/(node_modules\/pino|node_modules\/sonic-boom|node_modules\/fast-redact|bots\/runtime\/logger)/, 'log'],
  [
    /\/(bots\/runtime\/outbound|bots\/teams\/connector|bots\/slack\/outbound|bots\/slack\/userLocale|node_modules\/@slack\/web-api|node_modules\/axios|node_modules\/botframework-connector|node_modules\/form-data)/,
    'send',
  ],
  [/\/bots\/conversation\//, 'conversation'],
  [
    /\/(bots\/slack\/http|bots\/teams\/http|node_modules\/restify|node_modules\/@slack\/bolt|node_modules\/botbuilder|node_modules\/botframework-schema|node_modules\/raw-body|node_modules\/find-my-way|node_modules\/tsscmp)/,
    'parse',
  ],
  [/\/bots\//, 'adapter'],
];

/**
 * Node's own HTTP and socket code: reading requests and writing responses, whoever calls it, except
 * where it sends a request of ours (a reply, a Web API call), which counts as sending.
 */
const NODE_HTTP = /^node:(_http_|http|net|internal\/(http|stream_base_commons|streams|net))/;

/** V8's pseudo-frames. */
const IDLE = '(idle)';
const GC = '(garbage collector)';

export function stageOfScript(url: string): Stage | undefined {
  for (const [pattern, stage] of SCRIPT_RULES) if (pattern.test(url)) return stage;
  return undefined;
}

/** The stage of every node of the profile's call tree, or undefined for idle time. */
function stagesOfNodes(profile: CpuProfile): Map<number, Stage | undefined> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const stages = new Map<number, Stage | undefined>();
  for (const node of profile.nodes) {
    const name = node.callFrame.functionName;
    if (name === IDLE) {
      stages.set(node.id, undefined);
      continue;
    }
    if (name === GC) {
      stages.set(node.id, 'gc');
      continue;
    }
    let stage: Stage | undefined;
    let nodeHttp = false;
    for (let id: number | undefined = node.id; id !== undefined && !stage; id = parentOf.get(id)) {
      const url = byId.get(id)?.callFrame.url ?? '';
      stage = stageOfScript(url);
      if (NODE_HTTP.test(url)) nodeHttp = true;
    }
    stages.set(node.id, nodeHttp && stage !== 'send' ? 'http' : (stage ?? 'other'));
  }
  return stages;
}

/**
 * Sums the profile's samples by stage, over the whole profile or only the samples taken within
 * `[fromMicros, toMicros]` (the profile's own clock, the monotonic clock of `process.hrtime`).
 */
export function breakdown(
  profile: CpuProfile,
  window?: { fromMicros: number; toMicros: number },
): StageBreakdown {
  const stages = stagesOfNodes(profile);
  const micros = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  let totalMicros = 0;
  // Sample i was taken at startTime + the deltas up to i; it stands for the time until the next one.
  let at = profile.startTime;
  for (let index = 0; index < profile.samples.length; index++) {
    at += profile.timeDeltas[index] ?? 0;
    const next = profile.timeDeltas[index + 1] ?? 0;
    if (window && (at < window.fromMicros || at > window.toMicros)) continue;
    const stage = stages.get(profile.samples[index] ?? -1);
    if (stage === undefined) continue;
    micros[stage] += next;
    totalMicros += next;
  }
  return { micros, totalMicros };
}

/** One line per stage: µs per request and share, largest first, then the total. */
export function breakdownReport(result: StageBreakdown, requests: number): string {
  const perRequest = (value: number) => (requests > 0 ? value / requests : Number.NaN);
  const lines = STAGES.filter((stage) => result.micros[stage] > 0)
    .sort((a, b) => result.micros[b] - result.micros[a])
    .map(
      (stage) =>
        `  ${stage.padEnd(13)}${perRequest(result.micros[stage]).toFixed(0).padStart(7)} µs/req  ${((100 * result.micros[stage]) / (result.totalMicros || 1)).toFixed(1).padStart(5)} %`,
    );
  lines.push(`  ${'total'.padEnd(13)}${perRequest(result.totalMicros).toFixed(0).padStart(7)} µs/req`);
  return lines.join('\n');
}

/**
 * `node dist/test/bench/server/profileStages.js PROFILE [REQUESTS]`: the breakdown of a whole profile
 * (start-up included), per request where the number of requests the server answered is given.
 */
if (require.main === module) {
  const [file, requests] = process.argv.slice(2);
  if (!file) {
    process.stderr.write(
      'usage: node dist/test/bench/server/profileStages.js PROFILE.cpuprofile [REQUESTS]\n',
    );
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  process.stdout.write(`${breakdownReport(breakdown(profile), Number(requests ?? 1))}\n`);
}
