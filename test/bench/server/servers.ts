/** The two servers under comparison, started the same way: ours (the built `npm start`) and the echo bot. */
import { join } from 'node:path';
import { type ServerProcess, type StandInsProcess, startServerProcess } from './children';

/** A test secret: the bench signs its Slack requests with it, and both servers check them. */
export const BENCH_SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';

/**
 * Our server; the echo bot; the echo bot replying to everything with one answer rendered at start-up
 * ("fixed answer"); the echo bot replying with the core's answer to each message ("answer only").
 */
export type Role = 'ours' | 'echo' | 'fixedAnswer' | 'answerOnly';

const SCRIPTS: Record<Role, string> = {
  ours: join(__dirname, '..', '..', '..', 'bots', 'server', 'main.js'),
  echo: join(__dirname, 'echoBot.js'),
  fixedAnswer: join(__dirname, 'echoBot.js'),
  answerOnly: join(__dirname, 'echoBot.js'),
};

/** Our server's state: the backend, named in the process's name, and its `STATE_URL`. */
export interface OurState {
  readonly backend: string;
  readonly url: string;
}

export function startServer(
  role: Role,
  standIns: StandInsProcess,
  workDir: string,
  cpuProfile: boolean,
  exposeGc = false,
  state?: OurState,
): Promise<ServerProcess> {
  return startServerProcess({
    name: state ? `${role}-${state.backend}` : role,
    script: SCRIPTS[role],
    workDir,
    cpuProfile,
    exposeGc,
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      // Production's level: one line per answer, message text never.
      LOG_LEVEL: 'info',
      // Teams in local mode (no MicrosoftAppId): no token to fetch or check, as with the Emulator.
      SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench-not-real',
      SLACK_API_URL: standIns.slackApiUrl,
      ...(state ? { STATE_URL: state.url } : {}),
      ...(role === 'answerOnly' ? { ECHO_REPLY: 'answer' } : {}),
      ...(role === 'fixedAnswer' ? { ECHO_REPLY: 'fixed' } : {}),
    },
  });
}

/** Warnings and errors the server logged (pino levels 40 and up): a clean run has none. */
export function countProblems(logText: string): number {
  let problems = 0;
  for (const line of logText.split('\n')) {
    const level = /"level":(\d+)/.exec(line)?.[1];
    if (level !== undefined && Number(level) >= 40) problems += 1;
  }
  return problems;
}
