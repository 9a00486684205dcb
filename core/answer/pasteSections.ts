/** What an answer shows back from a paste: the facts read from it, and how its codes relate. */
import type { Translator } from '../i18n';
import { socketErrorIn } from '../knowledge/socketErrors';
import type { Block, Fact, Section } from './model';
import type { AnswerRequest } from './request';

/**
 * `[Message=…]` holds the destination's reply only sometimes: it may as well be Exchange Online's own
 * diagnosis (`SubjectMismatch`) or a Windows socket error, which is said so plainly.
 */
function messageNote(t: Translator, message: string | undefined): Block[] {
  const socketError = message === undefined ? undefined : socketErrorIn(message);
  if (!socketError) return [];
  const meaning = t.text(`socketError.${socketError.key}`);
  return [{ kind: 'note', text: t.text('socketError.note', { code: socketError.code, meaning }) }];
}

export function detailSections(t: Translator, request: AnswerRequest): Section[] {
  const { server, ip, port, remoteReply } = request.details;
  const facts: Fact[] = [];
  if (server) facts.push({ label: t.text('facts.server'), value: server });
  if (ip) facts.push({ label: t.text('facts.ip'), value: ip });
  if (port) facts.push({ label: t.text('facts.port'), value: String(port) });
  if (remoteReply) facts.push({ label: t.text('facts.message'), value: remoteReply });
  if (facts.length === 0) return [];
  return [
    {
      id: 'details',
      title: t.text('sections.details'),
      blocks: [{ kind: 'facts', facts }, ...messageNote(t, remoteReply)],
    },
  ];
}

/** How the codes of one paste relate: a reply quoted inside an error, an expiry and its cause. */
export function relationSections(t: Translator, request: AnswerRequest): Section[] {
  const blocks = request.codes.flatMap(({ code, relation }): Block[] =>
    relation
      ? [
          {
            kind: 'paragraph',
            text: t.text(`relation.${relation.kind}`, { inner: code, outer: relation.outer }),
          },
        ]
      : [],
  );
  // Background to the answer: it waits with the causes.
  return blocks.length > 0
    ? [{ id: 'relation', fold: 'causes', title: t.text('sections.relation'), blocks }]
    : [];
}
