/** Reading SMTP replies from a real socket: multi-line replies, and bounds on what a server can send. */
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { SmtpReplyReader } from '../../bots/check/smtpReplies';
import { type MailStandIn, startRawStandIn } from './support/smtpStandIns';

let server: MailStandIn | undefined;

afterEach(async () => {
  await server?.close();
});

/** A reader on a connection to a server that sends `send` and keeps the connection open. */
async function readerFor(send: (socket: Socket) => void): Promise<SmtpReplyReader> {
  server = await startRawStandIn(send);
  const socket = connect(server.port, '127.0.0.1');
  await once(socket, 'connect');
  return new SmtpReplyReader(socket);
}

test('a multi-line reply is one reply, and the next one follows', async () => {
  const reader = await readerFor((socket) =>
    socket.write('250-mx.contoso.test Hello\r\n250-SIZE 1000\r\n250 STARTTLS\r\n220 Ready\r\n'),
  );
  expect(await reader.read(2000)).toEqual({
    kind: 'reply',
    reply: { code: 250, lines: ['mx.contoso.test Hello', 'SIZE 1000', 'STARTTLS'] },
  });
  expect(await reader.read(2000)).toEqual({ kind: 'reply', reply: { code: 220, lines: ['Ready'] } });
});

test('a reply split across packets is put together', async () => {
  const reader = await readerFor((socket) => {
    socket.write('22');
    setTimeout(() => socket.write('0 stand-in\r'), 20);
    setTimeout(() => socket.write('\n'), 40);
  });
  expect(await reader.read(2000)).toEqual({ kind: 'reply', reply: { code: 220, lines: ['stand-in'] } });
});

test('an endless line is cut off as malformed, keeping at most a few kilobytes', async () => {
  const reader = await readerFor((socket) => {
    const chunk = 'A'.repeat(64 * 1024);
    for (let index = 0; index < 16; index++) socket.write(chunk);
  });
  const outcome = await reader.read(2000);
  expect(outcome.kind).toBe('malformed');
  expect(reader.unread().length).toBeLessThanOrEqual(200);
});

test('too many lines in one reply is malformed', async () => {
  const reader = await readerFor((socket) => socket.write('250-x\r\n'.repeat(150)));
  expect((await reader.read(2000)).kind).toBe('malformed');
});

test('lines that are not SMTP, or that change code mid-reply, are malformed', async () => {
  expect((await (await readerFor((socket) => socket.write('SSH-2.0-OpenSSH_9.6\r\n'))).read(2000)).kind).toBe(
    'malformed',
  );
  await server?.close();
  expect((await (await readerFor((socket) => socket.write('250-a\r\n220 b\r\n'))).read(2000)).kind).toBe(
    'malformed',
  );
});

test('silence is a timeout, a close is a close', async () => {
  const silent = await readerFor(() => {});
  expect(await silent.read(100)).toEqual({ kind: 'timedOut' });
  await server?.close();
  const closing = await readerFor((socket) => socket.end());
  expect(await closing.read(2000)).toEqual({ kind: 'closed' });
});
