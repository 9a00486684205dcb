/**
 * botbuilder's `Response` (what CloudAdapter.process calls: `status`, `send`, `end`, `header`) over
 * Node's own ServerResponse, so that the channel needs no web framework to hand a request to it.
 */
import type { ServerResponse } from 'node:http';
import type { Response } from 'botbuilder';

export function botbuilderResponse(response: ServerResponse): Response {
  let status = 200;
  const finish = (body?: unknown): void => {
    if (response.headersSent) return;
    if (body === undefined || body === null) {
      response.writeHead(status);
      response.end();
    } else if (typeof body === 'string') {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(body);
    } else {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body));
    }
  };
  return {
    socket: response.socket,
    header: (name, value) => {
      if (!response.headersSent) response.setHeader(name, String(value));
    },
    status: (code) => {
      status = Number(code);
    },
    // CloudAdapter calls `send(body)` then `end()`: the body goes out with the first, the second does nothing.
    send: (body?: unknown) => finish(body),
    end: () => finish(),
  };
}
