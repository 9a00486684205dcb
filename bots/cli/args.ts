/** Command-line arguments of `mailflow` (CONTRACT.md, "The command line"). */
import { parseArgs } from 'node:util';
import { CodedError, ERROR_CODES } from '../runtime/errors';

export const FORMATS = ['text', 'json', 'teams', 'slack'] as const;
export type Format = (typeof FORMATS)[number];

export type Command =
  | { kind: 'ask'; text: string; locale?: string; format: Format }
  | { kind: 'jsonl' }
  | { kind: 'help' };

export class UsageError extends CodedError {
  readonly code = ERROR_CODES.commandLineUsage;
}

export const USAGE = `usage: mailflow ask [--locale TAG] [--format text|json|teams|slack] TEXT...
       mailflow ask --jsonl   (one {"text": "...", "locale": "es-MX"} object a line on standard input)`;

/** A BCP 47-like tag: "es", "pt-BR", Slack's "pt_BR". */
const LOCALE_TAG = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$/;

const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);

export function parseCommand(argv: readonly string[]): Command {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [verb, ...words] = positionals;
  if (verb !== 'ask') throw new UsageError(verb ? `unknown command "${verb}"` : 'missing command "ask"');
  const format = values.format ?? 'text';
  if (!isFormat(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  if (values.locale !== undefined && !LOCALE_TAG.test(values.locale)) {
    throw new UsageError(`--locale takes a language tag such as es-MX, not "${values.locale}"`);
  }
  if (values.jsonl) {
    if (words.length > 0 || values.locale !== undefined || values.format !== undefined) {
      throw new UsageError('--jsonl reads its messages from standard input and takes no other arguments');
    }
    return { kind: 'jsonl' };
  }
  const text = words.join(' ').trim();
  if (!text) throw new UsageError('missing the message to answer');
  return { kind: 'ask', text, format, ...(values.locale !== undefined ? { locale: values.locale } : {}) };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      locale: { type: 'string' },
      format: { type: 'string' },
      jsonl: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
