/**
 * Separates what the user wrote from what they pasted. A pasted error line ("450 4.4.316 Connection
 * refused [Message=…]") or a whole NDR says nothing about the language the user speaks or what they
 * want; the words around it do.
 */

/** Lines that carry an error's structure rather than someone's words. */
const PASTE_LINE =
  /[=@[\]{}]|\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|\b[245]\d\d[ -][245]\.\d|^\s*\d{1,4}[/-]\d{1,2}[/-]\d{1,4}/;

/** Headings and phrases that only a generated report (an NDR, a queue viewer) contains. */
const REPORT_MARKERS = [
  'diagnostic information for administrators',
  'generating server',
  'remote server returned',
  'delivery has failed',
  "your message wasn't delivered",
  'reporting-mta',
  'final-recipient',
  'lastattempted',
  '{fqdn=',
  'led=',
];

export interface UserWords {
  /** The lines the user wrote themselves. */
  text: string;
  /** The message contains a generated report, whose English prose must not count as the user's. */
  containsReport: boolean;
}

export function separateUserWords(message: string): UserWords {
  const lower = message.toLowerCase();
  const containsReport = REPORT_MARKERS.some((marker) => lower.includes(marker));
  const own: string[] = [];
  for (const line of message.split('\n')) {
    if (PASTE_LINE.test(line)) {
      // In a report, everything after the first pasted line belongs to the report.
      if (containsReport) break;
      continue;
    }
    own.push(line);
  }
  return { text: own.join('\n'), containsReport };
}
