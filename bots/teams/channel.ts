/** The Teams channel: POST /api/messages, served by botbuilder's CloudAdapter and the mail flow bot. */
import { AuthenticationConstants, type BotFrameworkAuthentication } from 'botframework-connector';
import restify from 'restify';
import type { Channel } from '../server/channel';
import type { TeamsConfig } from '../server/config';
import type { Logger } from '../server/logger';
import { DEFAULT_OUTBOUND_POLICY, type OutboundPolicy } from '../server/outbound/policy';
import { DEFAULT_RATE_LIMITS, RateLimiter } from '../server/rateLimiter';
import { newReference } from '../server/reference';
import { turnReference } from '../server/turnReference';
import { authenticationFor, createAdapter } from './adapter';
import { type Answerer, coreAnswerer } from './bot/answerer';
import { createMemoryState, type TeamsState } from './bot/state';
import { MailflowTeamsBot } from './bot/teamsBot';
import { createTurnErrorHandler } from './bot/turnErrors';
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
import { OpenIdKeys } from './http/openIdKeys';

export const MESSAGES_PATH = '/api/messages';

/** Bot Framework activities are small; a card action carries at most a few KB of request. */
const MAX_BODY_BYTES = 256 * 1024;

export interface TeamsChannelDeps {
  logger: Logger;
  /** The core; tests inject one that fails. */
  answerer?: Answerer;
  /** Users' language choices and conversations' last answers; in memory by default. */
  state?: TeamsState;
  /** Replaces the authentication built from the settings. */
  authentication?: BotFrameworkAuthentication;
  /** Correlation ids for errors. */
  newReference?: () => string;
  /** Rate limits; tests set tight ones. */
  limits?: RateLimiter;
  /** Timeouts and retries of replies to the connector; tests shorten them. */
  outbound?: OutboundPolicy;
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
  config: TeamsConfig,
  urls: Readonly<Record<KeySource, string>>,
): TokenChecks | undefined {
  if (config.mode === 'local') return undefined;
  return {
    issuers: tokenIssuers(config.tenantId),
    keys: { channel: new OpenIdKeys(urls.channel), emulator: new OpenIdKeys(urls.emulator) },
  };
}

function describe(config: TeamsConfig): string {
  return config.mode === 'local'
    ? `Teams at POST ${MESSAGES_PATH} in local mode: requests are NOT authenticated (for the Bot Framework Emulator and the Microsoft 365 Agents Playground only)`
    : `Teams at POST ${MESSAGES_PATH}: every request authenticated for bot ${config.appId} (${config.appType})`;
}

export function createTeamsChannel(config: TeamsConfig, deps: TeamsChannelDeps): Channel {
  const logger = deps.logger.child({ channel: 'teams' });
  const state = deps.state ?? createMemoryState();
  const makeReference = deps.newReference ?? newReference;
  const httpClient = createRetryingHttpClient(deps.outbound ?? DEFAULT_OUTBOUND_POLICY, logger);
  const authentication = deps.authentication ?? authenticationFor(config, { httpClient });
  const adapter = createAdapter(authentication);
  // One reference per turn: a reply given up in the connector client and the apology share it.
  adapter.onTurnError = createTurnErrorHandler({ logger, state, newReference: turnReference });
  const bot = new MailflowTeamsBot({
    answerer: deps.answerer ?? coreAnswerer,
    state,
    logger,
    newReference: turnReference,
    limits: deps.limits ?? new RateLimiter(DEFAULT_RATE_LIMITS),
  });
  const endpoint = activityEndpoint({
    localMode: config.mode === 'local',
    authenticate: createAuthenticator({
      authentication,
      tokens: tokenChecks(config, deps.openIdMetadataUrls ?? OPEN_ID_METADATA_URLS),
      timeoutMs: AUTHENTICATION_TIMEOUT_MS,
      maxStalled: MAX_STALLED_AUTHENTICATIONS,
    }),
    adapter,
    logic: (context) => bot.run(context),
    logger,
    newReference: makeReference,
    budget: deps.turnBudget ?? TEAMS_TURN_BUDGET,
  });

  return {
    name: 'teams',
    description: describe(config),
    mount(server) {
      server.post(
        MESSAGES_PATH,
        restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES }),
        endpoint,
      );
    },
  };
}
