import { normalizeMessage } from '../../core/understand/normalize';
import { findStatusCodes } from '../../core/understand/statusCodes';

const codesIn = (text: string) => findStatusCodes(normalizeMessage(text)).map((mention) => mention.code);

describe('codes in the forms people write them', () => {
  test.each([
    ['4.4.316', ['4.4.316']],
    ['450 4.4.316', ['4.4.316']],
    ['#4.4.316.', ['4.4.316']],
    ['error `450 4.4.316 Connection refused`', ['4.4.316']],
    ['what does 4.4.316 mean?', ['4.4.316']],
    ['(4.7.320)', ['4.7.320']],
    ['４.４.３１６', ['4.4.316']],
    ['４．４．３１６', ['4.4.316']],
    ['550 5.4.316 Message expired, connection refused(Socket error code 10061)', ['5.4.316']],
    ['4.4.312 and 4.4.315, then 4.7.320', ['4.4.312', '4.4.315', '4.7.320']],
    ['550-5.7.1 denied', ['5.7.1']],
    ['status=4.4.7', ['4.4.7']],
    ['"5.7.3"', ['5.7.3']],
    ['Status:4.4.316', ['4.4.316']],
    ['LED=450 4.7.320 Certificate validation failed', ['4.7.320']],
    ['为什么会出现4.4.316错误', ['4.4.316']],
    ['4.4.317오류가 납니다', ['4.4.317']],
    ['ошибка4.4.312', ['4.4.312']],
    ['コネクタで4.4.318が出ます', ['4.4.318']],
  ])('%s', (text, expected) => {
    expect(codesIn(text)).toEqual(expected);
  });
});

describe('never a code read out of something else', () => {
  test.each([
    ['an IP address', '192.0.2.1'],
    ['an IP address ending like a code', '10.4.4.316'],
    ['an IP with a port', 'LastAttemptedIP=192.0.4.4:25'],
    ['a version with a v', 'v2.4.1'],
    ['a version word', 'version 5.4.1'],
    ['a Spanish version word', 'versión 4.4.7'],
    ['a Polish version word', 'wersja 2.0.1'],
    ['a four-part version', '5.4.316.1'],
    ['a date', 'on 4.11.2026'],
    ['a year-long detail', '4.4.2026'],
    ['a port', ':25'],
    ['a build number', 'build 4.4.316'],
    ['part of a word', 'abc4.4.316'],
    ['part of a word ending in an accented letter', 'café4.4.316'],
    ['a decimal', '4.4'],
    ['class 3', '3.4.316'],
    ['subject 8', '4.8.316'],
    ['a four-digit detail', '4.4.3160'],
    ['TLS version', 'TLS 1.2'],
    ['a Chinese version word', '版本 4.4.316'],
    ['a Chinese version word without a space', '版本4.4.316'],
  ])('%s: %s', (_name, text) => {
    expect(codesIn(text)).toEqual([]);
  });
});

describe('codes quoted inside other codes', () => {
  test('the remote server reply inside a connector error', () => {
    const mentions = findStatusCodes(
      '450 4.4.317 Cannot connect to remote server [Message=451 5.7.3 STARTTLS is required]',
    );
    expect(mentions).toEqual([
      { code: '4.4.317' },
      { code: '5.7.3', relation: { kind: 'remoteReply', outer: '4.4.317' } },
    ]);
  });

  test('the cause inside an expiry', () => {
    const mentions = findStatusCodes(
      '550 4.4.7 QUEUE.Expired; message expired [Message=450 4.4.316 Connection refused]',
    );
    expect(mentions).toEqual([
      { code: '4.4.7' },
      { code: '4.4.316', relation: { kind: 'cause', outer: '4.4.7' } },
    ]);
  });

  test('codes on separate lines stand on their own', () => {
    const mentions = findStatusCodes(
      "returned '550 5.4.316 Message expired'\nreturned '450 4.4.316 Connection refused [Message=Socket error code 10061]'",
    );
    expect(mentions).toEqual([{ code: '5.4.316' }, { code: '4.4.316' }]);
  });

  test('a quote opened on an earlier line does not carry over', () => {
    const mentions = findStatusCodes('4.4.317 [Message=\n5.7.3');
    expect(mentions).toEqual([{ code: '4.4.317' }, { code: '5.7.3' }]);
  });
});
