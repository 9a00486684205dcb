/**
 * Reads SMTP replies (RFC 5321 §4.2) from a socket, bounded in size: a line may be at most 2,000
 * bytes and a reply at most 100 lines, so a server that streams garbage costs a few kilobytes, not
 * the process's memory. Only the commands a check needs can be written: there is no way to send
 * MAIL FROM, RCPT TO or DATA through this class.
 */
import type { Socket } from 'node:net';
import { escapeForTerminal } from '../../core';

/** RFC 5321 allows 512 octets a reply line; servers in the wild send longer ones now and then. */
const MAX_LINE_BYTES = 2000;
const MAX_REPLY_LINES = 100;
/** How much of a reply a check reports. */
const MAX_REPORTED_LENGTH = 200;
const REPLY_LINE = /^(\d{3})(?:([ -])(.*))?$/;

export type SmtpCommand = 'EHLO' | 'STARTTLS' | 'QUIT';

export interface SmtpReply {
  code: number;
  /** The text of each line, without the code. */
  lines: readonly string[];
}

export type ReadOutcome =
  | { kind: 'reply'; reply: SmtpReply }
  | { kind: 'timedOut' }
  /** The server closed (or reset) the connection before the reply was complete. */
  | { kind: 'closed' }
  /** A line that is not an SMTP reply, or a reply over the size bounds. */
  | { kind: 'malformed'; text: string };

/** The reply as a check shows it: code and text, lines joined, cut short, control characters replaced. */
export function replyText(reply: SmtpReply): string {
  const text = `${reply.code} ${reply.lines.filter((line) => line.length > 0).join(', ')}`.trim();
  return shortened(text);
}

/** Text from the server, safe to keep: bounded and without control characters. */
export function shortened(text: string): string {
  const clean = escapeForTerminal(text);
  return clean.length <= MAX_REPORTED_LENGTH ? clean : `${clean.slice(0, MAX_REPORTED_LENGTH - 1)}…`;
}

export class SmtpReplyReader {
  private pending = Buffer.alloc(0);
  private readonly lines: string[] = [];
  private closed = false;
  private overflow = false;
  private wake: (() => void) | undefined;

  private readonly onData = (chunk: Buffer): void => {
    this.pending = Buffer.concat([this.pending, chunk]);
    for (let end = this.pending.indexOf(10); end !== -1; end = this.pending.indexOf(10)) {
      const line = this.pending.subarray(0, end).toString('utf8').replace(/\r$/, '');
      this.pending = this.pending.subarray(end + 1);
      if (end > MAX_LINE_BYTES || this.lines.length >= MAX_REPLY_LINES) this.overflow = true;
      else this.lines.push(line);
    }
    if (this.pending.length > MAX_LINE_BYTES) {
      this.overflow = true;
      this.pending = Buffer.alloc(0);
    }
    this.notify();
  };

  private readonly onClose = (): void => {
    this.closed = true;
    this.notify();
  };

  constructor(private readonly socket: Socket) {
    socket.on('data', this.onData);
    socket.on('end', this.onClose);
    socket.on('close', this.onClose);
    socket.on('error', this.onClose);
  }

  /** What the server sent that was not read yet: after a STARTTLS reply, nothing may follow. */
  unread(): string {
    return shortened([...this.lines, this.pending.toString('utf8')].join(' ').trim());
  }

  write(command: SmtpCommand, argument?: string): void {
    if (!this.socket.destroyed) this.socket.write(`${argument ? `${command} ${argument}` : command}\r\n`);
  }

  /** The next complete reply, or why there is none within `timeoutMs`. */
  async read(timeoutMs: number): Promise<ReadOutcome> {
    const expires = Date.now() + timeoutMs;
    for (;;) {
      const outcome = this.take();
      if (outcome) return outcome;
      if (this.closed) return { kind: 'closed' };
      const left = expires - Date.now();
      if (left <= 0) return { kind: 'timedOut' };
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** Stops reading, so that TLS can take the socket over. */
  detach(): void {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onClose);
    this.socket.off('close', this.onClose);
    this.socket.off('error', this.onClose);
  }

  private notify(): void {
    this.wake?.();
  }

  /** A complete reply from the lines read so far, if there is one. */
  private take(): ReadOutcome | undefined {
    if (this.overflow) return { kind: 'malformed', text: shortened(this.lines.join(' ')) };
    const texts: string[] = [];
    let code: string | undefined;
    for (const [index, line] of this.lines.entries()) {
      const match = REPLY_LINE.exec(line);
      if (!match || (code !== undefined && match[1] !== code))
        return { kind: 'malformed', text: shortened(line) };
      code = match[1];
      texts.push(match[3] ?? '');
      if (match[2] !== '-') {
        this.lines.splice(0, index + 1);
        return { kind: 'reply', reply: { code: Number(code), lines: texts } };
      }
    }
    return undefined;
  }
}
