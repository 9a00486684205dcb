/** The outbound policy's arithmetic: backoff with jitter under its cap, Retry-After read both ways. */
import {
  backoffMs,
  DEFAULT_OUTBOUND_POLICY,
  retryAfterMs,
  worstCaseMs,
} from '../../bots/runtime/outbound/policy';

const policy = { ...DEFAULT_OUTBOUND_POLICY, baseDelayMs: 100, maxDelayMs: 300 };

test.each([
  [1, 1, 99],
  [2, 1, 199],
  [3, 1, 299],
  [9, 1, 299],
  [1, 0, 0],
])('retry %i with random %d waits %i ms', (retry, random, expected) => {
  // Math.random() is below 1; 0.999… stands for its top.
  expect(backoffMs(retry, policy, () => (random === 1 ? 0.999 : random))).toBe(expected);
});

test.each([
  ['1', 1_000],
  [' 30 ', 30_000],
  ['0', 0],
  ['Wed, 21 Oct 2015 07:28:05 GMT', 5_000],
  ['soon', undefined],
  ['-1', undefined],
])('Retry-After "%s" is %p ms', (header, expected) => {
  expect(retryAfterMs(header, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(expected);
});

test('no Retry-After header means no server-given wait', () => {
  expect(retryAfterMs(null)).toBeUndefined();
});

test('the default policy keeps one delivery well under a minute', () => {
  expect(worstCaseMs(DEFAULT_OUTBOUND_POLICY)).toBe(35_000);
});
