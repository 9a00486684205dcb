/** Details and codes from real pastes, in the formats servers write and as chat clients wrap them. */
import { understand } from '../../core/understand';

describe('details in every format', () => {
  test.each([
    [
      'Exchange Server queue: the last endpoint',
      'LastError : 451 4.4.0 Primary target IP address responded with: "421 4.4.2 Connection dropped due to SocketError." Attempted failover to alternate host, but that did not succeed. The last endpoint attempted was 192.0.2.10:25',
      { ip: '192.0.2.10', port: 25 },
    ],
    [
      'an NDR without the IP',
      "Remote Server at mail.contoso.com returned '550 5.4.318 Message expired, connection closed abruptly'",
      { server: 'mail.contoso.com' },
    ],
    [
      'an NDR with IPv6',
      "Remote Server at smtp.fabrikam.com (2001:db8::25) returned '550 5.4.317 Message expired'",
      { server: 'smtp.fabrikam.com', ip: '2001:db8::25' },
    ],
    [
      'fields typed by hand',
      '{Last attempted server name=mail.contoso.com}\n450 4.4.316 Connection refused',
      { server: 'mail.contoso.com' },
    ],
    [
      'fields on separate lines with spaces around =',
      'LastAttemptedServerName = MAIL.Contoso.com\nLastAttemptedIP = 192.0.2.200:25\nLED = 450 4.4.318 Connection was closed abruptly',
      { server: 'mail.contoso.com', ip: '192.0.2.200', port: 25 },
    ],
    [
      'a client’s log',
      "our app can't reach smtp.contoso.com:587, is that 4.4.316?",
      { server: 'smtp.contoso.com', port: 587 },
    ],
    [
      'Postfix',
      'status=deferred (connect to mail.contoso.com[2001:db8::25]:25: Connection refused)',
      { server: 'mail.contoso.com', ip: '2001:db8::25', port: 25 },
    ],
    [
      'Sendmail',
      'relay=smtp.fabrikam.com. [198.51.100.25], dsn=4.0.0, stat=Deferred: Connection timed out with smtp.fabrikam.com.',
      { server: 'smtp.fabrikam.com', ip: '198.51.100.25' },
    ],
    [
      'Exim',
      '2026-11-20 10:01:44 1vXzQ1-0002Cd-EF == ops@fabrikam.com R=dnslookup T=remote_smtp defer (110): Connection timed out H=smtp.fabrikam.com [198.51.100.9]',
      { server: 'smtp.fabrikam.com', ip: '198.51.100.9' },
    ],
    [
      'Gmail',
      'The recipient server did not accept our requests to connect.\n[mail.contoso.com. 192.0.2.10: Connection refused]',
      { server: 'mail.contoso.com', ip: '192.0.2.10' },
    ],
    [
      'a Slack auto-link inside the fields',
      '450 4.4.316 Connection refused [LastAttemptedServerName=<http://smtp.contoso.com|smtp.contoso.com>] [LastAttemptedIP=192.0.2.14:25]',
      { server: 'smtp.contoso.com', ip: '192.0.2.14', port: 25 },
    ],
    [
      'a Teams mention before the paste',
      '<at>MailFlow</at>&nbsp;{LED=450 4.7.320 Certificate validation failed};{MSG=};{FQDN=mail.fabrikam.com};{IP=198.51.100.40};{LRT=}',
      { server: 'mail.fabrikam.com', ip: '198.51.100.40' },
    ],
  ])('%s', (_name, text, details) => {
    expect(understand(text).details).toMatchObject(details);
  });

  test.each([
    [
      'Spanish',
      "El servidor remoto en mx.contoso.com (192.0.2.81) devolvió '450 4.4.316 Connection refused'",
      { server: 'mx.contoso.com', ip: '192.0.2.81' },
    ],
    [
      'Spanish, as Exchange words it',
      "Servidor remoto en smtp.fabrikam.com (198.51.100.23) devuelto '550 5.4.315 Message expired'",
      { server: 'smtp.fabrikam.com', ip: '198.51.100.23' },
    ],
    [
      'Portuguese, without the IP',
      "O servidor remoto em mail.contoso.com.br retornou '450 4.4.315 Connection timed out'",
      { server: 'mail.contoso.com.br' },
    ],
    [
      'Italian',
      "Il server remoto presso mail.contoso.it (192.0.2.44) ha restituito '451 4.4.317 Cannot connect'",
      { server: 'mail.contoso.it', ip: '192.0.2.44' },
    ],
    [
      'Polish, with IPv6',
      "Serwer zdalny pod adresem mail.contoso.pl (2001:db8::9) zwrócił '450 4.4.318 Connection closed'",
      { server: 'mail.contoso.pl', ip: '2001:db8::9' },
    ],
    [
      'Chinese, the host first',
      '位于 mail.contoso.cn (192.0.2.77) 的远程服务器返回“450 4.4.316 Connection refused”',
      { server: 'mail.contoso.cn', ip: '192.0.2.77' },
    ],
    [
      'Chinese, full-width parentheses',
      "smtp.fabrikam.com（198.51.100.88）上的远程服务器返回了'550 5.4.317 Message expired'",
      { server: 'smtp.fabrikam.com', ip: '198.51.100.88' },
    ],
    [
      'words of no known phrase, before the quoted reply',
      "Le serveur distant mx.contoso.fr (192.0.2.5) a renvoyé '450 4.4.316 Connection refused'",
      { server: 'mx.contoso.fr', ip: '192.0.2.5' },
    ],
    [
      'a report field naming the remote host',
      'Remote host: relay.contoso.com\nStatus: 4.4.318',
      { server: 'relay.contoso.com' },
    ],
  ])('the remote server named in %s', (_name, text, details) => {
    expect(understand(text).details).toEqual(details);
  });

  test.each([
    [
      'Postfix: the name a lookup failed for',
      'Host or domain name not found. Name service error for name=mail.contoso.com type=A: Host not found',
      { server: 'mail.contoso.com' },
    ],
    [
      'Sendmail: the name server’s answer',
      'Host unknown (Name server: mx.contoso.com: host not found)',
      { server: 'mx.contoso.com' },
    ],
    ['a provider’s bounce', 'Connected to 192.0.2.1 but sender was rejected.', { ip: '192.0.2.1' }],
    [
      'Exim’s queue, IPv6 with a port',
      'H=smtp.contoso.it [2001:db8::72]:25 Connection refused',
      { server: 'smtp.contoso.it', ip: '2001:db8::72', port: 25 },
    ],
  ])('%s', (_name, text, details) => {
    expect(understand(text).details).toEqual(details);
  });

  test('an address inside an email address is no server', () => {
    expect(understand("kim@contoso.com: Remote server returned '550 5.1.1 User unknown'").details).toEqual(
      {},
    );
  });

  test('Microsoft’s own servers are never the destination', () => {
    const ndr =
      "Server at HE1PR01MB1545.eurprd01.prod.exchangelabs.com returned '550 5.4.316 Message expired'";
    expect(understand(ndr).details.server).toBeUndefined();
  });
});

describe('codes in real noise', () => {
  test('a literal backslash-n between the reply code and the code', () => {
    expect(understand('450\\n4.4.316 Connection refused').codes).toEqual([{ code: '4.4.316' }]);
  });
  test.each([
    ['an operating system’s version', 'since we upgraded to FortiOS 5.6.14 we get 4.4.318'],
    ['a date', 'dal 4.5.26 vediamo 4.4.318 in coda'],
  ])('%s is no code', (_name, text) => {
    expect(understand(text).codes).toEqual([{ code: '4.4.318' }]);
  });
});
