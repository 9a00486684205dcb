/**
 * The services the bots call, for the server benchmark: a Bot Framework connector that counts the
 * replies it receives, and a Slack Web API that answers `auth.test` and `users.info`. Unlike the test
 * stand-ins they keep counts, never bodies: a soak sends hundreds of thousands of replies.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where the connector takes a new message or a reply: POST /v3/conversations/{id}/activities[/{replyToId}]. */
const ACTIVITIES = /^\/v3\/conversations\/[^/]+\/activities(?:\/[^/]+)?\/?$/;
const SLACK_METHOD = /^\/api\/([\w.]+)$/;

export interface StandInCounts {
  /** Replies the connector stand-in accepted. */
  connectorReplies: number;
  /** Slack Web API calls, all methods together. */
  slackCalls: number;
}

export interface StandIns {
  readonly connectorUrl: string;
  readonly slackApiUrl: string;
  counts(): StandInCounts;
  close(): Promise<void>;
}

/** Reads and drops the request body: the bench only counts, but the client must be able to finish. */
async function drain(request: IncomingMessage): Promise<void> {
  for await (const _chunk of request) {
    // nothing to keep
  }
}

function json(response: ServerResponse, value: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
}

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

export async function startStandIns(): Promise<StandIns> {
  const counts: StandInCounts = { connectorReplies: 0, slackCalls: 0 };
  let nextActivity = 1;

  const connector = createServer((request, response) => {
    drain(request).then(
      () => {
        const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
        if (request.method !== 'POST' || !ACTIVITIES.test(path)) {
          response.writeHead(404);
          response.end();
          return;
        }
        counts.connectorReplies += 1;
        json(response, { id: `reply-${nextActivity++}` });
      },
      () => response.destroy(),
    );
  });

  const slack = createServer((request, response) => {
    drain(request).then(
      () => {
        const method = SLACK_METHOD.exec(new URL(request.url ?? '/', 'http://stand-in').pathname)?.[1];
        counts.slackCalls += 1;
        if (method === 'auth.test')
          return json(response, { ok: true, user_id: 'UBENCHBOT', bot_id: 'BBENCHBOT' });
        // Every user reads English: the bench measures the server, not Slack's locales.
        if (method === 'users.info') return json(response, { ok: true, user: { locale: 'en-US' } });
        return json(response, { ok: false, error: 'unknown_method' });
      },
      () => response.destroy(),
    );
  });

  const [connectorUrl, slackBase] = await Promise.all([listen(connector), listen(slack)]);
  const close = (server: Server) =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      // The bots keep connections alive; they must not hold the process open.
      server.closeAllConnections();
    });
  return {
    connectorUrl,
    slackApiUrl: `${slackBase}api/`,
    counts: () => ({ ...counts }),
    close: async () => {
      await Promise.all([close(connector), close(slack)]);
    },
  };
}
