/**
 * The signing keys' cache, on a clock of the test's own: one fetch at a time, an unknown key fetches
 * again at most every five minutes, a failure is held for a few seconds, and keys already had are
 * kept when a later fetch fails.
 */
import {
  DEFAULT_OPEN_ID_KEYS_OPTIONS,
  OpenIdKeys,
  SigningKeysUnavailableError,
} from '../../bots/teams/http/openIdKeys';
import { type MetadataStandIn, startMetadataStandIn } from './support/botFrameworkAuth';

let metadata: MetadataStandIn;
beforeAll(async () => {
  metadata = await startMetadataStandIn();
});
afterAll(() => metadata.close());
beforeEach(() => {
  metadata.mode = 'answer';
  metadata.hangAfter(Number.POSITIVE_INFINITY);
});

/** The stand-in's key id: the `kid` of a token it signs. */
const standInKeyId = () =>
  JSON.parse(Buffer.from(metadata.token({}).split('.')[0] ?? '', 'base64url').toString()).kid as string;

function keysWithClock() {
  let now = 1_000_000;
  const keys = new OpenIdKeys(metadata.url, { ...DEFAULT_OPEN_ID_KEYS_OPTIONS, now: () => now });
  const advance = (ms: number) => {
    now += ms;
  };
  return { keys, advance };
}

const fetchesDuring = async (work: () => Promise<unknown>) => {
  const before = metadata.requests.length;
  await work();
  return metadata.requests.length - before;
};

test('concurrent lookups share one fetch; a known key needs none', async () => {
  const { keys } = keysWithClock();
  const kid = standInKeyId();
  expect(await fetchesDuring(() => Promise.all([keys.key(kid), keys.key(kid), keys.key(kid)]))).toBe(2);
  expect(await fetchesDuring(() => keys.key(kid))).toBe(0);
  expect(await keys.key(kid)).toBeDefined();
});

test('an unknown key fetches the set again at most every five minutes', async () => {
  const { keys, advance } = keysWithClock();
  await keys.key(standInKeyId());
  advance(6 * 60_000);
  expect(await fetchesDuring(() => keys.key('unknown'))).toBe(2);
  expect(await fetchesDuring(() => keys.key('unknown'))).toBe(0);
  expect(await keys.key('unknown')).toBeUndefined();
});

test('a failed fetch is held: lookups fail at once until the hold is over', async () => {
  const { keys, advance } = keysWithClock();
  metadata.mode = 'fail';
  await expect(keys.key(standInKeyId())).rejects.toBeInstanceOf(SigningKeysUnavailableError);
  expect(
    await fetchesDuring(() =>
      expect(keys.key(standInKeyId())).rejects.toBeInstanceOf(SigningKeysUnavailableError),
    ),
  ).toBe(0);
  metadata.mode = 'answer';
  advance(DEFAULT_OPEN_ID_KEYS_OPTIONS.failureHoldMs);
  expect(await keys.key(standInKeyId())).toBeDefined();
});

test('keys older than a day are fetched again, and kept if that fails', async () => {
  const { keys, advance } = keysWithClock();
  const kid = standInKeyId();
  await keys.key(kid);
  metadata.mode = 'fail';
  advance(DEFAULT_OPEN_ID_KEYS_OPTIONS.refreshMs);
  expect(await fetchesDuring(() => keys.key(kid))).toBe(1);
  expect(await keys.key(kid)).toBeDefined();
});
