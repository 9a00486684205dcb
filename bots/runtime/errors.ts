/**
 * The project's own errors and their codes. Every error the bot raises on purpose carries one of
 * these codes, so that a log line (`err.code`) names what went wrong without its stack; the table is
 * the one place codes are made, and a test keeps them unique and in use.
 */

export const ERROR_CODES = {
  /** One or more settings are missing or wrong; the message names every one. */
  settingsInvalid: 'MAILFLOW_SETTINGS_INVALID',
  /** A request body is larger than the endpoint accepts. */
  requestTooLarge: 'MAILFLOW_REQUEST_TOO_LARGE',
  /** An outgoing call got no complete answer within its timeout. */
  outboundTimeout: 'MAILFLOW_OUTBOUND_TIMEOUT',
  /** A far end answered with more than the bot reads. */
  outboundResponseTooLarge: 'MAILFLOW_OUTBOUND_RESPONSE_TOO_LARGE',
  /** An outgoing delivery was given up after the outbound policy's attempts. */
  outboundDeliveryFailed: 'MAILFLOW_OUTBOUND_DELIVERY_FAILED',
  /** A Slack response URL refused a message (expired, or the message was refused). */
  slackResponseUrlRefused: 'MAILFLOW_SLACK_RESPONSE_URL_REFUSED',
  /** A Slack Web API call called directly (not through the client) was answered without `ok`. */
  slackApiRefused: 'MAILFLOW_SLACK_API_REFUSED',
  /** A `CHECK_*` setting is wrong (read by the live check's own reader). */
  checkSettingInvalid: 'MAILFLOW_CHECK_SETTING_INVALID',
  /** `mailflow check` refused its target (a private address, the check turned off). */
  checkRefused: 'MAILFLOW_CHECK_REFUSED',
  /** Microsoft's keys that sign Bot Framework tokens could not be fetched (Teams answers 503). */
  signingKeysUnavailable: 'MAILFLOW_SIGNING_KEYS_UNAVAILABLE',
  /** The `mailflow` command was called with wrong arguments. */
  commandLineUsage: 'MAILFLOW_COMMAND_LINE_USAGE',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** An error of the project's own, with its code from the table. */
export abstract class CodedError extends Error {
  abstract readonly code: ErrorCode;
}
