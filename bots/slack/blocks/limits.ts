/** Slack's Block Kit limits (api.slack.com/reference/block-kit). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  fieldText: 2000,
  fieldsPerSection: 10,
  elementsPerActions: 25,
  blockId: 255,
  optionText: 75,
  optionValue: 150,
  overflowOptions: 5,
  /** A message's `text`, its plain fallback for notifications and screen readers. */
  messageText: 40000,
} as const;

/** Cuts `text` to `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
