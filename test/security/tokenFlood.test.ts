/**
 * Finding 4, as memory: a flood of unsigned tokens, each naming a tenant never seen before, against
 * the server with a bot registration, in its own process. Every one is refused on its claims, before
 * botbuilder (whose issuer list grew by four entries per new tenant, never cleared), so the memory
 * stays flat and nothing is fetched from anywhere.
 */
import { randomUUID } from 'node:crypto';
import { personalMessage } from '../teams/support/activities';
import { rawRequest } from './support/rawRequest';
import { type ServerChild, startServerChild } from './support/serverProcess';

const FLOOD = 2_000;
const CONCURRENCY = 20;

let server: ServerChild;
beforeAll(async () => {
  server = await startServerChild({
    MicrosoftAppId: '00000000-0000-0000-0000-0000000000a1',
    MicrosoftAppPassword: 'not-a-real-secret',
  });
}, 30_000);
afterAll(() => server.stop());

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Unsigned, from an issuer of its own, naming a new tenant each time. */
const forged = () =>
  `Bearer ${part({ alg: 'RS256', kid: 'k' })}.${part({
    iss: 'https://forged.example/',
    tid: randomUUID(),
    aud: '00000000-0000-0000-0000-0000000000a1',
    exp: Math.floor(Date.now() / 1000) + 600,
  })}.c2lnbmF0dXJl`;

async function flood(count: number): Promise<number[]> {
  const body = JSON.stringify(
    personalMessage('4.4.316', { serviceUrl: 'https://smba.trafficmanager.net/emea/' }),
  );
  const statuses: number[] = [];
  const worker = async () => {
    while (statuses.length < count) {
      statuses.push(0);
      const response = await rawRequest(server.base, {
        path: '/api/messages',
        headers: { 'content-type': 'application/json', authorization: forged() },
        body,
      });
      statuses[statuses.indexOf(0)] = response.status;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return statuses;
}

test('floods of forged tokens with new tenants: all 401, the live heap flat, the process alive', async () => {
  // The first flood also loads code and fills caches that are full after it.
  await flood(FLOOD);
  const before = await server.liveHeapMb();
  const statuses = [...(await flood(FLOOD)), ...(await flood(FLOOD))];
  const after = await server.liveHeapMb();
  expect(new Set(statuses)).toEqual(new Set([401]));
  expect(server.exit()).toBeUndefined();
  // botframework-connector's issuer list alone grew about 0.4 MB per 1,000 such tokens.
  expect(after - before).toBeLessThan(1);
  expect(server.stray).toEqual([]);
}, 120_000);
