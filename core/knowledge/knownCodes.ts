/**
 * The connector delivery errors of mail flow intelligence, and what the answer offers for each:
 * which admin pages to link and which Exchange Online PowerShell commands do the fix.
 * The words live in `locales/`; this table holds only language-neutral facts.
 */

export const KNOWN_CODES = ['4.4.312', '4.4.315', '4.4.316', '4.4.317', '4.4.318', '4.7.320'] as const;
export type KnownCode = (typeof KNOWN_CODES)[number];

/** Key of a known code's content in `locales/<lng>/answer.json` (`codes.<key>`). */
export type KnownCodeKey = 'c4_4_312' | 'c4_4_315' | 'c4_4_316' | 'c4_4_317' | 'c4_4_318' | 'c4_7_320';

export const codeKey = (code: KnownCode): KnownCodeKey => `c${code.replaceAll('.', '_')}` as KnownCodeKey;

export function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

/** Caption keys under `powershell.` in `answer.json`. */
export type CommandCaption =
  | 'findConnector'
  | 'disableConnector'
  | 'removeConnector'
  | 'authoritative'
  | 'smartHosts'
  | 'tls'
  | 'tlsDomain'
  | 'validate';

export interface PowerShellCommand {
  caption: CommandCaption;
  command: string;
}

export type AdminLink = 'connectors' | 'acceptedDomains' | 'ipRanges';

const FIND_CONNECTOR: PowerShellCommand = {
  caption: 'findConnector',
  command: 'Get-OutboundConnector | Format-List Name,Enabled,SmartHosts,TlsSettings,TlsDomain',
};
const VALIDATE: PowerShellCommand = {
  caption: 'validate',
  command: 'Validate-OutboundConnector -Identity "<connector name>" -Recipients <address@your-domain>',
};
const SMART_HOSTS: PowerShellCommand = {
  caption: 'smartHosts',
  command: 'Set-OutboundConnector -Identity "<connector name>" -SmartHosts <mail.contoso.com>',
};
const TLS: PowerShellCommand = {
  caption: 'tls',
  command: 'Set-OutboundConnector -Identity "<connector name>" -TlsSettings CertificateValidation',
};

export interface CodeGuidance {
  links: readonly AdminLink[];
  commands: readonly PowerShellCommand[];
}

export const GUIDANCE: Record<KnownCode, CodeGuidance> = {
  '4.4.312': { links: ['connectors'], commands: [FIND_CONNECTOR, SMART_HOSTS, VALIDATE] },
  '4.4.315': { links: ['connectors'], commands: [FIND_CONNECTOR, SMART_HOSTS, VALIDATE] },
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
  },
  '4.4.317': { links: ['connectors'], commands: [FIND_CONNECTOR, TLS, VALIDATE] },
  '4.4.318': { links: ['connectors'], commands: [FIND_CONNECTOR, VALIDATE] },
  '4.7.320': {
    links: ['connectors'],
    commands: [
      FIND_CONNECTOR,
      {
        caption: 'tlsDomain',
        command:
          'Set-OutboundConnector -Identity "<connector name>" -TlsSettings DomainValidation -TlsDomain <mail.contoso.com>',
      },
      VALIDATE,
    ],
  },
};

/** Guidance for any other code: "other error codes" in the article. */
export const OTHER_GUIDANCE: CodeGuidance = { links: ['connectors'], commands: [FIND_CONNECTOR, VALIDATE] };
