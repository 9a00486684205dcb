/**
 * One place decides, and arrows point one way: the Teams and Slack folders hold no conversation
 * rule (no follow-ups, language memory, rate limits or apologies: they cannot reach the parts of the
 * layer or of the core that make them); the conversation layer imports only the core and the shared
 * runtime; the runtime imports nothing from above it.
 */
import { importsOf, sourcesUnder } from '../support/sources';

const ADAPTERS = [...sourcesUnder('bots/teams'), ...sourcesUnder('bots/slack')];

/** What an adapter may use of the core: types and what a renderer needs, never a way to answer. */
const CORE_FOR_ADAPTERS = new Set([
  'Answer',
  'CheckCard',
  'FOLD_IDS',
  'FoldId',
  'initiallyOpen',
  'renderPlainText',
  'visibleSections',
  'AnswerRequest',
  'Block',
  'Fact',
  'Link',
  'Section',
  'Locale',
  'AUTONYMS',
  'LOCALES',
  'isLocale',
  // The contract's locale mapping, for a page a browser opens (Slack's install pages).
  'localeFromAcceptLanguage',
  'parseAnswerRequest',
  'splitBold',
]);

/** What an adapter may use of the conversation layer: its entry point, its plain data, its table. */
const LAYER_FOR_ADAPTERS = new Set([
  'bots/conversation/conversation',
  'bots/conversation/message',
  'bots/conversation/outcome',
  'bots/conversation/channelPlugin',
  'bots/conversation/limits',
]);

/** The runtime parts that carry a conversation rule's state. */
const RULE_MACHINERY = new Set(['bots/runtime/tokenBuckets']);

test('the Teams and Slack folders use the core only to render, never to answer or apologise', () => {
  const offenders = ADAPTERS.flatMap((file) =>
    importsOf(file)
      .filter(({ target }) => target === 'core' || target.startsWith('core/'))
      .flatMap(({ target, names }) =>
        target !== 'core'
          ? [`${file}: ${target}`]
          : names.filter((name) => !CORE_FOR_ADAPTERS.has(name)).map((name) => `${file}: ${name}`),
      ),
  );
  expect(offenders).toEqual([]);
});

test('the Teams and Slack folders reach the conversation layer only through its entry point and data', () => {
  const offenders = ADAPTERS.flatMap((file) =>
    importsOf(file)
      .filter(({ target }) => target.startsWith('bots/conversation/') && !LAYER_FOR_ADAPTERS.has(target))
      .map(({ target }) => `${file}: ${target}`),
  );
  expect(offenders).toEqual([]);
});

test('the Teams and Slack folders keep no rate-limit state, and neither imports the other', () => {
  const offenders = ADAPTERS.flatMap((file) =>
    importsOf(file)
      .filter(({ target }) => {
        const other = file.startsWith('bots/teams/') ? 'bots/slack/' : 'bots/teams/';
        return RULE_MACHINERY.has(target) || target.startsWith(other) || target.startsWith('bots/server/');
      })
      .map(({ target }) => `${file}: ${target}`),
  );
  expect(offenders).toEqual([]);
});

test('the conversation layer imports only the core, the shared runtime and Node', () => {
  const offenders = sourcesUnder('bots/conversation').flatMap((file) =>
    importsOf(file)
      .filter(
        ({ target }) =>
          !(
            target === 'core' ||
            target.startsWith('bots/conversation/') ||
            target.startsWith('bots/runtime/')
          ) && !target.startsWith('node:'),
      )
      .map(({ target }) => `${file}: ${target}`),
  );
  expect(offenders).toEqual([]);
});

test('the shared runtime imports nothing from the layers above it, nor any channel SDK', () => {
  const offenders = sourcesUnder('bots/runtime').flatMap((file) =>
    importsOf(file)
      .filter(
        ({ target }) =>
          /^bots\/(?!runtime\/)/.test(target) ||
          target === 'core' ||
          /^(?:botbuilder|botframework-|@slack\/|restify)/.test(target),
      )
      .map(({ target }) => `${file}: ${target}`),
  );
  expect(offenders).toEqual([]);
});

test('the check itself sees imports: the Teams channel imports the conversation layer', () => {
  expect(importsOf('bots/teams/channel.ts').map(({ target }) => target)).toContain(
    'bots/conversation/channelPlugin',
  );
  expect(importsOf('bots/teams/bot/outgoing.ts').find(({ target }) => target === 'core')?.names).toEqual([
    'Answer',
  ]);
});
