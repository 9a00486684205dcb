/**
 * How Slack reaches the bot: over HTTP at POST /slack/events on the shared server, or, with an
 * app-level token, over Socket Mode (an outgoing WebSocket, so no public URL is needed). Over HTTP
 * with the OAuth settings the receiver also carries the install (as Bolt's own HTTP receiver does):
 * Bolt ignores `installerOptions` with a receiver of ours, so this one builds the InstallProvider.
 */
import { type Logger as BoltLogger, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { InstallProvider } from '@slack/oauth';
import type { Logger } from '../runtime/logger';
import type { StateStore } from '../runtime/state';
import { HttpReceiver } from './http/httpReceiver';
import { createInstaller } from './oauth/installer';
import { installRoutes } from './oauth/routes';
import type { SlackSettings } from './settings';

export type SlackReceiver =
  | { kind: 'http'; receiver: HttpReceiver; installer?: InstallProvider }
  | { kind: 'socket'; receiver: SocketModeReceiver };

export interface ReceiverParts {
  logger: Logger;
  boltLogger: BoltLogger;
  /** The Web API client's options (SLACK_API_URL, the outbound policy), for the installer's calls. */
  clientOptions: webApi.WebClientOptions;
  /** Where installations are kept; needed with the OAuth settings. */
  state: StateStore | undefined;
}

export function createReceiver(config: SlackSettings, parts: ReceiverParts): SlackReceiver {
  const { logger, boltLogger } = parts;
  switch (config.mode) {
    case 'socket':
      return {
        kind: 'socket',
        receiver: new SocketModeReceiver({
          appToken: config.appToken,
          logger: boltLogger,
          // apps.connections.open goes to the same Web API as every other call.
          installerOptions: { clientOptions: { slackApiUrl: config.apiUrl } },
        }),
      };
    case 'http':
      return { kind: 'http', receiver: new HttpReceiver({ signingSecret: config.signingSecret, logger }) };
    case 'oauth': {
      if (!parts.state)
        throw new Error('Slack for many workspaces needs the state store for its installations');
      const installer = createInstaller({
        settings: config.oauth,
        state: parts.state,
        clientOptions: parts.clientOptions,
        boltLogger,
      });
      const receiver = new HttpReceiver({
        signingSecret: config.signingSecret,
        logger,
        browserRoutes: installRoutes(installer, logger),
      });
      return { kind: 'http', receiver, installer };
    }
  }
}
