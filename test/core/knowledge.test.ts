/** Each known code is listed once, in core/knowledge, and every language has its content. */

import { answerAgain, LOCALES, parseAnswerRequest, renderPlainText } from '../../core';
import { CONTENT } from '../../core/content';
import { codeKey, GUIDANCE, KNOWN_CODES } from '../../core/knowledge/knownCodes';

describe.each(KNOWN_CODES)('%s', (code) => {
  test.each([...LOCALES])('has its card text and reading vocabulary in %s', (locale) => {
    const { answer, understand } = CONTENT[locale];
    const content = answer.codes[codeKey(code)];
    expect(content.title.trim()).not.toBe('');
    expect(content.meaning.trim()).not.toBe('');
    expect(content.causes.length).toBeGreaterThan(0);
    expect(content.fix.length).toBeGreaterThan(0);
    expect(understand.symptom[codeKey(code)].trim()).not.toBe('');
  });

  test('a step named to come first exists', () => {
    const first = GUIDANCE[code].firstStepWhenOnPremisesRetired;
    if (first === undefined) return;
    for (const locale of LOCALES) {
      expect(CONTENT[locale].answer.codes[codeKey(code)].fix[first]).toBeDefined();
    }
  });
});

describe('when the on-premises servers were shut down on purpose', () => {
  const request = { intent: 'explain' as const, codes: [{ code: '4.4.316' }], details: {} };

  test('4.4.316 starts with Fix now instead of the firewall', () => {
    const usual = answerAgain(request, 'en');
    const retired = answerAgain({ ...request, onPremisesRetired: true }, 'en');
    const firstStep = (answer: typeof usual) =>
      renderPlainText({ ...answer, sections: answer.sections.filter((s) => s.id === 't0-first') });
    expect(firstStep(usual)).toContain('firewall');
    expect(firstStep(retired)).toContain('Fix now');
    expect(renderPlainText(retired)).toContain('firewall');
  });

  test('the flag survives a card round trip and nothing else is accepted in its place', () => {
    expect(parseAnswerRequest({ ...request, onPremisesRetired: true })?.onPremisesRetired).toBe(true);
    expect(parseAnswerRequest({ ...request, onPremisesRetired: false })).toBeUndefined();
    expect(parseAnswerRequest(request)).not.toHaveProperty('onPremisesRetired');
  });
});
