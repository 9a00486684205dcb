/** `npm run bench:server -- [options]`: bounded numbers only, so that every run stops by itself. */

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
}

export const DEFAULT_ARGS: BenchArgs = {
  duration: 10,
  warmup: 3,
  connections: 10,
  rate: 400,
  cpuProfile: false,
};

const LIMITS: Record<'duration' | 'warmup' | 'connections' | 'soak' | 'rate', [number, number]> = {
  duration: [1, 120],
  warmup: [0, 60],
  connections: [1, 200],
  soak: [30, 3_600],
  rate: [10, 20_000],
};

export const USAGE =
  'usage: npm run bench:server -- [--duration s] [--warmup s] [--connections n] [--soak s] [--rate n] [--only teams|slack] [--cpu-prof]';

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { ...DEFAULT_ARGS };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index] ?? '';
    if (flag === '--cpu-prof') {
      args.cpuProfile = true;
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
  return args;
}
