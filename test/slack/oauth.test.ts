/**
 * Slack for many workspaces, through real HTTP: installs through GET /slack/install and the
 * redirect, as a browser does, against the Slack stand-in, which issues each workspace its own token
 * and refuses any other; then each workspace's requests, uninstalls and token rotation.
 */
import { BOT_SCOPES } from '../../bots/slack/oauth/scopes';
import {
  finishInstall,
  install,
  type OAuthTestServer,
  startInstall,
  startOAuthServer,
  workspace,
} from './support/oauthServer';
import { click } from './support/slackServer';
import { SlackStandIn } from './support/slackStandIn';

const CONTOSO = workspace('TCONTOSO', 'Contoso <Ops> & Co');
const FABRIKAM = workspace('TFABRIKAM', 'Fabrikam');

let standIn: SlackStandIn;
let bot: OAuthTestServer;

beforeEach(async () => {
  standIn = await SlackStandIn.start();
  bot = await startOAuthServer(standIn);
});

afterEach(async () => {
  await bot.close();
  await standIn.close();
});

const postsBy = (token: string | undefined) =>
  standIn.callsOf('chat.postMessage').filter((call) => call.token === token);

test('starts with no token and calls nothing; GET /slack/install redirects to Slack with the state in a cookie', async () => {
  expect(standIn.calls).toEqual([]);
  const start = await startInstall(bot.baseUrl);
  expect(start.response.status).toBe(302);
  expect(start.authorizeUrl.origin + start.authorizeUrl.pathname).toBe(
    'https://slack.com/oauth/v2/authorize',
  );
  expect(start.authorizeUrl.searchParams.get('client_id')).toBe('1111.2222');
  expect(start.authorizeUrl.searchParams.get('scope')?.split(',')).toEqual([...BOT_SCOPES]);
  expect(start.state).toMatch(/\S{20,}/);
  expect(start.cookie).toBe(`slack-app-oauth-state=${start.state}`);
  expect(start.response.headers.get('set-cookie')).toMatch(/HttpOnly/);
  expect(standIn.calls).toEqual([]);
});

test('two workspaces installed through the routes are each answered with their own token', async () => {
  const contoso = await install(bot.baseUrl, standIn, CONTOSO, { acceptLanguage: 'es-MX,es;q=0.9' });
  expect(contoso.status).toBe(200);
  const page = await contoso.text();
  expect(contoso.headers.get('content-language')).toBe('es');
  expect(page).toContain('Mail Flow Bot está instalado');
  // The workspace's name is Slack's data, shown as text.
  expect(page).toContain('Contoso &lt;Ops&gt; &amp; Co');
  expect((await install(bot.baseUrl, standIn, FABRIKAM)).status).toBe(200);
  expect(standIn.callsOf('oauth.v2.access')).toHaveLength(2);

  const contosoToken = standIn.tokenOf(CONTOSO.teamId);
  const fabrikamToken = standIn.tokenOf(FABRIKAM.teamId);
  expect(contosoToken).not.toBe(fabrikamToken);

  expect((await bot.mention(CONTOSO.teamId, '4.4.316', 'UC1')).status).toBe(200);
  expect((await bot.mention(FABRIKAM.teamId, '4.7.320', 'UF1')).status).toBe(200);
  await standIn.waitFor('chat.postMessage', () => true, 2);
  expect(postsBy(contosoToken)).toHaveLength(1);
  expect(postsBy(fabrikamToken)).toHaveLength(1);
  // users.info too went out with each workspace's own token.
  const lookups = standIn.callsOf('users.info');
  expect(lookups.find((call) => call.body.user === 'UC1')?.token).toBe(contosoToken);
  expect(lookups.find((call) => call.body.user === 'UF1')?.token).toBe(fabrikamToken);
  // Every call after the installs carried a token Slack issued.
  expect(bot.logs.filter((line) => /invalid_auth/.test(JSON.stringify(line)))).toEqual([]);

  // A click on the answer redraws it with chat.update, with the clicking workspace's token.
  const answer = postsBy(fabrikamToken)[0];
  const clicked = click({
    user: 'UF1',
    actionId: 'mailflow_fold_commands',
    blocks: answer?.body.blocks as unknown[],
    ephemeral: false,
    responseId: 'r1',
    standIn,
    messageTs: '1720000100.000100',
  });
  const team = { id: FABRIKAM.teamId, domain: 'fabrikam' };
  await bot.action({ ...clicked, team, user: { id: 'UF1', username: 'uf1', team_id: FABRIKAM.teamId } });
  const updated = await standIn.waitFor('chat.update');
  expect(updated.token).toBe(fabrikamToken);

  // A slash command is answered in its acknowledgement, as in one workspace.
  const reply = await bot.command(FABRIKAM.teamId, 'UF2', '4.4.316');
  expect(reply.status).toBe(200);
  expect(JSON.stringify(await reply.json())).toContain('4.4.316');
});

