/**
 * Probes get a short answer and at most one short log line: a browser's GET /, the Agents
 * Playground's HEAD on the endpoint, a scanner's unknown path. No stack trace in any log line.
 */
import { useBothChannels } from './support/bothChannels';

const channels = useBothChannels();

async function probe(base: string, method: string, path: string) {
  const response = await fetch(`${base}${path}`, { method, signal: AbortSignal.timeout(10_000) });
  const body = await response.text();
  return { status: response.status, allow: response.headers.get('allow'), body };
}

/** Log lines above debug written while `work` ran. */
async function linesDuring(logs: readonly Record<string, unknown>[], work: () => Promise<unknown>) {
  const before = logs.length;
  await work();
  return logs.slice(before).filter((line) => Number(line.level) > 20);
}

test('GET / and HEAD / answer 200 with the bot’s name, and log nothing above debug', async () => {
  const lines = await linesDuring(channels.teams.logs, async () => {
    const root = await probe(channels.teams.base, 'GET', '/');
    expect(root.status).toBe(200);
    expect(JSON.parse(root.body)).toEqual({ name: 'mailflow-bot' });
    expect((await probe(channels.teams.base, 'HEAD', '/')).status).toBe(200);
  });
  expect(lines).toEqual([]);
});

test.each([
  ['HEAD', '/api/messages'],
  ['GET', '/api/messages'],
])('%s %s answers 405, allowing POST, and logs nothing above debug', async (method, path) => {
  const lines = await linesDuring(channels.teams.logs, async () => {
    const answer = await probe(channels.teams.base, method, path);
    expect(answer.status).toBe(405);
    expect(answer.allow).toBe('POST');
  });
  expect(lines).toEqual([]);
});

test.each([
  ['HEAD', '/slack/events'],
  ['GET', '/slack/events'],
])('%s %s answers 405 on the Slack side too', async (method, path) => {
  const lines = await linesDuring(channels.slack.logs, async () => {
    expect((await probe(channels.slack.baseUrl, method, path)).status).toBe(405);
  });
  expect(lines).toEqual([]);
});

test('an unknown path gets 404 and one short line without a stack trace', async () => {
  const lines = await linesDuring(channels.teams.logs, async () => {
    expect((await probe(channels.teams.base, 'GET', '/wp-login.php')).status).toBe(404);
  });
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({
    msg: 'request refused',
    method: 'GET',
    path: '/wp-login.php',
    status: 404,
  });
  expect(JSON.stringify(lines[0])).not.toMatch(/stack|\n {4}at /);
  expect(JSON.stringify(lines[0]).length).toBeLessThan(300);
});
