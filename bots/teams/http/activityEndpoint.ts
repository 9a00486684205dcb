/**
 * POST /api/messages after the body parser: the activity is checked, its sender authenticated, and
 * only then does botbuilder run the turn, within the turn's time budget. Every refusal is one log
 * line and a bare status (400/403 say which field was wrong; 401 and 503 say nothing more), and no
 * error of botbuilder's reaches the response or standard error: botbuilder's own request handling
 * (`CloudAdapter.process`) would print each one to the console and send its message as the body.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { Logger } from '../../server/logger';
import { withTurnReference } from '../../server/turnReference';
import type { Adapter } from '../adapter';
import { TurnBudget, type TurnBudgetLimits } from '../connector/turnBudget';
import type { Authenticator } from './authenticate';
import { checkIncomingActivity } from './incomingActivity';

/** How long a client that got a 503 should wait before trying again. */
const RETRY_AFTER_SECONDS = '5';

export interface ActivityEndpointDeps {
  localMode: boolean;
  authenticate: Authenticator;
  adapter: Adapter;
  /** The bot's turn. */
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  newReference: () => string;
  budget: TurnBudgetLimits;
}

function respond(res: Response, status: number, body?: unknown): void {
  if (body === undefined) {
    res.status(status);
    res.end();
  } else {
    res.send(status, body);
  }
}

export function activityEndpoint(deps: ActivityEndpointDeps) {
  const { logger } = deps;
  const refuse = (res: Response, status: number, reason: string, fields: Record<string, unknown> = {}) => {
    logger.warn({ status, reason, ...fields }, 'Teams request refused');
    if (status === 503) res.setHeader('retry-after', RETRY_AFTER_SECONDS);
    // What was wrong with the activity helps whoever wrote it; nothing is said about a token.
    respond(res, status, status === 400 || status === 403 ? { error: reason } : undefined);
  };

  return async (req: Request, res: Response): Promise<void> => {
    const arrivedAt = Date.now();
    const check = checkIncomingActivity(req.body, deps.localMode);
    if (!check.ok) return refuse(res, check.status, check.reason);
    const activity: Activity = check.activity;
    const identity = await deps.authenticate(activity, req.headers.authorization);
    if (!identity.ok) {
      return refuse(
        res,
        identity.status,
        identity.reason,
        identity.error === undefined ? {} : { err: identity.error },
      );
    }
    try {
      const budget = new TurnBudget(arrivedAt, deps.budget);
      const invokeResponse = await withTurnReference(
        deps.newReference,
        () => deps.adapter.runTurn(identity.result, activity, deps.logic),
        budget,
      );
      respond(res, invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (error) {
      // The turn's own errors are the adapter's onTurnError's; this is botbuilder failing around it.
      logger.error({ err: error, activityType: activity.type }, 'Teams turn could not run');
      respond(res, 500);
    }
  };
}
