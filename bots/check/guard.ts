/**
 * Where a check may connect (OWASP's SSRF guidance): the bot connects wherever a stranger tells it
 * to, so every address, whether typed or resolved, is checked before any connection, and the
 * connection goes to the address that was checked. Only public unicast addresses pass: ipaddr.js's
 * `unicast` range, which leaves out loopback, private, link-local (cloud metadata), shared (CGN),
 * multicast, reserved and documentation ranges and the IPv6 forms that embed an IPv4 address
 * (NAT64, 6to4, Teredo). IPv4-mapped IPv6 addresses are judged as the IPv4 address they are.
 */
import ipaddr from 'ipaddr.js';
import { parseAddress, plainAddress } from '../../core/check/target';

export type AddressDecision =
  /** `address`: the plain form to connect to. */
  | { allowed: true; address: string }
  /** `range`: ipaddr.js's name for the range that refused it (`loopback`, `private`, …). */
  | { allowed: false; address: string; range: string };

/** Public IPv6 unicast is 2000::/3; an "unicast" address outside it (::a.b.c.d, say) is not a mail server. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
/** Never a TCP peer, whatever the settings allow. */
const NEVER: ReadonlySet<string> = new Set(['unspecified', 'broadcast', 'multicast']);

function normalized(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress())
    return (address as ipaddr.IPv6).toIPv4Address();
  return address;
}

/** Whether the check may connect to `text`; `allowPrivate` is CHECK_ALLOW_PRIVATE_ADDRESSES. */
export function decideAddress(text: string, allowPrivate: boolean): AddressDecision {
  const parsed = parseAddress(text);
  if (!parsed) return { allowed: false, address: text, range: 'invalid' };
  const address = normalized(parsed);
  const plain = plainAddress(address);
  const range = address.range();
  if (NEVER.has(range)) return { allowed: false, address: plain, range };
  if (allowPrivate) return { allowed: true, address: plain };
  const globalV6 = address.kind() === 'ipv4' || address.match(GLOBAL_UNICAST_V6);
  if (range !== 'unicast' || !globalV6)
    return { allowed: false, address: plain, range: range === 'unicast' ? 'nonGlobal' : range };
  return { allowed: true, address: plain };
}
