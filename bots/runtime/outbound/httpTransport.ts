/**
 * One HTTP exchange with a far end, on node:http with keep-alive agents.
 *
 * Every reply the bot sends is one such exchange, so its cost is on the path of every answer. The
 * global fetch (undici) cost about 600 µs of CPU per Teams reply more than this; the agents keep
 * the connections to the connector and to Slack open between replies, as fetch's pool did.
 */
import http from 'node:http';
import https from 'node:https';
import { CodedError, ERROR_CODES } from '../errors';

export interface OutboundRequest {
  url: string;
  method: string;
  headers: Readonly<Record<string, string>>;
  body?: string;
}

/** A far end's answer, read in full. Header names are lower case. */
export interface OutboundResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  text: string;
}

/**
 * The longest answer read. The bot's far ends answer with a few hundred bytes (an activity id, an
 * `ok`); a far end streaming without end must not fill the memory.
 */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** The attempt outlived its timeout: no answer, or not all of it. */
export class OutboundTimeoutError extends CodedError {
  readonly code = ERROR_CODES.outboundTimeout;
  constructor(timeoutMs: number) {
    super(`no complete answer within ${timeoutMs} ms`);
    this.name = 'OutboundTimeoutError';
  }
}

/** The far end answered with more than MAX_RESPONSE_BYTES. Not worth another attempt. */
export class ResponseTooLargeError extends CodedError {
  readonly code = ERROR_CODES.outboundResponseTooLarge;
  constructor() {
    super(`the answer exceeded ${MAX_RESPONSE_BYTES} bytes`);
    this.name = 'ResponseTooLargeError';
  }
}

// Sockets are bounded per far end: a stalled far end holds at most this many, and turns beyond it
// wait in the agent's queue, within their own attempt's timeout.
const AGENT_OPTIONS = { keepAlive: true, maxSockets: 64 };
const httpAgent = new http.Agent(AGENT_OPTIONS);
const httpsAgent = new https.Agent(AGENT_OPTIONS);

function flatHeaders(incoming: http.IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * Sends `request` and reads the whole answer, all within `timeoutMs` (a far end that sends the
 * headers and then stalls is caught too). Rejects with OutboundTimeoutError, ResponseTooLargeError or
 * the socket's own error (refused, reset, unknown host).
 */
export function exchange(request: OutboundRequest, timeoutMs: number): Promise<OutboundResponse> {
  const url = new URL(request.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return Promise.reject(new TypeError(`unsupported protocol ${url.protocol}`));
  const secure = url.protocol === 'https:';
  const headers =
    request.body === undefined
      ? request.headers
      : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) };

  return new Promise((resolve, reject) => {
    const options = { method: request.method, headers };
    const outgoing = secure
      ? https.request(url, { ...options, agent: httpsAgent })
      : http.request(url, { ...options, agent: httpAgent });
    const timer = setTimeout(() => outgoing.destroy(new OutboundTimeoutError(timeoutMs)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    outgoing.on('error', fail);
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      let length = 0;
      incoming.on('data', (chunk: Buffer) => {
        length += chunk.length;
        if (length > MAX_RESPONSE_BYTES) outgoing.destroy(new ResponseTooLargeError());
        else chunks.push(chunk);
      });
      incoming.on('end', () => {
        clearTimeout(timer);
        resolve({
          status: incoming.statusCode ?? 0,
          headers: flatHeaders(incoming.headers),
          text: Buffer.concat(chunks, length).toString('utf8'),
        });
      });
      // A connection cut mid-answer: `aborted` first, then an error on the request.
      incoming.on('error', fail);
    });
    outgoing.end(request.body);
  });
}
