/**
 * The request body as Slack sent it, byte for byte: the signature covers the raw bytes, so nothing
 * may parse or re-encode the body before it is verified. Bounded, so a client cannot make the
 * server buffer an arbitrary amount.
 */
import type { IncomingMessage } from 'node:http';
import { CodedError, ERROR_CODES } from '../errors';

/** Slack's largest payloads (a message action on a long message) stay well below this. */
export const MAX_BODY_BYTES = 64 * 1024;

export class BodyTooLargeError extends CodedError {
  readonly code = ERROR_CODES.requestTooLarge;
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

export function readRawBody(request: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      // Discard the rest without buffering it; the caller answers 413.
      request.resume();
      reject(new BodyTooLargeError(maxBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > maxBytes) {
        tooLarge = true;
        chunks.length = 0;
        reject(new BodyTooLargeError(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!tooLarge) resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}
