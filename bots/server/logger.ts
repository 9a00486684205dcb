/** Structured JSON logs. Secrets and tokens never go in; message text only at debug level. */
import pino, { type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger };

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'mailflow-bot' },
      redact: {
        paths: [
          '*.authorization',
          '*.headers.authorization',
          '*["x-slack-signature"]',
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
