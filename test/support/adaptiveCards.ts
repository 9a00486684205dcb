/**
 * Microsoft's official Adaptive Cards renderer, loaded from its UMD bundle: the package's `lib/`
 * build is ES modules without file extensions, which Node cannot load.
 */
import type * as AdaptiveCardsApi from 'adaptivecards';

const AdaptiveCards: typeof AdaptiveCardsApi = require('adaptivecards/dist/adaptivecards.js');

/** Every warning or error the renderer raises while parsing and validating `json`. */
export function cardIssues(json: unknown): string[] {
  const card = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  card.parse(json, context);
  const issues: string[] = [];
  for (let index = 0; index < context.eventCount; index++) issues.push(context.getEventAt(index).message);
  for (const event of card.validateProperties().validationEvents) issues.push(event.message);
  return issues;
}
