/**
 * The body of a Teams request: JSON, and nothing else is read. restify's general body parser also
 * takes forms and multipart uploads, and writes every uploaded file to the temporary folder, where
 * nothing deletes it; Bot Framework, the Emulator and the Agents Playground only ever send JSON.
 */
import restify, { type Request, type RequestHandler, type Response } from 'restify';
import type { Logger } from '../../server/logger';

const mediaTypeOf = (contentType: string | undefined): string =>
  (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';

/** Handlers for a route: a 415 for any other content type, then restify's JSON parser, bounded. */
export function jsonBody(logger: Logger, maxBodyBytes: number): RequestHandler[] {
  const requireJson = (req: Request, res: Response, next: (proceed?: false) => void): void => {
    const mediaType = mediaTypeOf(req.headers['content-type']);
    if (mediaType === 'application/json') {
      next();
      return;
    }
    logger.warn({ status: 415, contentType: mediaType.slice(0, 64) }, 'Teams request refused');
    // The body is never read; closing the connection discards it.
    res.writeHead(415, { connection: 'close' });
    res.end();
    next(false);
  };
  return [
    requireJson,
    restify.plugins.bodyReader({ maxBodySize: maxBodyBytes }),
    ...restify.plugins.jsonBodyParser({ mapParams: false, bodyReader: true }),
  ];
}
