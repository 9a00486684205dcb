/**
 * The SMTP part of a check, on a connection already made: the greeting, EHLO, STARTTLS when it is
 * offered, the TLS handshake with SNI, the certificate, then QUIT. Nothing else is ever sent; no
 * mail, no MAIL FROM or RCPT TO. The check stops at the first step that fails.
 */
import type { Socket } from 'node:net';
import { type TLSSocket, connect as tlsConnect } from 'node:tls';
import type { StepReport } from '../../core/check/model';
import { certificateReport } from './certificate';
import { type Deadline, STEP_LIMIT_MS, stopwatch } from './deadline';
import { type ReadOutcome, replyText, SmtpReplyReader, shortened } from './smtpReplies';

export interface SessionOptions {
  /** The name the certificate must be valid for: `--tls-domain`, or the host connected to. */
  certificateName: string;
  /** The TLS server name (SNI); absent where the host is an IP address. */
  serverName?: string;
  deadline: Deadline;
}

type SmtpStep = 'greeting' | 'ehlo' | 'starttls';

/** The report of an SMTP exchange that expects `expected` (220 for a greeting, 250 for EHLO…). */
function smtpReport(step: SmtpStep, outcome: ReadOutcome, expected: number, ms: number): StepReport {
  switch (outcome.kind) {
    case 'reply': {
      const reply = replyText(outcome.reply);
      return outcome.reply.code === expected
        ? { step, ms, reply }
        : { step, ms, reply, problem: 'serviceRefused' };
    }
    case 'timedOut':
      return { step, ms, reply: '', problem: 'timedOut' };
    case 'closed':
      return { step, ms, reply: '', problem: 'closed' };
    case 'malformed':
      return { step, ms, reply: outcome.text, problem: 'malformedReply' };
  }
}

const offersStartTls = (outcome: ReadOutcome): boolean =>
  outcome.kind === 'reply' &&
  outcome.reply.lines.some((line) => line.trim().split(/\s+/, 1)[0]?.toUpperCase() === 'STARTTLS');

/**
 * EHLO needs a name for the client; an address literal of the connection's own local address
 * (RFC 5321 §4.1.3) says no more than the server already sees.
 */
function ehloName(socket: Socket): string {
  const local = (socket.localAddress ?? '127.0.0.1').replace(/^::ffff:(?=\d+\.)/, '');
  return local.includes(':') ? `[IPv6:${local}]` : `[${local}]`;
}

async function exchange(
  reader: SmtpReplyReader,
  step: SmtpStep,
  expected: number,
  deadline: Deadline,
  now: () => number,
): Promise<{ report: StepReport; outcome: ReadOutcome }> {
  const elapsed = stopwatch(now);
  const outcome = await reader.read(deadline.stepMs(STEP_LIMIT_MS.reply));
  return { report: smtpReport(step, outcome, expected, elapsed()), outcome };
}

/** Says goodbye where the session is still up, without waiting long for the answer. */
async function quit(reader: SmtpReplyReader, deadline: Deadline): Promise<void> {
  reader.write('QUIT');
  await reader.read(deadline.stepMs(STEP_LIMIT_MS.quit));
}

type Handshake = { ok: true; socket: TLSSocket } | { ok: false; timedOut: boolean; error: string };

function handshake(socket: Socket, options: SessionOptions): Promise<Handshake> {
  return new Promise((resolve) => {
    const secure = tlsConnect({
      socket,
      ...(options.serverName ? { servername: options.serverName } : {}),
      // The chain and the name are judged after the handshake, so that a bad certificate is
      // reported as what it is (4.7.320) rather than as a failed negotiation. The name is checked
      // against the certificate name of the check (certificate.ts), not Node's guess of the host;
      // `authorizationError` then speaks of the chain alone.
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    });
    const finish = (outcome: Handshake) => {
      clearTimeout(timer);
      secure.off('secureConnect', onSecure);
      resolve(outcome);
    };
    const onSecure = () => finish({ ok: true, socket: secure });
    const timer = setTimeout(
      () => finish({ ok: false, timedOut: true, error: 'ETIMEDOUT' }),
      options.deadline.stepMs(STEP_LIMIT_MS.tls),
    );
    secure.once('secureConnect', onSecure);
    // Errors after the outcome (a reset while saying goodbye) are expected and of no interest.
    secure.on('error', (error: Error & { code?: string }) =>
      finish({ ok: false, timedOut: false, error: error.code ?? error.message }),
    );
    secure.once('close', () => finish({ ok: false, timedOut: false, error: 'ECONNRESET' }));
  });
}

async function tlsSteps(socket: Socket, options: SessionOptions, now: () => number): Promise<StepReport[]> {
  const elapsed = stopwatch(now);
  const outcome = await handshake(socket, options);
  if (!outcome.ok) {
    const problem = outcome.timedOut ? 'timedOut' : 'tlsFailed';
    return [{ step: 'tls', ms: elapsed(), problem, protocol: '', cipher: '', error: outcome.error }];
  }
  const secure = outcome.socket;
  try {
    const cipher = secure.getCipher();
    const tls: StepReport = {
      step: 'tls',
      ms: elapsed(),
      protocol: secure.getProtocol() ?? '',
      cipher: cipher.standardName ?? cipher.name,
    };
    const certificateTime = stopwatch(now);
    const certificate = certificateReport(
      secure.getPeerCertificate(),
      secure.authorized ? undefined : String(secure.authorizationError ?? 'UNTRUSTED'),
      options.certificateName,
      now(),
      certificateTime(),
    );
    await quit(new SmtpReplyReader(secure), options.deadline);
    return [tls, certificate];
  } finally {
    secure.destroy();
  }
}

/** Runs the SMTP steps on `socket` and closes it; the reports are in order, ending at a failure. */
export async function smtpSession(socket: Socket, options: SessionOptions): Promise<StepReport[]> {
  const now = options.deadline.now;
  // Once TLS has taken the socket over, its errors are the TLS socket's; this keeps a late one
  // on the plain socket from going unhandled.
  socket.on('error', () => {});
  const reader = new SmtpReplyReader(socket);
  try {
    const greeting = await exchange(reader, 'greeting', 220, options.deadline, now);
    if (greeting.report.problem) return [greeting.report];

    reader.write('EHLO', ehloName(socket));
    const ehlo = await exchange(reader, 'ehlo', 250, options.deadline, now);
    if (ehlo.report.problem) return [greeting.report, ehlo.report];

    if (!offersStartTls(ehlo.outcome)) {
      await quit(reader, options.deadline);
      const notOffered: StepReport = { step: 'starttls', ms: 0, reply: '', problem: 'notOffered' };
      return [greeting.report, ehlo.report, notOffered];
    }
    reader.write('STARTTLS');
    const starttls = await exchange(reader, 'starttls', 220, options.deadline, now);
    if (starttls.report.problem) return [greeting.report, ehlo.report, starttls.report];
    // Anything sent after the 220 and before the handshake would be read as if it came over TLS
    // (the STARTTLS injection of CVE-2011-0411): a server that does this fails the step.
    const unread = reader.unread();
    if (unread) {
      const said = starttls.outcome.kind === 'reply' ? replyText(starttls.outcome.reply) : '';
      const injected: StepReport = {
        step: 'starttls',
        ms: starttls.report.ms,
        reply: shortened(`${said} ${unread}`),
        problem: 'malformedReply',
      };
      return [greeting.report, ehlo.report, injected];
    }
    reader.detach();
    return [greeting.report, ehlo.report, starttls.report, ...(await tlsSteps(socket, options, now))];
  } finally {
    socket.destroy();
  }
}
