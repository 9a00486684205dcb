/**
 * `npm run eval`: runs the core over the development set (`test/fixtures/understanding/*.jsonl`) and
 * prints the scores per language and per kind.
 *
 *   npm run eval -- --failures            also list every message that missed, with what was answered
 *   npm run eval -- --failures=locale     only the misses of one metric (codes|intent|locale|details|wrong)
 *   npm run eval -- --kind=symptom --language=pl   only part of the set
 *   npm run eval -- --write-floors        store today's scores as the floors the jest test keeps
 */
import { accepted, KINDS, type LocatedCase, loadDevSet } from './devSet';
import { floorsFrom, floorsPath, readFloors, shortfalls, writeFloors } from './floors';
import { type CaseResult, type GroupScore, METRICS, type Metric, percent, scoreAll } from './score';

interface Options {
  failures: Metric | 'wrong' | 'all' | undefined;
  kind: string | undefined;
  language: string | undefined;
  writeFloors: boolean;
}

const FAILURE_FILTERS = [...METRICS, 'wrong', 'all'] as const;

function parseArguments(args: readonly string[]): Options {
  const options: Options = { failures: undefined, kind: undefined, language: undefined, writeFloors: false };
  for (const arg of args) {
    const [name, value] = arg.split('=', 2);
    if (name === '--failures') {
      const filter = value ?? 'all';
      if (!(FAILURE_FILTERS as readonly string[]).includes(filter))
        throw new Error(`--failures takes one of ${FAILURE_FILTERS.join(', ')}`);
      options.failures = filter as Options['failures'];
    } else if (name === '--kind' && value) options.kind = value;
    else if (name === '--language' && value) options.language = value;
    else if (name === '--write-floors') options.writeFloors = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

function cell(score: GroupScore, metric: Metric): string {
  const value = percent(score, metric);
  if (value === undefined) return '—'.padStart(7);
  const text = `${value.toFixed(1)}%`;
  return metric === 'details' ? `${text} (${score.counted.details})`.padStart(13) : text.padStart(7);
}

function table(title: string, groups: Iterable<[string, GroupScore]>): string[] {
  const header = `${title.padEnd(22)} ${'n'.padStart(4)}   codes  intent  locale       details  wrong`;
  const rows = [...groups].map(
    ([name, score]) =>
      `${name.padEnd(22)} ${String(score.messages).padStart(4)} ${cell(score, 'codes')} ${cell(score, 'intent')} ${cell(
        score,
        'locale',
      )} ${cell(score, 'details').padStart(13)} ${String(score.wrongCodes).padStart(6)}`,
  );
  return [header, ...rows, ''];
}

function missed(result: CaseResult, filter: NonNullable<Options['failures']>): boolean {
  if (filter === 'wrong') return result.wrongCodes.length > 0;
  if (filter === 'all') return result.wrongCodes.length > 0 || METRICS.some((m) => result.hits[m] === false);
  return result.hits[filter] === false;
}

function describeFailure(result: CaseResult): string {
  const { devCase, observed, hits, wrongCodes } = result;
  const { expect } = devCase;
  const text = devCase.text.length > 160 ? `${devCase.text.slice(0, 160)}…` : devCase.text;
  const lines = [`${devCase.file}:${devCase.line} [${devCase.kind}] ${JSON.stringify(text)}`];
  if (devCase.clientLocale) lines.push(`    client locale ${devCase.clientLocale}`);
  if (hits.codes === false || wrongCodes.length > 0)
    lines.push(`    codes   expected [${expect.codes.join(', ')}], got [${observed.codes.join(', ')}]`);
  if (hits.intent === false)
    lines.push(`    intent  expected ${accepted(expect.intent).join(' or ')}, got ${observed.intent}`);
  if (hits.locale === false) lines.push(`    locale  expected ${expect.locale}, got ${observed.locale}`);
  if (hits.details === false)
    lines.push(
      `    details expected ${JSON.stringify(expect.details)}, got ${JSON.stringify(observed.details)}`,
    );
  return lines.join('\n');
}

function selected(devCase: LocatedCase, options: Options): boolean {
  return (
    (options.kind === undefined || devCase.kind === options.kind) &&
    (options.language === undefined || devCase.expect.locale === options.language)
  );
}

function main(): number {
  const options = parseArguments(process.argv.slice(2));
  const { cases, problems } = loadDevSet();
  for (const problem of problems) console.error(`${problem.file}:${problem.line}: ${problem.problem}`);
  const report = scoreAll(cases.filter((devCase) => selected(devCase, options)));
  const kindOrder = Object.keys(KINDS).filter((kind) => report.byKind.has(kind));

  const lines = [
    `development set: ${report.overall.messages} messages`,
    '',
    ...table('overall', [['all', report.overall]]),
    ...table(
      'by language',
      [...report.byLanguage].sort(([a], [b]) => a.localeCompare(b)),
    ),
    ...table(
      'by kind',
      kindOrder.map((kind) => [kind, report.byKind.get(kind) as GroupScore]),
    ),
  ];
  if (options.failures) {
    const filter = options.failures;
    const failures = report.results.filter((result) => missed(result, filter));
    lines.push(`failures (${filter}): ${failures.length}`, '', ...failures.map(describeFailure), '');
  }
  console.log(lines.join('\n'));

  if (options.writeFloors) {
    writeFloors(floorsFrom(report));
    console.log(`floors written to ${floorsPath()}`);
  } else if (!options.kind && !options.language) {
    const below = shortfalls(report, readFloors());
    for (const { group, metric, floor, score } of below)
      console.log(`below floor: ${group} ${metric} ${score?.toFixed(1) ?? '—'}% < ${floor}%`);
  }
  return problems.length > 0 ? 1 : 0;
}

process.exitCode = main();
