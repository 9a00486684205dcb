/**
 * A stand-in DNS server on 127.0.0.1 (UDP), answering A, AAAA and MX queries from a small zone:
 * NXDOMAIN for a name it doesn't hold, an empty answer for a type the name lacks. It counts the
 * queries, so a test can tell that a lookup went to it and not to the system's resolver.
 */
import { createSocket, type RemoteInfo } from 'node:dgram';
import { once } from 'node:events';
import * as packet from 'dns-packet';

export interface ZoneEntry {
  A?: readonly string[];
  AAAA?: readonly string[];
  MX?: readonly { preference: number; exchange: string }[];
  /** Never answer queries for this name (a resolver that times out). */
  silent?: boolean;
  /** Answer SERVFAIL. */
  servfail?: boolean;
}

export interface DnsStandIn {
  /** For CHECK_DNS_SERVERS. */
  server: string;
  /** Names asked for, in order, as `TYPE name`. */
  queries: string[];
  close(): Promise<void>;
}

export async function startDnsStandIn(zone: Readonly<Record<string, ZoneEntry>>): Promise<DnsStandIn> {
  const socket = createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (message: Buffer, from: RemoteInfo) => {
    let query: packet.Packet;
    try {
      query = packet.decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (!question) return;
    const name = question.name.toLowerCase().replace(/\.$/, '');
    queries.push(`${question.type} ${name}`);
    const entry = zone[name];
    if (entry?.silent) return;
    const answers: packet.Answer[] = [];
    if (entry && question.type === 'A')
      for (const data of entry.A ?? []) answers.push({ type: 'A', name: question.name, ttl: 60, data });
    if (entry && question.type === 'AAAA')
      for (const data of entry.AAAA ?? []) answers.push({ type: 'AAAA', name: question.name, ttl: 60, data });
    if (entry && question.type === 'MX')
      for (const data of entry.MX ?? []) answers.push({ type: 'MX', name: question.name, ttl: 60, data });
    // The response code is the flags' low four bits: 0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN.
    const rcode = entry === undefined ? 3 : entry.servfail ? 2 : 0;
    const response = packet.encode({
      type: 'response',
      id: query.id ?? 0,
      flags: packet.AUTHORITATIVE_ANSWER | packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE | rcode,
      questions: [question],
      answers,
    });
    socket.send(response, from.port, from.address);
  });
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  const { port } = socket.address();
  return {
    server: `127.0.0.1:${port}`,
    queries,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
