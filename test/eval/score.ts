/**
 * Scores the core's answers against the development set, with CONTRACT.md's meanings: codes as an
 * exact list, intent among the accepted ones, the answer's locale, details (every expected field
 * exact, host names in lower case), and wrong codes (a code in the answer that is not expected).
 */
import { type AskOptions, ask } from '../../core';
import { accepted, type DevCase, type LocatedCase } from './devSet';

export const METRICS = ['codes', 'intent', 'locale', 'details'] as const;
export type Metric = (typeof METRICS)[number];

/** What the core answered, in CONTRACT.md's terms. */
export interface Observed {
  intent: string;
  codes: readonly string[];
  locale: string;
  details: { server?: string | undefined; ip?: string | undefined; port?: number | undefined };
}

export interface CaseResult {
  devCase: LocatedCase;
  observed: Observed;
  /** Per metric; `details` is absent where the case expects none. */
  hits: Partial<Record<Metric, boolean>>;
  /** Codes the answer names that the case does not expect. */
  wrongCodes: readonly string[];
}

export function observe(devCase: DevCase): Observed {
  const options: AskOptions = devCase.clientLocale ? { clientLocale: devCase.clientLocale } : {};
  const { answer } = ask(devCase.text, options);
  const { server, ip, port } = answer.details;
  return { intent: answer.intent, codes: answer.codes, locale: answer.locale, details: { server, ip, port } };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function detailsHit(expected: NonNullable<DevCase['expect']['details']>, observed: Observed): boolean {
  const { server, ip, port } = observed.details;
  return (
    (expected.server === undefined || expected.server === server?.toLowerCase()) &&
    (expected.ip === undefined || expected.ip === ip?.toLowerCase()) &&
    (expected.port === undefined || expected.port === port)
  );
}

export function scoreCase(devCase: LocatedCase, observed: Observed = observe(devCase)): CaseResult {
  const { expect } = devCase;
  const hits: Partial<Record<Metric, boolean>> = {
    codes: sameList(observed.codes, expect.codes),
    intent: (accepted(expect.intent) as readonly string[]).includes(observed.intent),
    locale: observed.locale === expect.locale,
  };
  if (expect.details) hits.details = detailsHit(expect.details, observed);
  const wrongCodes = observed.codes.filter((code) => !expect.codes.includes(code));
  return { devCase, observed, hits, wrongCodes };
}

export interface GroupScore {
  messages: number;
  /** Hits and cases counted per metric (`details` counts only cases that expect details). */
  hits: Record<Metric, number>;
  counted: Record<Metric, number>;
  /** Messages whose answer names a code that is not expected. */
  wrongCodes: number;
}

export function emptyScore(): GroupScore {
  const zero = (): Record<Metric, number> => ({ codes: 0, intent: 0, locale: 0, details: 0 });
  return { messages: 0, hits: zero(), counted: zero(), wrongCodes: 0 };
}

function add(score: GroupScore, result: CaseResult): void {
  score.messages++;
  for (const metric of METRICS) {
    const hit = result.hits[metric];
    if (hit === undefined) continue;
    score.counted[metric]++;
    if (hit) score.hits[metric]++;
  }
  if (result.wrongCodes.length > 0) score.wrongCodes++;
}

/** A metric's score in percent, or `undefined` where no case counts for it. */
export function percent(score: GroupScore, metric: Metric): number | undefined {
  const counted = score.counted[metric];
  return counted === 0 ? undefined : (100 * score.hits[metric]) / counted;
}

export interface Report {
  results: CaseResult[];
  overall: GroupScore;
  /** By the answer language the case expects. */
  byLanguage: Map<string, GroupScore>;
  byKind: Map<string, GroupScore>;
}

function addTo(groups: Map<string, GroupScore>, key: string, result: CaseResult): void {
  const score = groups.get(key) ?? emptyScore();
  add(score, result);
  groups.set(key, score);
}

export function scoreAll(cases: readonly LocatedCase[]): Report {
  const report: Report = { results: [], overall: emptyScore(), byLanguage: new Map(), byKind: new Map() };
  for (const devCase of cases) {
    const result = scoreCase(devCase);
    report.results.push(result);
    add(report.overall, result);
    addTo(report.byLanguage, devCase.expect.locale, result);
    addTo(report.byKind, devCase.kind, result);
  }
  return report;
}
