/**
 * How Slack reaches the bot: over HTTP at POST /slack/events on the shared server, or, with an
 * app-level token, over Socket Mode (an outgoing WebSocket, so no public URL is needed).
 */
import { type Logger as BoltLogger, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../runtime/logger';
import { HttpReceiver } from './http/httpReceiver';
import type { SlackSettings } from './settings';

export type SlackReceiver =
  | { kind: 'http'; receiver: HttpReceiver }
  | { kind: 'socket'; receiver: SocketModeReceiver };

export function createReceiver(config: SlackSettings, logger: Logger, boltLogger: BoltLogger): SlackReceiver {
  if (config.mode === 'socket') {
    return {
      kind: 'socket',
      receiver: new SocketModeReceiver({
        appToken: config.appToken,
        logger: boltLogger,
        // apps.connections.open goes to the same Web API as every other call.
        installerOptions: { clientOptions: { slackApiUrl: config.apiUrl } },
      }),
    };
  }
  return { kind: 'http', receiver: new HttpReceiver({ signingSecret: config.signingSecret, logger }) };
}
