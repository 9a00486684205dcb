/**
 * The one place that decides what the bot says, for every channel: a delivery seen before is not
 * handled again; the rate limits come first; then the user's language, the rules for the message or
 * the click, the outcome; the adapter's reply sends it; if anything fails on the way, the user gets
 * the apology with the reference that the log line with the error carries.
 */
import { performance } from 'node:perf_hooks';
import { apologyText, type Locale, rateLimitedText, toAnswerLocale } from '../../core';
import { elapsedMs } from '../runtime/elapsed';
import type { Logger } from '../runtime/logger';
import { turnReference } from '../runtime/turnReference';
import { type Admission, Admissions } from './admission';
import { answerText, HELP_REQUEST, type Locales, preferredLocale } from './answering';
import { type CoreApi, REAL_CORE } from './core';
import { LastAnswers } from './followUps';
import { createInMemoryStore } from './inMemoryStore';
import { LanguageMemory } from './languageMemory';
import { CONVERSATION_LIMITS, type RateLimitKind, type RateLimitPair } from './limits';
import type { CardClick, SearchQuery, Sender, UserMessage, Welcome } from './message';
import type { Outcome, Reply, SearchOutcome } from './outcome';
import { searchAnswers } from './search';
import type { ConversationStore } from './store';

export interface ConversationOptions {
  logger: Logger;
  /** Where languages, last answers, seen deliveries and rate limits are kept; in memory by default. */
  store?: ConversationStore;
  /** The core; tests inject one that fails. */
  core?: CoreApi;
  /** Rate limits; tests set tight ones. */
  rateLimits?: Readonly<Record<RateLimitKind, RateLimitPair>>;
  now?: () => number;
}

