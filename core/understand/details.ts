/**
 * Reads the destination server, its IP address and port, and the remote server's own words out of
 * a pasted queue entry, message trace detail, NDR or MTA log, in the forms Exchange Online, Exchange
 * Server, Postfix, Sendmail, Exim and the big mail providers write them (and as people retype them).
 * Each pattern is anchored on a literal and uses only bounded character classes, so a failed match
 * costs a bounded amount per position.
 */
import { CONTENT } from '../content';
import { LOCALES } from '../locales';
import { afterMatch, globalMatchFrom, hostFirstMatchFrom } from './patternMatches';

export interface PastedDetails {
  /** Destination (or last attempted) host name, in lower case. */
  server?: string;
  /** IP address, without the port. */
  ip?: string;
  port?: number;
  /** What the remote server answered, as quoted in `[Message=…]` or `{MSG=…}`. */
  remoteReply?: string;
}

/** A host name, read from its first label only: a match never starts inside another name. */
const HOST = '(?<![\\w.@-])([a-z0-9](?:[a-z0-9-]{0,62}\\.){1,8}[a-z]{2,63})\\.?';
const IPV4 = '(\\d{1,3}(?:\\.\\d{1,3}){3})';
const IPV6 = '([0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})';
const IP = `(?:${IPV4}|\\[?${IPV6}\\]?)`;
const PORT = '(\\d{1,5})';
/** Separator between a field's name and its value: `=`, `:`, with or without spaces. */
const IS = ' {0,5}[=:] {0,5}';
/** An address in parentheses after a host name, where there is one: "mail.contoso.com (192.0.2.10)". */
const IP_IN_PARENTHESES = `(?: {0,3}[(（]${IP}[)）])?`;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * How reports name the remote server in each language (`remoteServer` in `understand.json`), then
 * up to three words ("at", "en", "pod adresem", "IP address") and a separator, before its name.
 */
const REMOTE_SERVER_PHRASES = LOCALES.flatMap((locale) =>
  CONTENT[locale].understand.remoteServer
    .split('|')
    .map((phrase) => phrase.trim().toLowerCase().split(/\s+/)),
);
const REMOTE_SERVER = REMOTE_SERVER_PHRASES.map((words) => words.map(escapeRegExp).join(' {1,3}')).join('|');
/** Each phrase with single spaces: a text that holds none (most) is not searched for them at all. */
const REMOTE_SERVER_LITERALS = REMOTE_SERVER_PHRASES.map((words) => words.join(' '));
/** A word between the phrase and the name: letters, no digits, dots or quotes. */
const FILLER_WORD = `[^\\s\\d.,:=()'"“”‘’（）]{1,15}`;
const NAMED_REMOTE_SERVER = `(?:${REMOTE_SERVER})(?:[ \\t]{1,3}${FILLER_WORD}){0,3}(?: {0,5}[=:：])? {0,5}`;
const QUOTES = ["'", '"', '“', '‘', '«'];
const CONNECTED_TO = [
  'connect to',
  'connected to',
  'connecting to',
  'connection to',
  'connect with',
  'connection with',
];

/** Groups a reader may fill; a reader's IP is either IPv4 or IPv6, whichever matched. */
interface Reader {
  pattern: RegExp;
  /** Lower-case texts the pattern cannot match without one of: most readers need not run at all. */
  literals: readonly string[];
  /** The pattern opens with {@link HOST} and is sticky: it is tried where names start. */
  hostFirst?: true;
  host?: number;
  ipv4?: number;
  ipv6?: number;
  port?: number;
}

const reader = (
  literals: string | readonly string[],
  source: string,
  groups: Omit<Reader, 'pattern' | 'literals' | 'hostFirst'>,
): Reader => {
  // A pattern that opens with a host is tried only where a name starts (see patternMatches).
  const hostFirst = source.startsWith(HOST);
  return {
    pattern: new RegExp(source, hostFirst ? 'iy' : 'gi'),
    literals: typeof literals === 'string' ? [literals] : literals,
    ...(hostFirst ? { hostFirst } : {}),
    ...groups,
  };
};

/**
 * In order of trust: the fields Exchange Online names as the last attempted server come first;
 * a bare `host:port` in a client's log comes last.
 */
