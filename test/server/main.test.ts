/** `npm start`, run as a user runs it: the built entry point in its own process, with the script's flags. */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SlackStandIn } from '../slack/support/slackStandIn';
import { personalMessage } from '../teams/support/activities';
import { startConnectorStandIn } from '../teams/support/connectorStandIn';

const ROOT = join(__dirname, '..', '..');
const MAIN = 'dist/bots/server/main.js';

/**
 * The Node flags of `npm start` ("node FLAGS… dist/bots/server/main.js"), so that the test starts
 * the server exactly as the script does, and sees what a user sees on its standard error.
 */
function startScriptFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [command, ...rest] = (scripts.start ?? '').trim().split(/\s+/);
  if (command !== 'node' || rest.at(-1) !== MAIN) throw new Error(`npm start is not "node … ${MAIN}"`);
  return rest.slice(0, -1);
}

/**
 * Loading botbuilder and restify takes a second on a quiet machine and several while the other test
 * files run on both cores; the budget is for a slow machine, a healthy start takes far less.
 */
const START_BUDGET_MS = 20_000;
const TEST_TIMEOUT_MS = START_BUDGET_MS + 15_000;

/**
 * Only what the server needs: no settings leak in from the developer's environment. The state is
 * kept in memory: a test must not leave a database in the project, nor find one from an earlier run
 * (its deliveries, seen then, would be taken for redeliveries).
 */
const env = (settings: Record<string, string>) => ({
  PATH: process.env.PATH ?? '',
  STATE_URL: 'memory:',
  ...settings,
});

interface LogLine {
  msg: string;
  [field: string]: unknown;
}

interface Server {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the exit code once the process has ended and its output is read, however it ends. */
  exited: Promise<number | null>;
  /** Resolves with the port once the server logs "listening"; never settles if it does not. */
  listening: Promise<number>;
  stdout: LogLine[];
  stderr: () => string;
}

function spawnServer(settings: Record<string, string>): Server {
  const child = spawn(process.execPath, [...startScriptFlags(), MAIN], { cwd: ROOT, env: env(settings) });
  // Listened for from the start, so that an exit before anyone waits for it is not missed; 'close'
  // comes after the output streams have ended, so stdout and stderr are complete by then.
  const exited = once(child, 'close').then(([code]) => code as number | null);
  let onListening: (port: number) => void = () => {};
  const listening = new Promise<number>((resolve) => {
    onListening = resolve;
  });
  const stdout: LogLine[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    let logged: LogLine;
    try {
      logged = JSON.parse(line) as LogLine;
    } catch {
      logged = { msg: `(not JSON) ${line}` };
    }
    stdout.push(logged);
    if (logged.msg === 'listening') onListening(logged.port as number);
  });
  return { child, exited, listening, stdout, stderr: () => stderr };
}

async function stop(server: Server): Promise<number | null> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  return server.exited;
}

/**
 * Starts the server and resolves once it is ready: its "listening" line, which it logs after every
 * channel has started and the port is bound (the moment /readyz turns 200). Stops it on failure.
 */
async function start(settings: Record<string, string>): Promise<Server & { port: number }> {
  const server = spawnServer(settings);
  let budget: NodeJS.Timeout | undefined;
  try {
    const port = await Promise.race([
      server.listening,
      server.exited.then((code) => Promise.reject(new Error(`exited with ${code} before listening`))),
      new Promise<never>((_, reject) => {
        budget = setTimeout(
          () => reject(new Error(`not listening within ${START_BUDGET_MS} ms`)),
          START_BUDGET_MS,
        );
      }),
    ]);
    return { ...server, port };
  } catch (error) {
    await stop(server);
    throw new Error(`${(error as Error).message}; stderr: ${server.stderr()}`);
  } finally {
    clearTimeout(budget);
  }
}