test('no token, refresh token or client secret reaches the log, even at debug', async () => {
  await install(bot.baseUrl, standIn, CONTOSO, { expiresIn: 600 });
  const first = standIn.tokenOf(CONTOSO.teamId) ?? '';
  await bot.mention(CONTOSO.teamId, '4.4.316', 'UC1');
  await standIn.waitFor('chat.postMessage');
  const log = JSON.stringify(bot.logs);
  expect(bot.logs.some((line) => line.level === 20)).toBe(true);
  for (const secret of [first, standIn.tokenOf(CONTOSO.teamId) ?? '', 'xoxe-1-', 'stand-in-client-secret'])
    expect(log).not.toContain(secret);
});

test.each([
  ['a forged state', (state: string) => `${state.slice(0, -4)}AAAA`, true],
  ['no state', () => undefined, true],
  ['no cookie', (state: string) => state, false],
])('%s gets a 400 and no code exchange', async (_case, sent, withCookie) => {
  const start = await startInstall(bot.baseUrl);
  const state = sent(start.state);
  const response = await finishInstall(
    bot.baseUrl,
    { code: standIn.grant(CONTOSO), ...(state === undefined ? {} : { state }) },
    // The cookie holds what the query says, so that only the case's own fault is at play.
    withCookie ? `slack-app-oauth-state=${state ?? start.state}` : undefined,
  );
  expect(response.status).toBe(400);
  expect(await response.text()).toContain('The installation did not complete');
  expect(standIn.callsOf('oauth.v2.access')).toEqual([]);
  expect(await bot.state.installations.get({ scope: 'team', teamId: CONTOSO.teamId })).toBeUndefined();
});

test('a cookie from another browser does not match the state', async () => {
  const mine = await startInstall(bot.baseUrl);
  const theirs = await startInstall(bot.baseUrl);
  const response = await finishInstall(
    bot.baseUrl,
    { code: standIn.grant(CONTOSO), state: mine.state },
    theirs.cookie,
  );
  expect(response.status).toBe(400);
  expect(standIn.callsOf('oauth.v2.access')).toEqual([]);
});

test('a replayed redirect is refused before its code reaches Slack', async () => {
  const start = await startInstall(bot.baseUrl);
  const code = standIn.grant(CONTOSO);
  expect((await finishInstall(bot.baseUrl, { code, state: start.state }, start.cookie)).status).toBe(200);
  const replay = await finishInstall(bot.baseUrl, { code, state: start.state }, start.cookie, 'pl-PL');
  expect(replay.status).toBe(400);
  expect(await replay.text()).toContain('Instalacja nie została ukończona');
  expect(standIn.callsOf('oauth.v2.access')).toHaveLength(1);
});

test('a code Slack refuses gets a 400 page, and nothing is stored', async () => {
  const start = await startInstall(bot.baseUrl);
  const response = await finishInstall(
    bot.baseUrl,
    { code: 'code-never-issued', state: start.state },
    start.cookie,
  );
  expect(response.status).toBe(400);
  expect(standIn.callsOf('oauth.v2.access')).toHaveLength(1);
  expect(standIn.callsOf('auth.test')).toEqual([]);
});

test('cancelling on Slack’s page shows a page that says so', async () => {
  const start = await startInstall(bot.baseUrl);
  const response = await finishInstall(
    bot.baseUrl,
    { error: 'access_denied', state: start.state },
    start.cookie,
    'it-IT',
  );
  expect(response.status).toBe(200);
  expect(await response.text()).toContain('Installazione annullata');
  expect(standIn.callsOf('oauth.v2.access')).toEqual([]);
});

test('a workspace that never installed the app gets a 2xx, a log line, and no Web API call', async () => {
  await install(bot.baseUrl, standIn, CONTOSO);
  const before = standIn.calls.length;
  const response = await bot.mention('TSTRANGER', '4.4.316', 'US1');
  expect(response.status).toBe(200);
  const command = await bot.command('TSTRANGER', 'US1', '4.4.316');
  expect(command.status).toBe(200);
  expect(await command.text()).toBe('');
  await bot.waitForLog(
    (line) => line.msg === 'Slack request refused: this workspace has not installed the app',
  );
  expect(bot.logs.filter((line) => line.teamId === 'TSTRANGER' && line.level === 40)).toHaveLength(2);
  expect(standIn.calls.length).toBe(before);
  expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
});