const READERS: readonly Reader[] = [
  reader('attempted', `Last ?Attempted ?Server ?Name${IS}${HOST}`, { host: 1 }),
  reader('attempted', `Last ?Attempted ?IP(?: ?Address)?${IS}(?:${IPV4}(?::${PORT})?|\\[?${IPV6}\\]?)`, {
    ipv4: 1,
    port: 2,
    ipv6: 3,
  }),
  reader('fqdn', `\\bFQDN${IS}${HOST}`, { host: 1 }),
  reader(['{ip', ';ip'], `[{;]IP${IS}${IP}`, { ipv4: 1, ipv6: 2 }),
  reader('last endpoint', `last endpoint attempted was ${IP}(?::${PORT})?`, { ipv4: 1, ipv6: 2, port: 3 }),
  // Exchange NDRs in each language: "Remote Server at mail.contoso.com (192.0.2.10) returned '…'",
  // "El servidor remoto en …", "Serwer zdalny pod adresem …", and report fields ("Remote host: …").
  reader(REMOTE_SERVER_LITERALS, `${NAMED_REMOTE_SERVER}${HOST}${IP_IN_PARENTHESES}`, {
    host: 1,
    ipv4: 2,
    ipv6: 3,
  }),
  reader(REMOTE_SERVER_LITERALS, `${NAMED_REMOTE_SERVER}\\[?${IP}`, { ipv4: 1, ipv6: 2 }),
  // Where the language names the host first: "位于 mail.contoso.cn (192.0.2.10) 的远程服务器返回".
  reader(REMOTE_SERVER_LITERALS, `${HOST}${IP_IN_PARENTHESES}[^\\n'"“”‘’]{0,6}(?:${REMOTE_SERVER})`, {
    host: 1,
    ipv4: 2,
    ipv6: 3,
  }),
  // A host (and its address) just before the server's quoted reply, in whatever words between.
  reader(QUOTES, `${HOST}${IP_IN_PARENTHESES}[^\\n'"“”‘’«»]{0,60}['"“‘«] {0,3}[245]\\d\\d[ -][245]\\.\\d`, {
    host: 1,
    ipv4: 2,
    ipv6: 3,
  }),
  // Postfix: "connect to mail.contoso.com[192.0.2.10]:25", "relay=mail.contoso.com[192.0.2.10]:25",
  // "host mail.contoso.com[192.0.2.10] said:", "lost connection with mail.contoso.com[192.0.2.10]".
  reader('[', `${HOST}\\[${IP}\\](?::${PORT})?`, { host: 1, ipv4: 2, ipv6: 3, port: 4 }),
  // Sendmail "relay=mail.contoso.com. [192.0.2.10]", Exim "H=mail.contoso.com [192.0.2.10]:25",
  // Gmail "[mail.contoso.com. 192.0.2.10: timed out]".
  reader('=', `(?:relay|H)=${HOST} {1,3}\\[${IP}\\](?::${PORT})?`, { host: 1, ipv4: 2, ipv6: 3, port: 4 }),
  reader('[', `\\[${HOST} {1,3}${IPV4}: `, { host: 1, ipv4: 2 }),
  // Exim's bounce "host mail.contoso.com [192.0.2.10]", Gmail's "by mail.contoso.com. [192.0.2.10]".
  reader('[', `${HOST} {1,3}\\[${IP}\\](?::${PORT})?`, { host: 1, ipv4: 2, ipv6: 3, port: 4 }),
  // Sendmail's transcript: "... while talking to mail.contoso.com.:".
  reader('while talking', `while talking to ${HOST}`, { host: 1 }),
  reader('remote-mta', `Remote-MTA${IS}dns; {0,3}${HOST}`, { host: 1 }),
  // The name a lookup failed for: Postfix "Name service error for name=mail.contoso.com type=A",
  // Sendmail "Host unknown (Name server: mail.contoso.com: host not found)".
  reader('for name=', `for name=${HOST}`, { host: 1 }),
  reader('name server', `Name server: {0,3}${HOST}`, { host: 1 }),
  // "Connected to 192.0.2.10 but sender was rejected", "connection to mail.contoso.com failed".
  reader(CONNECTED_TO, `\\bconnect(?:ed|ing|ion)? (?:to|with) (?:${HOST}|\\[?${IPV4}\\]?)(?::${PORT})?`, {
    host: 1,
    ipv4: 2,
    port: 3,
  }),
  // Sendmail: "Connection refused by mail.contoso.com.", "Connection timed out with mail.contoso.com."
  reader([' by ', ' with '], `(?:refused|reset|closed|timed out|lost) (?:by|with) ${HOST}`, { host: 1 }),
  reader(':', `\\b${HOST}:${PORT}\\b`, { host: 1, port: 2 }),
  reader(':', `\\b${IPV4}:${PORT}\\b`, { ipv4: 1, port: 2 }),
];

/** What every reading needs: a host name's dot before letters, an IPv4 address, or IPv6 groups. */
const HOST_OR_ADDRESS = /[a-z0-9-]\.[a-z]{2}|\d\.\d{1,3}\.\d{1,3}\.\d|[0-9a-f]:[0-9a-f]{0,4}:/i;

