/**
 * One dialogue, every channel: a driver speaks to the bot the way its channel's users do (a fake
 * adapter calls the conversation layer itself; Teams and Slack go through real HTTP to the server),
 * and reads back what the bot said in a form common to all.
 */
import type { ConversationOptions } from '../../../bots/conversation/conversation';

/** What the bot said: an answer card (by its title) or a short text (a hint, a notice, an apology). */
export type Said = { kind: 'answer'; title: string } | { kind: 'text'; text: string };

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A thread started by a post at a channel's top level. */
export interface Thread {
  readonly id: string;
}

export interface ChannelDriver {
  /** Every line the server logged. */
  readonly logs: LogLine[];
  /** The user's client locale (Teams: the client's locale; Slack: the locale `users.info` reports). */
  user(name: string, clientLocale: string): string;
  /**
   * A message where only the user and the bot talk (Teams: a personal chat; Slack: `/mailflow`,
   * answered in its ack); resolves with what the bot said, nothing for a silent refusal.
   */
  chat(user: string, text: string): Promise<Said | undefined>;
  /** A new post at a channel's top level that mentions the bot; resolves with the reply in its thread. */
  post(user: string, text: string): Promise<{ said: Said; thread: Thread }>;
  /** A reply in a thread that mentions the bot. */
  reply(user: string, thread: Thread, text: string): Promise<Said>;
  /** The far end refuses the bot's next `times` posts to a thread with HTTP `status`. */
  refuseNextPosts(times: number, status: number): void;
  /** Attempts at posting to a thread the far end received so far, refused ones included. */
  postAttempts(): number;
  close(): Promise<void>;
}

export type DriverOptions = Omit<ConversationOptions, 'logger'>;

export interface DriverFactory {
  name: string;
  start(options?: DriverOptions): Promise<ChannelDriver>;
}
