/** Slack mrkdwn for content strings: Slack's three control characters escaped, bold converted. */
import { splitBold } from '../../../core';

/**
 * `&`, `<` and `>` are the only characters Slack needs escaped; with them escaped, no text can form
 * a mention (`<!channel>`, `<@U123>`) or a link (`<https://…|…>`).
 */
export const escapeMrkdwn = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function mrkdwn(text: string): string {
  return splitBold(text)
    .map((run) => (run.bold ? `*${escapeMrkdwn(run.text)}*` : escapeMrkdwn(run.text)))
    .join('');
}
