/**
 * The result of a live check as a card: plain data in the user's language that each channel renders
 * its own way, like an answer. Compact: a title that names the verdict, one line of summary, a ✓/✗
 * line per step, and one link (the answer for the code, or the Microsoft 365 IP ranges).
 */
import type { Link } from '../answer/model';
import { type Translator, translatorFor } from '../i18n';
import { articleSectionUrl } from '../knowledge/articleSections';
import { codeKey, type KnownCode } from '../knowledge/knownCodes';
import { linkUrl } from '../knowledge/links';
import type { Locale } from '../locales';
import type { CheckResult, CheckStep, StepReport } from './model';
import { checkVerdict } from './verdict';

export interface CheckStepLine {
  step: CheckStep;
  ok: boolean;
  /** The step's name with the punctuation that leads to the detail (`DNS: `, `连接：`), from the content. */
  label: string;
  /** What was seen. It quotes the server (its greeting, its certificate's names): untrusted text. */
  detail: string;
}

export interface CheckCard {
  locale: Locale;
  /** The target as given, validated (a host name or an IP address, nothing else). */
  host: string;
  address?: string;
  code: KnownCode | null;
  title: string;
  summary: string;
  steps: readonly CheckStepLine[];
  /** Content paragraphs under the steps. */
  notes: readonly string[];
  links: readonly Link[];
}

/** `2027-01-31T12:00:00.000Z` → `2027-01-31`: dates in every language's card are ISO dates. */
const day = (iso: string): string => iso.slice(0, 10);

function seconds(ms: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(ms / 1000);
}

/** The detail template's key under `check:detail.` and the values it may use. */
function detailOf(report: StepReport, host: string, locale: Locale): [string, Record<string, string>] {
  const waited = { seconds: seconds(report.ms, locale) };
  switch (report.step) {
    case 'dns': {
      const key = report.problem ?? (report.mx ? 'okMx' : 'ok');
      return [
        `dns.${key}`,
        {
          host,
          name: report.name,
          addresses: report.addresses.join(', '),
          preference: String(report.mx?.preference ?? ''),
          error: report.error ?? '',
        },
      ];
    }
    case 'connect':
      return [
        `connect.${report.problem ?? 'ok'}`,
        { ...waited, address: report.address, port: String(report.port), error: report.error ?? '' },
      ];
    case 'greeting':
    case 'ehlo':
    case 'starttls':
      return [`${report.step}.${report.problem ?? 'ok'}`, { ...waited, reply: report.reply }];
    case 'tls':
      return [
        `tls.${report.problem ?? 'ok'}`,
        { ...waited, protocol: report.protocol, cipher: report.cipher, error: report.error ?? '' },
      ];
    case 'certificate': {
      const { certificate } = report;
      return [
        `certificate.${report.problem ?? 'ok'}`,
        {
          subject: certificate.subject,
          altNames: certificate.altNames,
          issuer: certificate.issuer,
          validFrom: day(certificate.validFrom),
          validTo: day(certificate.validTo),
          daysLeft: String(certificate.daysLeft),
          name: certificate.checkedName,
          error: report.error ?? '',
        },
      ];
    }
  }
}

function stepLine(t: Translator, report: StepReport, host: string, locale: Locale): CheckStepLine {
  const [key, values] = detailOf(report, host, locale);
  return {
    step: report.step,
    ok: report.problem === undefined,
    label: t.text('check:stepLabel', { step: t.text(`check:steps.${report.step}`) }),
    detail: t.text(`check:detail.${key}`, values),
  };
}

/** The name the certificate was found valid for, where the check got that far. */
function checkedName(result: CheckResult): string {
  const certificate = result.steps.find((report) => report.step === 'certificate');
  return certificate?.step === 'certificate' ? certificate.certificate.checkedName : result.host;
}

export function buildCheckCard(result: CheckResult, locale: Locale): CheckCard {
  const t = translatorFor(locale);
  const code = checkVerdict(result);
  const { host } = result;
  const steps = result.steps.map((report) => stepLine(t, report, host, locale));
  const common = { locale, host, ...(result.address ? { address: result.address } : {}), code, steps };
  if (code === null) {
    return {
      ...common,
      title: t.text('check:title.passed', { host }),
      summary: t.text('check:summary.passed', { name: checkedName(result) }),
      notes: [t.text('check:ownNetwork')],
      links: [{ target: 'ipRanges', label: t.text('actions.ipRanges'), url: linkUrl('ipRanges', locale) }],
    };
  }
  const verdict = { code, codeTitle: t.text(`codes.${codeKey(code)}.title`) };
  return {
    ...common,
    title: t.text('check:title.failed', { host, ...verdict }),
    summary: t.text('check:summary.failed', verdict),
    notes: [],
    links: [
      {
        target: 'article',
        label: t.text('check:answerLink', { code }),
        url: articleSectionUrl(code, locale),
      },
    ],
  };
}
