/**
 * Opens the store that the settings name. Never throws for a fault of the backend: an unusable
 * SQLite file or an unreachable Redis starts the store degraded, with an error in the log naming the
 * file or the URL, so that a bad disk or a Redis restart never turns into a crash loop.
 */
import { MemoryBackend } from './memoryBackend';
import { RedisBackend } from './redisBackend';
import { Sealer } from './sealing';
import type { StateSettings } from './settings';
import { SqliteBackend } from './sqliteBackend';
import { ResilientStateStore } from './store';
import type { StateLogger, StateStore } from './types';

export interface OpenStateOptions {
  readonly logger: StateLogger;
}

export async function openStateStore(
  settings: StateSettings,
  { logger }: OpenStateOptions,
): Promise<StateStore> {
  const sealer = await Sealer.fromSource(settings.sealing);
  const { location } = settings;
  switch (location.backend) {
    case 'memory':
      return new ResilientStateStore({
        configured: 'memory',
        where: 'memory',
        primary: new MemoryBackend(),
        sealer,
        logger,
      });
    case 'sqlite': {
      const common = { configured: 'sqlite', where: location.file, sealer, logger } as const;
      try {
        return new ResilientStateStore({
          ...common,
          primary: SqliteBackend.open({ file: location.file, logger }),
        });
      } catch (error) {
        logger.error(
          { setting: 'STATE_URL', file: location.file, err: error },
          'state store: the SQLite file cannot be used; nothing is kept across restarts until it is repaired or moved aside (sqlite3 FILE ".recover") and the server restarted',
        );
        return new ResilientStateStore({
          ...common,
          primary: new MemoryBackend(),
          openFailure: error instanceof Error ? error.message : String(error),
        });
      }
    }
    case 'redis': {
      let store: ResilientStateStore | undefined;
      const primary = await RedisBackend.connect({
        url: location.url.reveal(),
        display: location.display,
        onStatus: (status) => store?.backendStatusChanged(status),
      });
      store = new ResilientStateStore({
        configured: 'redis',
        where: location.display,
        primary,
        sealer,
        logger,
      });
      return store;
    }
  }
}
