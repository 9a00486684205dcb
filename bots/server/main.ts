#!/usr/bin/env node
/**
 * `npm start`: reads and checks the settings first, with nothing heavy loaded, so that a wrong one
 * is reported at once; then loads the server, the state store, the conversation layer and each
 * configured channel (with its SDK), and serves them on one HTTP server.
 */

import { ConfigError } from '../runtime/settings';
import { createChannels, describeChannels } from './channels';
import { type Config, loadConfig } from './config';

const SHUTDOWN_DEADLINE_MS = 9_500;
/**
 * After SIGTERM the server goes on answering, not ready, for this long before it stops listening:
 * a load balancer polling /readyz sees it fail and stops sending, instead of meeting closed ports.
 */
const READINESS_DRAIN_MS = 2_000;
/** Then live checks still running get this long to put their result in place of their progress line. */
const CHECK_DRAIN_MS = 1_000;

function readSettings(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // One line per setting, naming it; never the value of a secret.
    for (const { setting, problem } of error.problems)
      process.stderr.write(`mailflow-bot: bad setting ${setting}: ${problem}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readSettings();
  const [
    { createLogger },
    { createBotServer },
    { Conversation },
    { openStateStore },
    { loadLanguageModel },
    { createCheckService },
  ] = await Promise.all([
    import('../runtime/logger'),
    import('./app'),
    import('../conversation/conversation'),
    import('../runtime/state'),
    import('../../core'),
    import('../check/service'),
  ]);
  const logger = createLogger(config.logLevel);
  // Understanding reads languages with a model that loads once, before the first message.
  await loadLanguageModel();
  // What the conversation layer keeps (STATE_URL): SQLite by default, Redis for replicas, memory for tests.
  const store = await openStateStore(config.state, { logger: logger.child({ component: 'state' }) });
  // The live check from chat (CHECK_*): the network service behind the conversation layer's port.
  const checks = createCheckService({ settings: config.check, logger: logger.child({ component: 'check' }) });
  const conversation = new Conversation({ logger, store, checks });
  const channels = await createChannels(config, {
    logger,
    outbound: config.outbound,
    conversation,
    state: store,
  });
  const server = createBotServer(channels, logger, { stateHealth: () => store.health() });
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
    server
      .close({ drainMs: READINESS_DRAIN_MS })
      .then(() => conversation.drain(CHECK_DRAIN_MS))
      .then(() => conversation.store.close())
      .then(
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
