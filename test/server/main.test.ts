/** `npm start`, run as a user runs it: the built entry point in its own process. */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { personalMessage } from '../teams/support/activities';
import { startConnectorStandIn } from '../teams/support/connectorStandIn';

const MAIN = join(__dirname, '..', '..', 'dist', 'bots', 'server', 'main.js');

/** Only what the server needs: no settings leak in from the developer's environment. */
const env = (settings: Record<string, string>) => ({ PATH: process.env.PATH ?? '', ...settings });

interface LogLine {
  msg: string;
  [field: string]: unknown;
}

/** Starts the server and resolves with its start-up log once it is listening. */
async function start(settings: Record<string, string>) {
  const child = spawn(process.execPath, [MAIN], { env: env(settings) });
  const lines: LogLine[] = [];
  const listening = new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const parsed = JSON.parse(line) as LogLine;
      lines.push(parsed);
      if (parsed.msg === 'listening') resolve(parsed.port as number);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
  });
  const port = await Promise.race([
    listening,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('no start within 15 s')), 15_000).unref(),
    ),
  ]);
  return { child, port, lines };
}

async function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  return code as number | null;
}

test.each([
  [{ PORT: 'eighty' }, 'PORT'],
  [{ MicrosoftAppPassword: 'secret-value' }, 'MicrosoftAppPassword'],
  [{ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', MicrosoftAppType: 'Personal' }, 'MicrosoftAppType'],
  [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
])('a wrong setting %j stops it with one line naming %s', (settings, name) => {
  const result = spawnSync(process.execPath, [MAIN], {
    env: env(settings),
    encoding: 'utf8',
    timeout: 15_000,
  });
  expect(result.status).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(name);
  expect(result.stderr).not.toContain('secret-value');
});

test('every wrong or missing setting is named at once, one line each', () => {
  const result = spawnSync(process.execPath, [MAIN], {
    env: env({
      PORT: 'eighty',
      MicrosoftAppType: 'bogus',
      LOG_LEVEL: 'loud',
      SLACK_BOT_TOKEN: 'xoxb-secret-value',
    }),
    encoding: 'utf8',
    timeout: 15_000,
  });
  expect(result.status).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines.map((line) => /bad setting (\w+):/.exec(line)?.[1]).sort()).toEqual(
    ['LOG_LEVEL', 'MicrosoftAppType', 'PORT', 'SLACK_SIGNING_SECRET'].sort(),
  );
  expect(result.stderr).not.toContain('secret-value');
});

test('without a bot registration it serves Teams in local mode on loopback and says so', async () => {
  const connector = await startConnectorStandIn();
  const { child, port, lines } = await start({ PORT: '0', HOST: '127.0.0.1' });
  try {
    expect(lines.find((line) => line.msg === 'listening')).toMatchObject({ host: '127.0.0.1' });
    expect(lines.map((line) => line.msg).join('\n')).toMatch(/local mode: requests are NOT authenticated/);

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
    expect(await stop(child)).toBe(0);
    await connector.close();
  }
});

test('with a bot registration it says requests are authenticated and never logs the secret', async () => {
  const { child, lines } = await start({
    PORT: '0',
    HOST: '127.0.0.1',
    MicrosoftAppId: '00000000-0000-0000-0000-0000000000a1',
    MicrosoftAppPassword: 'secret-value',
  });
  try {
    expect(lines.map((line) => line.msg).join('\n')).toMatch(/every request authenticated/);
  } finally {
    expect(await stop(child)).toBe(0);
  }
  expect(JSON.stringify(lines)).not.toContain('secret-value');
});
