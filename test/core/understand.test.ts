import { ask, translatorFor } from '../../core';
import { understand } from '../../core/understand';
import { PASTES } from '../support/pastes';

describe('the language a question is written in', () => {
  test.each([
    ['what does 4.4.316 mean?', 'en'],
    ['¿qué significa 4.4.316?', 'es'],
    ['o que significa 4.4.316?', 'pt-BR'],
    ['4.4.316 是什么意思？', 'zh-CN'],
    ['cosa significa 4.4.316?', 'it'],
    ['co oznacza 4.4.316?', 'pl'],
    ['el conector da conexión rechazada', 'es'],
    ['como resolver o erro 4.4.316?', 'pt-BR'],
    ['come risolvo l’errore 4.7.320?', 'it'],
    ['jak naprawić błąd 4.4.318?', 'pl'],
    ['如何修复 4.4.317 错误', 'zh-CN'],
    ['estamos recibiendo 4.4.316 desde ayer', 'es'],
    ['stiamo ricevendo 4.4.318 da ieri', 'it'],
    ['dostajemy 4.4.315 od wczoraj', 'pl'],
    ['estamos recebendo 4.7.320 desde ontem', 'pt-BR'],
  ])('%s → %s', (text, locale) => {
    expect(understand(text).writtenIn).toBe(locale);
  });

  test.each([
    ['a bare code', '4.4.316'],
    ['a pasted error line', '450 4.4.316 Connection refused'],
    ['a pasted LED reason', PASTES.ledReason],
    ['a pasted NDR', PASTES.ndr],
  ])('%s shows no language', (_name, text) => {
    expect(understand(text).writtenIn).toBeUndefined();
  });

  test('a question above a pasted English NDR shows the question’s language', () => {
    expect(understand(`¿por qué me llega esto?\n${PASTES.ndr}`).writtenIn).toBe('es');
  });
});

describe('symptoms without a code', () => {
  test.each([
    ['the firewall blocks Microsoft 365', '4.4.316'],
    ['our server keeps refusing connections from Exchange Online', '4.4.316'],
    ['el conector da conexión rechazada', '4.4.316'],
    ['la conexión fue rechazada', '4.4.316'],
    ['连接被拒绝', '4.4.316'],
    ['a conexão foi recusada pelo servidor', '4.4.316'],
    ['la connessione viene rifiutata', '4.4.316'],
    ['połączenie zostało odrzucone', '4.4.316'],
    ['el certificado del smart host caducó', '4.7.320'],
    ['o certificado do servidor expirou', '4.7.320'],
    ['il certificato è scaduto', '4.7.320'],
    ['certyfikat wygasł', '4.7.320'],
    ['证书过期了', '4.7.320'],
    ['the DNS lookup for the smart host fails', '4.4.312'],
    ['connection timed out to our on-prem server', '4.4.315'],
    ['the server says STARTTLS is required', '4.4.317'],
    ['the connection was closed abruptly', '4.4.318'],
    ['what does Fix now do?', '4.4.316'],
    ['should I switch the accepted domain to Authoritative?', '4.4.316'],
  ])('%s → %s', (text, code) => {
    expect(understand(text).codes.map((mention) => mention.code)).toEqual([code]);
  });

  test('a written code wins over a described symptom', () => {
    expect(understand('4.4.318 but the certificate is fine').codes).toEqual([{ code: '4.4.318' }]);
  });
});

describe('what the user wants', () => {
  test.each([
    ['4.4.316', 'explain'],
    ['what does 4.4.316 mean?', 'explain'],
    ['how do I fix 4.4.316?', 'fix'],
    ['how do I fix it?', 'fix'],
    ['¿y cómo lo arreglo?', 'fix'],
    ['e como eu resolvo isso?', 'fix'],
    ['怎么修复？', 'fix'],
    ['come lo risolvo?', 'fix'],
    ['jak to naprawić?', 'fix'],
    ['list', 'list'],
    ['which codes do you know?', 'list'],
    ['help', 'help'],
    ['hello', 'help'],
    ['lang pl', 'language'],
    ['language', 'language'],
    ['answer in Spanish', 'language'],
    ['asdfgh', 'unknown'],
    ['', 'unknown'],
  ])('%s → %s', (text, intent) => {
    expect(understand(text).intent).toBe(intent);
  });

  test.each([
    ['lang pl', 'pl'],
    ['language pt-BR', 'pt-BR'],
    ['/mailflow lang zh', 'zh-CN'],
    ['answer in Spanish', 'es'],
    ['responde en español', 'es'],
    ['rispondi in italiano', 'it'],
    ['passa all’italiano', 'it'],
    ['odpowiadaj po polsku', 'pl'],
  ])('%s asks for %s', (text, locale) => {
    expect(understand(text)).toMatchObject({ intent: 'language', requestedLocale: locale });
  });

  test.each([
    'lang auto',
    '/mailflow lang auto',
    'language automatic',
    'idioma automático',
    'idioma automático, por favor',
    '语言 自动',
    'lingua automatica',
    'język automatycznie',
    'język domyślny',
  ])('%s asks for the language to be chosen automatically again', (text) => {
    expect(understand(text)).toMatchObject({ intent: 'language', requestedLocale: 'automatic' });
  });

  test('a named language wins over the word for automatic', () => {
    expect(understand('lang auto pl').requestedLocale).toBe('pl');
    expect(understand('answer in Spanish by default').requestedLocale).toBe('es');
  });
});

