/** How the command prints an answer or a check in each `--format`. */
import type { Format } from './args';

/** An answer or check object: its fields plus the three renderings (CONTRACT.md). */
export interface PrintableObject {
  text: string;
  teams: unknown;
  slack: unknown;
}

export function printed(format: Format, object: PrintableObject): string {
  switch (format) {
    case 'text':
      return object.text;
    case 'json':
      return JSON.stringify(object, null, 2);
    case 'teams':
      return JSON.stringify(object.teams, null, 2);
    case 'slack':
      return JSON.stringify(object.slack, null, 2);
  }
}
