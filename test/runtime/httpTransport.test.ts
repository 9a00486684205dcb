/**
 * The outbound transport against a small local far end that misbehaves in each of the ways a socket
 * can: refusing, cutting the connection, stalling mid-answer, answering without end.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exchange,
  MAX_RESPONSE_BYTES,
  OutboundTimeoutError,
  ResponseTooLargeError,
} from '../../bots/runtime/outbound/httpTransport';
import { DeliveryError, sendWithRetries } from '../../bots/runtime/outbound/sendWithRetries';
import { FAST_OUTBOUND_POLICY } from '../support/fastOutboundPolicy';

type Handler = (request: http.IncomingMessage, response: http.ServerResponse, index: number) => void;

interface FarEnd {
  url: string;
  /** Requests received, in order, with the socket each came on. */
  requests: { body: string; headers: http.IncomingHttpHeaders; socket: unknown }[];
  close(): Promise<void>;
}

async function startFarEnd(handle: Handler): Promise<FarEnd> {
  const requests: FarEnd['requests'] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      requests.push({ body, headers: request.headers, socket: request.socket });
      handle(request, response, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v3/conversations/a/activities`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let farEnd: FarEnd | undefined;
afterEach(() => farEnd?.close());

const post = (url: string, body = '{"type":"message"}') => ({
  url,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body,
});

test('sends the body with its length and reads the whole answer, headers in lower case', async () => {
  farEnd = await startFarEnd((_request, response) => {
    response.writeHead(201, { 'Content-Type': 'application/json' });
    response.end('{"id":"1"}');
  });
  const body = '{"text":"conexión rechazada"}';
  const answer = await exchange(post(farEnd.url, body), 1_000);

  expect(answer).toMatchObject({ status: 201, text: '{"id":"1"}' });
  expect(answer.headers['content-type']).toBe('application/json');
  expect(farEnd.requests[0]?.body).toBe(body);
  expect(farEnd.requests[0]?.headers['content-length']).toBe(String(Buffer.byteLength(body)));
});

test('keeps the connection open between exchanges with the same far end', async () => {
  farEnd = await startFarEnd((_request, response) => response.end('ok'));
  await exchange(post(farEnd.url), 1_000);
  await exchange(post(farEnd.url), 1_000);
  const [first, second] = farEnd.requests;
  expect(second?.socket).toBe(first?.socket);
  expect(first?.socket).toBeDefined();
});

test('a far end that sends the headers and then stalls is given up at the timeout', async () => {
  farEnd = await startFarEnd((_request, response) => {
    response.writeHead(200);
    response.write('{"id":');
  });
  await expect(exchange(post(farEnd.url), 150)).rejects.toBeInstanceOf(OutboundTimeoutError);
});

test('an answer past the size bound is refused, and not tried again', async () => {
  const chunk = 'x'.repeat(64 * 1024);
  farEnd = await startFarEnd((_request, response) => {
    response.writeHead(200);
    const more = () => {
      while (response.write(chunk)) if (response.destroyed) return;
    };
    response.on('drain', more);
    more();
  });
  await expect(exchange(post(farEnd.url), 2_000)).rejects.toBeInstanceOf(ResponseTooLargeError);
  // A generous attempt timeout, so that on a loaded machine only the size bound can end the attempt
  // (a timeout would be retried, and the far end would see a third request).
  const patient = { ...FAST_OUTBOUND_POLICY, timeoutMs: 10_000 };
  await expect(sendWithRetries(post(farEnd.url), patient)).rejects.toBeInstanceOf(ResponseTooLargeError);
  expect(farEnd.requests).toHaveLength(2);
  expect(MAX_RESPONSE_BYTES).toBe(1024 * 1024);
});

test('a connection cut before the answer is retried, and the next attempt delivers', async () => {
  farEnd = await startFarEnd((request, response, index) => {
    if (index === 0) request.socket.destroy();
    else response.end('ok');
  });
  const { response, attempts } = await sendWithRetries(post(farEnd.url), FAST_OUTBOUND_POLICY);
  expect(response.text).toBe('ok');
  expect(attempts).toBe(2);
});

test('a refused connection is retried to the bound, then given up as a network failure', async () => {
  farEnd = await startFarEnd(() => undefined);
  const url = farEnd.url;
  await farEnd.close();
  farEnd = undefined;

  const failure = await sendWithRetries(post(url), FAST_OUTBOUND_POLICY).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(DeliveryError);
  expect(failure).toMatchObject({ reason: 'network', attempts: FAST_OUTBOUND_POLICY.maxAttempts });
});

test('only http and https URLs are sent to', async () => {
  await expect(exchange(post('file:///etc/passwd'), 1_000)).rejects.toThrow('unsupported protocol file:');
});
