/** `mailflow check HOST`: one live check from this machine, printed; nothing is logged. */
import {
  buildCheckCard,
  escapeForTerminal,
  parseCheckTarget,
  parseHostName,
  toAnswerLocale,
} from '../../core';
import { checkServer } from '../check/checkServer';
import type { CheckSettings } from '../check/settings';
import { CodedError, ERROR_CODES } from '../runtime/errors';
import { type Command, UsageError } from './args';
import { checkIn } from './checkOutput';

/** The check was not run: turned off, or the guard refused the target. Nothing was connected to. */
export class CheckRefusedError extends CodedError {
  readonly code = ERROR_CODES.checkRefused;
}

export async function runCheckCommand(
  command: Extract<Command, { kind: 'check' }>,
  settings: CheckSettings,
): Promise<string> {
  const shown = escapeForTerminal(command.host);
  const target = parseCheckTarget(command.host);
  if (!target) throw new UsageError(`"${shown}" is not a host name or an IP address`);
  const tlsDomain = command.tlsDomain === undefined ? undefined : parseHostName(command.tlsDomain);
  if (command.tlsDomain !== undefined && tlsDomain === undefined)
    throw new UsageError(`--tls-domain "${escapeForTerminal(command.tlsDomain)}" is not a host name`);
  if (!settings.enabled) throw new CheckRefusedError('the live check is turned off (CHECK_ENABLED=false)');

  const run = await checkServer(target, { settings, ...(tlsDomain ? { tlsDomain } : {}) });
  if (run.kind === 'refused') {
    const resolved = run.address === target.host ? '' : ` (${run.host} resolves to ${run.address})`;
    throw new CheckRefusedError(
      `not checking ${shown}${resolved}: ${run.range} addresses are refused unless CHECK_ALLOW_PRIVATE_ADDRESSES=true`,
    );
  }
  return checkIn(command.format, buildCheckCard(run.result, toAnswerLocale(command.locale)));
}
