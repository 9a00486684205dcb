/**
 * What a user may name as the server to check: a host name or an IP address, validated before
 * anything is looked up. Whether the address is one the bot may connect to is the network side's
 * decision (it depends on settings); this only decides what is well formed.
 */
import ipaddr from 'ipaddr.js';

export type CheckTarget =
  /** `host`: lower case, ASCII (an internationalized name in its xn-- form), no trailing dot. */
  | { kind: 'name'; host: string }
  /** `host`: as given, lower case; `address`: the plain form to connect to (`::ffff:a.b.c.d` → `a.b.c.d`). */
  | { kind: 'address'; host: string; address: string };

/** Longest host name DNS allows, in its textual form. */
const MAX_NAME_LENGTH = 253;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const ALL_DIGITS = /^\d+$/;
const ASCII = /^[\x21-\x7e]*$/;
/** Letters, digits, marks, dots and hyphens: what an internationalized domain name may be written with. */
const UNICODE_NAME = /^[\p{L}\p{N}\p{M}.\u3002\uff0e\uff61-]+$/u;

/** An address in the plain form a socket takes: IPv4-mapped IPv6 addresses as IPv4. */
export function plainAddress(address: ipaddr.IPv4 | ipaddr.IPv6): string {
  if (address.kind() === 'ipv4') return address.toString();
  const v6 = address as ipaddr.IPv6;
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address().toString() : v6.toRFC5952String();
}

/** An IP address literal (IPv6 with or without brackets), or `undefined`. Zone ids are refused. */
export function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (ipaddr.IPv4.isValidFourPartDecimal(bare)) return ipaddr.IPv4.parse(bare);
  if (!bare.includes('%') && ipaddr.IPv6.isValid(bare)) return ipaddr.IPv6.parse(bare);
  return undefined;
}

function toAscii(name: string): string | undefined {
  if (ASCII.test(name)) return name;
  if (!UNICODE_NAME.test(name)) return undefined;
  try {
    // The WHATWG URL parser applies IDNA (UTS #46): "bücher.example" → "xn--bcher-kva.example".
    return new URL(`http://${name}/`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * A host name fit for a DNS lookup: at least two labels of letters, digits and inner hyphens, the
 * last not all digits (so "127.1" or "4.4.316" is never taken for a name), at most 253 characters.
 */
export function parseHostName(text: string): string | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed.length === 0 || trimmed.length > MAX_NAME_LENGTH * 4) return undefined;
  const ascii = toAscii(trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed);
  if (ascii === undefined || ascii.length > MAX_NAME_LENGTH) return undefined;
  const labels = ascii.split('.');
  const last = labels.at(-1) ?? '';
  if (labels.length < 2 || ALL_DIGITS.test(last)) return undefined;
  return labels.every((label) => LABEL.test(label)) ? ascii : undefined;
}

/** The target named by `text`, or `undefined` when it is neither a host name nor an IP address. */
export function parseCheckTarget(text: string): CheckTarget | undefined {
  const trimmed = text.trim().toLowerCase();
  const address = parseAddress(trimmed);
  if (address) {
    const host = trimmed.startsWith('[') ? trimmed.slice(1, -1) : trimmed;
    return { kind: 'address', host, address: plainAddress(address) };
  }
  const host = parseHostName(trimmed);
  return host === undefined ? undefined : { kind: 'name', host };
}
