#!/usr/bin/env node
/** `npx mailflow`: answers a message the way the bots would, in the terminal. */
import { loadLanguageModel } from '../../core';
import { answerIn } from './answerOutput';
import { parseCommand, USAGE, UsageError } from './args';
import { runJsonl } from './jsonl';

async function main(argv: readonly string[]): Promise<number> {
  const command = parseCommand(argv);
  if (command.kind !== 'help') await loadLanguageModel();
  switch (command.kind) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'jsonl':
      await runJsonl(process.stdin, process.stdout);
      return 0;
    case 'ask':
      process.stdout.write(`${answerIn(command.format, command.text, command.locale)}\n`);
      return 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const hint = error instanceof UsageError ? ' (see mailflow --help)' : '';
    const message = `mailflow: ${error instanceof Error ? error.message : String(error)}${hint}`;
    process.stderr.write(`${message}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
