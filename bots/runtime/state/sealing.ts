/**
 * Encryption at rest for Slack installations: AES-256-GCM with a fresh 96-bit nonce per write, and
 * the installation's own key as associated data, so that a sealed record copied under another
 * workspace's key does not open. The key is STATE_ENCRYPTION_KEY (32 random bytes), or else derived
 * from SLACK_STATE_SECRET with scrypt (slow on purpose: that secret may be a passphrase, and a
 * stolen database must not make guessing it cheap).
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { inspect } from 'node:util';

const FORMAT = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Fixed: the secret is per deployment, and every replica must derive the same key. */
const SCRYPT_SALT = 'mailflow-bot/state/slack-installations/v1';
/** 2^15 × 8 × 128 bytes = 32 MiB and some tens of milliseconds, once at start-up. */
const SCRYPT_OPTIONS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** Secret text or bytes that print as `[redacted]` however they are logged or inspected. */
export class Secret<T extends string | Buffer> {
  readonly #value: T;
  constructor(value: T) {
    this.#value = value;
  }
  reveal(): T {
    return this.#value;
  }
  toJSON(): string {
    return '[redacted]';
  }
  toString(): string {
    return '[redacted]';
  }
  [inspect.custom](): string {
    return '[redacted]';
  }
}

/** Where the installations' key comes from, as read from the settings. */
export type SealingKeySource =
  | { readonly source: 'key'; readonly key: Secret<Buffer> }
  | { readonly source: 'secret'; readonly secret: Secret<string> }
  | { readonly source: 'none' };

export class Sealer {
  readonly #key: Buffer;

  private constructor(key: Buffer) {
    this.#key = key;
  }

  /** Undefined without a key: installations then cannot be stored at all (never in the clear). */
  static async fromSource(source: SealingKeySource): Promise<Sealer | undefined> {
    switch (source.source) {
      case 'key':
        return new Sealer(source.key.reveal());
      case 'secret':
        return new Sealer(await deriveKey(source.secret.reveal()));
      case 'none':
        return undefined;
    }
  }

  seal(plaintext: string, associatedData: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonce);
    cipher.setAAD(Buffer.from(associatedData));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${FORMAT}.${Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  /** The plaintext, or undefined when the record was sealed with another key, altered, or moved. */
  open(sealed: string, associatedData: string): string | undefined {
    const [format, payload] = sealed.split('.');
    if (format !== FORMAT || payload === undefined) return undefined;
    const bytes = Buffer.from(payload, 'base64');
    if (bytes.length < NONCE_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, bytes.subarray(0, NONCE_BYTES));
      decipher.setAAD(Buffer.from(associatedData));
      decipher.setAuthTag(bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
      return Buffer.concat([
        decipher.update(bytes.subarray(NONCE_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return undefined;
    }
  }

  toJSON(): string {
    return '[Sealer]';
  }
}

function deriveKey(secret: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, SCRYPT_SALT, 32, SCRYPT_OPTIONS, (error, key) => (error ? reject(error) : resolve(key))),
  );
}
