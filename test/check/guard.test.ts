/** The guard: which addresses a check may connect to (OWASP SSRF guidance), as a table. */
import fc from 'fast-check';
import { decideAddress } from '../../bots/check/guard';

test.each([
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['10.1.2.3', 'private'],
  ['172.16.0.1', 'private'],
  ['192.168.1.1', 'private'],
  ['169.254.169.254', 'linkLocal'],
  ['100.64.0.1', 'carrierGradeNat'],
  ['0.0.0.0', 'unspecified'],
  ['224.0.0.1', 'multicast'],
  ['255.255.255.255', 'broadcast'],
  ['192.0.2.10', 'reserved'],
  ['198.51.100.7', 'reserved'],
  ['203.0.113.9', 'reserved'],
  ['240.0.0.1', 'reserved'],
  ['::1', 'loopback'],
  ['::', 'unspecified'],
  ['fe80::1', 'linkLocal'],
  ['fd00::25', 'uniqueLocal'],
  ['ff02::1', 'multicast'],
  ['2001:db8::25', 'reserved'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:10.0.0.1', 'private'],
  ['::ffff:a9fe:a9fe', 'linkLocal'],
  ['64:ff9b::7f00:1', 'rfc6052'],
  ['64:ff9b::a9fe:a9fe', 'rfc6052'],
  ['2002:7f00:1::1', '6to4'],
  ['2001::1', 'teredo'],
])('refuses %s (%s)', (address, range) => {
  expect(decideAddress(address, false)).toMatchObject({ allowed: false, range });
});

test.each([
  ['8.8.8.8', '8.8.8.8'],
  ['52.96.0.1', '52.96.0.1'],
  ['2606:4700:4700::1111', '2606:4700:4700::1111'],
  ['2606:4700:4700:0:0:0:0:1111', '2606:4700:4700::1111'],
  // An IPv4-mapped address is connected to as the IPv4 address it is.
  ['::ffff:8.8.8.8', '8.8.8.8'],
])('allows the public address %s, connecting to %s', (address, plain) => {
  expect(decideAddress(address, false)).toEqual({ allowed: true, address: plain });
});

test('CHECK_ALLOW_PRIVATE_ADDRESSES=true lets loopback and private addresses through, never the unconnectable', () => {
  for (const address of ['127.0.0.1', '::1', '10.0.0.1', 'fd00::1', '::ffff:127.0.0.1'])
    expect(decideAddress(address, true).allowed).toBe(true);
  expect(decideAddress('::ffff:127.0.0.1', true)).toEqual({ allowed: true, address: '127.0.0.1' });
  for (const address of ['0.0.0.0', '::', '224.0.0.1', '255.255.255.255'])
    expect(decideAddress(address, true).allowed).toBe(false);
});

test('what is not an address is refused', () => {
  for (const text of ['', 'localhost', '127.1', '0x7f000001', '2130706433', '017.0.0.1', 'fe80::1%eth0'])
    expect(decideAddress(text, false).allowed).toBe(false);
});

/** Any address in a refused IPv4 block, written as IPv4 or as IPv4-mapped IPv6. */
const refusedIpv4 = fc
  .tuple(
    fc.constantFrom([10], [127], [169, 254], [192, 168], [172, 16], [100, 64], [0]),
    fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }),
  )
  .map(([prefix, rest]) => [...prefix, ...rest].slice(0, 4).join('.'));

test('no address in a refused block gets through, in either notation', () => {
  fc.assert(
    fc.property(refusedIpv4, (address) => {
      expect(decideAddress(address, false).allowed).toBe(false);
      expect(decideAddress(`::ffff:${address}`, false).allowed).toBe(false);
    }),
  );
});
