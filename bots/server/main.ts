/**
 * `npm start`: read the settings, build the channels, serve them on one HTTP server. A wrong
 * setting stops the start with one line naming it.
 */
import { createBotServer } from './app';
import { buildChannels, describeChannels } from './channels';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`mailflow-bot: setting ${error.message}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  const channels = buildChannels(config, logger);
  const server = createBotServer(channels, logger);
  const address = await server.listen(config.port, config.host);
  logger.info({ host: address.address, port: address.port }, 'mailflow-bot listening');
  for (const line of describeChannels(config, channels)) logger.info(line);

  const shutDown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutDown('SIGTERM'));
  process.once('SIGINT', () => shutDown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `mailflow-bot: could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
