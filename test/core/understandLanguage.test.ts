/** The language a message shows: the user's own words, told apart from what they pasted by span. */
import { ask } from '../../core';
import { understand } from '../../core/understand';
import type { LanguageModel } from '../../core/understand/languageModel';

const answerLocale = (text: string, clientLocale?: string) =>
  ask(text, clientLocale ? { clientLocale } : {}).answer.locale;

describe('the user’s words inside a line with pasted error text', () => {
  test.each([
    ['me sale 451 4.4.317, qué es?', 'es'],
    ['fila parada com: 450 4.4.315 Connection timed out, o que houve?', 'pt-BR'],
    [
      "dostałem NDR: Remote Server returned '550 5.4.315 Message expired, connection timed out', co to?",
      'pl',
    ],
    ['日志显示：450 4.4.318 Connection closed abruptly', 'zh-CN'],
    ['in coda vedo: 450 4.4.316 Connection refused, che vuol dire?', 'it'],
  ])('%s → %s, whatever the client', (text, locale) => {
    expect(answerLocale(text, 'en-US')).toBe(locale);
  });

  test('an English error line alone shows no language: the client’s locale answers', () => {
    expect(answerLocale('450 4.4.316 Connection refused', 'pl-PL')).toBe('pl');
  });

  test('an English question above a localized paste is English', () => {
    const paste = [
      'Falha na entrega para estes destinatários ou grupos:',
      'user@contoso.com',
      'Informações de diagnóstico para administradores:',
      "Servidor remoto retornou '550 5.4.316 Message expired, connection refused'",
    ].join('\n');
    expect(answerLocale(`why are we getting this?\n${paste}`, 'pt-BR')).toBe('en');
  });

  test('a localized report shows its language', () => {
    const paste = [
      'Información de diagnóstico para administradores:',
      'Servidor de generación: AM0PR02MB5603.eurprd02.prod.outlook.com',
      "Servidor remoto devuelto '550 4.4.7 QUEUE.Expired; message expired [Message=450 4.4.315 Connection timed out]'",
    ].join('\n');
    expect(answerLocale(paste, 'en-US')).toBe('es');
  });
});

describe('scripts and languages outside the six', () => {
  test.each([
    ['Japanese kana is not Chinese', '4.4.316 のエラーは何ですか', 'it-IT', 'it'],
    ['Traditional Chinese is answered in Simplified', '4.4.316 的錯誤是什麼意思？', 'en-US', 'zh-CN'],
    ['French is none of ours', "que signifie l'erreur 4.4.316 ?", 'es-ES', 'es'],
    ['Russian is none of ours', 'что означает ошибка 4.4.316?', 'pl-PL', 'pl'],
    ['German with a word English has too', 'hallo, was kannst du?', 'it-IT', 'it'],
    ['a language asked for that is none of ours', 'réponds en français', 'pl-PL', 'pl'],
  ])('%s', (_name, text, clientLocale, locale) => {
    expect(answerLocale(text, clientLocale)).toBe(locale);
  });

  test.each([
    ['4.4.316 とは何ですか', 'explain'],
    ['4.7.320 を直すにはどうすればいいですか', 'fix'],
    ['comment corriger 4.7.320 ?', 'fix'],
    ['wie behebe ich 4.4.315?', 'fix'],
    ['как исправить 4.4.312?', 'fix'],
    ['hoe los ik 4.4.316 op?', 'fix'],
    ['4.4.312 오류 해결 방법', 'fix'],
    ['bonjour', 'help'],
    ['привет', 'help'],
    ['welche Codes kennst du?', 'list'],
    ['antworte bitte auf Deutsch', 'language'],
  ])('what is asked in another language: %s → %s', (text, intent) => {
    expect(understand(text).intent).toBe(intent);
  });

  test('a language none of ours, asked for, names none of ours', () => {
    expect(understand('réponds en français').requestedLocale).toBeUndefined();
    expect(understand('lang es').requestedLocale).toBe('es');
  });
});

describe('chat slang and missing accents', () => {
  test.each([
    ['alguém sabe oq é 4.4.318?', 'pt-BR'],
    ['o q significa 4.7.320 gnt', 'pt-BR'],
    ['ke significa 4.4.312 xfa', 'es'],
    ['4.4.316, che si fa?', 'it'],
    ['co znaczy blad 4.4.316', 'pl'],
  ])('%s → %s', (text, locale) => {
    expect(answerLocale(text)).toBe(locale);
  });
});

describe('thresholds: a language is taken only where the text shows it', () => {
  const modelSaying = (scores: Record<string, number>): LanguageModel => ({
    predict: () => new Map(Object.entries(scores)),
  });

  test('a confident model decides words that have no cue', () => {
    const languageModel = modelSaying({ it: 0.9, es: 0.05 });
    expect(understand('sistemare adesso', { languageModel }).writtenIn).toBe('it');
  });

  test('two close languages show neither: the client’s locale decides', () => {
    const languageModel = modelSaying({ es: 0.45, pt: 0.4 });
    expect(understand('lista completa', { languageModel }).writtenIn).toBeUndefined();
  });

  test('another language the model is sure of shows none of the six', () => {
    const languageModel = modelSaying({ fr: 0.95 });
    expect(understand('le serveur refuse', { languageModel }).writtenIn).toBeUndefined();
  });

  test('cue words that all point one way decide without the model', () => {
    const languageModel: LanguageModel = {
      predict: () => {
        throw new Error('not asked');
      },
    };
    expect(understand('co oznacza 4.4.316?', { languageModel }).writtenIn).toBe('pl');
  });
});
