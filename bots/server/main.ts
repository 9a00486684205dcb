#!/usr/bin/env node
import { createLogger } from '../runtime/logger';
/** `npm start`: reads the settings once, then serves every configured channel on one HTTP server. */
import { createBotServer } from './app';
import { buildChannels, describeChannels } from './channels';
import { type Config, ConfigError, loadConfig } from './config';

const SHUTDOWN_DEADLINE_MS = 9_500;

function readSettings(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // One line naming the setting; never the value of a secret.
    process.stderr.write(`mailflow-bot: bad setting ${error.message}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readSettings();
  const logger = createLogger(config.logLevel);
  const channels = buildChannels(config, logger);
  const server = createBotServer(channels, logger);
  for (const line of describeChannels(config, channels)) logger.info(line);
  const address = await server.listen(config.port, config.host);
  logger.info({ host: address.address, port: address.port }, 'listening');

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    // Whatever still hangs then, the process ends within ten seconds of the signal.
    setTimeout(() => {
      logger.error('shutdown took longer than 10 seconds; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`mailflow-bot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
