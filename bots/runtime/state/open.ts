/**
 * Opens the store that the settings name. Never throws for a fault of the backend: an unusable
 * SQLite file or an unreachable Redis starts the store degraded, with an error in the log naming the
 * file or the URL, so that a bad disk or a Redis restart never turns into a crash loop.
 */
import { STATE_ERROR_CODES, StateError } from './errors';
import { MemoryBackend } from './memoryBackend';
import { RedisBackend } from './redisBackend';
import { Sealer } from './sealing';
import type { StateSettings } from './settings';
import { SqliteBackend } from './sqliteBackend';
import { ResilientStateStore } from './store';
import type { Clock, StateLogger, StateStore } from './types';

export interface OpenStateOptions {
  readonly logger: StateLogger;
  /**
   * For tests that move time themselves, on memory: and sqlite:. Redis keeps its own time (its
   * TTLs, its clock for rate limits), so a clock cannot be given to it.
   */
  readonly now?: Clock;
}

const MEMORY_ENTRIES = 100_000;

export async function openStateStore(
  settings: StateSettings,
  options: OpenStateOptions,
): Promise<StateStore> {
  const { logger } = options;
  const { location } = settings;
  if (options.now && location.backend === 'redis')
    throw new StateError(
      STATE_ERROR_CODES.badInput,
      'Redis keeps its own time: a clock cannot be given to it',
    );
  const clock = options.now ? { now: options.now } : {};
  const sealer = await Sealer.fromSource(settings.sealing);
  switch (location.backend) {
    case 'memory':
      return new ResilientStateStore({
        configured: 'memory',
        where: 'memory',
        primary: new MemoryBackend({ maxEntries: MEMORY_ENTRIES, ...clock }),
        sealer,
        logger,
        ...clock,
      });
    case 'sqlite': {
      const common = { configured: 'sqlite', where: location.file, sealer, logger, ...clock } as const;
      try {
        return new ResilientStateStore({
          ...common,
          primary: SqliteBackend.open({ file: location.file, logger, ...clock }),
        });
      } catch (error) {
        logger.error(
          { setting: 'STATE_URL', file: location.file, err: error },
          'state store: the SQLite file cannot be used; nothing is kept across restarts until it is repaired or moved aside (sqlite3 FILE ".recover") and the server restarted',
        );
        return new ResilientStateStore({
          ...common,
          primary: new MemoryBackend({ maxEntries: MEMORY_ENTRIES, ...clock }),
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
