/** Reading "check mail.contoso.com" and its equivalents: cases as data. */
import fc from 'fast-check';
import { ask, parseCheckTarget } from '../../core';
import { readCheckRequest } from '../../core/understand/checkRequest';

test.each([
  ['check mail.contoso.com', 'mail.contoso.com', 'en'],
  ['Check MAIL.Contoso.com', 'mail.contoso.com', 'en'],
  ['can you please check the server mail.contoso.com?', 'mail.contoso.com', 'en'],
  ['/mailflow check mail.contoso.com', 'mail.contoso.com', 'en'],
  ['test smtp.fabrikam.com', 'smtp.fabrikam.com', 'en'],
  ['check https://mail.contoso.com/', 'mail.contoso.com', 'en'],
  ['check 192.0.2.10', '192.0.2.10', 'en'],
  ['check [2001:db8::25]', '2001:db8::25', 'en'],
  ['comprueba mail.contoso.com', 'mail.contoso.com', 'es'],
  ['¿puedes comprobar el servidor mail.contoso.com?', 'mail.contoso.com', 'es'],
  ['revisa mail.contoso.com', 'mail.contoso.com', 'es'],
  ['verifique o servidor mail.contoso.com', 'mail.contoso.com', 'pt-BR'],
  ['controlla mail.contoso.com', 'mail.contoso.com', 'it'],
  ['sprawdź mail.contoso.com', 'mail.contoso.com', 'pl'],
  ['sprawdz serwer mail.contoso.com', 'mail.contoso.com', 'pl'],
  ['检查 mail.contoso.com', 'mail.contoso.com', 'zh-CN'],
  ['检查mail.contoso.com', 'mail.contoso.com', 'zh-CN'],
  ['请检查一下邮件服务器 mail.contoso.com。', 'mail.contoso.com', 'zh-CN'],
  ['check bücher.example', 'xn--bcher-kva.example', 'en'],
])('"%s" asks to check %s, in %s', (message, host, locale) => {
  const { understanding, answer } = ask(message);
  expect(understanding).toMatchObject({ intent: 'check', codes: [], details: { server: host } });
  expect(answer.locale).toBe(locale);
});

test('"verifica" is Spanish, Italian and Portuguese: the client locale decides among them', () => {
  expect(ask('verifica mail.contoso.com', { clientLocale: 'it-IT' }).answer.locale).toBe('it');
  expect(ask('verifica mail.contoso.com', { clientLocale: 'pt-BR' }).answer.locale).toBe('pt-BR');
  expect(ask('verifica mail.contoso.com', { clientLocale: 'de-DE' }).answer.locale).toBe('en');
});

test.each([
  'check',
  'check 4.4.316',
  'check this error: 450 4.4.316 Connection refused',
  'I checked mail.contoso.com and got 4.4.316',
  'mail.contoso.com',
  'check localhost',
  'check mail_server.contoso.com',
  'check mail.contoso.com:25',
  'check fe80::1%eth0',
  'what does check mean',
])('"%s" is not a request to check a server', (message) => {
  expect(ask(message).understanding.intent).not.toBe('check');
});

test('mailflow ask only says that the bots run the check, and how to run it from a terminal', () => {
  const { answer } = ask('check mail.contoso.com');
  expect(answer.title).toBe('Live check of a mail server');
  const blocks = answer.sections.flatMap((section) => section.blocks);
  expect(blocks).toContainEqual({
    kind: 'command',
    caption: 'From a terminal',
    command: 'npx mailflow check mail.contoso.com',
  });
});

test('any text: reading never throws, and a host it reads is a valid target', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 80 }), fc.domain(), (noise, domain) => {
      for (const text of [noise, `check ${noise}`, `check ${domain}${noise}`]) {
        const request = readCheckRequest(text);
        if (request) expect(parseCheckTarget(request.host)).toBeDefined();
      }
    }),
  );
});
