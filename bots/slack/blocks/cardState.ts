/**
 * What a Slack answer's buttons and language picker carry, so that the bot can draw the answer again
 * (in another language, with the fix shown or hidden) from the click alone. Slack sends an ephemeral
 * message's clicks without the message itself, so the state must ride on the elements.
 */
import { type AnswerRequest, isLocale, type Locale, parseAnswerRequest } from '../../../core';

export interface CardState {
  request: AnswerRequest;
  locale: Locale;
  showFix: boolean;
}

type Compact = { r: AnswerRequest; l: Locale; f: 0 | 1 };

/**
 * The state as a string of at most `maxLength` characters. Where it doesn't fit (a block id holds 255),
 * the pasted remote reply, then the server name, then how codes relate are left out.
 */
export function encodeCardState(state: CardState, maxLength: number): string {
  const { remoteReply: _reply, ...withoutReply } = state.request.details;
  const { server: _server, ...withoutServer } = withoutReply;
  for (const details of [state.request.details, withoutReply, withoutServer]) {
    const compact: Compact = { r: { ...state.request, details }, l: state.locale, f: state.showFix ? 1 : 0 };
    const encoded = JSON.stringify(compact);
    if (encoded.length <= maxLength) return encoded;
  }
  // Last resort: the codes alone, which always fit (at most six of at most nine characters).
  const codes = state.request.codes.map(({ code }) => ({ code }));
  const minimal: Compact = {
    r: { intent: state.request.intent, codes, details: {} },
    l: state.locale,
    f: state.showFix ? 1 : 0,
  };
  return JSON.stringify(minimal);
}

/** The state, or `undefined` for anything that isn't a state this bot wrote. */
export function decodeCardState(value: string | undefined): CardState | undefined {
  if (!value || value.length > 2000) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { r, l, f } = parsed as Record<string, unknown>;
  const request = parseAnswerRequest(r);
  if (!request || !isLocale(l) || (f !== 0 && f !== 1)) return undefined;
  return { request, locale: l, showFix: f === 1 };
}
