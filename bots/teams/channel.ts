/** The Teams channel: POST /api/messages, served by botbuilder's CloudAdapter and the mail flow bot. */
import type { Request, Response } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import restify from 'restify';
import type { Channel } from '../runtime/channel';
import type { Logger } from '../runtime/logger';
import { DEFAULT_OUTBOUND_POLICY, type OutboundPolicy } from '../runtime/outbound/policy';
import { DEFAULT_RATE_LIMITS, RateLimiter } from '../runtime/rateLimiter';
import { newReference } from '../runtime/reference';
import { turnReference, withTurnReference } from '../runtime/turnReference';
import type { TeamsConfig } from '../server/config';
import { authenticationFor, createAdapter } from './adapter';
import { type Answerer, coreAnswerer } from './bot/answerer';
import { createMemoryState, type TeamsState } from './bot/state';
import { MailflowTeamsBot } from './bot/teamsBot';
import { createTurnErrorHandler } from './bot/turnErrors';
import { createRetryingHttpClient } from './connector/retryingHttpClient';
import { checkIncomingActivity } from './http/incomingActivity';

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
  const adapter = createAdapter(deps.authentication ?? authenticationFor(config, { httpClient }));
  // One reference per turn: a reply given up in the connector client and the apology share it.
  adapter.onTurnError = createTurnErrorHandler({ logger, state, newReference: turnReference });
  const bot = new MailflowTeamsBot({
    answerer: deps.answerer ?? coreAnswerer,
    state,
    logger,
    newReference: turnReference,
    limits: deps.limits ?? new RateLimiter(DEFAULT_RATE_LIMITS),
  });

  return {
    name: 'teams',
    description: describe(config),
    mount(server) {
      server.post(
        MESSAGES_PATH,
        restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES }),
        async (req: restify.Request, res: restify.Response) => {
          const check = checkIncomingActivity(req.body, config.mode === 'local');
          if (!check.ok) {
            logger.warn({ status: check.status, reason: check.reason }, 'Teams request refused');
            res.send(check.status, { error: check.reason });
            return;
          }
          // restify's request and response have what botbuilder reads and calls; the types differ
          // only in how restify declares its headers.
          await withTurnReference(makeReference, () =>
            adapter.process(req as unknown as Request, res as unknown as Response, (context) =>
              bot.run(context),
            ),
          );
        },
      );
    },
  };
}
