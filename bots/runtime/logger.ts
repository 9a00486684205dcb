/** Structured JSON logs. Secrets and tokens never go in; message text only at debug level. */
import pino, { type Logger } from 'pino';
import { loggedError } from './loggedError';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'mailflow-bot' },
      // Every `err` is cut down to its name, message, stack and codes, whoever logs it.
      serializers: { err: loggedError },
      redact: {
        paths: [
          '*.authorization',
          '*.headers.authorization',
          '*["x-slack-signature"]',
          '*.headers["x-slack-signature"]',
          '*.token',
          '*.appPassword',
          '*.signingSecret',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
