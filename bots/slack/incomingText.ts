/**
 * Slack's message formatting back to the text the user saw, for the core: Slack sends `<`, `>` and
 * `&` escaped and wraps mentions and links in angle brackets (`<@U123>`, `<!here>`,
 * `<https://host|label>`). The core must read what the user pasted, not Slack's markup. The result
 * is plain text; the renderers escape it again wherever it is shown.
 */

/** `<…>` tokens: the only place Slack puts a raw `<`, since typed ones arrive as `&lt;`. */
const TOKEN = /<([^<>]*)>/g;

function tokenText(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : inner.slice(bar + 1);
  if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
  if (target.startsWith('#')) return label ? `#${label}` : target;
  if (target.startsWith('!')) {
    // <!here>, <!channel>, <!everyone>, <!subteam^S1|@team>, <!date^…|fallback>
    if (label) return label;
    const name = target.slice(1).split('^', 1)[0] ?? '';
    return `@${name}`;
  }
  // A link: what the user typed is the label when there is one (Slack links bare host names too).
  return label ?? target;
}

const unescapeEntities = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Removes mentions of the bot itself (an app mention starts with one) and the space they leave. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  const mention = botUserId
    ? new RegExp(`<@${botUserId.replace(/[^A-Za-z0-9]/g, '')}(?:\\|[^>]*)?>`, 'g')
    : /^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>/;
  return text
    .replace(mention, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** Slack's formatted text as plain text. Tokens first: a decoded `&lt;` must not become a token. */
export function slackToPlainText(text: string): string {
  return unescapeEntities(text.replace(TOKEN, (_token, inner: string) => tokenText(inner)));
}
