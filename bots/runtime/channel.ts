/** A chat channel served by the bot server: it mounts its routes and may run work of its own. */
import type { Server } from 'restify';

export interface Channel {
  readonly name: string;
  /** One line for the start-up log: how the channel runs (e.g. "local mode, unauthenticated"). */
  readonly description: string;
  /** Adds the channel's HTTP routes. */
  mount(server: Server): void;
  /** Starts work beyond HTTP routes (e.g. a Socket Mode connection). */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}
