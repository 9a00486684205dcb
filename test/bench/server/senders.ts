/**
 * Who sends the bench's next message, as on a busy day: mostly users and conversations the bot has
 * seen before, plus a steady share of new users, and nobody faster than the bot's rate limits allow
 * (a rate-limited request would measure the limiter's refusal, not an answer).
 *
 * Returning users take turns in short sessions (a question, then a follow-up or two); users are
 * grouped a few to a conversation. A returning user or conversation whose rate-limit bucket is
 * empty is passed over; when none of the next candidates may send, a new user sends instead, and is
 * counted, so that the report shows the share of new users that the run really had.
 */
import { RATE_LIMITS } from '../../../bots/conversation/limits';
import { type RateLimit, TokenBuckets } from '../../../bots/runtime/tokenBuckets';

export interface Sender {
  /** A user index: below the pool size a returning user, from it on a new one. */
  user: number;
  /** A conversation index, shared by a few returning users; a new user's own otherwise. */
  conversation: number;
  /** The user's first message in this traffic (a new user's, or a returning user's introduction). */
  first: boolean;
}

export interface SendersOptions {
  /** Returning users: enough that, at the fastest bot's rate, each stays within its limit. */
  returningUsers: number;
  /** Returning users who share one conversation (a channel, a group chat). */
  usersPerConversation: number;
  /** Share of messages from a user never seen before (0.05 = one in twenty). */
  newUserShare: number;
  /** Consecutive messages of a returning user's session. */
  sessionLength: number;
  now?: () => number;
}

export const DEFAULT_SENDERS: Omit<SendersOptions, 'now'> = {
  // The fastest bot (fixed answer, Slack) serves about 6,000 requests a second on a quiet 2-core
  // machine; at one message every 2 s per user that needs 12,000 users, and a margin.
  returningUsers: 15_000,
  // Three users at one message every 2 s stay within a conversation's two a second.
  usersPerConversation: 3,
  newUserShare: 0.05,
  sessionLength: 3,
};

/**
 * The bench's buckets refill a tenth slower than the bot's: a request is sent a little before the
 * bot reads it, and the bot must never see a user go faster than allowed.
 */
const MARGIN = 0.9;
const withMargin = (limit: RateLimit): RateLimit => ({
  burst: limit.burst,
  perSecond: limit.perSecond * MARGIN,
});
const USER_LIMIT = withMargin(RATE_LIMITS.message.user);
const CONVERSATION_LIMIT = withMargin(RATE_LIMITS.message.conversation);
/** Returning users looked at before a new user sends instead. */
const MAX_PASSED_OVER = 64;

export interface SenderCounts {
  returning: number;
  /** New users by the steady share. */
  newByShare: number;
  /** New users because no returning user or conversation could send within its limit. */
  newByLimits: number;
}

export class Senders {
  private readonly buckets: TokenBuckets;
  private readonly introduced = new Set<number>();
  private cursor = 0;
  private inSession = 0;
  private nextNewUser: number;
  private nextNewConversation: number;
  private sent = 0;
  readonly counts: SenderCounts = { returning: 0, newByShare: 0, newByLimits: 0 };

  constructor(private readonly options: SendersOptions) {
    this.buckets = new TokenBuckets({
      maxKeys: options.returningUsers * 2,
      ...(options.now ? { now: options.now } : {}),
    });
    this.nextNewUser = options.returningUsers;
    this.nextNewConversation = Math.ceil(options.returningUsers / options.usersPerConversation);
  }

  /** Each returning user's first message, in turn: what makes them "seen before" when the run begins. */
  *introductions(): Generator<Sender> {
    for (let user = 0; user < this.options.returningUsers; user++) {
      const sender = this.returning(user);
      if (sender) yield sender;
    }
  }

  next(): Sender {
    this.sent += 1;
    if (
      Math.floor(this.sent * this.options.newUserShare) >
      Math.floor((this.sent - 1) * this.options.newUserShare)
    ) {
      this.counts.newByShare += 1;
      return this.newUser();
    }
    for (let passed = 0; passed < MAX_PASSED_OVER; passed++) {
      if (this.inSession >= this.options.sessionLength) {
        this.cursor = (this.cursor + 1) % this.options.returningUsers;
        this.inSession = 0;
      }
      const sender = this.returning(this.cursor);
      if (sender) {
        this.inSession += 1;
        this.counts.returning += 1;
        return sender;
      }
      // This user or their conversation must wait: the next user's session begins.
      this.inSession = this.options.sessionLength;
    }
    this.counts.newByLimits += 1;
    return this.newUser();
  }

  private returning(user: number): Sender | undefined {
    const conversation = Math.floor(user / this.options.usersPerConversation);
    // Both limits must allow the message: the conversation's token is taken only when the user has one.
    if (!this.buckets.take(`u${user}`, USER_LIMIT)) return undefined;
    if (!this.buckets.take(`c${conversation}`, CONVERSATION_LIMIT)) return undefined;
    const first = !this.introduced.has(user);
    this.introduced.add(user);
    return { user, conversation, first };
  }

  private newUser(): Sender {
    return { user: this.nextNewUser++, conversation: this.nextNewConversation++, first: true };
  }
}

/** The share of new users among the messages sent between two readings of the counts. */
export function newUserShare(before: SenderCounts, after: SenderCounts): number {
  const returning = after.returning - before.returning;
  const fresh = after.newByShare - before.newByShare + after.newByLimits - before.newByLimits;
  return returning + fresh > 0 ? fresh / (returning + fresh) : 0;
}