describe('what the user wants, in everyday words', () => {
  test.each([
    ['cómo cambio el dominio aceptado a Autoritativo', 'fix', ['4.4.316']],
    ['jak zmienić domenę akceptowaną na autorytatywną?', 'fix', ['4.4.316']],
    ['co mam z tym zrobić 4.4.312', 'fix', ['4.4.312']],
    ['e agora, faço o quê? continua dando 4.4.315', 'fix', ['4.4.315']],
    ['4.4.318 该怎么处理？', 'fix', ['4.4.318']],
    ['after how many hours does Exchange Online give up on a queued message?', 'explain', []],
    ['¿cuántas horas reintenta Microsoft 365 antes de devolver el mensaje?', 'explain', []],
    ["who's bringing coffee?", 'unknown', []],
    ['今天午饭吃什么？', 'unknown', []],
  ])('%s → %s', (text, intent, codes) => {
    const understood = understand(text);
    expect(understood.intent).toBe(intent);
    expect(understood.codes.map((mention) => mention.code)).toEqual(codes);
  });

  test('the words of a pasted report are not the user’s intent', () => {
    const ndr = [
      'Your message to sam@fabrikam.com couldn’t be delivered.',
      'How to Fix It',
      'Try sending the message again later.',
      'More Info for Email Admins',
      'Status code: 550 5.7.320',
    ].join('\n');
    expect(understand(ndr).intent).toBe('explain');
  });

  test.each([
    ['lang auto', 'automatic'],
    ['language pt_br', 'pt-BR'],
    ['改成意大利语', 'it'],
  ])('%s is a language command', (text, requestedLocale) => {
    const understood = understand(text);
    expect(understood.intent).toBe('language');
    expect(understood.requestedLocale).toBe(requestedLocale);
  });
});

describe('the answer language follows CONTRACT.md', () => {
  test('the language command is answered in the language it chooses', () => {
    expect(ask('lang pl', { chosenLocale: 'it', clientLocale: 'es-ES' }).answer.locale).toBe('pl');
  });
  test('"lang auto" is answered by the rules, as if no language had been chosen', () => {
    const reply = ask('lang auto', { chosenLocale: 'it', clientLocale: 'es-ES' });
    expect(reply.answer.locale).toBe('es');
    expect(reply.answer.summary).toBe(translatorFor('es').text('language.automatic'));
    expect(ask('język automatycznie', { chosenLocale: 'it' }).answer.locale).toBe('pl');
  });
  test('a stored choice wins over the question’s language', () => {
    expect(ask('¿qué significa 4.4.316?', { chosenLocale: 'it' }).answer.locale).toBe('it');
  });
  test('the question’s language wins over the client locale', () => {
    expect(ask('what does 4.4.316 mean?', { clientLocale: 'pl-PL' }).answer.locale).toBe('en');
  });
  test('a bare code takes the client locale, mapped', () => {
    expect(ask('4.4.316', { clientLocale: 'pt-PT' }).answer.locale).toBe('pt-BR');
    expect(ask('4.4.316', { clientLocale: 'zh_TW' }).answer.locale).toBe('zh-CN');
    expect(ask('4.4.316', { clientLocale: 'es-MX' }).answer.locale).toBe('es');
  });
  test('an unknown client locale falls back to English', () => {
    expect(ask('4.4.316', { clientLocale: 'de-DE' }).answer.locale).toBe('en');
    expect(ask('4.4.316').answer.locale).toBe('en');
  });
});

describe('what a paste tells about the failed delivery', () => {
  test('the current LED form', () => {
    expect(understand(PASTES.ledReason)).toMatchObject({
      codes: [{ code: '4.7.320' }],
      details: { server: 'mail.contoso.com', ip: '192.0.2.1', port: 25, remoteReply: 'SubjectMismatch' },
    });
  });
  test('the older form with FQDN and IP only', () => {
    expect(understand(PASTES.olderReason).details).toEqual({
      server: 'smtp.fabrikam.com',
      ip: '198.51.100.7',
    });
  });
  test('an NDR names the destination, not Microsoft’s own server', () => {
    expect(understand(PASTES.ndr)).toMatchObject({
      intent: 'explain',
      codes: [{ code: '5.4.316' }, { code: '4.4.316' }],
      details: {
        server: 'mail.contoso.com',
        ip: '192.0.2.10',
        port: 25,
        remoteReply: 'Socket error code 10061',
      },
    });
  });
  test('a sending MTA log', () => {
    expect(understand(PASTES.postfix)).toMatchObject({
      codes: [{ code: '4.4.316' }],
      details: { server: 'mail.contoso.com', ip: '192.0.2.44', port: 2525 },
    });
  });
  test('IPv6', () => {
    expect(understand(PASTES.ipv6).details).toEqual({ server: 'mail.contoso.com', ip: '2001:db8::25' });
  });
  test('a remote server reply quoted in a connector error', () => {
    expect(understand(PASTES.starttls)).toMatchObject({
      codes: [{ code: '4.4.317' }, { code: '5.7.3', relation: { kind: 'remoteReply', outer: '4.4.317' } }],
      details: {
        server: 'mx.contoso.com',
        ip: '192.0.2.25',
        port: 25,
        remoteReply: '451 5.7.3 STARTTLS is required to send mail',
      },
    });
  });
  test('an out-of-range address is not reported', () => {
    expect(understand('{FQDN=mail.contoso.com};{IP=999.1.1.1}').details).toEqual({
      server: 'mail.contoso.com',
    });
  });
});
