/**
 * A chat channel as the HTTP server sees it: the routes it serves, with Node's own request and
 * response (no web framework's types), and work of its own to start and stop.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface HttpRoute {
  /** The path of the channel's endpoint. */
  readonly path: string;
  /**
   * POST (the default) for what a channel's service sends; GET for a page a person's browser opens
   * (Slack's install). The server answers the other method with 405.
   */
  readonly method?: 'GET' | 'POST';
  /** Answers one request to `path`; it reads the body itself (bounded), the server has not touched it. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

export interface Channel {
  readonly name: string;
  /** One line for the start-up log: how the channel runs (e.g. "local mode, unauthenticated"). */
  readonly description: string;
  readonly routes: readonly HttpRoute[];
  /** Starts work beyond HTTP routes (e.g. a Socket Mode connection). */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}
