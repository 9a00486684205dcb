/**
 * The CLI's settings: the live check's `CHECK_*` variables, read from the environment here and
 * nowhere else in the command.
 */
import { CheckSettingError, type CheckSettings, readCheckSettings } from '../check/settings';
import { UsageError } from './args';

export function cliCheckSettings(env: NodeJS.ProcessEnv): CheckSettings {
  try {
    return readCheckSettings(env);
  } catch (error) {
    if (error instanceof CheckSettingError) throw new UsageError(error.message);
    throw error;
  }
}
