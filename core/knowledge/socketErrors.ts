/**
 * Windows socket errors, which Exchange Online quotes as `[Message=Socket error code 10061]`: the
 * sending server's own report of what the network connection did, not words from the destination
 * server. Their meanings are under `socketError.<key>` in `answer.json`.
 */
import { type ContentKey, contentKey } from './contentKey';

export const WINDOWS_SOCKET_ERRORS = ['10054', '10060', '10061'] as const;
export type WindowsSocketError = (typeof WINDOWS_SOCKET_ERRORS)[number];
export type WindowsSocketErrorKey = ContentKey<WindowsSocketError>;

/** Anchored on a literal, with a fixed-length number: no backtracking on pasted text. */
const SOCKET_ERROR = /\bSocket error code (\d{5})\b/i;

/** The Windows socket error that a pasted error message quotes, when it is one of the known ones. */
export function socketErrorIn(
  message: string,
): { code: WindowsSocketError; key: WindowsSocketErrorKey } | undefined {
  const code = SOCKET_ERROR.exec(message)?.[1];
  if (!code || !(WINDOWS_SOCKET_ERRORS as readonly string[]).includes(code)) return undefined;
  return { code: code as WindowsSocketError, key: contentKey(code as WindowsSocketError) };
}
