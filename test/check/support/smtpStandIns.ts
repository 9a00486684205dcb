/**
 * Stand-in mail servers on 127.0.0.1: nodemailer's smtp-server for those that speak SMTP properly
 * (with or without STARTTLS, with the certificate a test gives), and plain TCP servers for the
 * broken ones (silent, a 421 greeting, dropping the session after EHLO). Each counts the
 * connections it accepts, so a test can tell that a refused target was never connected to.
 */
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { KeyAndCertificate } from './testCertificates';

export interface MailStandIn {
  port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  /** MAIL FROM, RCPT TO and DATA commands received (smtp-server stand-ins only): a check sends none. */
  readonly mailCommands: number;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface SmtpStandInOptions {
  /** The certificate STARTTLS uses; without one (or with `noStartTls`) STARTTLS is not offered. */
  certificate?: KeyAndCertificate;
  noStartTls?: boolean;
}

/** A mail server that speaks SMTP, offering STARTTLS with the given certificate. */
export async function startSmtpStandIn(options: SmtpStandInOptions): Promise<MailStandIn> {
  let connections = 0;
  let mailCommands = 0;
  const refuseMail = (callback: (error?: Error) => void) => {
    mailCommands++;
    callback(new Error('this stand-in takes no mail'));
  };
  const smtp = new SMTPServer({
    secure: false,
    ...(options.certificate ?? {}),
    hideSTARTTLS: options.noStartTls === true || options.certificate === undefined,
    disabledCommands: ['AUTH'],
    banner: 'stand-in ESMTP',
    logger: false,
    // No reverse lookup of the client: the stand-in must not ask any resolver.
    disableReverseLookup: true,
    closeTimeout: 100,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onMailFrom: (_address, _session, callback) => refuseMail(callback),
    onRcptTo: (_address, _session, callback) => refuseMail(callback),
    onData: (_stream, _session, callback) => refuseMail(callback),
  });
  smtp.on('error', () => {});
  const server = (smtp as unknown as { server: Server }).server;
  const port = await listen(server);
  return {
    port,
    get connections() {
      return connections;
    },
    get mailCommands() {
      return mailCommands;
    },
    close: () => new Promise((resolve) => smtp.close(() => resolve())),
  };
}

/** A TCP server that does `behave` with each connection. */
export async function startRawStandIn(behave: (socket: Socket) => void): Promise<MailStandIn> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    behave(socket);
  });
  const port = await listen(server);
  return {
    port,
    get connections() {
      return connections;
    },
    mailCommands: 0,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export const BROKEN_SERVERS = {
  /** Accepts, then never says a word. */
  silent: (_socket: Socket) => {},
  /** Refuses service in its greeting and closes. */
  greeting421: (socket: Socket) =>
    socket.end('421 4.3.2 Service not available, closing transmission channel\r\n'),
  /** Greets, then drops the connection when EHLO arrives. */
  dropsAfterEhlo: (socket: Socket) => {
    socket.write('220 stand-in ESMTP\r\n');
    socket.once('data', () => socket.destroy());
  },
} as const;

/** A loopback port with nothing listening on it: connecting is refused. */
export async function refusedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}
