/**
 * The answer to "check mail.contoso.com" outside a chat (`mailflow ask`): the bots run the check
 * there; here the answer says what the check does and how to run it from a terminal.
 */
import type { AnswerBody } from '../answer/body';
import type { Block } from '../answer/model';
import type { AnswerRequest } from '../answer/request';
import type { Translator } from '../i18n';
import { parseCheckTarget } from './target';

export function checkAskBody(t: Translator, request: AnswerRequest): AnswerBody {
  // The request may come back from a client (a card's language switch): check the host again
  // before it goes into a command line.
  const target = parseCheckTarget(request.details.server ?? '');
  const blocks: Block[] = target
    ? [
        { kind: 'facts', facts: [{ label: t.text('facts.server'), value: target.host }] },
        {
          kind: 'command',
          caption: t.text('check:ask.terminal'),
          command: `npx mailflow check ${target.host}`,
        },
      ]
    : [{ kind: 'paragraph', text: t.text('check:refused.invalidTarget') }];
  return {
    title: t.text('check:ask.title'),
    summary: t.text('check:ask.body'),
    sections: [{ id: 'check', title: '', blocks }],
    links: ['article'],
  };
}
