/** Symptoms as concepts and frames: other words, word orders and inflections; precedence; no guesses. */
import { understand } from '../../core/understand';

const codesOf = (text: string) => understand(text).codes.map((mention) => mention.code);

describe('the same cause said in other words, in six languages', () => {
  test.each([
    ['il dominio non è stato rinnovato', '4.4.312'],
    ['domena nie została przedłużona i poczta nie dochodzi', '4.4.312'],
    ['nslookup of the smart host returns nothing', '4.4.312'],
    ['el conector apunta a una IP equivocada', '4.4.315'],
    ['nuestro Exchange está caído', '4.4.315'],
    ['serwer padł', '4.4.315'],
    ['o Exchange local está fora do ar', '4.4.315'],
    ['防火牆擋住了 25 埠', '4.4.316'],
    ['the firewall is blocking connections from Exchange Online', '4.4.316'],
    ['TLS handshake failed to our smart host', '4.4.317'],
    ['il firewall ispeziona l’SMTP e chiude la sessione', '4.4.318'],
    ['a conexão cai no meio da entrega', '4.4.318'],
    ['certyfikat wygasł', '4.7.320'],
    ['lost connection with mx.contoso.com[192.0.2.1] while sending RCPT TO', '4.4.318'],
    ['the MX record still points to the old provider', '4.4.312'],
    ['o registro MX ainda aponta pro provedor antigo', '4.4.312'],
    ['il record MX punta ancora al vecchio provider', '4.4.312'],
    ['el MX sigue apuntando al servidor viejo', '4.4.312'],
    ['rekord MX nadal wskazuje na stary serwer', '4.4.312'],
    ['MX 记录还指向旧的服务器', '4.4.312'],
    ['the MX record has the old IP', '4.4.312'],
    ['connect to mx.contoso.com[192.0.2.1]:25: No route to host', '4.4.315'],
    ['证书上的名称和智能主机对不上', '4.7.320'],
  ])('%s → %s', (text, code) => {
    expect(codesOf(text)).toEqual([code]);
  });
});

describe('the more specific frame wins', () => {
  test('a firewall that inspects SMTP and cuts sessions halfway is 4.4.318 alone', () => {
    expect(codesOf('the firewall inspects SMTP and cuts sessions halfway')).toEqual(['4.4.318']);
  });
  test('name servers that do not answer are DNS, not a server that is down', () => {
    expect(codesOf('our authoritative DNS servers are not answering')).toEqual(['4.4.312']);
  });
  test('an on-premises server switched off for good is the accepted domain’s case, not a timeout', () => {
    expect(codesOf('we turned off the on-prem exchange, do I set the domain to authoritative?')).toEqual([
      '4.4.316',
    ]);
  });
  test('a TLS negotiation that fails is 4.4.317, however the connection ends', () => {
    expect(codesOf('SSL_connect error to smtp.contoso.com[192.0.2.41]:25: lost connection')).toEqual([
      '4.4.317',
    ]);
  });
});

describe('when unsure, no code', () => {
  test.each([
    ['a remedy beside a written code', 'we installed a new certificate but still get 4.4.316', ['4.4.316']],
    ['a timeout in a pasted configuration', 'ConnectionTimeout : 00:10:00', []],
    ['a setting inside a log line', '09:15:02 opening to smtp.contoso.com:587, timeout=300', []],
    ['how to solve something is no DNS name that fails to resolve', 'how do I resolve this?', []],
    ['a server alone', 'kto ma klucz do serwerowni?', []],
    ['a certificate alone', 'we renewed the certificate yesterday', []],
    ['a cause the user rules out', 'our DNS is fine, the server just doesn’t answer', ['4.4.315']],
    ['a cause called no issue', 'not a certificate issue, the server refuses the connection', ['4.4.316']],
    [
      'a connector that points to an old address is still a timeout',
      'the connector points to the old IP',
      ['4.4.315'],
    ],
  ])('%s', (_name, text, codes) => {
    expect(codesOf(text)).toEqual(codes);
  });
});
