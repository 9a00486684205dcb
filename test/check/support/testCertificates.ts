/**
 * A test CA and server certificates made at test time (node-forge for the X.509 structure, Node's
 * crypto for the keys): trusted, expired, for another name, self-signed. Nothing is committed.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';

export interface KeyAndCertificate {
  key: string;
  cert: string;
}

interface CertificateSpec {
  commonName: string;
  /** DNS names and IP addresses the certificate is valid for. */
  altNames: readonly string[];
  notBefore: Date;
  notAfter: Date;
  /** Signed by this CA; self-signed when absent. */
  issuer?: { key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate };
  isCa?: boolean;
}

const DAY_MS = 86_400_000;
let serial = 1;

function newKeys(): {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
  pem: string;
} {
  // Node's own RSA key generation is native and fast; forge's pure-JS one takes seconds.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), pem };
}

function makeCertificate(
  spec: CertificateSpec,
): KeyAndCertificate & { forgeKey: forge.pki.rsa.PrivateKey; forgeCert: forge.pki.Certificate } {
  const keys = newKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = (serial++).toString(16).padStart(2, '0');
  cert.validity.notBefore = spec.notBefore;
  cert.validity.notAfter = spec.notAfter;
  const subject = [
    { name: 'commonName', value: spec.commonName },
    { name: 'organizationName', value: 'Mailflow Test' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(spec.issuer ? spec.issuer.cert.subject.attributes : subject);
  const altNames = spec.altNames.map((name) =>
    /^[\d.]+$/.test(name) ? { type: 7, ip: name } : { type: 2, value: name },
  );
  cert.setExtensions([
    { name: 'basicConstraints', cA: spec.isCa === true, critical: true },
    spec.isCa
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    ...(spec.isCa
      ? []
      : [
          { name: 'extKeyUsage', serverAuth: true },
          { name: 'subjectAltName', altNames },
        ]),
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(spec.issuer?.key ?? keys.privateKey, forge.md.sha256.create());
  return {
    key: keys.pem,
    cert: forge.pki.certificateToPem(cert),
    forgeKey: keys.privateKey,
    forgeCert: cert,
  };
}

export interface TestPki {
  /** The CA's certificate in a PEM file, for NODE_EXTRA_CA_CERTS. */
  caFile: string;
  /** Valid for the given names, signed by the CA. */
  trusted(altNames: readonly string[]): KeyAndCertificate;
  /** Signed by the CA, expired ten days ago. */
  expired(altNames: readonly string[]): KeyAndCertificate;
  /** Valid, but signed by itself. */
  selfSigned(altNames: readonly string[]): KeyAndCertificate;
  /** Removes the CA file. */
  dispose(): void;
}

export function createTestPki(): TestPki {
  const now = Date.now();
  const ca = makeCertificate({
    commonName: 'Mailflow Test CA',
    altNames: [],
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + 30 * DAY_MS),
    isCa: true,
  });
  const issuer = { key: ca.forgeKey, cert: ca.forgeCert };
  const folder = mkdtempSync(join(tmpdir(), 'mailflow-pki-'));
  const caFile = join(folder, 'ca.pem');
  writeFileSync(caFile, ca.cert);
  const leaf = (altNames: readonly string[], from: number, to: number, signed: boolean) => {
    const { key, cert } = makeCertificate({
      commonName: altNames[0] ?? 'localhost',
      altNames,
      notBefore: new Date(from),
      notAfter: new Date(to),
      ...(signed ? { issuer } : {}),
    });
    return { key, cert };
  };
  return {
    caFile,
    trusted: (names) => leaf(names, now - DAY_MS, now + 90 * DAY_MS, true),
    expired: (names) => leaf(names, now - 100 * DAY_MS, now - 10 * DAY_MS, true),
    selfSigned: (names) => leaf(names, now - DAY_MS, now + 90 * DAY_MS, false),
    dispose: () => rmSync(folder, { recursive: true, force: true }),
  };
}
