/**
 * The product's own logger (its redaction included) at debug level, writing into an array of parsed
 * lines that a test reads: what a test finds there is what the server would have logged.
 */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../bots/runtime/logger';

export interface ServerLogs<Line> {
  logger: Logger;
  /** Every line so far, parsed, in order. */
  lines: Line[];
  /** Resolves once a line matches: for what the server logs after it has answered. */
  waitFor(predicate: (line: Line) => boolean): Promise<void>;
}

const POLL_MS = 5;

export function collectServerLogs<Line = Record<string, unknown>>(): ServerLogs<Line> {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as Line);
      done();
    },
  });
  return {
    logger: createLogger('debug', sink),
    lines,
    async waitFor(predicate) {
      while (!lines.some(predicate)) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    },
  };
}
