/**
 * Reads the destination server, its IP address and port, and the remote server's own words out of a
 * pasted queue entry, message trace detail or NDR. Each pattern is anchored on a literal and uses
 * only bounded character classes, so a failed match costs a constant amount per position.
 */

export interface PastedDetails {
  /** Destination (or last attempted) host name. */
  server?: string;
  /** IP address, without the port. */
  ip?: string;
  port?: number;
  /** What the remote server answered, as quoted in `[Message=…]` or `{MSG=…}`. */
  remoteReply?: string;
}

const HOST = '([a-z0-9](?:[a-z0-9-]{0,62}\\.){1,8}[a-z]{2,63})';
const IPV4 = '(\\d{1,3}(?:\\.\\d{1,3}){3})';
const IPV6 = '([0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})';
const PORT = '(\\d{1,5})';

const LAST_ATTEMPTED_SERVER = new RegExp(`LastAttemptedServerName=${HOST}`, 'i');
const LAST_ATTEMPTED_IP = new RegExp(`LastAttemptedIP=(?:${IPV4}(?::${PORT})?|${IPV6})`, 'i');
const FQDN = new RegExp(`\\{FQDN=${HOST}\\}`, 'i');
const IP_FIELD = new RegExp(`\\{IP=(?:${IPV4}|${IPV6})\\}`, 'i');
/** NDR: "Server at mail.contoso.com (192.0.2.10) returned '450 4.4.316 …'". */
const SERVER_AT = new RegExp(`Server at ${HOST} \\(${IPV4}\\)`, 'i');
/** Postfix and other MTAs: "connect to mail.contoso.com[192.0.2.10]:25: Connection refused". */
const CONNECT_TO = new RegExp(`connect to ${HOST}\\[${IPV4}\\]:${PORT}`, 'i');
const MESSAGE_FIELD = /\[Message=([^\]\n]{1,300})/i;
const MSG_FIELD = /\{MSG=([^}\n]{1,300})/i;

const validIpv4 = (ip: string): boolean => ip.split('.').every((octet) => Number(octet) <= 255);
const validPort = (port: number): boolean => Number.isInteger(port) && port >= 1 && port <= 65535;

function firstCapture(text: string, patterns: readonly RegExp[], group = 1): string | undefined {
  for (const pattern of patterns) {
    const value = pattern.exec(text)?.[group];
    if (value) return value;
  }
  return undefined;
}

function readIp(text: string): { ip?: string; port?: number } {
  const attempted = LAST_ATTEMPTED_IP.exec(text);
  if (attempted) {
    const [, v4, port, v6] = attempted;
    if (v4 && validIpv4(v4))
      return { ip: v4, ...(port && validPort(Number(port)) ? { port: Number(port) } : {}) };
    if (v6) return { ip: v6 };
  }
  const connect = CONNECT_TO.exec(text);
  if (connect?.[2] && validIpv4(connect[2])) {
    const port = Number(connect[3]);
    return { ip: connect[2], ...(validPort(port) ? { port } : {}) };
  }
  const candidates = [IP_FIELD.exec(text)?.[1], IP_FIELD.exec(text)?.[2], SERVER_AT.exec(text)?.[2]];
  const ip = candidates.find((value) => value !== undefined && (value.includes(':') || validIpv4(value)));
  return ip ? { ip } : {};
}

/** Everything the text shows of the failed delivery; fields the text lacks are absent. */
export function readPastedDetails(text: string): PastedDetails {
  const server = firstCapture(text, [LAST_ATTEMPTED_SERVER, FQDN, SERVER_AT, CONNECT_TO]);
  const remoteReply = firstCapture(text, [MESSAGE_FIELD, MSG_FIELD])?.trim();
  return {
    ...(server ? { server: server.toLowerCase() } : {}),
    ...readIp(text),
    ...(remoteReply ? { remoteReply } : {}),
  };
}
