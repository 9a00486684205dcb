/**
 * What one connection may hold: the time to send its headers and its whole request, and how many
 * connections may be open at once. Node's defaults (60 s for headers, 300 s for a request, checked
 * every 30 s, no cap) let a client that sends half a request keep a socket for minutes; Bot
 * Framework gives a bot 15 s for a whole turn and Slack 3 s for an ack, so no real request needs
 * long to arrive.
 */
import type { Server } from 'node:http';

export interface ConnectionLimits {
  /** Time from the connection (or the previous response) to the end of the request's headers. */
  headersTimeoutMs: number;
  /** Time to receive the whole request, body included. */
  requestTimeoutMs: number;
  /** How often Node checks the two timeouts above: their precision. */
  checkIntervalMs: number;
  /** Connections open at once; further ones are closed as they arrive. */
  maxConnections: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  checkIntervalMs: 1_000,
  maxConnections: 1_024,
};

/** Sets the limits on Node's server; call before it listens (the check interval starts then). */
export function applyConnectionLimits(server: Server, limits: ConnectionLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.maxConnections = limits.maxConnections;
  // A documented option of http.createServer, which restify calls without options; the server reads
  // the property when it starts listening.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    limits.checkIntervalMs;
}
