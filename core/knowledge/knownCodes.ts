/**
 * The connector delivery errors of mail flow intelligence, and what the answer offers for each:
 * which admin pages to link, which commands look at the problem or fix it, and which step comes
 * first. The words live in `locales/`; this table holds only language-neutral facts.
 *
 * A new code is one entry in `KNOWN_CODES` plus its data here and its content in every language:
 * `GUIDANCE` is a record over the codes, and `core/content.ts` checks at compile time that the
 * content has an entry for every `KnownCodeKey`.
 */

import { type ContentKey, contentKey } from './contentKey';

export const KNOWN_CODES = ['4.4.312', '4.4.315', '4.4.316', '4.4.317', '4.4.318', '4.7.320'] as const;
export type KnownCode = (typeof KNOWN_CODES)[number];

/** Key of a known code's content in the locale files (`codes.<key>`, `symptom.<key>`). */
export type KnownCodeKey = ContentKey<KnownCode>;

export const codeKey = (code: KnownCode): KnownCodeKey => contentKey(code);

export function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

/** Caption keys under `commands.` in `answer.json`. */
export type CommandCaption =
  | 'findConnector'
  | 'readTls'
  | 'disableConnector'
  | 'removeConnector'
  | 'authoritative'
  | 'smartHosts'
  | 'tlsDomain'
  | 'validate'
  | 'serverCertificate'
  | 'serverStartTls';

export interface Command {
  caption: CommandCaption;
  command: string;
  /** Key under `commands.` of what to know about the command's output. */
  explained?: 'tlsSettingsNote';
}

export type AdminLink = 'connectors' | 'acceptedDomains' | 'ipRanges';

// Properties are listed with a space after each comma, which PowerShell allows, so that the line can
// wrap on a narrow card instead of running off its edge.
const FIND_CONNECTOR: Command = {
  caption: 'findConnector',
  command:
    'Get-OutboundConnector | Format-List Name, Enabled, UseMXRecord, SmartHosts, TlsSettings, TlsDomain',
};
const VALIDATE: Command = {
  caption: 'validate',
  command: 'Validate-OutboundConnector -Identity "<connector name>" -Recipients <address@your-domain>',
};
const SMART_HOSTS: Command = {
  caption: 'smartHosts',
  // A connector that routed by MX records takes smart hosts only together with -UseMXRecord $false.
  command:
    'Set-OutboundConnector -Identity "<connector name>" -UseMXRecord $false -SmartHosts <mail.contoso.com>',
};
/** Reads, never changes: which TLS the connector asks for, and for which name. */
const READ_TLS: Command = {
  caption: 'readTls',
  command:
    'Get-OutboundConnector -Identity "<connector name>" | Format-List Name, SmartHosts, TlsSettings, TlsDomain',
  explained: 'tlsSettingsNote',
};
/** Run from any machine with OpenSSL: what the server offers on port 25, and its certificate. */
const SERVER_CERTIFICATE: Command = {
  caption: 'serverCertificate',
  command:
    'openssl s_client -starttls smtp -connect <mail.contoso.com>:25 -servername <mail.contoso.com> -showcerts',
};
const SERVER_STARTTLS: Command = {
  caption: 'serverStartTls',
  command: 'openssl s_client -starttls smtp -connect <mail.contoso.com>:25 -servername <mail.contoso.com>',
};

export interface CodeGuidance {
  links: readonly AdminLink[];
  /** Exchange Online PowerShell, in the order they are used. */
  commands: readonly Command[];
  /** Checks run against the destination server itself, shown with the steps. */
  serverChecks: readonly Command[];
  /**
   * The step (index into the code's `fix` list) that comes first when the on-premises email servers
   * were shut down on purpose; otherwise the first step does.
   */
  firstStepWhenOnPremisesRetired?: number;
}

export const GUIDANCE: Record<KnownCode, CodeGuidance> = {
  '4.4.312': { links: ['connectors'], commands: [FIND_CONNECTOR, SMART_HOSTS, VALIDATE], serverChecks: [] },
  '4.4.315': { links: ['connectors'], commands: [FIND_CONNECTOR, SMART_HOSTS, VALIDATE], serverChecks: [] },
  '4.4.316': {
    links: ['connectors', 'acceptedDomains', 'ipRanges'],
    commands: [
      FIND_CONNECTOR,
      {
        caption: 'disableConnector',
        command: 'Set-OutboundConnector -Identity "<connector name>" -Enabled $false',
      },
      { caption: 'removeConnector', command: 'Remove-OutboundConnector -Identity "<connector name>"' },
      {
        caption: 'authoritative',
        command: 'Set-AcceptedDomain -Identity <domain> -DomainType Authoritative',
      },
    ],
    serverChecks: [],
    // The second step is Fix now.
    firstStepWhenOnPremisesRetired: 1,
  },
  '4.4.317': { links: ['connectors'], commands: [READ_TLS, VALIDATE], serverChecks: [SERVER_STARTTLS] },
  '4.4.318': { links: ['connectors'], commands: [FIND_CONNECTOR, VALIDATE], serverChecks: [] },
  '4.7.320': {
    links: ['connectors'],
    commands: [
      READ_TLS,
      {
        caption: 'tlsDomain',
        command: 'Set-OutboundConnector -Identity "<connector name>" -TlsDomain <name on the certificate>',
      },
      VALIDATE,
    ],
    serverChecks: [SERVER_CERTIFICATE],
  },
};

/** Guidance for any other code: "other error codes" in the article. */
export const OTHER_GUIDANCE: CodeGuidance = {
  links: ['connectors'],
  commands: [FIND_CONNECTOR, VALIDATE],
  serverChecks: [],
};