/** Resolves with `promise`'s value, or `undefined` once `ms` have passed; the promise runs on either way. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export class Conversation {
  readonly store: ConversationStore;
  private readonly logger: Logger;
  private readonly core: CoreApi;
  private readonly languages: LanguageMemory;
  private readonly lastAnswers: LastAnswers;
  private readonly admissions: Admissions;

  constructor(options: ConversationOptions) {
    const now = options.now ?? Date.now;
    this.logger = options.logger;
    this.store = options.store ?? createInMemoryStore(now);
    this.core = options.core ?? REAL_CORE;
    this.languages = new LanguageMemory(this.store, now);
    this.lastAnswers = new LastAnswers(this.store);
    this.admissions = new Admissions(this.store, options.rateLimits);
  }

  /** A message to the bot: a mention, a DM, a personal chat, a slash command. */
  async respond(message: UserMessage, reply: Reply): Promise<void> {
    const started = performance.now();
    const logger = this.turnLogger(message);
    if (!(await this.firstDelivery(message, logger))) return;
    const locales: Locales = { chosen: undefined, client: message.clientLocale };
    const admission = await this.admissions.admit('message', message);
    if (admission !== 'allow') {
      await this.refuse(admission, 'message', reply, logger, async () => {
        locales.chosen = await this.languages.chosen(message);
        return preferredLocale(locales);
      });
      return;
    }
    await this.deliver(reply, logger, locales, async () => {
      locales.chosen = await this.languages.chosen(message);
      if (!locales.chosen && !locales.client && message.lookUpClientLocale) {
        locales.client = await within(message.lookUpClientLocale(), CONVERSATION_LIMITS.clientLocale.waitMs);
      }
      logger.debug({ text: message.text }, 'message received');
      const { outcome, languageChoice } = await answerText(
        this.core,
        message.text,
        message.place,
        locales,
        () => this.lastAnswers.get(message.channel, message.place.key),
      );
      if (languageChoice === 'automatic') await this.languages.forget(message);
      else if (languageChoice !== undefined) await this.languages.choose(message, languageChoice);
      if (outcome.kind === 'answer') {
        await this.lastAnswers.remember(message.channel, message.place.key, outcome.answer.request);
        const { answer } = outcome;
        logger.info(
          {
            intent: answer.intent,
            codes: answer.codes,
            locale: answer.locale,
            latencyMs: elapsedMs(started),
          },
          'answered',
        );
      } else logger.info({ outcome: outcome.kind, locale: outcome.note.locale }, 'answered with a hint');
      return outcome;
    });
  }

  /** A click on an answer card: its language picker, its fix toggle, its Share button. */
  async act(click: CardClick, reply: Reply): Promise<void> {
    const logger = this.turnLogger(click);
    if (!(await this.firstDelivery(click, logger))) return;
    const { action } = click;
    const locales: Locales = { chosen: undefined, client: action.locale };
    const admission = await this.admissions.admit('interaction', click);
    if (admission !== 'allow') {
      await this.refuse(admission, 'interaction', reply, logger, async () => {
        locales.chosen = await this.languages.chosen(click);
        return preferredLocale(locales);
      });
      return;
    }
    await this.deliver(
      reply,
      logger,
      locales,
      async (): Promise<Outcome> => {
        logger.info({ action: action.kind, locale: action.locale }, 'card action');
        if (action.kind !== 'pickLanguage') {
          const answer = this.core.answerAgain(action.request, action.locale);
          return { kind: 'answer', answer, showFix: action.kind === 'share' || action.showFix };
        }
        await this.languages.choose(click, action.locale);
        // A language card confirms the choice ("From now on…") instead of asking again.
        const confirms = action.request.intent === 'language' ? action.locale : undefined;
        const answer = this.core.answerAgain(action.request, action.locale, confirms);
        if (click.place) await this.lastAnswers.remember(click.channel, click.place.key, answer.request);
        return { kind: 'answer', answer, showFix: action.showFix };
      },
      // A shared answer starts a thread of its own: follow-ups there are about it.
      async (delivered) => {
        if (action.kind === 'share' && delivered)
          await this.lastAnswers.remember(click.channel, delivered.place, action.request);
      },
    );
  }

  /**
   * The bot was added to a chat or a team: it introduces itself with the help card, in the client's
   * language; a post for everyone does not follow the language one user chose.
   */
  async welcome(welcome: Welcome, reply: Reply): Promise<void> {
    const logger = this.turnLogger(welcome);
    if (!(await this.firstDelivery(welcome, logger))) return;
    const admission = await this.admissions.admit('interaction', welcome);
    const locales: Locales = { chosen: undefined, client: welcome.clientLocale };
    if (admission !== 'allow') {
      // Refused quietly: nobody asked for a welcome, so nobody waits for a notice.
      logger.warn({ decision: admission, kind: 'interaction' }, 'rate limited');
      return;
    }
    await this.deliver(reply, logger, locales, async () => {
      if (welcome.audience === 'personal') locales.chosen = await this.languages.chosen(welcome);
      const answer = this.core.answerAgain(HELP_REQUEST, preferredLocale(locales));
      logger.info({ locale: answer.locale, audience: welcome.audience }, 'welcomed');
      return { kind: 'answer', answer, showFix: true };
    });
  }

  /** A compose-box search: the answers to offer, in the user's language; nothing is posted. */
  async search(query: SearchQuery): Promise<SearchOutcome> {
    const logger = this.turnLogger(query);
    const locales: Locales = { chosen: undefined, client: query.clientLocale };
    logger.debug({ text: query.text }, 'search received');
    try {
      locales.chosen = await this.languages.chosen(query);
      return { kind: 'answers', answers: searchAnswers(this.core, query.text, locales) };
    } catch (error) {
      const reference = turnReference();
      logger.error({ err: error, reference }, 'search failed');
      const locale = preferredLocale(locales);
      return { kind: 'failed', apology: { text: apologyText(locale, reference), locale }, reference };
    }
  }

  /**
   * The adapter's last line of defence, for an error outside the layer's own work (the channel's SDK
   * failing on an event): logged with the turn's reference, and the apology sent where possible.
   */
  async fail(sender: Sender, error: unknown, reply: Reply): Promise<void> {
    const logger = this.turnLogger(sender);
    const locales: Locales = { chosen: undefined, client: sender.clientLocale };
    locales.chosen = await this.languages.chosen(sender).catch(() => undefined);
    await this.apologize(error, reply, logger, preferredLocale(locales));
  }

  private turnLogger(sender: Sender): Logger {
    return this.logger.child({ channel: sender.channel, turn: turnReference() });
  }

  /** False for a delivery already handled (a channel's retry, a replayed request). */
  private async firstDelivery(sender: Sender, logger: Logger): Promise<boolean> {
    const id = sender.deliveryId;
    if (id === undefined) return true;
    const first = await this.store.firstSeen(
      'delivery',
      `${sender.channel}:${id}`,
      CONVERSATION_LIMITS.delivery.ttlMs,
    );
    if (!first) logger.info({ deliveryId: id }, 'ignored a delivery already handled');
    return first;
  }

  private async refuse(
    admission: Exclude<Admission, 'allow'>,
    kind: RateLimitKind,
    reply: Reply,
    logger: Logger,
    locale: () => Promise<Locale>,
  ): Promise<void> {
    logger.warn({ decision: admission, kind }, 'rate limited');
    let notice: Outcome & { kind: 'rateLimited' } = { kind: 'rateLimited', notice: undefined };
    if (admission === 'refuseWithNotice') {
      const language = await locale().catch(() => toAnswerLocale(undefined));
      notice = { kind: 'rateLimited', notice: { text: rateLimitedText(language), locale: language } };
    }
    try {
      await reply(notice);
    } catch (error) {
      // Nothing more to say: the far end refused the notice too.
      logger.error({ err: error, reference: turnReference() }, 'could not send the rate-limit notice');
    }
  }

  /**
   * Decides, replies, then runs `after` with where the reply went. A failure in deciding or replying
   * becomes the apology, in the language known by then; one after the reply is only logged.
   */
  private async deliver(
    reply: Reply,
    logger: Logger,
    locales: Locales,
    decide: () => Promise<Outcome>,
    after?: (delivered: Awaited<ReturnType<Reply>>) => Promise<void>,
  ): Promise<void> {
    let delivered: Awaited<ReturnType<Reply>>;
    try {
      delivered = await reply(await decide());
    } catch (error) {
      await this.apologize(error, reply, logger, preferredLocale(locales));
      return;
    }
    try {
      await after?.(delivered);
    } catch (error) {
      logger.error({ err: error, reference: turnReference() }, 'could not remember the answer');
    }
  }

  private async apologize(error: unknown, reply: Reply, logger: Logger, locale: Locale): Promise<void> {
    const reference = turnReference();
    logger.error({ err: error, reference }, 'turn failed');
    try {
      await reply({ kind: 'failed', apology: { text: apologyText(locale, reference), locale }, reference });
    } catch (sendError) {
      // The far end itself may be what failed; the error above is already logged.
      logger.error({ err: sendError, reference }, 'could not send the apology');
    }
  }
}
