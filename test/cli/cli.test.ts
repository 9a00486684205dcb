/** The built `mailflow` command, run as a user runs it. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardIssues } from '../support/adaptiveCards';

const BIN = join(__dirname, '..', '..', 'dist', 'bots', 'cli', 'main.js');

function mailflow(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('answers the 4.4.316 question in full', () => {
  const { status, stdout, stderr } = mailflow(['ask', 'what does 4.4.316 mean?']);
  expect(stderr).toBe('');
  expect(status).toBe(0);
  expect(stdout).toContain('4.4.316 Connection refused');
  expect(stdout).toContain('Fix now');
  expect(stdout).toContain('from Internal Relay to Authoritative');
});

test.each([
  ['¿qué significa 4.4.316?', 'Corregir ahora'],
  ['o que significa 4.4.316?', 'Corrigir agora'],
  ['4.4.316 是什么意思？', '立即修复'],
  ['cosa significa 4.4.316?', 'Correggi ora'],
  ['co oznacza 4.4.316?', 'Napraw teraz'],
])('answers "%s" in its language', (question, label) => {
  expect(mailflow(['ask', question]).stdout).toContain(label);
});

test('--format json has the contract’s fields', () => {
  const { stdout } = mailflow(['ask', '--locale', 'es-MX', '--format', 'json', '450', '4.4.316']);
  const answer = JSON.parse(stdout);
  expect(Object.keys(answer).sort()).toEqual([
    'codes',
    'details',
    'intent',
    'locale',
    'slack',
    'teams',
    'text',
  ]);
  expect(answer).toMatchObject({ intent: 'explain', codes: ['4.4.316'], locale: 'es', details: {} });
});

test('--format teams prints a valid card, --format slack the blocks', () => {
  expect(cardIssues(JSON.parse(mailflow(['ask', '--format', 'teams', '4.4.316']).stdout))).toEqual([]);
  const blocks = JSON.parse(mailflow(['ask', '--format', 'slack', '4.4.316']).stdout);
  expect(blocks[0]).toMatchObject({ type: 'header', text: { text: '4.4.316 Connection refused' } });
});

test('a pasted NDR shows its server and IP', () => {
  const ndr = "Server at mail.contoso.com (192.0.2.10) returned '450 4.4.316 Connection refused'";
  const { stdout } = mailflow(['ask', ndr]);
  expect(stdout).toContain('mail.contoso.com');
  expect(stdout).toContain('192.0.2.10');
});

test('--jsonl answers each line in order and reports bad lines without stopping', () => {
  const input = [
    '{"text": "4.4.316", "locale": "pl-PL"}',
    'not json',
    '[1]',
    '{"text": "lista"}',
    '{"text": 5}',
    '{"text": "list"}',
  ];
  const { status, stdout } = mailflow(['ask', '--jsonl'], `${input.join('\n')}\n`);
  expect(status).toBe(0);
  const lines = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(lines).toHaveLength(6);
  expect(lines[0]).toMatchObject({ intent: 'explain', codes: ['4.4.316'], locale: 'pl' });
  expect(lines[1]).toHaveProperty('error');
  expect(lines[2]).toHaveProperty('error');
  expect(lines[3]).toHaveProperty('intent');
  expect(lines[4]).toHaveProperty('error');
  expect(lines[5]).toMatchObject({ intent: 'list' });
});

test.each([
  [['ask']],
  [['ask', '--format', 'html', '4.4.316']],
  [['ask', '--locale', 'not a tag!', '4.4.316']],
  [['ask', '--bogus', '4.4.316']],
  [['explain', '4.4.316']],
  [[]],
])('bad arguments %j: one line on stderr, non-zero exit', (args) => {
  const { status, stdout, stderr } = mailflow(args);
  expect(status).not.toBe(0);
  expect(stdout).toBe('');
  expect(stderr.trim().split('\n')).toHaveLength(1);
});

test.each([['xx'], ['!!'], ['not a tag!'], ['zz-ZZ']])(
  '--locale %s names no language: refused with the supported ones',
  (tag) => {
    const { status, stdout, stderr } = mailflow(['ask', '--locale', tag, '4.4.316']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('en, es, pt-BR, zh-CN, it, pl');
  },
);

test('a real language other than the six is answered in English', () => {
  const answer = JSON.parse(mailflow(['ask', '--locale', 'de-DE', '--format', 'json', '4.4.316']).stdout);
  expect(answer.locale).toBe('en');
});

test('an unknown option or a missing value is one clear line', () => {
  expect(mailflow(['ask', '--bogus', '4.4.316']).stderr).toBe(
    'mailflow: unknown option --bogus (see mailflow --help)\n',
  );
  expect(mailflow(['ask', '4.4.316', '--locale']).stderr).toBe(
    'mailflow: --locale needs a value (see mailflow --help)\n',
  );
});

test('--version prints the version', () => {
  const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  expect(mailflow(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: '' });
});

test.each([[['help']], [['--help']], [['-h']]])('%j shows the commands with examples', (args) => {
  const { status, stdout } = mailflow(args);
  expect(status).toBe(0);
  for (const part of ['mailflow ask', 'mailflow check', 'Examples:', 'mailflow check mail.contoso.com'])
    expect(stdout).toContain(part);
});

test('mailflow ask "check mail.contoso.com" says the bots run the check', () => {
  const answer = JSON.parse(mailflow(['ask', '--format', 'json', 'comprueba mail.contoso.com']).stdout);
  expect(answer).toMatchObject({
    intent: 'check',
    codes: [],
    locale: 'es',
    details: { server: 'mail.contoso.com' },
  });
  expect(answer.text).toContain('npx mailflow check mail.contoso.com');
});
