/**
 * Strangers' requests: malformed, unknown, oversized, random. Refused with the right 4xx, never a
 * 5xx, never a crash, and in local mode never a reply to a host other than this machine.
 */
import fc from 'fast-check';
import { personalMessage } from '../teams/support/activities';
import { useBothChannels } from './support/bothChannels';

const channels = useBothChannels();

const postRaw = async (body: string, contentType = 'application/json') => {
  const response = await fetch(`${channels.teams.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  return response.status;
};

describe('Teams endpoint', () => {
  test.each([
    ['malformed JSON', '{"type": "message", '],
    ['not an object', '[1, 2]'],
    ['an empty object', '{}'],
    [
      'an unknown activity type',
      JSON.stringify({ type: 'launchMissiles', serviceUrl: 'http://127.0.0.1:9/' }),
    ],
    ['no serviceUrl', JSON.stringify({ type: 'message', text: '4.4.316' })],
    [
      'no sender',
      JSON.stringify({ type: 'message', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c' } }),
    ],
  ])('%s is refused with 400', async (_name, body) => {
    expect(await postRaw(body)).toBe(400);
  });

  test('a body over the limit is refused with 413 before it is parsed', async () => {
    expect(await postRaw(`{"text":"${'a'.repeat(300 * 1024)}"}`)).toBe(413);
  });

  test('in local mode a serviceUrl off this machine is refused and never called', async () => {
    // 0.0.0.0 reaches this machine's stand-in on Linux, so a regression would show up as a call.
    const elsewhere = channels.teams.connector.url.replace('127.0.0.1', '0.0.0.0');
    const before = channels.teams.connector.calls.length;
    const { status } = await channels.teams.post(personalMessage('4.4.316', { serviceUrl: elsewhere }));
    expect(status).toBe(403);
    expect(channels.teams.connector.calls.length).toBe(before);
  });

  test('random bodies never get a 5xx', async () => {
    const activityLike = fc.record(
      {
        type: fc.constantFrom('message', 'invoke', 'conversationUpdate', 'event', 'typing', 'bogus'),
        serviceUrl: fc.constant(channels.teams.connector.url),
        text: fc.string({ maxLength: 200 }),
        value: fc.anything({ maxDepth: 2 }),
        conversation: fc.oneof(fc.constant(undefined), fc.record({ id: fc.string({ maxLength: 20 }) })),
        from: fc.oneof(fc.constant(undefined), fc.record({ id: fc.string({ maxLength: 20 }) })),
        recipient: fc.record({ id: fc.string({ maxLength: 20 }) }),
        locale: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 12 })),
        name: fc.constantFrom('composeExtension/query', 'adaptiveCard/action', 'x'),
      },
      { requiredKeys: ['type', 'serviceUrl'] },
    );
    const body = fc.oneof(
      fc.json().map((json) => json),
      activityLike.map((activity) => JSON.stringify(activity)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (raw) => {
        expect(await postRaw(raw)).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});

describe('Slack endpoint', () => {
  test('random signed bodies never get a 5xx', async () => {
    const contentType = fc.constantFrom(
      'application/json',
      'application/x-www-form-urlencoded',
      'text/plain',
    );
    const body = fc.oneof(
      fc.json(),
      fc.string({ maxLength: 300 }),
      fc
        .dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 30 }))
        .map((fields) => new URLSearchParams(fields).toString()),
      fc
        .record({ type: fc.constantFrom('event_callback', 'block_actions', 'x') })
        .map((json) => JSON.stringify(json)),
    );
    await fc.assert(
      fc.asyncProperty(body, contentType, async (raw, type) => {
        const response = await channels.slack.post(raw, type);
        await response.arrayBuffer();
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });

  test('random unsigned bodies are refused with 401', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json(), async (raw) => {
        const response = await channels.slack.post(raw, 'application/json', { unsigned: true });
        await response.arrayBuffer();
        expect(response.status).toBe(401);
      }),
      { numRuns: 20 },
    );
  });
});
