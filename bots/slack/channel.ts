/**
 * The Slack channel: Bolt with this bot's receiver (HTTP on the shared server, or Socket Mode), the
 * handlers. The only entry point of bots/slack for the server (through its plugin).
 */
import { App, type Authorize, ErrorCode } from '@slack/bolt';
import type { InstallProvider } from '@slack/oauth';
import type { ChannelDeps } from '../conversation/channelPlugin';
import type { Channel } from '../runtime/channel';
import type { Logger } from '../runtime/logger';
import { newReference } from '../runtime/reference';
import { withTurnReference } from '../runtime/turnReference';
import { boltLoggerFor } from './boltLogger';
import { registerAnswerActions } from './handlers/actions';
import { registerSlashCommand } from './handlers/command';
import type { HandlerContext } from './handlers/context';
import { registerConversationEvents } from './handlers/events';
import { InFlightWork } from './handlers/inFlight';
import { SLACK_EVENTS_PATH } from './http/httpReceiver';
import { BotIdentity } from './identity';
import { INSTALL_PATH } from './oauth/routes';
import { installationAuthorize, registerUninstall } from './oauth/workspaces';
import { responseUrlPoster } from './outbound/responseUrl';
import { usersInfoClient } from './outbound/usersInfo';
import { webApiClientOptions } from './outbound/webApiTransport';
import { createReceiver } from './receiver';
import type { SlackSettings } from './settings';
import { UserLocales } from './userLocale';

/**
 * How long a shutdown waits for answers in progress. It runs alongside the HTTP server's own grace
 * period, after the readiness drain, and the whole shutdown must end within 10 seconds.
 */
const STOP_GRACE_MS = 6_000;

/**
 * Where each request's token comes from. One workspace: its fixed token, and the bot's ids from
 * auth.test. Many: the installation of the request's workspace, which holds the ids too.
 */
function tokens(
  config: SlackSettings,
  installer: InstallProvider | undefined,
  logger: Logger,
  authTest: (token: string) => ReturnType<App['client']['auth']['test']>,
): { authorize: Authorize<boolean>; identity?: BotIdentity } {
  if (config.mode !== 'oauth') {
    const identity = new BotIdentity(config.botToken, authTest);
    return { authorize: identity.authorize, identity };
  }
  if (!installer) throw new Error('Slack for many workspaces runs over HTTP, with its installer');
  return { authorize: installationAuthorize(installer, logger) };
}

export function createSlackChannel(config: SlackSettings, deps: ChannelDeps): Channel {
  const logger = deps.logger.child({ channel: 'slack' });
  const boltLogger = boltLoggerFor(logger);
  const { outbound } = deps;
  // Every Web API call goes through this client configuration; Bolt gives each request a client with
  // the token that `authorize` found for the request's workspace.
  const clientOptions = webApiClientOptions(config.apiUrl, outbound, logger);
  const receiver = createReceiver(config, { logger, boltLogger, clientOptions, state: deps.state });
  const installer = receiver.kind === 'http' ? receiver.installer : undefined;
  const { authorize, identity } = tokens(config, installer, logger, (token) =>
    app.client.auth.test({ token }),
  );
  const app: App = new App({
    receiver: receiver.receiver,
    authorize,
    clientOptions,
    logger: boltLogger,
    // Bolt's conversation store is unused: the bot keeps its own, bounded state.
    convoStore: false,
  });
  app.error(async (error) => {
    // A workspace without an installation: `authorize` has logged it, and Bolt acknowledges it.
    if (error.code === ErrorCode.AuthorizationError) return;
    logger.error({ err: error }, 'Slack: unhandled error in a listener');
  });

  const handlers: HandlerContext = {
    logger,
    conversation: deps.conversation,
    userLocales: new UserLocales(logger),
    usersInfo: usersInfoClient(config.apiUrl, outbound, logger),
    postToResponseUrl: responseUrlPoster(outbound, logger),
  };
  const inFlight = new InFlightWork();
  // One reference per request: a delivery given up in the Web API client and the apology share it.
  app.use(({ next }) => withTurnReference(newReference, next));
  app.use(inFlight.middleware);
  registerSlashCommand(app, handlers);
  registerConversationEvents(app, handlers);
  registerAnswerActions(app, handlers);
  if (installer && deps.state) registerUninstall(app, deps.state, logger);

  return {
    name: 'slack',
    description:
      receiver.kind === 'socket'
        ? 'Slack: Socket Mode (outgoing WebSocket, no public URL needed)'
        : `Slack: HTTP at POST ${SLACK_EVENTS_PATH}, every request verified with SLACK_SIGNING_SECRET${
            installer ? `; many workspaces, installed at GET ${INSTALL_PATH}` : ''
          }`,
    routes: receiver.kind === 'http' ? receiver.receiver.routes : [],
    async start() {
      // Learn the bot's ids now, so that no request has to wait for auth.test. With many workspaces
      // each installation holds them, and nothing is called without a token.
      identity?.ids().then(
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
      handlers.userLocales.giveUpLookups();
      await app.stop();
      // Let answers in progress reach Slack; a Web API call that hangs must not block the shutdown.
      for (const reference of await inFlight.drain(STOP_GRACE_MS)) {
        logger.warn({ reference }, 'Slack: shutdown cut off an acknowledged answer');
      }
    },
  };
}
