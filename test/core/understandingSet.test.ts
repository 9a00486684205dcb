/**
 * The development set for understanding (`test/fixtures/understanding/`): its format, its coverage,
 * and the engine's scores on it, kept at or above the floors in `floors.json`. `npm run eval` prints
 * the same scores, with the failures; `npm run eval -- --write-floors` raises the floors.
 */
import { KNOWN_CODES } from '../../core/knowledge/knownCodes';
import { LOCALES } from '../../core/locales';
import { KINDS, loadDevSet } from '../eval/devSet';
import { readFloors, shortfalls } from '../eval/floors';
import { scoreAll } from '../eval/score';

const MIN_MESSAGES = 800;
const MIN_PER_LANGUAGE = 100;
const MIN_PER_KIND = 5;

const { cases, problems } = loadDevSet();

/** Where `code` first stands in `text` as a code of its own (not inside `5.7.10` or an address). */
function firstPosition(text: string, code: string): number {
  const escaped = code.replaceAll('.', '\\.');
  return new RegExp(`(?<![\\d.])${escaped}(?![\\d])`).exec(text.normalize('NFKC'))?.index ?? -1;
}

describe('the development set', () => {
  test('every line is a valid case', () => {
    expect(problems).toEqual([]);
  });

  test(`holds at least ${MIN_MESSAGES} messages`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(MIN_MESSAGES);
  });

  test.each(LOCALES)(`at least ${MIN_PER_LANGUAGE} messages are answered in %s`, (locale) => {
    expect(cases.filter((devCase) => devCase.expect.locale === locale).length).toBeGreaterThanOrEqual(
      MIN_PER_LANGUAGE,
    );
  });

  test.each(Object.keys(KINDS))(`at least ${MIN_PER_KIND} messages of kind %s`, (kind) => {
    expect(cases.filter((devCase) => devCase.kind === kind).length).toBeGreaterThanOrEqual(MIN_PER_KIND);
  });

  test('no message is there twice with the same client locale', () => {
    const keys = cases.map((devCase) => JSON.stringify([devCase.text, devCase.clientLocale ?? null]));
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  test('a code outside the six of mail flow intelligence is one the text writes', () => {
    const unwritten = cases.flatMap((devCase) =>
      devCase.expect.codes
        .filter((code) => !(KNOWN_CODES as readonly string[]).includes(code))
        .filter((code) => firstPosition(devCase.text, code) < 0)
        .map((code) => `${devCase.file}:${devCase.line} ${code}`),
    );
    expect(unwritten).toEqual([]);
  });

  test('written codes are expected in the order of their first appearance', () => {
    const misordered = cases.filter((devCase) => {
      const positions = devCase.expect.codes
        .map((code) => firstPosition(devCase.text, code))
        .filter((position) => position >= 0);
      return positions.some((position, index) => index > 0 && position < (positions[index - 1] ?? 0));
    });
    expect(misordered.map((devCase) => `${devCase.file}:${devCase.line}`)).toEqual([]);
  });
});

describe('the engine on the development set', () => {
  const report = scoreAll(cases);
  const floors = readFloors();

  test('every score is at or above its floor', () => {
    expect(shortfalls(report, floors)).toEqual([]);
  });

  test('every language and kind of the set has floors', () => {
    expect(Object.keys(floors.language).sort()).toEqual([...report.byLanguage.keys()].sort());
    expect(Object.keys(floors.kind).sort()).toEqual([...report.byKind.keys()].sort());
  });

  // A code the message does not show is the worst answer; the goal is 0, and `maxWrongCodes` only
  // ever goes down.
  test('no more messages get a wrong code than floors.json allows', () => {
    const wrong = report.results
      .filter((result) => result.wrongCodes.length > 0)
      .map((result) => `${result.devCase.file}:${result.devCase.line} ${result.wrongCodes.join(', ')}`);
    expect(wrong.length).toBeLessThanOrEqual(floors.maxWrongCodes);
  });
});
