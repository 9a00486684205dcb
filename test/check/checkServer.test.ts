/**
 * The check's network part, in this process, for what the command-line tests don't reach: resolver
 * failures, servers that break SMTP or TLS in odd ways, and the rule of one lookup per name.
 */
import type { Socket } from 'node:net';
import { checkServer } from '../../bots/check/checkServer';
import { DEFAULT_CHECK_SETTINGS } from '../../bots/check/settings';
import { type CheckResult, checkVerdict, parseCheckTarget } from '../../core';
import { type DnsStandIn, startDnsStandIn } from './support/dnsStandIn';
import { type MailStandIn, startRawStandIn } from './support/smtpStandIns';

let dns: DnsStandIn;
const servers: MailStandIn[] = [];

beforeAll(async () => {
  dns = await startDnsStandIn({
    'mail.contoso.test': { A: ['127.0.0.1'] },
    'slow.contoso.test': { silent: true },
    'broken.contoso.test': { servfail: true },
    'nomail.contoso.test': { MX: [{ preference: 0, exchange: '.' }] },
    'bare.contoso.test': {},
  });
});

afterAll(async () => {
  await Promise.all([dns.close(), ...servers.map((server) => server.close())]);
});

async function standIn(behave: (socket: Socket) => void): Promise<number> {
  const server = await startRawStandIn(behave);
  servers.push(server);
  return server.port;
}

async function check(host: string, port: number, timeoutMs = 5000): Promise<CheckResult> {
  const target = parseCheckTarget(host);
  if (!target) throw new Error(`bad target ${host}`);
  const run = await checkServer(target, {
    settings: {
      ...DEFAULT_CHECK_SETTINGS,
      dnsServers: [dns.server],
      port,
      allowPrivateAddresses: true,
      timeoutMs,
    },
  });
  if (run.kind !== 'checked') throw new Error('refused');
  return run.result;
}

/** Greets, offers STARTTLS, accepts it, then does `afterStartTls` with the socket. */
const startTlsThen = (afterStartTls: (socket: Socket) => void) => (socket: Socket) => {
  socket.write('220 stand-in ESMTP\r\n');
  socket.on('data', (chunk: Buffer) => {
    const command = chunk.toString('latin1');
    if (command.startsWith('EHLO')) socket.write('250-stand-in\r\n250 STARTTLS\r\n');
    else if (command.startsWith('STARTTLS')) afterStartTls(socket);
  });
};

test('a resolver that does not answer is 4.4.312 within the check’s time', async () => {
  const result = await check('slow.contoso.test', 25, 2000);
  expect(checkVerdict(result)).toBe('4.4.312');
  expect(result.steps).toEqual([
    expect.objectContaining({ step: 'dns', problem: 'dnsFailed', error: 'ETIMEOUT' }),
  ]);
  expect(result.ms).toBeLessThan(5000);
});

test('SERVFAIL is 4.4.312, and a null MX or no record at all is "no address"', async () => {
  expect((await check('broken.contoso.test', 25)).steps[0]).toMatchObject({
    problem: 'dnsFailed',
    error: 'ESERVFAIL',
  });
  expect((await check('nomail.contoso.test', 25)).steps[0]).toMatchObject({ problem: 'noAddress' });
  expect((await check('bare.contoso.test', 25)).steps[0]).toMatchObject({ problem: 'noAddress' });
});

test('a name is looked up once: A and AAAA, no second lookup for the connection', async () => {
  const port = await standIn((socket) => socket.end('421 busy\r\n'));
  const before = dns.queries.length;
  await check('mail.contoso.test', port);
  expect(dns.queries.slice(before).sort()).toEqual(['A mail.contoso.test', 'AAAA mail.contoso.test']);
});

test('data sent after the STARTTLS reply, before the handshake, fails the step (no STARTTLS injection)', async () => {
  const port = await standIn(startTlsThen((socket) => socket.write('220 go ahead\r\n250 injected\r\n')));
  const result = await check('mail.contoso.test', port);
  expect(result.steps.at(-1)).toMatchObject({ step: 'starttls', problem: 'malformedReply' });
  expect(checkVerdict(result)).toBe('4.4.317');
});

test('a server that answers STARTTLS but cannot do TLS is 4.4.317 at the tls step', async () => {
  const port = await standIn(
    startTlsThen((socket) => {
      socket.write('220 go ahead\r\n');
      socket.once('data', () => socket.end('this is not TLS\r\n'));
    }),
  );
  const result = await check('mail.contoso.test', port);
  expect(result.steps.at(-1)).toMatchObject({ step: 'tls', problem: 'tlsFailed' });
  expect(checkVerdict(result)).toBe('4.4.317');
});

test('a 554 greeting is 4.4.317 and a greeting that is not SMTP is 4.4.317', async () => {
  const refusing = await standIn((socket) => socket.end('554 5.7.1 No service for you\r\n'));
  expect(checkVerdict(await check('mail.contoso.test', refusing))).toBe('4.4.317');
  const http = await standIn((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
  expect((await check('mail.contoso.test', http)).steps.at(-1)).toMatchObject({
    step: 'greeting',
    problem: 'malformedReply',
  });
});

test('a server that closes without a greeting is 4.4.318', async () => {
  const port = await standIn((socket) => socket.end());
  expect(checkVerdict(await check('mail.contoso.test', port))).toBe('4.4.318');
});
