/**
 * The rate limits: one bucket per user and one per conversation for each kind of request, and the
 * notice told to each refused user once per run of refusals (so five users sharing a conversation's
 * allowance each learn why they get no answer, and a loop of bots dies out in silence).
 */
import { CONVERSATION_LIMITS, RATE_LIMITS, type RateLimitKind, type RateLimitPair } from './limits';
import type { Sender } from './message';
import type { ConversationStore } from './store';

export type Admission = 'allow' | 'refuseWithNotice' | 'refuseSilently';

export class Admissions {
  constructor(
    private readonly store: ConversationStore,
    private readonly limits: Readonly<Record<RateLimitKind, RateLimitPair>> = RATE_LIMITS,
  ) {}

  async admit(kind: RateLimitKind, sender: Sender): Promise<Admission> {
    const { channel, user, conversation } = sender;
    const limits = this.limits[kind];
    const allowed = await this.store.takeEach([
      { key: `${kind}:u:${channel}:${user}`, limit: limits.user },
      { key: `${kind}:c:${channel}:${conversation}`, limit: limits.conversation },
    ]);
    if (allowed) return 'allow';
    const told = !(await this.store.firstSeen(
      'notice',
      `${kind}:${channel}:${user}`,
      CONVERSATION_LIMITS.notice.ttlMs,
    ));
    return told ? 'refuseSilently' : 'refuseWithNotice';
  }
}
