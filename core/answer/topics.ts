/**
 * Groups an answer's codes into topics: one per mail flow intelligence error (with its expired
 * forms folded in, so 4.4.316 and 5.4.316 in one NDR give one explanation), one per other code.
 */
import type { KnownCode } from '../knowledge/knownCodes';
import { type StatusCodeParts, topicOf } from '../knowledge/statusCode';
import type { CodeMention } from '../understand/statusCodes';

export type Topic =
  | { kind: 'known'; code: KnownCode; expiredForms: string[] }
  | { kind: 'other'; parts: StatusCodeParts };

export function groupTopics(mentions: readonly CodeMention[]): Topic[] {
  const topics: Topic[] = [];
  const known = new Map<KnownCode, Extract<Topic, { kind: 'known' }>>();
  for (const { code } of mentions) {
    const topic = topicOf(code);
    if (topic === undefined) continue;
    if (topic.kind === 'other') {
      topics.push({ kind: 'other', parts: topic.parts });
      continue;
    }
    const base = topic.kind === 'known' ? topic.code : topic.base;
    let entry = known.get(base);
    if (!entry) {
      entry = { kind: 'known', code: base, expiredForms: [] };
      known.set(base, entry);
      topics.push(entry);
    }
    if (topic.kind === 'expired') entry.expiredForms.push(topic.code);
  }
  return topics;
}

/** The code a topic is headed by: the known code, or the other code itself. */
export const topicCode = (topic: Topic): string => (topic.kind === 'known' ? topic.code : topic.parts.code);

/** The code of the topic that `code` belongs to: 5.4.316 belongs to 4.4.316. */
export function topicCodeOf(code: string): string | undefined {
  const topic = topicOf(code);
  if (topic === undefined) return undefined;
  return topic.kind === 'expired' ? topic.base : code;
}
