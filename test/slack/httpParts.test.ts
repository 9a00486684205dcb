/** The receiver's parts: parsing by content type and the verdict around Bolt's signature check. */
import { parseSlackBody } from '../../bots/slack/http/parse';
import { verifyRequest } from '../../bots/slack/http/verify';
import { signature } from './support/slackServer';

describe('parseSlackBody', () => {
  test.each([
    [
      'an event (JSON)',
      '{"type":"event_callback","event_id":"Ev1"}',
      'application/json',
      { type: 'event_callback', event_id: 'Ev1' },
    ],
    ['JSON with a charset', '{"a":1}', 'application/json; charset=utf-8', { a: 1 }],
    [
      'a slash command (form)',
      'command=%2Fmailflow&text=4.4.316+now',
      'application/x-www-form-urlencoded',
      { command: '/mailflow', text: '4.4.316 now' },
    ],
    [
      'an interaction (payload= JSON)',
      `payload=${encodeURIComponent('{"type":"block_actions"}')}`,
      'application/x-www-form-urlencoded',
      { type: 'block_actions' },
    ],
  ])('%s', (_name, raw, contentType, expected) => {
    expect(parseSlackBody(raw, contentType)).toEqual({ ok: true, body: expected });
  });

  test.each([
    ['malformed JSON', '{', 'application/json'],
    ['a JSON array', '[1]', 'application/json'],
    ['a malformed payload', 'payload=%7B', 'application/x-www-form-urlencoded'],
    ['another content type', 'a=1', 'text/plain'],
    ['no content type', '{}', undefined],
  ])('refuses %s', (_name, raw, contentType) => {
    expect(parseSlackBody(raw, contentType).ok).toBe(false);
  });
});

describe('verifyRequest', () => {
  const secret = 'shh';
  const body = 'command=%2Fmailflow';
  const now = 1_800_000_000_000;
  const at = (seconds: number) => ({
    'x-slack-request-timestamp': String(seconds),
    'x-slack-signature': signature(body, seconds, secret),
  });

  test('accepts a fresh, correct signature', () => {
    expect(verifyRequest(secret, body, at(now / 1000 - 10), now)).toEqual({ ok: true });
  });

  test.each([
    ['no headers', {}],
    ['a stale timestamp', at(now / 1000 - 5 * 60 - 1)],
    ['a future timestamp', at(now / 1000 + 5 * 60 + 1)],
    ['another body', { ...at(now / 1000), 'x-slack-signature': signature('text=x', now / 1000, secret) }],
    ['a repeated header', { ...at(now / 1000), 'x-slack-signature': [signature(body, now / 1000, secret)] }],
  ])('refuses %s', (_name, headers) => {
    expect(verifyRequest(secret, body, headers, now).ok).toBe(false);
  });
});
