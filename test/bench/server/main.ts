/**
 * `npm run bench:server`: our bot server against an echo bot on the same stack, per endpoint, on
 * loopback only, each server in its own process with local stand-ins for the Bot Framework connector
 * and the Slack Web API. `-- --soak 300` instead runs a steady mixed load on our server for that many
 * seconds and tells whether memory levelled off. `-- --state memory,sqlite,redis` measures our server
 * alone on each state backend in turn, several rounds, and prints them side by side.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare, TARGETS } from './accounting';
import { type BenchArgs, parseArgs } from './args';
import { type ServerProcess, type StandInsProcess, startStandInsProcess } from './children';
import { measure } from './comparison';
import { ENDPOINTS } from './endpoints';
import { comparisonReport, type EndpointFigures, type StateFigures, soakReport, stateReport } from './report';
import { countProblems, type Role, startServer } from './servers';
import { soak } from './soak';
import { stageReport } from './stageReport';
import { type BenchState, prepareState } from './states';

const say = (line: string) => process.stderr.write(`${line}\n`);

async function compareServers(
  standIns: StandInsProcess,
  args: BenchArgs,
  workDir: string,
  state: BenchState,
) {
  const servers: ServerProcess[] = [];
  const figures: EndpointFigures[] = [];
  const serverNames = new Map<Role, string>();
  try {
    const echo = await startServer('echo', standIns, workDir, args.cpuProfile);
    servers.push(echo);
    const fixedAnswer = await startServer('fixedAnswer', standIns, workDir, args.cpuProfile);
    servers.push(fixedAnswer);
    const answerOnly = await startServer('answerOnly', standIns, workDir, args.cpuProfile);
    servers.push(answerOnly);
    const ours = await startServer('ours', standIns, workDir, args.cpuProfile, false, state);
    servers.push(ours);
    for (const [role, server] of [
      ['echo', echo],
      ['fixedAnswer', fixedAnswer],
      ['answerOnly', answerOnly],
      ['ours', ours],
    ] as const)
      serverNames.set(role, server.name);
    for (const endpoint of ENDPOINTS) {
      if (args.only && endpoint.name !== args.only) continue;
      say(`${endpoint.path}: echo bot…`);
      const echoFigures = await measure(echo, 'echo', endpoint, standIns, args);
      say(`${endpoint.path}: echo bot replying with a fixed answer…`);
      const fixedAnswerFigures = await measure(fixedAnswer, 'fixedAnswer', endpoint, standIns, args);
      say(`${endpoint.path}: echo bot replying with the answer…`);
      const answerOnlyFigures = await measure(answerOnly, 'answerOnly', endpoint, standIns, args);
      say(`${endpoint.path}: our server…`);
      const ourFigures = await measure(ours, 'ours', endpoint, standIns, args);
      figures.push({
        name: endpoint.name,
        path: endpoint.path,
        echo: echoFigures,
        fixedAnswer: fixedAnswerFigures,
        answerOnly: answerOnlyFigures,
        ours: ourFigures,
        headline: compare(ourFigures, fixedAnswerFigures, TARGETS[endpoint.name]),
        toEcho: compare(ourFigures, echoFigures),
        toAnswerOnly: compare(ourFigures, answerOnlyFigures),
        fixedToEcho: compare(fixedAnswerFigures, echoFigures),
      });
    }
    process.stdout.write(
      `${comparisonReport(figures)}\n` +
        `our state on ${state.backend}; ${args.connections} connections, ${args.warmup} s warm-up, ${args.duration} s measured per row; Node ${process.version}\n` +
        `warnings and errors in our server's log: ${countProblems(readFileSync(ours.logFile, 'utf8'))}\n`,
    );
  } finally {
    for (const server of servers) await server.stop();
  }
  // The servers write their profiles as they exit; the figures stay beside them for a closer look.
  if (args.cpuProfile) {
    writeFileSync(join(workDir, 'figures.json'), JSON.stringify(figures, null, 2));
    process.stdout.write(`${stageReport(workDir, figures, serverNames)}\n`);
  }
}

/**
 * Our server alone, once on each backend in turn per endpoint, `rounds` times, each round starting
 * with the next backend: on a shared machine, alternating runs and their spread say more than one run each.
 */
async function compareStates(
  standIns: StandInsProcess,
  args: BenchArgs,
  workDir: string,
  states: readonly BenchState[],
) {
  const servers: ServerProcess[] = [];
  try {
    for (const state of states)
      servers.push(await startServer('ours', standIns, workDir, args.cpuProfile, false, state));
    const figures: StateFigures[] = [];
    for (const endpoint of ENDPOINTS) {
      if (args.only && endpoint.name !== args.only) continue;
      figures.push({
        path: endpoint.path,
        runs: states.map((state) => ({ backend: state.backend, runs: [] })),
      });
    }
    for (let round = 0; round < args.rounds; round++) {
      for (const endpointFigures of figures) {
        const endpoint = ENDPOINTS.find((candidate) => candidate.path === endpointFigures.path);
        if (!endpoint) continue;
        for (let turn = 0; turn < states.length; turn++) {
          const index = (round + turn) % states.length;
          const server = servers[index];
          const backend = endpointFigures.runs[index];
          if (!server || !backend) continue;
          say(`round ${round + 1}/${args.rounds}: ${endpoint.path} on ${backend.backend}…`);
          backend.runs.push(await measure(server, 'ours', endpoint, standIns, args));
        }
      }
    }
    const problems = servers.map(
      (server, index) => `${states[index]?.backend} ${countProblems(readFileSync(server.logFile, 'utf8'))}`,
    );
    process.stdout.write(
      `${stateReport(figures)}\n` +
        `${args.rounds} rounds, ${args.connections} connections, ${args.warmup} s warm-up, ${args.duration} s measured per run; Node ${process.version}\n` +
        `warnings and errors in our servers' logs: ${problems.join(', ')}\n`,
    );
  } finally {
    for (const server of servers) await server.stop();
  }
}

async function soakServer(standIns: StandInsProcess, args: BenchArgs, workDir: string, state: BenchState) {
  // --expose-gc: each sample reads the live heap after a full collection.
  const ours = await startServer('ours', standIns, workDir, args.cpuProfile, true, state);
  try {
    say(`soak: ${args.soak} s at ${args.rate} req/s, state on ${state.backend}…`);
    const result = await soak(ours, standIns, args);
    process.stdout.write(
      `${soakReport(result, args.soak ?? 0, args.rate)}\n` +
        `warnings and errors in our server's log: ${countProblems(readFileSync(ours.logFile, 'utf8'))}\n`,
    );
  } finally {
    await ours.stop();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const workDir = mkdtempSync(join(tmpdir(), 'mailflow-bench-'));
  const standIns = await startStandInsProcess();
  const states: BenchState[] = [];
  try {
    for (const backend of args.state) states.push(await prepareState(backend, workDir));
    const [only] = states;
    if (states.length > 1) await compareStates(standIns, args, workDir, states);
    else if (!only) throw new Error('no --state');
    else if (args.soak) await soakServer(standIns, args, workDir, only);
    else await compareServers(standIns, args, workDir, only);
  } finally {
    for (const state of states) await state.stop();
    await standIns.stop();
    if (args.cpuProfile) say(`CPU profiles and logs kept in ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  say(`bench:server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
