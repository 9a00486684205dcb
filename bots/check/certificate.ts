/**
 * The certificate step: what the server presented, judged the way Microsoft 365 judges a smart
 * host's certificate. Trust is Node's own CA store (with NODE_EXTRA_CA_CERTS), as verified during
 * the handshake; the name is checked with Node's `checkServerIdentity` against `--tls-domain` or the
 * host connected to.
 */
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import type { CertificateSeen, StepReport } from '../../core/check/model';
import { shortened } from './smtpReplies';

const DAY_MS = 86_400_000;
/** Node's verification errors for a certificate that signs itself, alone or at the top of its chain. */
const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
/** How many subject alternative names a check reports. */
const MAX_ALT_NAMES = 8;

/** `{CN: 'mail.contoso.com', O: 'Contoso'}` → `CN=mail.contoso.com, O=Contoso` (a field may repeat). */
function distinguishedName(names: object | undefined): string {
  const parts = Object.entries(names ?? {}).flatMap(([key, value]: [string, unknown]) =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(
      (item) => `${key}=${String(item)}`,
    ),
  );
  return shortened(parts.join(', '));
}

function altNames(peer: PeerCertificate): string {
  const names = (peer.subjectaltname ?? '').split(', ').filter((name) => name.length > 0);
  const shown = names.slice(0, MAX_ALT_NAMES).join(', ');
  return shortened(names.length > MAX_ALT_NAMES ? `${shown}, …` : shown);
}

function isoDate(text: string | undefined): string {
  const date = new Date(text ?? '');
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

type CertificateProblem = NonNullable<Extract<StepReport, { step: 'certificate' }>['problem']>;

function problemOf(
  seen: CertificateSeen,
  peer: PeerCertificate,
  authorizationError: string | undefined,
  now: number,
): CertificateProblem | undefined {
  if (seen.validTo && Date.parse(seen.validTo) < now) return 'expired';
  if (seen.validFrom && Date.parse(seen.validFrom) > now) return 'notYetValid';
  if (authorizationError) return SELF_SIGNED.has(authorizationError) ? 'selfSigned' : 'untrusted';
  return checkServerIdentity(seen.checkedName, peer) ? 'nameMismatch' : undefined;
}

/**
 * The certificate step's report. `authorizationError` is the TLS socket's (undefined when the chain
 * is trusted); `name` is the name the certificate must be valid for.
 */
export function certificateReport(
  peer: PeerCertificate | undefined,
  authorizationError: string | undefined,
  name: string,
  now: number,
  ms: number,
): StepReport {
  const present = peer !== undefined && peer.raw !== undefined;
  const validTo = present ? isoDate(peer.valid_to) : '';
  const certificate: CertificateSeen = {
    subject: present ? distinguishedName(peer.subject) : '',
    altNames: present ? altNames(peer) : '',
    issuer: present ? distinguishedName(peer.issuer) : '',
    validFrom: present ? isoDate(peer.valid_from) : '',
    validTo,
    daysLeft: validTo ? Math.floor((Date.parse(validTo) - now) / DAY_MS) : 0,
    checkedName: name,
  };
  if (!present)
    return { step: 'certificate', ms, problem: 'untrusted', certificate, error: 'NO_CERTIFICATE' };
  const problem = problemOf(certificate, peer, authorizationError, now);
  return {
    step: 'certificate',
    ms,
    certificate,
    ...(problem ? { problem } : {}),
    ...(problem === 'untrusted' && authorizationError ? { error: authorizationError } : {}),
  };
}
