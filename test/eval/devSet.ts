/**
 * The team's development set for understanding (`test/fixtures/understanding/*.jsonl`): one chat
 * message a line with what CONTRACT.md says the answer must be. Read and validated here, once, for
 * both `npm run eval` and the jest tests that keep its scores.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import { LOCALES } from '../../core/locales';

/**
 * The kinds of message the set covers (issue 10), each with what it holds. A score per kind shows
 * which way of writing the engine still misreads.
 */
export const KINDS = {
  'bare-code': 'a code on its own, maybe with its reply code or punctuation',
  'paste-ndr': 'an Exchange Online NDR: "Remote Server returned", "Server at X (IP) returned", enhanced NDRs',
  'paste-trace': 'Exchange Online message trace and queue details: LED, FQDN/IP, LastAttempted fields',
  'paste-queue': 'Exchange Server queues (Queue Viewer, Get-Queue): LastError, "The last endpoint attempted"',
  'paste-mta': 'Postfix, Sendmail and Exim logs and bounces',
  'paste-provider': 'bounces written by Gmail, Outlook.com and Exchange Online protection',
  'paste-markup': 'pastes wrapped in Teams mentions, Slack auto-links, code fences or JSON escapes',
  'paste-localized': 'NDR text as Exchange writes it in Spanish, Portuguese, Italian, Polish or Chinese',
  'question-above-paste': "the user's own question before or after a pasted error",
  'inline-error': 'a question and an error line written in one line',
  explain: 'what a code means',
  fix: 'how to fix it, in everyday words too; Fix now; the accepted domain to Authoritative',
  both: 'what it means and how to fix it',
  'several-codes': 'two or more codes in one question',
  symptom: 'a described symptom without a code, in other words, word orders and inflections',
  'other-code': 'a code outside the six of mail flow intelligence',
  'retry-window': 'the 24 hours of retries and the NDR that follows (no code)',
  language: 'language commands, "lang auto" included',
  help: 'greetings and what the bot can do',
  list: 'which codes the bot knows',
  trap: 'addresses, versions, dates, phone numbers, settings and remedies that are no code or symptom',
  slang: 'chat slang, abbreviations and missing accents',
  'client-locale': 'a client locale that differs from the language of the question',
  'unsupported-language': 'a language outside the six (then the client locale, then English)',
  'off-topic': 'nothing the bot can answer',
} as const;
export type Kind = keyof typeof KINDS;

/** CONTRACT.md's intents. */
export const INTENTS = ['explain', 'fix', 'list', 'help', 'language', 'check', 'unknown'] as const;
export type ExpectedIntent = (typeof INTENTS)[number];

/** RFC 3463 `class.subject.detail`, as CONTRACT.md's `codes` holds them. */
const STATUS_CODE = /^[245]\.\d{1,3}\.\d{1,3}$/;
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,62}\.)+[a-z]{2,63}$/;

const intent = z.enum(INTENTS);
const details = z
  .object({
    server: z.string().regex(HOST_NAME, 'a host name in lower case').optional(),
    ip: z
      .string()
      .refine((value) => isIP(value) !== 0, 'an IPv4 or IPv6 address')
      .optional(),
    port: z.number().int().min(1).max(65535).optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, 'details name at least one field');

const devCaseSchema = z
  .object({
    text: z.string().min(1),
    clientLocale: z.string().min(2).optional(),
    expect: z
      .object({
        intent: z.union([intent, z.array(intent).min(2)]),
        codes: z
          .array(z.string().regex(STATUS_CODE))
          .refine((codes) => new Set(codes).size === codes.length, 'codes without repeats'),
        locale: z.enum(LOCALES),
        details: details.optional(),
      })
      .strict(),
    kind: z.enum(Object.keys(KINDS) as [Kind, ...Kind[]]),
    source: z.string().url().optional(),
  })
  .strict()
  .refine((value) => !value.kind.startsWith('paste-') || value.source !== undefined, {
    message: 'a paste names the documentation of its format in "source"',
  });

export type DevCase = z.infer<typeof devCaseSchema>;

/** A case with where it comes from, for failure lists. */
export interface LocatedCase extends DevCase {
  file: string;
  line: number;
}

export interface LineProblem {
  file: string;
  line: number;
  problem: string;
}

/** The set's folder, found from this file whether it runs from `test/eval` or from `dist/test/eval`. */
export function devSetDirectory(): string {
  const fromSource = join(__dirname, '..', 'fixtures', 'understanding');
  const fromDist = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'understanding');
  return __dirname.includes(`${join('dist', 'test')}`) ? fromDist : fromSource;
}

export function accepted(expected: DevCase['expect']['intent']): readonly ExpectedIntent[] {
  return typeof expected === 'string' ? [expected] : expected;
}

function parseLine(file: string, line: number, raw: string): LocatedCase | LineProblem {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { file, line, problem: `not JSON: ${(error as Error).message}` };
  }
  const parsed = devCaseSchema.safeParse(value);
  if (!parsed.success) {
    const problem = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    return { file, line, problem };
  }
  return { ...parsed.data, file, line };
}

/** Every case of every `*.jsonl` file in `directory`, and every line that is not a valid case. */
export function loadDevSet(directory = devSetDirectory()): { cases: LocatedCase[]; problems: LineProblem[] } {
  const cases: LocatedCase[] = [];
  const problems: LineProblem[] = [];
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  for (const file of files) {
    const lines = readFileSync(join(directory, file), 'utf8').split('\n');
    lines.forEach((raw, index) => {
      if (raw.trim() === '') return;
      const result = parseLine(file, index + 1, raw);
      if ('problem' in result) problems.push(result);
      else cases.push(result);
    });
  }
  return { cases, problems };
}
