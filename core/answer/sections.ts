/** The sections of an answer about one topic, in the answer's language. */
import { CONTENT } from '../content';
import type { Translator } from '../i18n';
import { type CodeGuidance, codeKey, GUIDANCE, OTHER_GUIDANCE } from '../knowledge/knownCodes';
import type { StatusCodeParts } from '../knowledge/statusCode';
import type { Locale } from '../locales';
import type { Block, Section } from './model';
import type { Topic } from './topics';

function commandBlocks(t: Translator, guidance: CodeGuidance): Block[] {
  return guidance.commands.map(({ caption, command }) => ({
    kind: 'command',
    caption: t.text(`powershell.${caption}`),
    command,
  }));
}

function meaningSection(t: Translator, id: string, blocks: Block[]): Section[] {
  return blocks.length > 0
    ? [{ id: `${id}-meaning`, role: 'info', title: t.text('sections.meaning'), blocks }]
    : [];
}

function fixSections(t: Translator, id: string, steps: Block[], guidance: CodeGuidance): Section[] {
  return [
    { id: `${id}-fix`, role: 'fix', title: t.text('sections.fix'), blocks: steps },
    {
      id: `${id}-powershell`,
      role: 'fix',
      title: t.text('sections.powershell'),
      blocks: commandBlocks(t, guidance),
    },
  ];
}

/** `lead`: the topic leads the answer, whose summary already says what the code means. */
export function knownTopicSections(
  t: Translator,
  topic: Extract<Topic, { kind: 'known' }>,
  id: string,
  lead: boolean,
): Section[] {
  const key = `codes.${codeKey(topic.code)}`;
  const meaning: Block[] = lead ? [] : [{ kind: 'paragraph', text: t.text(`${key}.meaning`) }];
  for (const expired of topic.expiredForms) {
    meaning.push({ kind: 'paragraph', text: t.text('expired.note', { code: expired, base: topic.code }) });
  }
  const steps: Block[] = [{ kind: 'list', ordered: true, items: t.list(`${key}.fix`) }];
  if (t.has(`${key}.note`)) steps.push({ kind: 'paragraph', text: t.text(`${key}.note`) });
  steps.push({ kind: 'paragraph', text: t.text('partner') });
  return [
    ...meaningSection(t, id, meaning),
    {
      id: `${id}-causes`,
      role: 'info',
      title: t.text('sections.causes'),
      blocks: [{ kind: 'list', ordered: false, items: t.list(`${key}.causes`) }],
    },
    ...fixSections(t, id, steps, GUIDANCE[topic.code]),
  ];
}

/** The standard meaning of a code's class, subject and detail, stating plainly what isn't registered. */
export function statusCodeMeaning(t: Translator, locale: Locale, parts: StatusCodeParts): string[] {
  const rfc = CONTENT[locale].rfc3463;
  const classMeaning = rfc.class[`c${parts.statusClass}`];
  const subjectMeaning =
    rfc.subject[`s${parts.subject}` as keyof typeof rfc.subject] ?? t.text('rfc.unknownSubject');
  const detailMeaning = rfc.detail[`d${parts.subject}_${parts.detail}` as keyof typeof rfc.detail];
  const classAndSubject = t.text('rfc.parts', {
    class: parts.statusClass,
    classMeaning,
    subject: parts.subject,
    subjectMeaning,
  });
  const detail = detailMeaning
    ? t.text('rfc.registered', { detail: parts.detail, detailMeaning })
    : t.text('rfc.unregistered', { detail: parts.detail });
  return [classAndSubject, detail];
}

export function otherTopicSections(
  t: Translator,
  locale: Locale,
  parts: StatusCodeParts,
  id: string,
  lead: boolean,
): Section[] {
  const standard = lead ? [] : statusCodeMeaning(t, locale, parts);
  const meaning: Block[] = [...standard, t.text('codes.other.meaning')].map((text) => ({
    kind: 'paragraph',
    text,
  }));
  const steps: Block[] = [
    { kind: 'list', ordered: true, items: t.list('codes.other.fix') },
    { kind: 'paragraph', text: t.text('partner') },
  ];
  return [...meaningSection(t, id, meaning), ...fixSections(t, id, steps, OTHER_GUIDANCE)];
}
