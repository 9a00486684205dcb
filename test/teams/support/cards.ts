/** Reading the cards the bot sent. */
import type { ConnectorCall } from './connectorStandIn';

export const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

// biome-ignore lint/suspicious/noExplicitAny: cards are arbitrary JSON.
export function cardIn(call: ConnectorCall | undefined): any {
  const attachment = call?.body?.attachments?.[0];
  if (attachment?.contentType !== ADAPTIVE)
    throw new Error(`no Adaptive Card in ${JSON.stringify(call?.body)}`);
  return attachment.content;
}

/** The card's title: its first TextBlock. */
export const titleOf = (call: ConnectorCall | undefined): string => cardIn(call).body[0].text;

/** The data the card's Language action would send back. */
export function languageActionData(call: ConnectorCall | undefined): Record<string, unknown> {
  const action = cardIn(call).actions.find((a: { type: string }) => a.type === 'Action.ShowCard');
  return action.card.actions[0].data;
}

/** Whether the card starts with its remaining fix steps shown, as it does for "how do I fix…". */
export const stepsShown = (card: { body: { id?: string; isVisible?: boolean }[] }): boolean =>
  card.body.some((element) => element.id === 't0-steps' && element.isVisible !== false);
