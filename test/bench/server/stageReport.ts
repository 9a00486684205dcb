/**
 * With `--cpu-prof`: each server's CPU per request by stage, during each endpoint's measured run
 * only (start-up and warm-up left out), read from the profiles the servers wrote at exit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Measurement } from './accounting';
import { breakdown, type CpuProfile, STAGES, type StageBreakdown } from './profileStages';
import type { EndpointFigures } from './report';
import type { Role } from './servers';

const BOTS: readonly [Role, string][] = [
  ['echo', 'echo'],
  ['fixedAnswer', 'fixed answer'],
  ['answerOnly', 'answer only'],
  ['ours', 'ours'],
];

/** The profile a server wrote into its folder (`--cpu-prof-dir`, named after the server), if it wrote one. */
function readProfile(workDir: string, serverName: string): CpuProfile | undefined {
  const folder = join(workDir, `${serverName}-profile`);
  let files: string[];
  try {
    files = readdirSync(folder).filter((file) => file.endsWith('.cpuprofile'));
  } catch {
    return undefined;
  }
  const file = files[0];
  return file ? (JSON.parse(readFileSync(join(folder, file), 'utf8')) as CpuProfile) : undefined;
}

/**
 * The profile's shares scaled to the CPU time per request that the bench measured: a sample stands
 * for the wall time until the next one, which on a busy machine includes time the process waited.
 */
function perRequest(
  result: StageBreakdown | undefined,
  m: Measurement,
  stage: keyof StageBreakdown['micros'] | 'total',
) {
  if (!result || result.totalMicros === 0) return '';
  const micros = stage === 'total' ? result.totalMicros : result.micros[stage];
  return ((m.cpuMicrosPerRequest * micros) / result.totalMicros).toFixed(0);
}

/** `serverNames`: each role's server as it was started (ours is named after its state backend). */
export function stageReport(
  workDir: string,
  figures: readonly EndpointFigures[],
  serverNames: ReadonlyMap<Role, string>,
): string {
  const profiles = new Map(BOTS.map(([role]) => [role, readProfile(workDir, serverNames.get(role) ?? role)]));
  const lines = [
    "CPU µs per request by stage: the CPU time measured, shared out as each server's profile shows it (measured runs only):",
  ];
  for (const endpoint of figures) {
    const results = BOTS.map(([role]) => {
      const profile = profiles.get(role);
      const window = endpoint[role].window;
      return profile && window ? breakdown(profile, window) : undefined;
    });
    lines.push(
      `POST ${endpoint.path}`,
      `  ${'stage'.padEnd(13)}${BOTS.map(([, label]) => label.padStart(13)).join('')}`,
    );
    for (const stage of [...STAGES, 'total'] as const) {
      const cells = BOTS.map(([role], index) =>
        perRequest(results[index], endpoint[role], stage).padStart(13),
      );
      if (cells.every((cell) => cell.trim() === '0')) continue;
      lines.push(`  ${stage.padEnd(13)}${cells.join('')}`);
    }
  }
  return lines.join('\n');
}
