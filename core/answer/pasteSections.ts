/** What an answer shows back from a paste: the facts read from it, and how its codes relate. */
import type { Translator } from '../i18n';
import type { Block, Fact, Section } from './model';
import type { AnswerRequest } from './request';

export function detailSections(t: Translator, request: AnswerRequest): Section[] {
  const { server, ip, port, remoteReply } = request.details;
  const facts: Fact[] = [];
  if (server) facts.push({ label: t.text('facts.server'), value: server });
  if (ip) facts.push({ label: t.text('facts.ip'), value: ip });
  if (port) facts.push({ label: t.text('facts.port'), value: String(port) });
  if (remoteReply) facts.push({ label: t.text('facts.remoteReply'), value: remoteReply });
  if (facts.length === 0) return [];
  return [{ id: 'details', title: t.text('sections.details'), blocks: [{ kind: 'facts', facts }] }];
}

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
  return blocks.length > 0 ? [{ id: 'relation', title: t.text('sections.relation'), blocks }] : [];
}
