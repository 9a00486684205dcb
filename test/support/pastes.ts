/**
 * Recorded error text in the shapes Exchange Online has used over the years. Host names and
 * addresses are documentation values (contoso.com, 192.0.2.0/24, 2001:db8::/32).
 */
export const PASTES = {
  /** Message trace / queue detail, current form with LED and LastAttempted fields. */
  ledReason:
    'Reason: [{LED=450 4.7.320 Certificate validation failed [Message=SubjectMismatch] [LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=192.0.2.1:25] [BN3NAM01FT008.eop-nam01.prod.protection.outlook.com]};{MSG=};{FQDN=mail.contoso.com};{IP=192.0.2.1};{LRT=11/20/2026 9:15:02 AM}]',
  /** The older form with only FQDN and IP. */
  olderReason:
    'Reason: [{LED=450 4.4.315 Connection timed out};{MSG=};{FQDN=smtp.fabrikam.com};{IP=198.51.100.7};{LRT=}]',
  /** An NDR's diagnostic lines after the 24 hours of retries. */
  ndr: [
    'Delivery has failed to these recipients or groups:',
    "Despite repeated attempts to deliver your message, the recipient's email system refused to accept a connection from your email system.",
    'Diagnostic information for administrators:',
    'Generating server: HE1PR01MB1545.eurprd01.prod.exchangelabs.com',
    "11/20/2026 11:03:23 AM - Server at HE1PR01MB1545.eurprd01.prod.exchangelabs.com returned '550 5.4.316 Message expired, connection refused(Socket error code 10061)'",
    "11/20/2026 10:57:44 AM - Server at mail.contoso.com (192.0.2.10) returned '450 4.4.316 Connection refused [Message=Socket error code 10061] [LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=192.0.2.10:25] [BN3NAM01FT008.eop-nam01.prod.protection.outlook.com](Socket error code 10061)'",
  ].join('\n'),
  /** A remote server's own reply quoted in a connector error. */
  starttls:
    '450 4.4.317 Cannot connect to remote server [Message=451 5.7.3 STARTTLS is required to send mail] [LastAttemptedServerName=mx.contoso.com] [LastAttemptedIP=192.0.2.25:25]',
  /** An expiry quoting its cause. */
  expiredQueue:
    '550 4.4.7 QUEUE.Expired; message expired [Message=450 4.4.316 Connection refused] [LastAttemptedServerName=mail.contoso.com]',
  /** A sending MTA's log. */
  postfix: 'connect to mail.contoso.com[192.0.2.44]:2525: Connection refused',
  /** IPv6 in the older form. */
  ipv6: 'Reason: [{LED=450 4.4.316 Connection refused};{MSG=};{FQDN=mail.contoso.com};{IP=2001:db8::25};{LRT=}]',
} as const;
