#!/usr/bin/env node
/** `npx mailflow`: answers a message the way the bots would, or checks a mail server, in the terminal. */
import { answerIn } from './answerOutput';
import { parseCommand, USAGE, UsageError } from './args';
import { CheckRefusedError, runCheckCommand } from './check';
import { runJsonl } from './jsonl';
import { cliCheckSettings } from './settings';
import { version } from './version';

/** Exit statuses: 0 done (a check that ran, whatever it found), 1 failed, 2 bad arguments, 3 check refused. */
const EXIT = { usage: 2, refused: 3, failed: 1 } as const;

async function main(argv: readonly string[]): Promise<number> {
  const command = parseCommand(argv);
  switch (command.kind) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`${version()}\n`);
      return 0;
    case 'jsonl':
      await runJsonl(process.stdin, process.stdout);
      return 0;
    case 'ask':
      process.stdout.write(`${answerIn(command.format, command.text, command.locale)}\n`);
      return 0;
    case 'check':
      process.stdout.write(`${await runCheckCommand(command, cliCheckSettings(process.env))}\n`);
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
    process.exitCode =
      error instanceof UsageError
        ? EXIT.usage
        : error instanceof CheckRefusedError
          ? EXIT.refused
          : EXIT.failed;
  },
);
