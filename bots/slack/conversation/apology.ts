/** The apology for a failed answer, escaped for Slack mrkdwn. */
import { apologyText, type Locale } from '../../../core';
import { escapeMrkdwn } from '../blocks/mrkdwn';

export const slackApologyText = (locale: Locale, reference: string): string =>
  escapeMrkdwn(apologyText(locale, reference));
