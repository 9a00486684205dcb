/** AES-256-GCM sealing of Slack installations. */
import { Sealer, Secret } from '../../../bots/runtime/state/sealing';

const keyOf = (byte: number) => ({ source: 'key', key: new Secret(Buffer.alloc(32, byte)) }) as const;

async function sealer(source: Parameters<typeof Sealer.fromSource>[0]): Promise<Sealer> {
  const made = await Sealer.fromSource(source);
  if (!made) throw new Error('no sealer');
  return made;
}

test('what is sealed opens with the same key and the same installation key, and only so', async () => {
  const a = await sealer(keyOf(1));
  const b = await sealer(keyOf(2));
  const sealed = a.seal('{"bot":{"token":"xoxb-1"}}', 'slack-installation:team:T1');
  expect(sealed).not.toContain('xoxb');
  expect(a.open(sealed, 'slack-installation:team:T1')).toBe('{"bot":{"token":"xoxb-1"}}');
  expect(b.open(sealed, 'slack-installation:team:T1')).toBeUndefined();
  // Copied under another workspace's key, it does not open.
  expect(a.open(sealed, 'slack-installation:team:T2')).toBeUndefined();
});

test('each seal is different, and an altered byte anywhere makes it unreadable', async () => {
  const a = await sealer(keyOf(1));
  const first = a.seal('same text', 'k');
  expect(a.seal('same text', 'k')).not.toBe(first);
  const bytes = Buffer.from(first.slice(3), 'base64');
  for (let index = 0; index < bytes.length; index++) {
    const altered = Buffer.from(bytes);
    altered[index] = (altered[index] ?? 0) ^ 0x01;
    expect(a.open(`v1.${altered.toString('base64')}`, 'k')).toBeUndefined();
  }
  expect(a.open('v2.whatever', 'k')).toBeUndefined();
  expect(a.open('not sealed at all', 'k')).toBeUndefined();
});

test('a key derived from SLACK_STATE_SECRET is the same on every replica, and differs per secret', async () => {
  const one = await sealer({ source: 'secret', secret: new Secret('a shared passphrase') });
  const two = await sealer({ source: 'secret', secret: new Secret('a shared passphrase') });
  const other = await sealer({ source: 'secret', secret: new Secret('another passphrase') });
  const sealed = one.seal('text', 'k');
  expect(two.open(sealed, 'k')).toBe('text');
  expect(other.open(sealed, 'k')).toBeUndefined();
});

test('without a key there is no sealer', async () => {
  expect(await Sealer.fromSource({ source: 'none' })).toBeUndefined();
});
