/**
 * A Bolt receiver whose HTTP side is a route on the bot's shared HTTP server, so Teams and Slack
 * share one port. Per request: read the raw body (bounded), verify Slack's signature, parse, answer
 * URL verification, and hand everything else to `app.processEvent` with an ack that writes the HTTP
 * response. Nothing reaches Bolt before the signature checks out.
 */
import type { IncomingMessage as Request, ServerResponse as Response } from 'node:http';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { HttpRoute } from '../../runtime/channel';
import { BodyTooLargeError, MAX_BODY_BYTES, readRawBody } from '../../runtime/http/readRawBody';
import type { Logger } from '../../runtime/logger';
import { createHttpAck } from './httpAck';
import { envelopeOf, isSslCheck, parseSlackBody, requestSummary } from './parse';
import { verifyRequest } from './verify';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface HttpReceiverOptions {
  signingSecret: string;
  logger: Logger;
  maxBodyBytes?: number;
  /** Routes a person's browser opens (the OAuth install), served beside the events route. */
  browserRoutes?: readonly HttpRoute[];
}

const headerNumber = (value: string | string[] | undefined): number | undefined => {
  const text = Array.isArray(value) ? value[0] : value;
  const number = text === undefined ? Number.NaN : Number.parseInt(text, 10);
  return Number.isNaN(number) ? undefined : number;
};

const headerText = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

function sendEmpty(response: Response, status: number): void {
  response.writeHead(status);
  response.end();
}

export class HttpReceiver implements Receiver {
  private app: App | undefined;

  constructor(private readonly options: HttpReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  /** The route lives on the shared server (see `route`), which the bot server starts and stops. */
  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /** `POST /slack/events`. No body parser may run before it: the signature covers the raw bytes. */
  readonly route: HttpRoute = {
    path: SLACK_EVENTS_PATH,
    handle: (request, response) => this.handle(request, response),
  };

  /** Every route of the receiver: events, and the install's browser routes where there are any. */
  get routes(): readonly HttpRoute[] {
    return [this.route, ...(this.options.browserRoutes ?? [])];
  }

  private async handle(request: Request, response: Response): Promise<void> {
    const { logger, signingSecret } = this.options;
    let rawBody: string;
    try {
      rawBody = (await readRawBody(request, this.options.maxBodyBytes ?? MAX_BODY_BYTES)).toString('utf8');
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        logger.warn({ limit: error.limit }, 'Slack request refused: body too large');
        response.setHeader('connection', 'close');
        return sendEmpty(response, 413);
      }
      logger.warn({ err: error }, 'Slack request body could not be read');
      return sendEmpty(response, 400);
    }

    const contentType = request.headers['content-type'];
    if (isSslCheck(rawBody, contentType)) return sendEmpty(response, 200);

    const verdict = verifyRequest(signingSecret, rawBody, request.headers);
    if (!verdict.ok) {
      logger.warn({ reason: verdict.reason }, 'Slack request refused: signature check failed');
      return sendEmpty(response, 401);
    }

    const parsed = parseSlackBody(rawBody, contentType);
    if (!parsed.ok) {
      logger.warn({ reason: parsed.reason }, 'Slack request refused: unreadable body');
      return sendEmpty(response, 400);
    }
    const envelope = envelopeOf(parsed.body);
    if (envelope === undefined) {
      logger.warn('Slack request refused: not a request this app handles');
      return sendEmpty(response, 400);
    }
    if (envelope === 'urlVerification') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ challenge: String(parsed.body.challenge) }));
      return;
    }
    // Slack tells the app it is over its event rate limit; nothing to answer.
    if (envelope === 'rateLimited') return sendEmpty(response, 200);
    await this.dispatch(parsed.body, request, response);
  }

  /** Resolves once the HTTP response went out; Bolt may go on working after its ack. */
  private async dispatch(body: Record<string, unknown>, request: Request, response: Response): Promise<void> {
    const { logger } = this.options;
    const app = this.app;
    if (!app) {
      logger.error('Slack receiver got a request before Bolt initialised it');
      return sendEmpty(response, 503);
    }
    const httpAck = createHttpAck(response, logger);
    const retryNum = headerNumber(request.headers['x-slack-retry-num']);
    const retryReason = headerText(request.headers['x-slack-retry-reason']);
    const event: ReceiverEvent = {
      body,
      ack: httpAck.ack,
      ...(retryNum !== undefined ? { retryNum } : {}),
      ...(retryReason !== undefined ? { retryReason } : {}),
    };
    const processing = app.processEvent(event).then(
      () => {
        // Bolt acknowledges events itself and every listener acknowledges what it takes: a request
        // still unanswered once Bolt is done is one that no handler takes (a renamed command, a
        // button the bot no longer has).
        if (httpAck.fail(404))
          logger.warn({ status: 404, ...requestSummary(body) }, 'Slack request refused: no handler takes it');
      },
      (error: unknown) => {
        logger.error({ err: error }, 'Slack event processing failed');
        httpAck.fail(500);
      },
    );
    await Promise.race([httpAck.answered, processing]);
  }
}
