/**
 * Installations outlive the process and are shared by replicas: two workspaces installed through the
 * real routes are answered with their own tokens after a restart on the same SQLite file, and by
 * either of two servers on one real redis-server, whichever replica took each step of the install.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RedisServer, startRedisServer } from '../support/redisServer';
import {
  finishInstall,
  install,
  type OAuthTestServer,
  startInstall,
  startOAuthServer,
  workspace,
} from './support/oauthServer';
import { SlackStandIn } from './support/slackStandIn';

// Two or three servers start and stop in each test, each opening its store: with the other test files
// on both cores, that takes longer than Jest's default 5 s (a quiet machine takes about 2).
jest.setTimeout(30_000);

const CONTOSO = workspace('TCONTOSO');
const FABRIKAM = workspace('TFABRIKAM');

let standIn: SlackStandIn;
const servers: OAuthTestServer[] = [];

const start = async (stateUrl: string) => {
  const server = await startOAuthServer(standIn, stateUrl);
  servers.push(server);
  return server;
};

const stop = async (server: OAuthTestServer) => {
  servers.splice(servers.indexOf(server), 1);
  await server.close();
};

/** Each workspace's mention, sent to the given server, is answered there with its own token. */
async function expectOwnTokens(pairs: [OAuthTestServer, typeof CONTOSO][]): Promise<void> {
  const before = standIn.callsOf('chat.postMessage').length;
  for (const [server, team] of pairs)
    expect((await server.mention(team.teamId, '4.4.316', `U${team.teamId}1`)).status).toBe(200);
  await standIn.waitFor('chat.postMessage', () => true, before + pairs.length);
  const posts = standIn.callsOf('chat.postMessage').slice(before);
  for (const [, team] of pairs)
    expect(posts.filter((call) => call.token === standIn.tokenOf(team.teamId))).toHaveLength(
      pairs.filter(([, other]) => other === team).length,
    );
}

beforeEach(async () => {
  standIn = await SlackStandIn.start();
});

afterEach(async () => {
  for (const server of [...servers]) await stop(server);
  await standIn.close();
});

describe('on SQLite', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'mailflow-oauth-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  test('installations survive a restart, sealed on disk', async () => {
    const stateUrl = `sqlite:${join(folder, 'state.db')}`;
    const first = await start(stateUrl);
    expect((await install(first.baseUrl, standIn, CONTOSO)).status).toBe(200);
    expect((await install(first.baseUrl, standIn, FABRIKAM)).status).toBe(200);
    await stop(first);

    // No token is readable in the database's files.
    const onDisk = readdirSync(folder)
      .map((file) => readFileSync(join(folder, file)).toString('latin1'))
      .join('');
    expect(onDisk).not.toContain(standIn.tokenOf(CONTOSO.teamId));
    expect(onDisk).not.toContain('xoxb-');

    const calls = standIn.calls.length;
    const second = await start(stateUrl);
    // Nothing is called at start-up: there is no token of its own to call with.
    expect(standIn.calls.length).toBe(calls);
    await expectOwnTokens([
      [second, CONTOSO],
      [second, FABRIKAM],
    ]);
  });
});

describe('on Redis, two replicas', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  test('an install begun on one replica finishes on the other; each replica answers every workspace', async () => {
    const a = await start(redis.url(3));
    const b = await start(redis.url(3));
    // The browser starts at one replica, and the load balancer sends Slack's redirect to the other.
    const begun = await startInstall(a.baseUrl);
    const code = standIn.grant(CONTOSO);
    expect((await finishInstall(b.baseUrl, { code, state: begun.state }, begun.cookie)).status).toBe(200);
    expect((await install(b.baseUrl, standIn, FABRIKAM, { finishAt: a.baseUrl })).status).toBe(200);

    // The same redirect replayed at the first replica: its state was used on the other.
    expect((await finishInstall(a.baseUrl, { code, state: begun.state }, begun.cookie)).status).toBe(400);
    expect(standIn.callsOf('oauth.v2.access')).toHaveLength(2);

    await expectOwnTokens([
      [a, CONTOSO],
      [b, FABRIKAM],
      [b, CONTOSO],
      [a, FABRIKAM],
    ]);

    // Uninstalled through one replica: the other refuses the workspace too.
    await a.event(CONTOSO.teamId, { type: 'app_uninstalled', event_ts: '1720000000.9' });
    await a.waitForLog((line) => line.event === 'app_uninstalled');
    const calls = standIn.calls.length;
    await b.mention(CONTOSO.teamId, '4.4.316', 'UC9');
    await b.waitForLog(
      (line) => line.teamId === CONTOSO.teamId && String(line.msg).startsWith('Slack request refused'),
    );
    expect(
      b.logs.find(
        (line) => line.teamId === CONTOSO.teamId && String(line.msg).startsWith('Slack request refused'),
      )?.msg,
    ).toBe('Slack request refused: this workspace has not installed the app');
    expect(standIn.calls.length).toBe(calls);
  });
});
