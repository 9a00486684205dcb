/**
 * The connector delivery errors of mail flow intelligence, and what the answer offers for each:
 * which admin pages to link, which commands look at the problem or fix it, and which step comes
 * first. The words live in `locales/`; this table holds only language-neutral facts.
 *
 * A new code is one entry in `KNOWN_CODES` plus its data here and its content in every language:
 * `GUIDANCE` is a record over the codes, and `core/content.ts` checks at compile time that the
 * content has an entry for every `KnownCodeKey`.
 */

export const KNOWN_CODES = ['4.4.312', '4.4.315', '4.4.316', '4.4.317', '4.4.318', '4.7.320'] as const;
export type KnownCode = (typeof KNOWN_CODES)[number];

/** `4.4.316` → `4_4_316`, at the type level. */
type Underscored<Code extends string> = Code extends `${infer Head}.${infer Tail}`
  ? `${Head}_${Underscored<Tail>}`
  : Code;

/** Key of a known code's content in the locale files (`codes.<key>`, `symptom.<key>`). */
export type KnownCodeKey = `c${Underscored<KnownCode>}`;

// The string operation below is what `Underscored` spells out for the compiler.
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

export interface Command {
  caption: CommandCaption;
  command: string;
}

export type AdminLink = 'connectors' | 'acceptedDomains' | 'ipRanges';

const FIND_CONNECTOR: Command = {
  caption: 'findConnector',
  command: 'Get-OutboundConnector | Format-List Name,Enabled,SmartHosts,TlsSettings,TlsDomain',
};
const VALIDATE: Command = {
  caption: 'validate',
  command: 'Validate-OutboundConnector -Identity "<connector name>" -Recipients <address@your-domain>',
};
const SMART_HOSTS: Command = {
  caption: 'smartHosts',
  command: 'Set-OutboundConnector -Identity "<connector name>" -SmartHosts <mail.contoso.com>',
};
const TLS: Command = {
  caption: 'tls',
  command: 'Set-OutboundConnector -Identity "<connector name>" -TlsSettings CertificateValidation',
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
  '4.4.317': { links: ['connectors'], commands: [FIND_CONNECTOR, TLS, VALIDATE], serverChecks: [] },
  '4.4.318': { links: ['connectors'], commands: [FIND_CONNECTOR, VALIDATE], serverChecks: [] },
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
    serverChecks: [],
  },
};

/** Guidance for any other code: "other error codes" in the article. */
export const OTHER_GUIDANCE: CodeGuidance = {
  links: ['connectors'],
  commands: [FIND_CONNECTOR, VALIDATE],
  serverChecks: [],
};
