/**
 * What the bench and its child processes say to each other over Node's IPC channel: the stand-ins
 * report their address and counts, and every server reports its memory and CPU time when asked.
 */
import type { ChildProcess } from 'node:child_process';
import type { StandInCounts } from './standIns';

/** A server's memory now, and the CPU time it has used since it started. */
export interface ProcessUsage {
  rss: number;
  heapUsed: number;
  /** User plus system CPU time, in microseconds. */
  cpuMicros: number;
}

export type BenchMessage =
  | { type: 'ready'; connectorUrl: string; slackApiUrl: string }
  | { type: 'counts'; counts: StandInCounts }
  | { type: 'usage'; usage: ProcessUsage };

type Question = 'counts' | 'usage';

const isBenchMessage = (value: unknown): value is BenchMessage =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** The child's next message of `type`; rejects if none comes within `timeoutMs` or the child exits. */
export function nextMessage<T extends BenchMessage['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs = 15_000,
): Promise<Extract<BenchMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (message: unknown) => {
      if (!isBenchMessage(message) || message.type !== type) return;
      done();
      resolve(message as Extract<BenchMessage, { type: T }>);
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`child ${child.pid} exited (${code}) before sending "${type}"`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`child ${child.pid} sent no "${type}" within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Asks a child a question and waits for its answer (one question at a time per child). */
export function ask<T extends Question>(
  child: ChildProcess,
  type: T,
): Promise<Extract<BenchMessage, { type: T }>> {
  const answer = nextMessage(child, type);
  child.send({ type });
  return answer;
}

/** In a child: answers the parent's `type` questions with `answer()`. */
export function answerParent(type: Question, answer: () => BenchMessage): void {
  process.on('message', (message: unknown) => {
    if (isBenchMessage(message) && message.type === type) process.send?.(answer());
  });
}
