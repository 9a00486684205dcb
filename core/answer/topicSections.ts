/**
 * The sections of an answer about one topic (a mail flow intelligence error, or any other code), in
 * the answer's language and in the compact layout: the first step on the first screen when the
 * topic leads the answer; causes, the other steps and the commands in their folds.
 */
import type { Translator } from '../i18n';
import { type CodeGuidance, codeKey, GUIDANCE, OTHER_GUIDANCE } from '../knowledge/knownCodes';
import type { StatusCodeParts } from '../knowledge/statusCode';
import type { Locale } from '../locales';
import type { Block, FoldId, Section } from './model';
import { exchangeOnlineMeaning, standardMeaning } from './statusMeaning';
import type { Topic } from './topics';

export interface TopicPlace {
  /** Prefix of the topic's section ids, unique within the answer. */
  id: string;
  /** The topic leads the answer: its meaning is the answer's summary, its first step is shown first. */
  lead: boolean;
  /**
   * Commands an earlier topic of the same answer already gives, which this one leaves out; it adds
   * its own. Several codes in one paste often share the commands that find and test the connector.
   */
  commandsGiven: Set<string>;
}

const paragraph = (text: string): Block => ({ kind: 'paragraph', text });

function commandBlocks(t: Translator, commands: CodeGuidance['commands'], given: Set<string>): Block[] {
  return commands.flatMap(({ caption, command, explained }): Block[] => {
    if (given.has(command)) return [];
    given.add(command);
    return [
      { kind: 'command', caption: t.text(`commands.${caption}`), command },
      ...(explained ? [paragraph(t.text(`commands.${explained}`))] : []),
    ];
  });
}

/** A section, or none when it would be empty. */
function section(id: string, fold: FoldId | undefined, title: string, blocks: Block[]): Section[] {
  if (blocks.length === 0) return [];
  return [fold ? { id, fold, title, blocks } : { id, title, blocks }];
}

/**
 * The steps, split into the one shown first and the rest. The lead topic's first step is on the
 * first screen and the rest continue its numbering in the steps fold; another topic's steps are all
 * in the fold.
 */
function stepSections(t: Translator, place: TopicPlace, steps: readonly string[], after: Block[]): Section[] {
  const [first, ...rest] = steps;
  const shownFirst = place.lead && first !== undefined;
  const folded = shownFirst ? rest : steps;
  const list: Block[] =
    folded.length > 0
      ? [{ kind: 'list', ordered: true, items: folded, ...(shownFirst ? { start: 2 } : {}) }]
      : [];
  return [
    ...(shownFirst
      ? section(`${place.id}-first`, undefined, t.text('sections.firstStep'), [paragraph(first)])
      : []),
    ...section(`${place.id}-steps`, 'steps', t.text('sections.fix'), [...list, ...after]),
  ];
}

/** Moves step `index` to the front; any other index leaves the order as it is. */
function leadingWith(steps: string[], index: number | undefined): string[] {
  const step = index === undefined ? undefined : steps[index];
  if (index === undefined || step === undefined) return steps;
  return [step, ...steps.filter((_, other) => other !== index)];
}

export function knownTopicSections(
  t: Translator,
  topic: Extract<Topic, { kind: 'known' }>,
  place: TopicPlace,
  onPremisesRetired: boolean,
): Section[] {
  const key = `codes.${codeKey(topic.code)}`;
  const guidance = GUIDANCE[topic.code];
  const meaning: Block[] = place.lead ? [] : [paragraph(t.text(`${key}.meaning`))];
  for (const expired of topic.expiredForms) {
    meaning.push(paragraph(t.text('expired.note', { code: expired, base: topic.code })));
  }
  const steps = leadingWith(
    t.list(`${key}.fix`),
    onPremisesRetired ? guidance.firstStepWhenOnPremisesRetired : undefined,
  );
  const afterSteps: Block[] = [
    ...(t.has(`${key}.note`) ? [paragraph(t.text(`${key}.note`))] : []),
    ...commandBlocks(t, guidance.serverChecks, place.commandsGiven),
  ];
  return [
    // Another topic's meaning is background, so it waits with the causes.
    ...section(`${place.id}-meaning`, place.lead ? undefined : 'causes', t.text('sections.meaning'), meaning),
    ...stepSections(t, place, steps, afterSteps),
    ...section(`${place.id}-causes`, 'causes', t.text('sections.causes'), [
      { kind: 'list', ordered: false, items: t.list(`${key}.causes`) },
    ]),
    ...section(
      `${place.id}-commands`,
      'commands',
      t.text('sections.powershell'),
      commandBlocks(t, guidance.commands, place.commandsGiven),
    ),
  ];
}

export function otherTopicSections(
  t: Translator,
  locale: Locale,
  parts: StatusCodeParts,
  place: TopicPlace,
): Section[] {
  // The lead topic's standard meaning is the answer's summary; Exchange Online's own meaning, where
  // it has one, is what the admin most needs next to it.
  const exchangeOnline = exchangeOnlineMeaning(t, parts.code);
  const standard = place.lead ? [] : standardMeaning(t, locale, parts);
  const meaning = [...standard, t.text('codes.other.meaning')].map(paragraph);
  return [
    ...section(
      `${place.id}-exchangeOnline`,
      place.lead ? undefined : 'causes',
      t.text('sections.exchangeOnline'),
      exchangeOnline === undefined ? [] : [paragraph(exchangeOnline)],
    ),
    ...stepSections(t, place, t.list('codes.other.fix'), []),
    ...section(`${place.id}-meaning`, 'causes', t.text('sections.meaning'), meaning),
    ...section(
      `${place.id}-commands`,
      'commands',
      t.text('sections.powershell'),
      commandBlocks(t, OTHER_GUIDANCE.commands, place.commandsGiven),
    ),
  ];
}
