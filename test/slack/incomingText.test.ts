/** Slack's markup back to what the user saw. */
import fc from 'fast-check';
import { escapeMrkdwn } from '../../bots/slack/blocks/mrkdwn';
import { slackToPlainText, stripBotMention } from '../../bots/slack/incomingText';

test.each([
  ['plain words', 'what does 4.4.316 mean?', 'what does 4.4.316 mean?'],
  [
    'escaped angle brackets and ampersand',
    '&lt;mail.contoso.com&gt; &amp; more',
    '<mail.contoso.com> & more',
  ],
  ['an escaped entity is decoded once', '&amp;lt;', '&lt;'],
  [
    'a linked host name',
    'host <http://mail.contoso.com|mail.contoso.com> down',
    'host mail.contoso.com down',
  ],
  ['a bare link', 'see <https://learn.microsoft.com/x>', 'see https://learn.microsoft.com/x'],
  ['a mailto link', '<mailto:admin@contoso.com|admin@contoso.com>', 'admin@contoso.com'],
  ['a user mention', 'ask <@U123>', 'ask @U123'],
  ['a labelled user mention', 'ask <@U123|jane>', 'ask @jane'],
  ['a channel link', 'in <#C42|mail-ops>', 'in #mail-ops'],
  ['special mentions', '<!channel> <!here> <!everyone>', '@channel @here @everyone'],
  ['a user group', '<!subteam^S1|@admins>', '@admins'],
  ['a date with fallback', '<!date^1392734382^{date}|Feb 18>', 'Feb 18'],
  ['typed markup stays as typed', '&lt;!channel&gt; &lt;@U123&gt;', '<!channel> <@U123>'],
])('%s', (_name, slack, plain) => {
  expect(slackToPlainText(slack)).toBe(plain);
});

test.each([
  ['the bot mention at the start', '<@UBOT> 4.4.316', 'UBOT', '4.4.316'],
  ['the bot mention in the middle', 'hey <@UBOT> what is 4.4.316', 'UBOT', 'hey what is 4.4.316'],
  ['other mentions stay', '<@UBOT> ask <@U123>', 'UBOT', 'ask <@U123>'],
  ['a leading mention when the bot id is unknown', '<@UBOT> 4.4.316', undefined, '4.4.316'],
])('strips %s', (_name, text, botUserId, expected) => {
  expect(stripBotMention(text, botUserId)).toBe(expected);
});

test('what Slack escapes comes back as typed', () => {
  fc.assert(
    fc.property(fc.string(), (typed) => {
      expect(slackToPlainText(escapeMrkdwn(typed))).toBe(typed);
    }),
  );
});
