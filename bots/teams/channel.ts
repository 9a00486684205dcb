/** The Teams channel: POST /api/messages, served by botbuilder's CloudAdapter and the mail flow bot. */
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { ChannelDeps } from '../conversation/channelPlugin';
import type { Channel } from '../runtime/channel';
import { newReference } from '../runtime/reference';
import { withTurnReference } from '../runtime/turnReference';
import { authenticationFor, createAdapter } from './adapter';
import { senderOf } from './bot/activityInfo';
import { MailflowTeamsBot, replyTo } from './bot/teamsBot';
import { createRetryingHttpClient } from './connector/retryingHttpClient';
import { MESSAGES_PATH, messagesRoute } from './http/messagesRoute';
import type { TeamsSettings } from './settings';

export interface TeamsChannelDeps extends ChannelDeps {
  /** Replaces the authentication built from the settings. */
  authentication?: BotFrameworkAuthentication;
  /** Correlation ids for errors. */
  newReference?: () => string;
}

function describe(settings: TeamsSettings): string {
  return settings.mode === 'local'
    ? `Teams at POST ${MESSAGES_PATH} in local mode: requests are NOT authenticated (for the Bot Framework Emulator and the Microsoft 365 Agents Playground only)`
    : `Teams at POST ${MESSAGES_PATH}: every request authenticated for bot ${settings.appId} (${settings.appType})`;
}

export function createTeamsChannel(settings: TeamsSettings, deps: TeamsChannelDeps): Channel {
  const logger = deps.logger.child({ channel: 'teams' });
  const makeReference = deps.newReference ?? newReference;
  const httpClient = createRetryingHttpClient(deps.outbound, logger);
  const adapter = createAdapter(deps.authentication ?? authenticationFor(settings, { httpClient }));
  const bot = new MailflowTeamsBot(deps.conversation, logger);
  // An error outside the conversation layer's own work (botbuilder failing on an activity).
  adapter.onTurnError = (context, error) =>
    deps.conversation.fail(senderOf(context.activity), error, replyTo(context));

  return {
    name: 'teams',
    description: describe(settings),
    routes: [
      // One reference per turn: a reply given up in the connector client and the apology share it.
      messagesRoute(settings.mode === 'local', logger, (request, response) =>
        withTurnReference(makeReference, () =>
          adapter.process(request, response, (context) => bot.run(context)),
        ),
      ),
    ],
  };
}
