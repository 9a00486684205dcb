/**
 * Content strings mark UI labels as `**bold**`. Each format shows that its own way; this splits a
 * string into plain and bold runs once, so no renderer parses markup of its own.
 */
export interface Run {
  text: string;
  bold: boolean;
}

export function splitBold(text: string): Run[] {
  const runs: Run[] = [];
  const parts = text.split('**');
  parts.forEach((part, index) => {
    // An odd count of markers leaves the last run open: show it plain rather than lose it.
    const bold = index % 2 === 1 && index < parts.length - 1;
    if (part) runs.push({ text: part, bold });
  });
  return runs;
}

/** The text without bold markers, for formats with no bold. */
export const plainOf = (text: string): string =>
  splitBold(text)
    .map((run) => run.text)
    .join('');