/** Microsoft's own servers appear in every NDR and queue entry; they are never the destination. */
const MICROSOFT_HOST =
  /(?:^|\.)(?:outlook\.com|exchangelabs\.com|office365\.com|microsoft\.com|outlook\.office\.com|office\.com|prod\.outlook\.com)$/;

const MESSAGE_FIELD = /\[Message ?= ?([^\]\n]{1,300})/i;
const MSG_FIELD = /\{MSG ?= ?([^}\n]{1,300})/i;

const validIpv4 = (ip: string): boolean => ip.split('.').every((octet) => Number(octet) <= 255);
/** An IPv6 address has a `::` or all eight groups; "10:30:00" is a time of day. */
const validIpv6 = (ip: string): boolean =>
  /[0-9a-f]/i.test(ip) && (ip.includes('::') || ip.split(':').length === 8);
const validPort = (port: number): boolean => Number.isInteger(port) && port >= 1 && port <= 65535;
/** Any host but Microsoft's own. */
const validHost = (host: string): boolean => !MICROSOFT_HOST.test(host);

interface Reading {
  server?: string | undefined;
  ip?: string | undefined;
  port?: number | undefined;
}

function read(found: RegExpMatchArray, groups: Reader): Reading {
  const group = (index: number | undefined) => (index === undefined ? undefined : found[index]);
  const host = group(groups.host)?.toLowerCase();
  const ipv4 = group(groups.ipv4);
  const ipv6 = group(groups.ipv6);
  const port = Number(group(groups.port));
  const ip =
    ipv4 !== undefined ? (validIpv4(ipv4) ? ipv4 : undefined) : ipv6 && validIpv6(ipv6) ? ipv6 : undefined;
  // Fields are set one by one: spreading small objects costs more than the reading itself.
  const reading: Reading = {};
  if (host && validHost(host)) reading.server = host;
  if (ip) reading.ip = ip;
  if ((host || ip) && validPort(port)) reading.port = port;
  return reading;
}

/** The first reading of `groups` in `text` that names a server or an address (not Microsoft's). */
/** Whether the lower-case text holds one of the literals; readers that share a list look once. */
function holdsAny(
  lower: string,
  literals: readonly string[],
  seen: Map<readonly string[], boolean>,
): boolean {
  let holds = seen.get(literals);
  if (holds === undefined) {
    holds = literals.some((literal) => lower.includes(literal));
    seen.set(literals, holds);
  }
  return holds;
}

function firstReading(
  text: string,
  lower: string,
  groups: Reader,
  seen: Map<readonly string[], boolean>,
): Reading | undefined {
  if (!holdsAny(lower, groups.literals, seen)) return undefined;
  const { pattern, hostFirst } = groups;
  const from = (position: number) =>
    hostFirst
      ? hostFirstMatchFrom(text, pattern, position, 'nameOrAt')
      : globalMatchFrom(text, pattern, position);
  for (let found = from(0); found; found = from(afterMatch(text, pattern, found))) {
    const reading = read(found, groups);
    if (reading.server !== undefined || reading.ip !== undefined) return reading;
  }
  return undefined;
}

/**
 * Everything the text shows of the failed delivery; fields the text lacks are absent. The remote
 * server's words are read from `pasted`, the message as pasted (chat markup in it included).
 */
export function readPastedDetails(text: string, pasted = text): PastedDetails {
  const details: Reading = {};
  // A question that names no host and no address (most of them) is not read by every reader.
  const namesAny = HOST_OR_ADDRESS.test(text);
  const lower = namesAny ? text.toLowerCase() : '';
  const seen = new Map<readonly string[], boolean>();
  for (const groups of namesAny ? READERS : []) {
    if (details.server !== undefined && details.ip !== undefined && details.port !== undefined) break;
    const reading = firstReading(text, lower, groups, seen);
    if (!reading) continue;
    // A port belongs to the address read with it: it is taken only while the IP is still open.
    const sameAddress = details.ip === undefined || reading.ip === undefined || reading.ip === details.ip;
    if (reading.port !== undefined && details.port === undefined && sameAddress) details.port = reading.port;
    details.server ??= reading.server;
    details.ip ??= reading.ip;
  }
  const remoteReply = (MESSAGE_FIELD.exec(pasted)?.[1] ?? MSG_FIELD.exec(pasted)?.[1])?.trim();
  const found: PastedDetails = {};
  if (details.server) found.server = details.server;
  if (details.ip) found.ip = details.ip;
  if (details.port) found.port = details.port;
  if (remoteReply) found.remoteReply = remoteReply;
  return found;
}
