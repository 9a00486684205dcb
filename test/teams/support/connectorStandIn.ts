/**
 * A local stand-in for the Bot Framework connector (the service behind an activity's `serviceUrl`):
 * records what the bot sends and answers as the connector does, with the new activity's id.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  /** The conversation id, decoded from the path. */
  conversationId: string;
  /** The activity replied to (POST) or updated (PUT); absent for a new message. */
  activityId?: string;
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary activity fields.
  body: any;
}

/** How the stand-in misbehaves for one request: an error status (with Retry-After), or no answer at all. */
export type Fault = { status: number; retryAfter?: string } | 'hang';

export interface ConnectorStandIn {
  readonly url: string;
  /** The calls answered with success. */
  readonly calls: ConnectorCall[];
  /** Every request that reached the stand-in, failed ones included: the attempts. */
  readonly attempts: ConnectorCall[];
  /** The next requests get these faults, one each, in order; later ones are answered normally. */
  failNext(...faults: Fault[]): void;
  /** Every request gets this fault until called again with `undefined`. */
  failAlways(fault: Fault | undefined): void;
  /** Makes updates (PUT) fail with this status, as the connector does for a message the bot may not edit. */
  failUpdatesWith(status: number | undefined): void;
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

export async function startConnectorStandIn(): Promise<ConnectorStandIn> {
  const calls: ConnectorCall[] = [];
  const attempts: ConnectorCall[] = [];
  const faults: Fault[] = [];
  let always: Fault | undefined;
  let updateFailure: number | undefined;
  let nextId = 1;
  // Plain writeHead/end calls without chaining: restify, loaded in the same process, replaces
  // ServerResponse methods with versions that return nothing.
  const server: Server = createServer((req, res) => {
    const match = ACTIVITIES.exec(new URL(req.url ?? '/', 'http://stand-in').pathname);
    readJson(req).then(
      (body) => {
        if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
          res.writeHead(404);
          res.end();
          return;
        }
        const conversationId = decodeURIComponent(match[1] ?? '');
        const activityId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
        const call = { method: req.method, conversationId, ...(activityId ? { activityId } : {}), body };
        attempts.push(call);
        const fault = faults.shift() ?? always;
        if (fault === 'hang') return; // accepted, never answered
        if (fault) {
          res.writeHead(fault.status, {
            'content-type': 'application/json',
            ...(fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }),
          });
          res.end(
            JSON.stringify({ error: { code: 'StandInFault', message: `stand-in answers ${fault.status}` } }),
          );
          return;
        }
        calls.push(call);
        if (req.method === 'PUT' && updateFailure) {
          res.writeHead(updateFailure, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'Forbidden', message: 'stand-in refuses updates' } }));
          return;
        }
        const id = req.method === 'PUT' ? activityId : `reply-${nextId++}`;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id }));
      },
      () => {
        res.writeHead(400);
        res.end();
      },
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    attempts,
    failNext(...next) {
      faults.push(...next);
    },
    failAlways(fault) {
      always = fault;
    },
    failUpdatesWith(status) {
      updateFailure = status;
    },
    close: () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Requests the stand-in never answered would otherwise hold it open.
      server.closeAllConnections();
      return closed;
    },
  };
}
