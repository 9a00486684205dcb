/**
 * The live check from chat, refused: turned off, limited to an allow-list, or a target on a private
 * address while private addresses are not allowed (the default). Each gets a short reply in the user's language,
 * through real HTTP to the server as `npm start` runs it; the mail server is never connected to.
 */
import { mention } from '../slack/support/slackServer';
import { ALEX, MEGAN, personalMessage, TENANT } from '../teams/support/activities';
import { type ChatServer, startChatServer } from './support/chatServer';
import { type DnsStandIn, startDnsStandIn } from './support/dnsStandIn';
import { type MailStandIn, startSmtpStandIn } from './support/smtpStandIns';
import { standInCheckSettings } from './support/standInSettings';

jest.setTimeout(30_000);

const HOST = 'mail.contoso.test';

let dns: DnsStandIn;
let mail: MailStandIn;

beforeAll(async () => {
  dns = await startDnsStandIn({ [HOST]: { A: ['127.0.0.1'] } });
  mail = await startSmtpStandIn({ noStartTls: true });
});
afterAll(async () => {
  await Promise.all([dns.close(), mail.close()]);
});

const settings = (more: Record<string, string>) => standInCheckSettings({ dns, port: mail.port }, more);

/** The Teams reply to `text` in a personal chat: its text. */
async function teamsReply(chat: ChatServer, text: string, locale = 'en-US', from = ALEX): Promise<string> {
  const before = chat.connector.calls.length;
  expect(await chat.teams(personalMessage(text, { serviceUrl: chat.connector.url, locale, from }))).toBe(200);
  const reply = await chat.connectorCall((call) => call.method === 'POST', before + 1);
  return reply.body.text as string;
}

describe('CHECK_ENABLED=false', () => {
  let chat: ChatServer;
  beforeAll(async () => {
    chat = await startChatServer(settings({ CHECK_ENABLED: 'false' }));
  });
  afterAll(() => chat?.close());

  test('Teams and Slack say the check is off, at once and without a progress line; nothing is connected to', async () => {
    const connections = mail.connections;
    expect(await teamsReply(chat, `sprawdź ${HOST}`)).toBe('Sprawdzanie na żywo jest w tym bocie wyłączone.');
    const ack = await chat.slackCommand(`check ${HOST}`);
    expect(ack).toMatchObject({
      response_type: 'ephemeral',
      text: 'The live check is turned off on this bot.',
    });
    expect(chat.connector.calls.some((call) => call.method === 'PUT')).toBe(false);
    expect(mail.connections).toBe(connections);
  });
});

// One server for both, so that the suite starts one process fewer: its allow-list lets Megan (Teams)
// and U1 (Slack) run checks, and it refuses private addresses, as it does by default.
describe('an allow-list (CHECK_ALLOWED_REQUESTERS), private addresses not allowed', () => {
  let chat: ChatServer;
  beforeAll(async () => {
    chat = await startChatServer(
      settings({
        CHECK_ALLOWED_REQUESTERS: `slack:T1:U1, teams:${TENANT}:aad-megan`,
        CHECK_ALLOW_PRIVATE_ADDRESSES: 'false',
      }),
    );
  });
  afterAll(() => chat?.close());

  test('someone not on the list is told so, in their language, and the refusal is logged', async () => {
    const connections = mail.connections;
    expect(await teamsReply(chat, `check ${HOST}`)).toBe(
      'Live checks on this bot are limited to some people, and you are not among them.',
    );
    const event = mention(`comprueba ${HOST}`, 'U7');
    await chat.slackEvent(event);
    const reply = await chat.slack.waitFor('chat.postMessage', (call) => call.body.thread_ts === event.ts);
    expect(reply.body.text).toBe(
      'En este bot, las comprobaciones en vivo están limitadas a algunas personas y tú no estás entre ellas.',
    );
    expect(mail.connections).toBe(connections);
    const logged = await chat.logLine((line) => line.msg === 'live check refused');
    expect(logged.check).toMatchObject({
      requester: `teams:${TENANT}:aad-alex`,
      target: HOST,
      refused: 'notAllowed',
    });
  });

  test('someone on the list: a name that resolves to loopback turns the progress line into the refusal, and nothing is connected to', async () => {
    const connections = mail.connections;
    const ack = await chat.slackCommand(`check ${HOST}`, 'private');
    expect(ack).toMatchObject({ text: `Checking ${HOST}…` });
    const result = await chat.slack.waitFor('response_url', (call) => call.responseId === 'private');
    expect(result.body).toMatchObject({
      replace_original: true,
      text: `I don't connect to ${HOST}: it is, or resolves to, a private, loopback, link-local or reserved address.`,
    });
    expect(dns.queries).toContain(`A ${HOST}`);
    expect(mail.connections).toBe(connections);
  });

  test('Teams, someone on the list: an IP literal on a private range is refused the same way', async () => {
    expect(await teamsReply(chat, 'check 10.1.2.3', 'en-US', MEGAN)).toBe('Checking 10.1.2.3…');
    const update = await chat.connectorCall((call) => call.method === 'PUT');
    expect(update.body.text).toContain("I don't connect to 10.1.2.3");
  });
});
