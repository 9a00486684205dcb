/**
 * Only bodies sent as they are: a request with any other Content-Encoding is refused (415) before a
 * route or body parser sees it. restify's body parser inflates gzip itself, without a limit on the
 * inflated size and without handling a body that is not gzip at all, which ended the process. Bot
 * Framework and Slack never compress what they send to a bot, so nothing is lost by refusing.
 */
import type { Request, Response } from 'restify';
import type { Logger } from '../../runtime/logger';

/** How much of a refused header value goes into the log line. */
const LOGGED_VALUE_CHARS = 64;

/** The request's Content-Encoding, or undefined when there is none or it is `identity`. */
export function unacceptedEncoding(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = Array.isArray(value) ? value.join(', ') : value;
  const codings = text
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '');
  return codings.every((coding) => coding === 'identity') ? undefined : text;
}

/** A `server.pre` handler: answers 415 for an encoded body and stops the request there. */
export function refuseEncodedBodies(logger: Logger) {
  return (req: Request, res: Response, next: (proceed?: false) => void): void => {
    const encoding = unacceptedEncoding(req.headers['content-encoding']);
    if (encoding === undefined) {
      // `identity` says the body is sent as it is, like no header; restify's parser knows only the latter.
      delete req.headers['content-encoding'];
      next();
      return;
    }
    logger.warn(
      { status: 415, path: req.path(), contentEncoding: encoding.slice(0, LOGGED_VALUE_CHARS) },
      'request refused: Content-Encoding not accepted',
    );
    // The body is never read; closing the connection discards it.
    res.writeHead(415, { 'accept-encoding': 'identity', connection: 'close' });
    res.end();
    next(false);
  };
}
