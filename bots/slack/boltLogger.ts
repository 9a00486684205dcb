/**
 * Bolt, its Web API client and its Socket Mode client log through this adapter, so that every line
 * lands in the server's pino log with the same redaction and level. The pino level (LOG_LEVEL)
 * decides what is written; Bolt's own `setLevel` calls are ignored for that reason.
 */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../runtime/logger';

const BOLT_LEVEL_OF_PINO: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
};

type Level = 'debug' | 'info' | 'warn' | 'error';

export function boltLoggerFor(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  const write =
    (level: Level) =>
    (...parts: unknown[]): void => {
      const error = parts.find((part): part is Error => part instanceof Error);
      const text = parts
        .filter((part) => !(part instanceof Error))
        .map((part) => (typeof part === 'string' ? part : JSON.stringify(part)))
        .join(' ');
      if (error) child[level]({ err: error }, text || error.message);
      else child[level](text);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {},
    getLevel: () => BOLT_LEVEL_OF_PINO[logger.level] ?? LogLevel.ERROR,
    setName: () => {},
  };
}
