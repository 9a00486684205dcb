/**
 * The floors that `test/core/understandingSet.test.ts` keeps the development set's scores at
 * (`test/fixtures/understanding/floors.json`): per metric, overall, per language and per kind, in
 * percent with one decimal, and the most messages that may name a wrong code (the goal is 0).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { devSetDirectory } from './devSet';
import { type GroupScore, METRICS, type Metric, percent, type Report } from './score';

const metricFloors = z.object({
  codes: z.number().min(0).max(100).optional(),
  intent: z.number().min(0).max(100).optional(),
  locale: z.number().min(0).max(100).optional(),
  details: z.number().min(0).max(100).optional(),
});
type MetricFloors = z.infer<typeof metricFloors>;

const floorsSchema = z
  .object({
    maxWrongCodes: z.number().int().min(0),
    overall: metricFloors,
    language: z.record(metricFloors),
    kind: z.record(metricFloors),
  })
  .strict();
export type Floors = z.infer<typeof floorsSchema>;

export const floorsPath = (): string => join(devSetDirectory(), 'floors.json');

export function readFloors(path = floorsPath()): Floors {
  return floorsSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** One score below its floor. */
export interface Shortfall {
  group: string;
  metric: Metric;
  floor: number;
  score: number | undefined;
}

function shortfallsOf(group: string, score: GroupScore | undefined, floors: MetricFloors): Shortfall[] {
  return METRICS.flatMap((metric) => {
    const floor = floors[metric];
    if (floor === undefined) return [];
    const value = score ? percent(score, metric) : undefined;
    // Scores are compared at the floors' precision, so 97.04 % keeps a floor of 97.0.
    return value !== undefined && Math.round(value * 10) / 10 >= floor
      ? []
      : [{ group, metric, floor, score: value }];
  });
}

export function shortfalls(report: Report, floors: Floors): Shortfall[] {
  return [
    ...shortfallsOf('overall', report.overall, floors.overall),
    ...Object.entries(floors.language).flatMap(([language, floor]) =>
      shortfallsOf(`language ${language}`, report.byLanguage.get(language), floor),
    ),
    ...Object.entries(floors.kind).flatMap(([kind, floor]) =>
      shortfallsOf(`kind ${kind}`, report.byKind.get(kind), floor),
    ),
  ];
}

function floorsOf(score: GroupScore): MetricFloors {
  const floors: MetricFloors = {};
  for (const metric of METRICS) {
    const value = percent(score, metric);
    if (value !== undefined) floors[metric] = Math.floor(value * 10) / 10;
  }
  return floors;
}

/** Floors at today's scores; what `npm run eval -- --write-floors` stores. */
export function floorsFrom(report: Report): Floors {
  const sorted = (groups: Map<string, GroupScore>) =>
    Object.fromEntries(
      [...groups.keys()].sort().map((key) => [key, floorsOf(groups.get(key) as GroupScore)]),
    );
  return {
    maxWrongCodes: report.overall.wrongCodes,
    overall: floorsOf(report.overall),
    language: sorted(report.byLanguage),
    kind: sorted(report.byKind),
  };
}

/** One group a line, so that a raised floor is a one-line diff. */
export function writeFloors(floors: Floors, path = floorsPath()): void {
  // Biome's JSON style, so that `npm run lint` accepts the file as written.
  const inline = (value: MetricFloors) =>
    `{ ${Object.entries(value)
      .map(([metric, floor]) => `${JSON.stringify(metric)}: ${floor}`)
      .join(', ')} }`;
  const groupLines = (groups: Record<string, MetricFloors>) =>
    Object.entries(groups)
      .map(([key, value]) => `    ${JSON.stringify(key)}: ${inline(value)}`)
      .join(',\n');
  const text = [
    '{',
    `  "maxWrongCodes": ${floors.maxWrongCodes},`,
    `  "overall": ${inline(floors.overall)},`,
    `  "language": {\n${groupLines(floors.language)}\n  },`,
    `  "kind": {\n${groupLines(floors.kind)}\n  }`,
    '}',
    '',
  ].join('\n');
  writeFileSync(path, text);
}
