/** Command-line arguments of `mailflow` (CONTRACT.md, "The command line"). */
import { parseArgs } from 'node:util';
import { LOCALES } from '../../core';
import { CodedError, ERROR_CODES } from '../runtime/errors';

export const FORMATS = ['text', 'json', 'teams', 'slack'] as const;
export type Format = (typeof FORMATS)[number];

export type Command =
  | { kind: 'ask'; text: string; locale?: string; format: Format }
  | { kind: 'jsonl' }
  | { kind: 'check'; host: string; tlsDomain?: string; locale?: string; format: Format }
  | { kind: 'help' }
  | { kind: 'version' };

export class UsageError extends CodedError {
  readonly code = ERROR_CODES.commandLineUsage;
}

export const USAGE = `mailflow: what an Exchange Online connector delivery error means and how to fix it, in six
languages, and a live check of the destination mail server.

Commands:
  mailflow ask [--locale TAG] [--format text|json|teams|slack] TEXT...
      Answers one message as the Teams and Slack bots would.
  mailflow ask --jsonl
      Reads one {"text": "...", "locale": "es-MX"} object a line on standard input and writes
      one answer object a line.
  mailflow check [--locale TAG] [--format text|json|teams|slack] [--tls-domain NAME] HOST
      Checks the mail server HOST (a host name or an IP address) now, as Microsoft 365 reaches it
      through a connector: DNS, port 25, the greeting, EHLO, STARTTLS, TLS and the certificate,
      and names the error Microsoft 365 would most likely raise. No mail is sent.
  mailflow help, mailflow --help
  mailflow --version

Examples:
  mailflow ask "what does 4.4.316 mean?"
  mailflow ask --locale pl-PL 4.4.316
  mailflow ask --format json "Server at mail.contoso.com (192.0.2.10) returned '450 4.4.316 Connection refused'"
  mailflow check mail.contoso.com
  mailflow check --tls-domain contoso.com --format json mail.contoso.com

--locale is the client's language tag: ${LOCALES.join(', ')} answer in that language (es-MX in es,
pt-PT in pt-BR, …); any other language, such as de-DE, in English.
The check's settings (CHECK_DNS_SERVERS, CHECK_TIMEOUT_MS, CHECK_ENABLED, …) are in env.example.`;

const WELL_FORMED_TAG = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$/;
const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * A tag that names a real language: well formed, and with a primary language that ICU knows by
 * name, so `de-DE` passes (and is answered in English) while `xx` or `!!` is refused.
 */
function namesALanguage(tag: string): boolean {
  if (!WELL_FORMED_TAG.test(tag)) return false;
  const primary = tag.split(/[-_]/, 1)[0] ?? '';
  try {
    return LANGUAGE_NAMES.of(primary.toLowerCase()) !== undefined;
  } catch {
    return false;
  }
}

const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);

const OPTIONS = {
  locale: { type: 'string' },
  format: { type: 'string' },
  jsonl: { type: 'boolean' },
  'tls-domain': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** The option a parse error names: Node quotes it, as in "Unknown option '--bogus'". */
const quotedOption = (message: string): string => /'(-[^' ]*)/.exec(message)?.[1] ?? 'an option';

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError(`unknown option ${quotedOption(message ?? '')}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(`${quotedOption(message ?? '')} needs a value`);
    throw new UsageError(message ?? String(error));
  }
}

type Values = ReturnType<typeof parse>['values'];

function formatOf(values: Values): Format {
  const format = values.format ?? 'text';
  if (!isFormat(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  return format;
}

function localeOf(values: Values): { locale?: string } {
  if (values.locale === undefined) return {};
  if (!namesALanguage(values.locale))
    throw new UsageError(
      `--locale "${values.locale}" is not a language tag; use one of ${LOCALES.join(', ')} (or a tag such as es-MX or de-DE)`,
    );
  return { locale: values.locale };
}

function askCommand(values: Values, words: readonly string[]): Command {
  if (values['tls-domain'] !== undefined) throw new UsageError('--tls-domain goes with mailflow check');
  if (values.jsonl) {
    if (words.length > 0 || values.locale !== undefined || values.format !== undefined) {
      throw new UsageError('--jsonl reads its messages from standard input and takes no other arguments');
    }
    return { kind: 'jsonl' };
  }
  const format = formatOf(values);
  const locale = localeOf(values);
  const text = words.join(' ').trim();
  if (!text) throw new UsageError('missing the message to answer');
  return { kind: 'ask', text, format, ...locale };
}

function checkCommand(values: Values, words: readonly string[]): Command {
  if (values.jsonl) throw new UsageError('--jsonl goes with mailflow ask');
  const format = formatOf(values);
  const locale = localeOf(values);
  const [host, ...extra] = words;
  if (host === undefined) throw new UsageError('missing the HOST to check');
  if (extra.length > 0) throw new UsageError(`check takes one HOST, not "${words.join(' ')}"`);
  const tlsDomain = values['tls-domain'];
  return { kind: 'check', host, format, ...locale, ...(tlsDomain !== undefined ? { tlsDomain } : {}) };
}

export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parse(argv);
  if (values.version) return { kind: 'version' };
  const [verb, ...words] = positionals;
  if (values.help || verb === 'help') return { kind: 'help' };
  if (verb === 'ask') return askCommand(values, words);
  if (verb === 'check') return checkCommand(values, words);
  throw new UsageError(verb ? `unknown command "${verb}"` : 'missing a command: ask, check or help');
}
