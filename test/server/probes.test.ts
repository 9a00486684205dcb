/**
 * Probes get a short answer and at most one short log line: a browser's GET /, the Agents
 * Playground's HEAD on the endpoint, a scanner's unknown path. No stack trace in any log line.
 */
import { type SlackTestServer, startSlackServer } from '../slack/support/slackServer';
import { type Harness, startHarness } from '../teams/support/botHarness';

let teams: Harness;
let slack: SlackTestServer;
beforeAll(async () => {
  teams = await startHarness();
  slack = await startSlackServer();
});
afterAll(async () => {
  await teams.close();
  await slack.close();
});

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
  const lines = await linesDuring(teams.logs, async () => {
    const root = await probe(teams.base, 'GET', '/');
    expect(root.status).toBe(200);
    expect(JSON.parse(root.body)).toEqual({ name: 'mailflow-bot' });
    expect((await probe(teams.base, 'HEAD', '/')).status).toBe(200);
  });
  expect(lines).toEqual([]);
});

test.each([
  ['HEAD', '/api/messages'],
  ['GET', '/api/messages'],
])('%s %s answers 405, allowing POST, and logs nothing above debug', async (method, path) => {
  const lines = await linesDuring(teams.logs, async () => {
    const answer = await probe(teams.base, method, path);
    expect(answer.status).toBe(405);
    expect(answer.allow).toBe('POST');
  });
  expect(lines).toEqual([]);
});

test.each([
  ['HEAD', '/slack/events'],
  ['GET', '/slack/events'],
])('%s %s answers 405 on the Slack side too', async (method, path) => {
  const lines = await linesDuring(slack.logs, async () => {
    expect((await probe(slack.baseUrl, method, path)).status).toBe(405);
  });
  expect(lines).toEqual([]);
});

test('an unknown path gets 404 and one short line without a stack trace', async () => {
  const lines = await linesDuring(teams.logs, async () => {
    expect((await probe(teams.base, 'GET', '/wp-login.php')).status).toBe(404);
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
