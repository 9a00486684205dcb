/**
 * One table of error codes: unique, each used by exactly one error class, and every error of ours
 * coded. The state store keeps its codes in a table of its own (it imports nothing from outside its
 * folder); no code may be in both.
 */
import { CodedError, ERROR_CODES } from '../../bots/runtime/errors';
import { DeliveryError } from '../../bots/runtime/outbound/sendWithRetries';
import { ConfigError } from '../../bots/runtime/settings';
import { STATE_ERROR_CODES } from '../../bots/runtime/state/errors';
import { sourceOf, sourcesUnder } from '../support/sources';

const SOURCES = sourcesUnder('bots');

test('every code is unique, the state store’s included', () => {
  const codes = [...Object.values(ERROR_CODES), ...Object.values(STATE_ERROR_CODES)];
  expect(new Set(codes).size).toBe(codes.length);
  for (const code of Object.values(ERROR_CODES)) expect(code).toMatch(/^MAILFLOW_[A-Z_]+$/);
});

test('each code is given by exactly one error class', () => {
  const uses = Object.keys(ERROR_CODES).map((key) => {
    const users = SOURCES.filter((file) =>
      new RegExp(`readonly code = ERROR_CODES\\.${key}\\b`).test(sourceOf(file)),
    );
    return [key, users.length];
  });
  expect(uses.filter(([, count]) => count !== 1)).toEqual([]);
});

test('every error class of the project extends CodedError (only CodedError and the store’s StateError extend Error)', () => {
  const plain = SOURCES.flatMap((file) =>
    [...sourceOf(file).matchAll(/class (\w+) extends Error\b/g)].map((match) => `${file}: ${match[1]}`),
  );
  expect(plain.sort()).toEqual([
    'bots/runtime/errors.ts: CodedError',
    'bots/runtime/state/errors.ts: StateError',
  ]);
});

test('a coded error keeps its code on the way into the log', () => {
  const error = new ConfigError([{ setting: 'PORT', problem: 'is not a port' }]);
  expect(error).toBeInstanceOf(CodedError);
  expect(error.code).toBe(ERROR_CODES.settingsInvalid);
  expect(new DeliveryError('status', 3, 503).code).toBe(ERROR_CODES.outboundDeliveryFailed);
});
