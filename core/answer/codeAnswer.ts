/** The answer about the codes of a request: heading, what was read from a paste, each topic's sections. */
import type { Translator } from '../i18n';
import { type AdminLink, codeKey, GUIDANCE, OTHER_GUIDANCE } from '../knowledge/knownCodes';
import type { LinkTarget } from '../knowledge/links';
import type { Locale } from '../locales';
import type { AnswerBody } from './body';
import type { Section } from './model';
import { detailSections, relationSections } from './pasteSections';
import type { AnswerRequest } from './request';
import { standardMeaning } from './statusMeaning';
import { knownTopicSections, otherTopicSections } from './topicSections';
import { groupTopics, type Topic, topicCode, topicCodeOf } from './topics';

const LINK_ORDER: readonly LinkTarget[] = ['connectors', 'acceptedDomains', 'ipRanges', 'article'];

function heading(
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
    summary: standardMeaning(t, locale, topic.parts).join(' '),
  };
}

/**
 * Microsoft 365's retries, said once in every answer about a mail flow intelligence error, unless
 * each such error is in its expired form, whose note says it already.
 */
function retrySections(t: Translator, topics: readonly Topic[]): Section[] {
  const retrying = topics.some((topic) => topic.kind === 'known' && topic.expiredForms.length === 0);
  return retrying ? [{ id: 'retry', title: '', blocks: [{ kind: 'note', text: t.text('retry') }] }] : [];
}

/**
 * The partner case, once whatever the codes: whose server it is belongs with the causes, and keeps
 * the steps, which "how do I fix" opens, short.
 */
const partnerSection = (t: Translator): Section => ({
  id: 'partner',
  fold: 'causes',
  title: '',
  blocks: [{ kind: 'paragraph', text: t.text('partner') }],
});

function topicSections(t: Translator, locale: Locale, request: AnswerRequest, topics: Topic[]): Section[] {
  const several = topics.length > 1;
  const commandsGiven = new Set<string>();
  return topics.flatMap((topic, index) => {
    const place = { id: `t${index}`, lead: index === 0, commandsGiven };
    const sections =
      topic.kind === 'known'
        ? knownTopicSections(t, topic, place, request.onPremisesRetired === true)
        : otherTopicSections(t, locale, topic.parts, place);
    // With several codes in one answer, each section says which code it is about.
    return several
      ? sections.map((section) => ({ ...section, title: `${topicCode(topic)} · ${section.title}` }))
      : sections;
  });
}

/** The answer about the request's codes, or `undefined` when it names none. */
export function codeAnswer(t: Translator, locale: Locale, request: AnswerRequest): AnswerBody | undefined {
  const topics = groupTopics(request.codes);
  const [lead] = topics;
  if (!lead) return undefined;
  const written =
    request.codes.find(({ code }) => topicCodeOf(code) === topicCode(lead))?.code ?? topicCode(lead);
  const { title, summary } = heading(t, locale, lead, written);
  const otherCodes = topics.slice(1).map(topicCode);
  const adminLinks = new Set<AdminLink>(
    topics.flatMap((topic) => (topic.kind === 'known' ? GUIDANCE[topic.code] : OTHER_GUIDANCE).links),
  );
  return {
    title: otherCodes.length > 0 ? `${title} · ${otherCodes.join(', ')}` : title,
    summary,
    sections: [
      ...retrySections(t, topics),
      ...detailSections(t, request),
      ...relationSections(t, request),
      ...topicSections(t, locale, request, topics),
      partnerSection(t),
    ],
    links: LINK_ORDER.filter((target) => target === 'article' || adminLinks.has(target as AdminLink)),
  };
}
