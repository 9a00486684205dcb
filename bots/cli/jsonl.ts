/** `mailflow ask --jsonl`: one request a line in, one answer object a line out, in the same order. */
import { createInterface } from 'node:readline';
import { ask } from '../../core';
import { answerObject } from './answerOutput';

/** The answer object for one input line, or `{error}` for a line that isn't a valid request. */
export function answerLine(line: string): Record<string, unknown> {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON' };
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return { error: 'expected a JSON object such as {"text": "4.4.316"}' };
  }
  const { text, locale } = request as Record<string, unknown>;
  if (typeof text !== 'string' || text.trim() === '') return { error: '"text" must be a non-empty string' };
  if (locale !== undefined && typeof locale !== 'string') return { error: '"locale" must be a string' };
  return answerObject(ask(text, { clientLocale: locale }).answer);
}

export async function runJsonl(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const written = output.write(`${JSON.stringify(answerLine(line))}\n`);
    if (!written) await new Promise((resolve) => output.once('drain', resolve));
  }
}
