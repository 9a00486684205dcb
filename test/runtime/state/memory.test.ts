/** The memory backend (`STATE_URL=memory:`): the contract, and its bound. */
import { openStateStore, parseStateSettings } from '../../../bots/runtime/state';
import { MemoryBackend } from '../../../bots/runtime/state/memoryBackend';
import { captureLogger } from '../../support/captureLogger';
import { stateContract } from './contract';

const ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

stateContract('memory', { shared: false, raw: false }, async () => ({
  open: async () => {
    const result = parseStateSettings({ STATE_URL: 'memory:', STATE_ENCRYPTION_KEY: ENCRYPTION_KEY }, '/');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return openStateStore(result.settings, { logger: captureLogger().logger });
  },
  cleanup: async () => {},
}));

test('memory stays bounded: past the limit the oldest writes go first', async () => {
  const backend = new MemoryBackend({ maxEntries: 100 });
  for (let i = 0; i < 1_000; i++) {
    await backend.write('languageChoice', `slack:T1:U${i}`, '"pl"', 60_000);
    await backend.takeEach([{ key: `message:u:slack:T1:U${i}`, limit: { burst: 10, perSecond: 0.5 } }]);
  }
  // Values and buckets are bounded apart; past the bound the oldest hundredth goes at once.
  expect(backend.size).toBeLessThanOrEqual(200);
  expect(backend.size).toBeGreaterThanOrEqual(198);
  expect(await backend.read('languageChoice', 'slack:T1:U0')).toBeUndefined();
  expect(await backend.read('languageChoice', 'slack:T1:U999')).toMatchObject({ text: '"pl"' });
});
