/**
 * Slack installations on the state store, sealed (sealing.ts) before they reach any backend. They
 * live in the store's own space, out of callers' reach, with the longest lifetime the store
 * allows, renewed while the workspace uses the bot: like every key, they expire, but only after a
 * year of silence.
 */
import type { Backend } from './backend';
import { STATE_ERROR_CODES, StateError } from './errors';
import { MAX_TTL_MS, serialize } from './keys';
import type { Sealer } from './sealing';
import type { Clock, InstallationKey, InstallationStore, JsonValue, StateLogger } from './types';

/** The store's own space: callers' spaces start with a letter (keys.ts), so they cannot reach it. */
const SPACE = '_slackInstallations';
const TTL_MS = MAX_TTL_MS;
/** Renewed when less than this is left: at most one write per installation every 40 days. */
const RENEW_BELOW_MS = TTL_MS * 0.9;

const idOf = (key: InstallationKey) => (key.scope === 'team' ? key.teamId : key.enterpriseId);
const keyOf = (key: InstallationKey) => `${key.scope}:${idOf(key)}`;
/** Binds a sealed record to its key: moved under another workspace, it does not open. */
const associatedData = (key: InstallationKey) => `slack-installation:${key.scope}:${idOf(key)}`;

function checkInstallationKey(key: InstallationKey): void {
  const id = idOf(key);
  if (typeof id !== 'string' || !/^[A-Z0-9]{1,32}$/.test(id))
    throw new StateError(
      STATE_ERROR_CODES.badInput,
      'a Slack team or enterprise id is 1-32 capitals and digits',
    );
}

export interface SealedInstallationsParts {
  readonly sealer: Sealer | undefined;
  readonly logger: StateLogger;
  readonly now: Clock;
  /** Runs on the store's backend, throwing a `StateError` when it cannot. */
  readonly run: <T>(operation: string, action: (backend: Backend) => Promise<T>) => Promise<T>;
}

export class SealedInstallations implements InstallationStore {
  constructor(private readonly parts: SealedInstallationsParts) {}

  private sealer(): Sealer {
    const { sealer } = this.parts;
    if (!sealer)
      throw new StateError(
        STATE_ERROR_CODES.noEncryptionKey,
        'Slack installations need STATE_ENCRYPTION_KEY or SLACK_STATE_SECRET to encrypt their tokens',
      );
    return sealer;
  }

  async get(key: InstallationKey): Promise<unknown> {
    checkInstallationKey(key);
    const sealer = this.sealer();
    const stored = await this.parts.run('read a Slack installation', (backend) =>
      backend.read(SPACE, keyOf(key)),
    );
    if (!stored) return undefined;
    const text = sealer.open(stored.text, associatedData(key));
    if (text === undefined) {
      // Kept as it is: with the key it was sealed with (STATE_ENCRYPTION_KEY changed?) it opens again.
      this.parts.logger.error(
        { scope: key.scope, id: idOf(key), setting: 'STATE_ENCRYPTION_KEY' },
        'state store: a Slack installation does not decrypt with the configured key; treated as not installed',
      );
      return undefined;
    }
    if (stored.expiresAt - this.parts.now() < RENEW_BELOW_MS) {
      await this.parts.run('renew a Slack installation', (backend) =>
        backend.extend(SPACE, keyOf(key), TTL_MS),
      );
    }
    return JSON.parse(text);
  }

  async put(key: InstallationKey, installation: JsonValue): Promise<void> {
    checkInstallationKey(key);
    const sealed = this.sealer().seal(serialize(installation), associatedData(key));
    await this.parts.run('store a Slack installation', (backend) =>
      backend.write(SPACE, keyOf(key), sealed, TTL_MS),
    );
  }

  async delete(key: InstallationKey): Promise<void> {
    checkInstallationKey(key);
    await this.parts.run('delete a Slack installation', (backend) => backend.remove(SPACE, keyOf(key)));
  }
}
