/**
 * What a live check of a destination mail server saw, as plain data. The network part (outside the
 * core) fills it in; the core turns it into a verdict (the code Microsoft 365 would most likely
 * raise) and a card in the user's language. Values marked "from the server" are untrusted text.
 */

/** The steps of a check, in the order they run; an IP address target has no `dns` step. */
export const CHECK_STEPS = ['dns', 'connect', 'greeting', 'ehlo', 'starttls', 'tls', 'certificate'] as const;
export type CheckStep = (typeof CHECK_STEPS)[number];

/** The MX record a check fell back to, where the host had no address record of its own. */
export interface MxChoice {
  exchange: string;
  preference: number;
}

export interface CertificateSeen {
  /** Subject as `CN=…, O=…`; from the server. */
  subject: string;
  /** Subject alternative names as `DNS:a, DNS:b`, possibly shortened; from the server. */
  altNames: string;
  issuer: string;
  /** Start and end of validity, ISO 8601 (`2027-01-31T12:00:00.000Z`). */
  validFrom: string;
  validTo: string;
  /** Whole days from the check to the expiry; negative once expired. */
  daysLeft: number;
  /** The name the certificate was checked against (`--tls-domain`, or the host connected to). */
  checkedName: string;
}

/**
 * An SMTP exchange's problems: no reply in time, the connection closed, an error reply (a 421 or 554
 * greeting, an EHLO or STARTTLS refused), or a reply that is not SMTP.
 */
type SmtpProblem = 'timedOut' | 'closed' | 'serviceRefused' | 'malformedReply';

/**
 * Each step's report: what went wrong (absent when the step passed) and what was seen. The problems
 * a step can have are listed with it, so a report can't claim a problem its step cannot have.
 */
export type StepReport = { ms: number } & (
  | {
      step: 'dns';
      /** No such name (NXDOMAIN); no address or MX record; or the lookup itself failed. */
      problem?: 'nameNotFound' | 'noAddress' | 'dnsFailed';
      /** The name the step settled on or failed at: the host, or the MX host it fell back to. */
      name: string;
      /** Addresses found for `name` (IPv4 first). */
      addresses: readonly string[];
      mx?: MxChoice;
      /** The resolver's error code where the lookup failed (`ENOTFOUND`, `ETIMEOUT`, …). */
      error?: string;
    }
  | {
      step: 'connect';
      problem?: 'timedOut' | 'refused' | 'unreachable';
      address: string;
      port: number;
      error?: string;
    }
  | {
      step: 'greeting' | 'ehlo';
      problem?: SmtpProblem;
      /** The server's reply (first line, shortened); from the server. Empty where there was none. */
      reply: string;
    }
  | {
      step: 'starttls';
      problem?: SmtpProblem | 'notOffered';
      reply: string;
    }
  | {
      step: 'tls';
      problem?: 'timedOut' | 'tlsFailed';
      /** `TLSv1.3`; empty where the handshake failed. */
      protocol: string;
      cipher: string;
      error?: string;
    }
  | {
      step: 'certificate';
      problem?: 'expired' | 'notYetValid' | 'selfSigned' | 'untrusted' | 'nameMismatch';
      certificate: CertificateSeen;
      /** Node's verification error code where the chain was not trusted. */
      error?: string;
    }
);

export type CheckProblem = NonNullable<StepReport['problem']>;

/** The result of one check: every step run, in order, stopping at the first that failed. */
export interface CheckResult {
  /** The target as given, lower case: a host name or an IP address. */
  host: string;
  /** The IP address connected to, where a connection was attempted (plain IPv4 or IPv6). */
  address?: string;
  /** `--tls-domain`: the name the certificate must be valid for, where it is not the host. */
  tlsDomain?: string;
  steps: readonly StepReport[];
  /** Whole check, in milliseconds. */
  ms: number;
}
