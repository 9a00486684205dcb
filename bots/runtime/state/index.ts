/** The state store's public API: everything outside this folder imports from here. */
export { STATE_ERROR_CODES, StateError, type StateErrorCode } from './errors';
export { MAX_TTL_MS, MAX_VALUE_BYTES } from './keys';
export { type OpenStateOptions, openStateStore } from './open';
export {
  DEFAULT_STATE_URL,
  parseStateSettings,
  type SettingProblem,
  type StateLocation,
  type StateSettings,
  type StateSettingsResult,
} from './settings';
export type {
  InstallationKey,
  InstallationStore,
  JsonValue,
  RateLimit,
  StateBackendName,
  StateHealth,
  StateLogger,
  StateStore,
} from './types';
