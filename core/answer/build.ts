/** Builds the channel-neutral answer for a request, in one language. */
import { CONTENT } from '../content';
import { type Translator, translatorFor } from '../i18n';
import { type AdminLink, codeKey, GUIDANCE, KNOWN_CODES, OTHER_GUIDANCE } from '../knowledge/knownCodes';
import { type LinkTarget, linkUrl } from '../knowledge/links';
import { AUTONYMS, type LanguageChoice, type Locale } from '../locales';
import type { Answer, Block, Fact, Link, Section } from './model';
import type { AnswerRequest } from './request';
import { knownTopicSections, otherTopicSections, statusCodeMeaning } from './sections';
import { groupTopics, type Topic, topicCode, topicCodeOf } from './topics';

type Body = Pick<Answer, 'title' | 'summary' | 'sections'> & { links: readonly LinkTarget[] };

const LINK_ORDER: readonly LinkTarget[] = ['connectors', 'acceptedDomains', 'ipRanges', 'article'];

function detailFacts(t: Translator, request: AnswerRequest): Section[] {
  const { server, ip, port, remoteReply } = request.details;
  const facts: Fact[] = [];
  if (server) facts.push({ label: t.text('facts.server'), value: server });
  if (ip) facts.push({ label: t.text('facts.ip'), value: ip });
  if (port) facts.push({ label: t.text('facts.port'), value: String(port) });
  if (remoteReply) facts.push({ label: t.text('facts.remoteReply'), value: remoteReply });
  if (facts.length === 0) return [];
  return [
    { id: 'details', role: 'info', title: t.text('sections.details'), blocks: [{ kind: 'facts', facts }] },
  ];
}

function relationSection(t: Translator, request: AnswerRequest): Section[] {
  const blocks = request.codes.flatMap(({ code, relation }): Block[] =>
    relation
      ? [
          {
            kind: 'paragraph',
            text: t.text(`relation.${relation.kind}`, { inner: code, outer: relation.outer }),
          },
        ]
      : [],
  );
  return blocks.length > 0
    ? [{ id: 'relation', role: 'info', title: t.text('sections.relation'), blocks }]
    : [];
}

function topicHeading(
  t: Translator,
  locale: Locale,
  topic: Topic,
  written: string,
): { title: string; summary: string } {
  if (topic.kind === 'known') {
    const key = `codes.${codeKey(topic.code)}`;
    return { title: `${written} ${t.text(`${key}.title`)}`, summary: t.text(`${key}.meaning`) };
  }
  return {
    title: t.text('rfc.title', { code: topic.parts.code }),
    summary: statusCodeMeaning(t, locale, topic.parts).join(' '),
  };
}

function codeAnswer(t: Translator, locale: Locale, request: AnswerRequest): Body | undefined {
  const topics = groupTopics(request.codes);
  const [first] = topics;
  if (!first) return undefined;
  const several = topics.length > 1;
  const topicSections = topics.flatMap((topic, index) => {
    const id = `t${index}`;
    const lead = index === 0;
    const sections =
      topic.kind === 'known'
        ? knownTopicSections(t, topic, id, lead)
        : otherTopicSections(t, locale, topic.parts, id, lead);
    // With several codes in one answer, each section says which code it is about.
    return several
      ? sections.map((section) => ({ ...section, title: `${topicCode(topic)} · ${section.title}` }))
      : sections;
  });
  const ordered =
    request.intent === 'fix'
      ? [...topicSections.filter((s) => s.role === 'fix'), ...topicSections.filter((s) => s.role !== 'fix')]
      : topicSections;
  const firstWritten =
    request.codes.find(({ code }) => topicCodeOf(code) === topicCode(first))?.code ?? topicCode(first);
  const heading = topicHeading(t, locale, first, firstWritten);
  const otherCodes = topics.slice(1).map(topicCode);
  const adminLinks = new Set<AdminLink>(
    topics.flatMap((topic) => (topic.kind === 'known' ? GUIDANCE[topic.code] : OTHER_GUIDANCE).links),
  );
  return {
    title: otherCodes.length > 0 ? `${heading.title} · ${otherCodes.join(', ')}` : heading.title,
    summary: heading.summary,
    sections: [...detailFacts(t, request), ...relationSection(t, request), ...ordered],
    links: LINK_ORDER.filter((target) => target === 'article' || adminLinks.has(target as AdminLink)),
  };
}

function listAnswer(t: Translator, locale: Locale): Body {
  const codes = CONTENT[locale].answer.codes;
  const items = KNOWN_CODES.map((code) => `${code} ${codes[codeKey(code)].title}`);
  return {
    title: t.text('list.title'),
    summary: t.text('overview.summary'),
    sections: [
      {
        id: 'codes',
        role: 'info',
        title: t.text('overview.codesIntro'),
        blocks: [
          { kind: 'list', ordered: false, items },
          { kind: 'paragraph', text: t.text('list.footer') },
        ],
      },
    ],
    links: ['connectors', 'article'],
  };
}

function helpAnswer(t: Translator): Body {
  return {
    title: t.text('help.title'),
    summary: t.text('help.body'),
    sections: [
      {
        id: 'overview',
        role: 'info',
        title: t.text('overview.title'),
        blocks: [{ kind: 'paragraph', text: t.text('overview.summary') }],
      },
      {
        id: 'examples',
        role: 'info',
        title: '',
        blocks: [{ kind: 'list', ordered: false, items: t.list('help.examples') }],
      },
    ],
    links: ['article'],
  };
}

function unknownAnswer(t: Translator): Body {
  return {
    title: t.text('unknown.title'),
    summary: t.text('unknown.body'),
    sections: [],
    links: ['article'],
  };
}

function languageAnswer(t: Translator, locale: Locale, requested: LanguageChoice | undefined): Body {
  const summary =
    requested === undefined
      ? t.text('language.pick')
      : requested === 'automatic'
        ? t.text('language.automatic')
        : t.text('language.changed', { language: AUTONYMS[locale] });
  return { title: t.text('language.title'), summary, sections: [], links: [] };
}

function body(
  t: Translator,
  locale: Locale,
  request: AnswerRequest,
  requested: LanguageChoice | undefined,
): Body {
  switch (request.intent) {
    case 'explain':
    case 'fix':
      return codeAnswer(t, locale, request) ?? unknownAnswer(t);
    case 'list':
      return listAnswer(t, locale);
    case 'help':
      return helpAnswer(t);
    case 'language':
      return languageAnswer(t, locale, requested);
    case 'unknown':
      return unknownAnswer(t);
  }
}

/**
 * The answer to `request` in `locale`. `requestedLocale` is the language a language command asked
 * for (the answer to it is already in that language).
 */
export function buildAnswer(
  request: AnswerRequest,
  locale: Locale,
  requestedLocale?: LanguageChoice,
): Answer {
  const t = translatorFor(locale);
  const { links, ...content } = body(t, locale, request, requestedLocale);
  return {
    locale,
    intent: request.intent,
    codes: request.codes.map(({ code }) => code),
    details: request.details,
    ...content,
    links: links.map(
      (target): Link => ({ target, label: t.text(`actions.${target}`), url: linkUrl(target, locale) }),
    ),
    controls: {
      showFix: t.text('actions.showFix'),
      hideFix: t.text('actions.hideFix'),
      language: t.text('actions.language'),
      share: t.text('actions.share'),
    },
    request,
  };
}
