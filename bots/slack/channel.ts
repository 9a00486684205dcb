/**
 * The Slack channel: Bolt with this bot's receiver (HTTP on the shared server, or Socket Mode), the
 * handlers, and the state they share. The only entry point of bots/slack for the server.
 */
import { App } from '@slack/bolt';
import type { Channel } from '../runtime/channel';
import type { Logger } from '../runtime/logger';
import { DEFAULT_OUTBOUND_POLICY, type OutboundPolicy } from '../runtime/outbound/policy';
import { DEFAULT_RATE_LIMITS, RateLimiter } from '../runtime/rateLimiter';
import { newReference } from '../runtime/reference';
import { withTurnReference } from '../runtime/turnReference';
import type { SlackConfig } from '../server/config';
import { boltLoggerFor } from './boltLogger';
import { Answering, type CoreApi, REAL_CORE } from './conversation/answering';
import { registerAnswerActions } from './handlers/actions';
import { registerSlashCommand } from './handlers/command';
import type { HandlerContext } from './handlers/context';
import { registerConversationEvents } from './handlers/events';
import { InFlightWork } from './handlers/inFlight';
import { ignoreRedeliveries } from './handlers/redeliveries';
import { SLACK_EVENTS_PATH } from './http/httpReceiver';
import { BotIdentity } from './identity';
import { responseUrlPoster } from './outbound/responseUrl';
import { webApiClientOptions } from './outbound/webApiTransport';
import { createReceiver } from './receiver';
import { createSlackState, type SlackState } from './state';
import { UserLocales } from './userLocale';

/**
 * How long a shutdown waits for answers in progress. It runs after the HTTP server's own grace
 * period, and the whole shutdown must end within 10 seconds.
 */
const STOP_GRACE_MS = 3_000;

export interface SlackChannelDeps {
  logger: Logger;
  /** What the bot remembers; in memory unless a shared store is given. */
  state?: SlackState;
  /** The core's answering functions; tests replace them to exercise the error path. */
  core?: CoreApi;
  /** Rate limits; tests set tight ones. */
  limits?: RateLimiter;
  /** Timeouts and retries of calls to the Web API and to response URLs; tests shorten them. */
  outbound?: OutboundPolicy;
}

export function createSlackChannel(
  config: Exclude<SlackConfig, { mode: 'off' }>,
  deps: SlackChannelDeps,
): Channel {
  const logger = deps.logger.child({ channel: 'slack' });
  const state = deps.state ?? createSlackState();
  const boltLogger = boltLoggerFor(logger);
  const outbound = deps.outbound ?? DEFAULT_OUTBOUND_POLICY;
  const receiver = createReceiver(config, logger, boltLogger);
  const identity = new BotIdentity(config.botToken, (token) => app.client.auth.test({ token }));
  const app: App = new App({
    receiver: receiver.receiver,
    authorize: identity.authorize,
    clientOptions: webApiClientOptions(config.apiUrl, outbound, logger),
    logger: boltLogger,
    // Bolt's conversation store is unused: the bot keeps its own, bounded state.
    convoStore: false,
  });
  app.error(async (error) => {
    logger.error({ err: error }, 'Slack: unhandled error in a listener');
  });

  const handlers: HandlerContext = {
    logger,
    answering: new Answering(state, deps.core ?? REAL_CORE),
    userLocales: new UserLocales(state.userLocales, logger),
    limits: deps.limits ?? new RateLimiter(DEFAULT_RATE_LIMITS),
    postToResponseUrl: responseUrlPoster(outbound, logger),
  };
  const inFlight = new InFlightWork();
  // One reference per request: a delivery given up in the Web API client and the apology share it.
  app.use(({ next }) => withTurnReference(newReference, next));
  app.use(inFlight.middleware);
  app.use(ignoreRedeliveries(state.seenEvents, logger));
  registerSlashCommand(app, handlers);
  registerConversationEvents(app, handlers);
  registerAnswerActions(app, handlers);

  return {
    name: 'slack',
    description:
      receiver.kind === 'http'
        ? `Slack: HTTP at POST ${SLACK_EVENTS_PATH}, every request verified with SLACK_SIGNING_SECRET`
        : 'Slack: Socket Mode (outgoing WebSocket, no public URL needed)',
    mount(server) {
      if (receiver.kind === 'http') receiver.receiver.mount(server);
    },
    async start() {
      // Learn the bot's ids now, so that no request has to wait for auth.test.
      identity.ids().then(
        (ids) => logger.info({ botUserId: ids.botUserId }, 'Slack: connected to the Web API'),
        (error: unknown) =>
          logger.error(
            { err: error },
            'Slack: auth.test failed; check SLACK_BOT_TOKEN (retried on the next request)',
          ),
      );
      try {
        await app.start();
      } catch (error) {
        // Socket Mode could not connect (a wrong SLACK_APP_TOKEN, no network): the other channels and
        // /healthz keep running, and the log says why Slack is silent.
        logger.error({ err: error }, 'Slack: could not start; check SLACK_APP_TOKEN and the network');
      }
    },
    async stop() {
      await app.stop();
      // Let answers in progress reach Slack; a Web API call that hangs must not block the shutdown.
      await inFlight.drain(STOP_GRACE_MS);
    },
  };
}
