/** The Teams channel: POST /api/messages, served by botbuilder's CloudAdapter and the mail flow bot. */
import { AuthenticationConstants, type BotFrameworkAuthentication } from 'botframework-connector';
import type { ChannelDeps } from '../conversation/channelPlugin';
import type { Channel } from '../runtime/channel';
import { newReference } from '../runtime/reference';
import { authenticationFor, createAdapter } from './adapter';
import { senderOf } from './bot/activityInfo';
import { MailflowTeamsBot, replyTo } from './bot/teamsBot';
import { createRetryingHttpClient } from './connector/retryingHttpClient';
import { TEAMS_TURN_BUDGET, type TurnBudgetLimits } from './connector/turnBudget';
import { activityEndpoint } from './http/activityEndpoint';
import {
  AUTHENTICATION_TIMEOUT_MS,
  createAuthenticator,
  MAX_STALLED_AUTHENTICATIONS,
  type TokenChecks,
} from './http/authenticate';
import { type KeySource, tokenIssuers } from './http/bearerToken';
import { MESSAGES_PATH, messagesRoute } from './http/messagesRoute';
import { OpenIdKeys } from './http/openIdKeys';
import type { TeamsSettings } from './settings';

export interface TeamsChannelDeps extends ChannelDeps {
  /** Replaces the authentication built from the settings. */
  authentication?: BotFrameworkAuthentication;
  /** Correlation ids for errors. */
  newReference?: () => string;
  /** Where the keys that sign tokens are published; tests point them at a stand-in. */
  openIdMetadataUrls?: Readonly<Record<KeySource, string>>;
  /** The time a turn's replies and apology must fit in. */
  turnBudget?: TurnBudgetLimits;
}

/** Microsoft's OpenID metadata: the Bot Framework Service's keys, and Entra's for the Emulator and skills. */
const OPEN_ID_METADATA_URLS: Readonly<Record<KeySource, string>> = {
  channel: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
  emulator: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
};

/** The token checks of an authenticated bot; none in local mode. */
function tokenChecks(
  settings: TeamsSettings,
  urls: Readonly<Record<KeySource, string>>,
): TokenChecks | undefined {
  if (settings.mode === 'local') return undefined;
  return {
    issuers: tokenIssuers(settings.tenantId),
    keys: { channel: new OpenIdKeys(urls.channel), emulator: new OpenIdKeys(urls.emulator) },
  };
}

function describe(settings: TeamsSettings): string {
  return settings.mode === 'local'
    ? `Teams at POST ${MESSAGES_PATH} in local mode: requests are NOT authenticated (for the Bot Framework Emulator and the Microsoft 365 Agents Playground only)`
    : `Teams at POST ${MESSAGES_PATH}: every request authenticated for bot ${settings.appId} (${settings.appType})`;
}

export function createTeamsChannel(settings: TeamsSettings, deps: TeamsChannelDeps): Channel {
  const logger = deps.logger.child({ channel: 'teams' });
  const httpClient = createRetryingHttpClient(deps.outbound, logger);
  const authentication = deps.authentication ?? authenticationFor(settings, { httpClient });
  const adapter = createAdapter(authentication);
  const bot = new MailflowTeamsBot(deps.conversation, logger);
  // An error outside the conversation layer's own work (botbuilder failing on an activity).
  adapter.onTurnError = (context, error) =>
    deps.conversation.fail(senderOf(context.activity), error, replyTo(context));
  const endpoint = activityEndpoint({
    localMode: settings.mode === 'local',
    authenticate: createAuthenticator({
      authentication,
      tokens: tokenChecks(settings, deps.openIdMetadataUrls ?? OPEN_ID_METADATA_URLS),
      timeoutMs: AUTHENTICATION_TIMEOUT_MS,
      maxStalled: MAX_STALLED_AUTHENTICATIONS,
    }),
    adapter,
    logic: (context) => bot.run(context),
    logger,
    // One reference per turn: a reply given up in the connector client and the apology share it.
    newReference: deps.newReference ?? newReference,
    budget: deps.turnBudget ?? TEAMS_TURN_BUDGET,
  });

  return {
    name: 'teams',
    description: describe(settings),
    routes: [messagesRoute(logger, endpoint)],
  };
}