test.each([
  [{ PORT: 'eighty' }, 'PORT'],
  [{ MicrosoftAppPassword: 'secret-value' }, 'MicrosoftAppPassword'],
  [{ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', MicrosoftAppType: 'Personal' }, 'MicrosoftAppType'],
  [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
])(
  'a wrong setting %j stops it with one line naming %s',
  async (settings, name) => {
    const server = spawnServer(settings);
    const killer = setTimeout(() => server.child.kill('SIGKILL'), START_BUDGET_MS);
    const code = await server.exited;
    clearTimeout(killer);
    expect(code).toBe(1);
    const lines = server.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
    expect(server.stderr()).not.toContain('secret-value');
  },
  TEST_TIMEOUT_MS,
);

test(
  'every wrong or missing setting is named at once, one line each',
  async () => {
    const server = spawnServer({
      PORT: 'eighty',
      MicrosoftAppType: 'bogus',
      LOG_LEVEL: 'loud',
      SLACK_BOT_TOKEN: 'xoxb-secret-value',
    });
    const killer = setTimeout(() => server.child.kill('SIGKILL'), START_BUDGET_MS);
    const code = await server.exited;
    clearTimeout(killer);
    expect(code).toBe(1);
    const lines = server.stderr().trim().split('\n');
    expect(lines.map((line) => /bad setting (\w+):/.exec(line)?.[1]).sort()).toEqual(
      ['LOG_LEVEL', 'MicrosoftAppType', 'PORT', 'SLACK_SIGNING_SECRET'].sort(),
    );
    expect(server.stderr()).not.toContain('secret-value');
  },
  TEST_TIMEOUT_MS,
);

test(
  'without a bot registration it serves Teams in local mode on loopback and says so',
  async () => {
    const connector = await startConnectorStandIn();
    const server = await start({ PORT: '0', HOST: '127.0.0.1' });
    try {
      const { port, stdout } = server;
      expect(stdout.find((line) => line.msg === 'listening')).toMatchObject({ host: '127.0.0.1' });
      expect(stdout.map((line) => line.msg).join('\n')).toMatch(/local mode: requests are NOT authenticated/);

      const ready = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(10_000) });
      expect(ready.status).toBe(200);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(10_000) });
      expect(health.status).toBe(200);

      const reply = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(personalMessage('4.4.316', { serviceUrl: connector.url })),
        signal: AbortSignal.timeout(10_000),
      });
      expect(reply.status).toBe(200);
      expect(connector.calls[0]?.body.attachments[0].content.body[0].text).toBe('4.4.316 Connection refused');
    } finally {
      expect(await stop(server)).toBe(0);
      await connector.close();
    }
    // Nothing a user can do nothing about: no deprecation or other warning from the libraries.
    expect(server.stderr()).toBe('');
  },
  TEST_TIMEOUT_MS,
);

test(
  'with a bot registration it says requests are authenticated and never logs the secret',
  async () => {
    const server = await start({
      PORT: '0',
      HOST: '127.0.0.1',
      MicrosoftAppId: '00000000-0000-0000-0000-0000000000a1',
      MicrosoftAppPassword: 'secret-value',
    });
    try {
      expect(server.stdout.map((line) => line.msg).join('\n')).toMatch(/every request authenticated/);
    } finally {
      expect(await stop(server)).toBe(0);
    }
    expect(JSON.stringify(server.stdout)).not.toContain('secret-value');
    expect(server.stderr()).toBe('');
  },
  TEST_TIMEOUT_MS,
);

const SLACK_OAUTH = {
  SLACK_CLIENT_ID: '1111.2222',
  SLACK_CLIENT_SECRET: 'client-secret-value',
  SLACK_STATE_SECRET: 'state-secret-value',
  SLACK_SIGNING_SECRET: 'signing-secret-value',
};

test(
  'the three Slack OAuth settings and the signing secret alone start it, serving the install, calling nothing',
  async () => {
    const slack = await SlackStandIn.start();
    const server = await start({ PORT: '0', HOST: '127.0.0.1', ...SLACK_OAUTH, SLACK_API_URL: slack.apiUrl });
    try {
      expect(server.stdout.map((line) => line.msg).join('\n')).toMatch(
        /many workspaces, installed at GET \/slack\/install/,
      );
      const install = await fetch(`http://127.0.0.1:${server.port}/slack/install`, {
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
      expect(install.status).toBe(302);
      expect(install.headers.get('location')).toMatch(/^https:\/\/slack\.com\/oauth\/v2\/authorize\?/);
      // No token, so no auth.test or any other call at start-up.
      expect(slack.attempts).toEqual([]);
    } finally {
      expect(await stop(server)).toBe(0);
      await slack.close();
    }
    expect(JSON.stringify(server.stdout)).not.toMatch(/secret-value/);
    expect(server.stderr()).toBe('');
  },
  TEST_TIMEOUT_MS,
);

test.each(['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN'])(
  'the OAuth settings with %s stop it with a line naming both',
  async (token) => {
    const server = spawnServer({ ...SLACK_OAUTH, [token]: 'xapp-xoxb-secret-value' });
    const killer = setTimeout(() => server.child.kill('SIGKILL'), START_BUDGET_MS);
    const code = await server.exited;
    clearTimeout(killer);
    expect(code).toBe(1);
    expect(server.stderr().trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`${token}: .*SLACK_CLIENT_ID`)),
    ]);
    expect(server.stderr()).not.toContain('secret-value');
  },
  TEST_TIMEOUT_MS,
);
