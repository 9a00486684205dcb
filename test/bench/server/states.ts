/**
 * Where our server keeps its state during a run (`--state`): memory, SQLite on a fresh file of the
 * run's folder (one kept from an earlier run would take this run's activities, the same ids, for
 * redeliveries), or a real redis-server of the run's own on a free loopback port.
 */
import { join } from 'node:path';
import { startRedisServer } from '../../support/redisServer';
import type { StateBackend } from './args';
import type { OurState } from './servers';

export interface BenchState extends OurState {
  readonly backend: StateBackend;
  stop(): Promise<void>;
}

export async function prepareState(backend: StateBackend, workDir: string): Promise<BenchState> {
  switch (backend) {
    case 'memory':
      return { backend, url: 'memory:', stop: async () => {} };
    case 'sqlite':
      return { backend, url: `sqlite:${join(workDir, 'state', 'mailflow.db')}`, stop: async () => {} };
    case 'redis': {
      const redis = await startRedisServer();
      return { backend, url: redis.url(), stop: () => redis.stop() };
    }
  }
}
