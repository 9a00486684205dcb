/**
 * The settings that point the live check at the stand-ins on loopback: the stand-in DNS server, the
 * stand-in mail server's port, loopback allowed as a target (it is refused by default) and, where the
 * mail server's certificate comes from the test CA, that CA trusted (Node reads NODE_EXTRA_CA_CERTS
 * once, at the start of the process that checks).
 */
import type { DnsStandIn } from './dnsStandIn';
import type { TestPki } from './testCertificates';

export function standInCheckSettings(
  standIns: { dns: DnsStandIn; port: number; pki?: TestPki },
  more: Record<string, string> = {},
): Record<string, string> {
  return {
    CHECK_DNS_SERVERS: standIns.dns.server,
    CHECK_PORT: String(standIns.port),
    CHECK_ALLOW_PRIVATE_ADDRESSES: 'true',
    ...(standIns.pki ? { NODE_EXTRA_CA_CERTS: standIns.pki.caFile } : {}),
    ...more,
  };
}