test('app_uninstalled deletes the installation, its users’ languages and its follow-ups; later events are refused', async () => {
  await install(bot.baseUrl, standIn, CONTOSO);
  await install(bot.baseUrl, standIn, FABRIKAM);
  const token = standIn.tokenOf(CONTOSO.teamId);
  await bot.command(CONTOSO.teamId, 'UC1', 'lang es');
  await bot.command(CONTOSO.teamId, 'UC1', '4.4.316');
  await bot.command(FABRIKAM.teamId, 'UF1', 'lang pl');
  expect(await bot.state.get('languageChoice', `slack:${CONTOSO.teamId}:UC1`)).toMatchObject({
    locale: 'es',
  });
  expect(await bot.state.get('lastAnswer', `slack:${CONTOSO.teamId}:C1:command:UC1`)).toBeDefined();

  standIn.uninstall(CONTOSO.teamId);
  const uninstalled = await bot.event(CONTOSO.teamId, { type: 'app_uninstalled', event_ts: '1720000000.1' });
  expect(uninstalled.status).toBe(200);
  await bot.waitForLog((line) => line.event === 'app_uninstalled');

  expect(await bot.state.installations.get({ scope: 'team', teamId: CONTOSO.teamId })).toBeUndefined();
  expect(await bot.state.get('languageChoice', `slack:${CONTOSO.teamId}:UC1`)).toBeUndefined();
  expect(await bot.state.get('lastAnswer', `slack:${CONTOSO.teamId}:C1:command:UC1`)).toBeUndefined();
  // The other workspace keeps everything.
  expect(await bot.state.get('languageChoice', `slack:${FABRIKAM.teamId}:UF1`)).toMatchObject({
    locale: 'pl',
  });
  expect(await bot.state.installations.get({ scope: 'team', teamId: FABRIKAM.teamId })).toBeDefined();

  const before = standIn.calls.length;
  expect((await bot.mention(CONTOSO.teamId, '4.4.316', 'UC1')).status).toBe(200);
  await bot.waitForLog(
    (line) =>
      line.teamId === CONTOSO.teamId &&
      line.msg === 'Slack request refused: this workspace has not installed the app',
  );
  expect(standIn.calls.length).toBe(before);
  expect(postsBy(token)).toEqual([]);
});

test('tokens_revoked deletes the installation only when it names a bot token', async () => {
  await install(bot.baseUrl, standIn, CONTOSO);
  const key = { scope: 'team', teamId: CONTOSO.teamId } as const;
  await bot.event(CONTOSO.teamId, {
    type: 'tokens_revoked',
    tokens: { oauth: ['UC1'] },
    event_ts: '1720000000.2',
  });
  // Still installed, and still answered.
  await bot.mention(CONTOSO.teamId, '4.4.316', 'UC1');
  await standIn.waitFor('chat.postMessage');
  expect(await bot.state.installations.get(key)).toBeDefined();
  await bot.event(CONTOSO.teamId, {
    type: 'tokens_revoked',
    tokens: { bot: [CONTOSO.botUserId] },
    event_ts: '1720000000.3',
  });
  await bot.waitForLog((line) => line.event === 'tokens_revoked');
  expect(await bot.state.installations.get(key)).toBeUndefined();
});

test('a rotating token about to expire is refreshed before the answer, and the new one stored', async () => {
  // Expires within the installer's two-hour window: the first request refreshes it.
  await install(bot.baseUrl, standIn, CONTOSO, { expiresIn: 600 });
  const first = standIn.tokenOf(CONTOSO.teamId);
  await bot.mention(CONTOSO.teamId, '4.4.316', 'UC1');
  await standIn.waitFor('chat.postMessage');
  const refreshes = standIn
    .callsOf('oauth.v2.access')
    .filter((call) => call.body.grant_type === 'refresh_token');
  expect(refreshes).toHaveLength(1);
  const second = standIn.tokenOf(CONTOSO.teamId);
  expect(second).not.toBe(first);
  expect(postsBy(second)).toHaveLength(1);
  expect(postsBy(first)).toEqual([]);

  const stored = (await bot.state.installations.get({ scope: 'team', teamId: CONTOSO.teamId })) as {
    bot: { token: string; expiresAt: number };
  };
  expect(stored.bot.token).toBe(second);
  expect(stored.bot.expiresAt).toBeGreaterThan(Date.now() / 1000 + 40_000);

  // Good for twelve hours now: the next request uses it without refreshing again.
  await bot.mention(CONTOSO.teamId, '4.7.320', 'UC1');
  await standIn.waitFor('chat.postMessage', () => true, 2);
  expect(standIn.callsOf('oauth.v2.access')).toHaveLength(2);
  expect(postsBy(second)).toHaveLength(2);
});

test('requests of one workspace that arrive together refresh its expiring token once', async () => {
  await install(bot.baseUrl, standIn, CONTOSO, { expiresIn: 600 });
  const responses = await Promise.all(
    ['UC1', 'UC2', 'UC3', 'UC4'].map((user) => bot.mention(CONTOSO.teamId, '4.4.316', user)),
  );
  expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
  await standIn.waitFor('chat.postMessage', () => true, 4);
  expect(
    standIn.callsOf('oauth.v2.access').filter((call) => call.body.grant_type === 'refresh_token'),
  ).toHaveLength(1);
  const token = standIn.tokenOf(CONTOSO.teamId);
  expect(postsBy(token)).toHaveLength(4);
  // Each answer went to its own asker's thread: no request took another's context.
  const users = standIn.callsOf('users.info').map((call) => call.body.user);
  expect([...users].sort()).toEqual(['UC1', 'UC2', 'UC3', 'UC4']);
});

test('GET /slack/oauth_redirect takes no POST; the events route no GET', async () => {
  expect((await fetch(`${bot.baseUrl}/slack/oauth_redirect`, { method: 'POST' })).status).toBe(405);
  expect((await fetch(`${bot.baseUrl}/slack/events`)).status).toBe(405);
});
