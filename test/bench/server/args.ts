/** `npm run bench:server -- [options]`: bounded numbers only, so that every run stops by itself. */

export const STATE_BACKENDS = ['memory', 'sqlite', 'redis'] as const;
export type StateBackend = (typeof STATE_BACKENDS)[number];

export interface BenchArgs {
  /** Seconds of each measurement. */
  duration: number;
  /** Seconds of warm-up before each measurement (JIT, caches, keep-alive connections). */
  warmup: number;
  connections: number;
  /** Seconds of soak; the throughput comparison is skipped when set. */
  soak?: number;
  /** The soak's steady load, requests per second over both endpoints. */
  rate: number;
  /** Measures only this endpoint (`teams` or `slack`), e.g. to profile it alone. */
  only?: 'teams' | 'slack';
  /** Writes V8 CPU profiles of the servers (node --cpu-prof) and prints where they are. */
  cpuProfile: boolean;
  /**
   * Where our server keeps its state. One backend: the comparison with the yardsticks (or the soak)
   * runs on it. Several: only our server is measured, once on each backend in turn, `rounds` times.
   */
  state: readonly StateBackend[];
  /** Rounds of the side-by-side measurement of several backends. */
  rounds: number;
}

export const DEFAULT_ARGS: BenchArgs = {
  duration: 10,
  warmup: 3,
  connections: 10,
  rate: 400,
  cpuProfile: false,
  state: ['sqlite'],
  rounds: 3,
};

const LIMITS: Record<'duration' | 'warmup' | 'connections' | 'soak' | 'rate' | 'rounds', [number, number]> = {
  duration: [1, 120],
  warmup: [0, 60],
  connections: [1, 200],
  soak: [30, 3_600],
  rate: [10, 20_000],
  rounds: [1, 20],
};

export const USAGE =
  'usage: npm run bench:server -- [--duration s] [--warmup s] [--connections n] [--soak s] [--rate n] [--only teams|slack] [--cpu-prof] [--state memory|sqlite|redis|memory,sqlite,redis] [--rounds n]';

/** `sqlite`, or several backends to measure side by side: `memory,sqlite,redis`. */
function parseStates(raw: string | undefined): StateBackend[] {
  const names = (raw ?? '').split(',');
  const states = names.filter((name): name is StateBackend =>
    (STATE_BACKENDS as readonly string[]).includes(name),
  );
  if (states.length !== names.length || new Set(states).size !== states.length)
    throw new Error(`--state needs one or more of ${STATE_BACKENDS.join(', ')}, comma-separated`);
  return states;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { ...DEFAULT_ARGS };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index] ?? '';
    if (flag === '--cpu-prof') {
      args.cpuProfile = true;
      continue;
    }
    if (flag === '--state') {
      args.state = parseStates(argv[++index]);
      continue;
    }
    if (flag === '--only') {
      const endpoint = argv[++index];
      if (endpoint !== 'teams' && endpoint !== 'slack') throw new Error('--only needs teams or slack');
      args.only = endpoint;
      continue;
    }
    const name = flag.replace(/^--/, '');
    if (!flag.startsWith('--') || !(name in LIMITS)) throw new Error(`unknown option ${flag}\n${USAGE}`);
    const raw = argv[++index];
    const value = Number(raw);
    const [min, max] = LIMITS[name as keyof typeof LIMITS];
    if (raw === undefined || !Number.isInteger(value) || value < min || value > max)
      throw new Error(`${flag} needs a whole number from ${min} to ${max}`);
    args[name as keyof typeof LIMITS] = value;
  }
  if (args.soak !== undefined && args.state.length > 1)
    throw new Error('--soak runs on one --state at a time');
  return args;
}
