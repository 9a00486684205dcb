/**
 * IANA's registry of SMTP enhanced status codes (smtp-enhanced-status-codes), enumerated status
 * codes, as of its 2024 update: each detail code with the registry's title, grouped by the document
 * that registered it. Test data, kept apart from the product's own table so the two can be compared.
 */
export const REGISTRY_CLASSES = ['2', '4', '5'] as const;

export const REGISTRY_SUBJECTS = ['0', '1', '2', '3', '4', '5', '6', '7'] as const;

export const REGISTRY_DETAILS: readonly (readonly [code: string, title: string])[] = [
  // RFC 3463
  ['X.0.0', 'Other undefined Status'],
  ['X.1.0', 'Other address status'],
  ['X.1.1', 'Bad destination mailbox address'],
  ['X.1.2', 'Bad destination system address'],
  ['X.1.3', 'Bad destination mailbox address syntax'],
  ['X.1.4', 'Destination mailbox address ambiguous'],
  ['X.1.5', 'Destination address valid'],
  ['X.1.6', 'Destination mailbox has moved, No forwarding address'],
  ['X.1.7', "Bad sender's mailbox address syntax"],
  ['X.1.8', "Bad sender's system address"],
  // RFC 3886
  ['X.1.9', 'Message relayed to non-compliant mailer'],
  // RFC 7505 (and RFC 7504)
  ['X.1.10', 'Recipient address has null MX'],
  // RFC 3463
  ['X.2.0', 'Other or undefined mailbox status'],
  ['X.2.1', 'Mailbox disabled, not accepting messages'],
  ['X.2.2', 'Mailbox full'],
  ['X.2.3', 'Message length exceeds administrative limit'],
  ['X.2.4', 'Mailing list expansion problem'],
  ['X.3.0', 'Other or undefined mail system status'],
  ['X.3.1', 'Mail system full'],
  ['X.3.2', 'System not accepting network messages'],
  ['X.3.3', 'System not capable of selected features'],
  ['X.3.4', 'Message too big for system'],
  ['X.3.5', 'System incorrectly configured'],
  // RFC 6710
  ['X.3.6', 'Requested priority was changed'],
  // RFC 3463
  ['X.4.0', 'Other or undefined network or routing status'],
  ['X.4.1', 'No answer from host'],
  ['X.4.2', 'Bad connection'],
  ['X.4.3', 'Directory server failure'],
  ['X.4.4', 'Unable to route'],
  ['X.4.5', 'Mail system congestion'],
  ['X.4.6', 'Routing loop detected'],
  ['X.4.7', 'Delivery time expired'],
  ['X.5.0', 'Other or undefined protocol status'],
  ['X.5.1', 'Invalid command'],
  ['X.5.2', 'Syntax error'],
  ['X.5.3', 'Too many recipients'],
  ['X.5.4', 'Invalid command arguments'],
  ['X.5.5', 'Wrong protocol version'],
  // RFC 4954
  ['X.5.6', 'Authentication Exchange line is too long'],
  // RFC 3463
  ['X.6.0', 'Other or undefined media error'],
  ['X.6.1', 'Media not supported'],
  ['X.6.2', 'Conversion required and prohibited'],
  ['X.6.3', 'Conversion required but not supported'],
  ['X.6.4', 'Conversion with loss performed'],
  ['X.6.5', 'Conversion Failed'],
  // RFC 4468
  ['X.6.6', 'Message content not available'],
  // RFC 6531; the registry gives X.6.10 no title: "This is a duplicate of X.6.8 and is thus deprecated."
  ['X.6.7', 'Non-ASCII addresses not permitted for that sender/recipient'],
  ['X.6.8', 'UTF-8 string reply is required, but not permitted by the SMTP client'],
  [
    'X.6.9',
    'UTF-8 header message cannot be transferred to one or more recipients, so the message must be rejected',
  ],
  ['X.6.10', ''],
  // RFC 3463
  ['X.7.0', 'Other or undefined security status'],
  ['X.7.1', 'Delivery not authorized, message refused'],
  ['X.7.2', 'Mailing list expansion prohibited'],
  ['X.7.3', 'Security conversion required but not possible'],
  ['X.7.4', 'Security features not supported'],
  ['X.7.5', 'Cryptographic failure'],
  ['X.7.6', 'Cryptographic algorithm not supported'],
  ['X.7.7', 'Message integrity failure'],
  // RFC 4954
  ['X.7.8', 'Authentication credentials invalid'],
  ['X.7.9', 'Authentication mechanism is too weak'],
  // RFC 5248
  ['X.7.10', 'Encryption Needed'],
  // RFC 4954
  ['X.7.11', 'Encryption required for requested authentication mechanism'],
  ['X.7.12', 'A password transition is needed'],
  // RFC 5248
  ['X.7.13', 'User Account Disabled'],
  ['X.7.14', 'Trust relationship required'],
  // RFC 6710
  ['X.7.15', 'Priority Level is too low'],
  ['X.7.16', 'Message is too big for the specified priority'],
  // RFC 7293
  ['X.7.17', 'Mailbox owner has changed'],
  ['X.7.18', 'Domain owner has changed'],
  ['X.7.19', 'RRVS test cannot be completed'],
  // RFC 7372
  ['X.7.20', 'No passing DKIM signature found'],
  ['X.7.21', 'No acceptable DKIM signature found'],
  ['X.7.22', 'No valid author-matched DKIM signature found'],
  ['X.7.23', 'SPF validation failed'],
  ['X.7.24', 'SPF validation error'],
  ['X.7.25', 'Reverse DNS validation failed'],
  ['X.7.26', 'Multiple authentication checks failed'],
  // RFC 7505
  ['X.7.27', 'Sender address has null MX'],
  // Registered after RFC 7505
  ['X.7.28', 'Mail flood detected'],
  // RFC 8617
  ['X.7.29', 'ARC validation failure'],
  // RFC 8689
  ['X.7.30', 'REQUIRETLS support required'],
];
