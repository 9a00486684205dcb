/**
 * Each user's chosen language (CONTRACT.md, rule 1), by channel and user: set by the language command
 * or a card's picker, forgotten by `lang auto`, renewed by use.
 */
import { isLocale, type Locale } from '../../core';
import { CONVERSATION_LIMITS } from './limits';
import type { Sender } from './message';
import type { ConversationStore } from './store';

const { ttlMs, renewAfterMs } = CONVERSATION_LIMITS.languageChoice;

const keyOf = (sender: Pick<Sender, 'channel' | 'user'>): string => `${sender.channel}:${sender.user}`;

export class LanguageMemory {
  constructor(
    private readonly store: ConversationStore,
    private readonly now: () => number,
  ) {}

  /** The user's choice, if any. A choice in use is renewed once a day, so only disuse forgets it. */
  async chosen(sender: Pick<Sender, 'channel' | 'user'>): Promise<Locale | undefined> {
    const stored = await this.store.get('languageChoice', keyOf(sender));
    if (typeof stored !== 'object' || stored === null) return undefined;
    const { locale, renewedAt } = stored as Record<string, unknown>;
    if (!isLocale(locale)) return undefined;
    if (typeof renewedAt !== 'number' || this.now() - renewedAt >= renewAfterMs)
      await this.choose(sender, locale);
    return locale;
  }

  choose(sender: Pick<Sender, 'channel' | 'user'>, locale: Locale): Promise<void> {
    return this.store.set('languageChoice', keyOf(sender), { locale, renewedAt: this.now() }, ttlMs);
  }

  forget(sender: Pick<Sender, 'channel' | 'user'>): Promise<void> {
    return this.store.delete('languageChoice', keyOf(sender));
  }
}
