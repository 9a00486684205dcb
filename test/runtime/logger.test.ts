/** Whatever a handler logs, no token, password or signing header reaches the log. */
import { Writable } from 'node:stream';
import { createLogger } from '../../bots/runtime/logger';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger('debug', destination), text: () => lines.join('') };
}

test('an error is logged with its name, message, stack and codes, and nothing it carries', () => {
  const { logger, text } = capture();
  // The shape of a Slack Web API request error wrapping an axios error.
  const error = Object.assign(new Error('A request error occurred: socket hang up'), {
    code: 'slack_webapi_request_error',
    original: { config: { headers: { Authorization: 'Bearer xoxb-never-logged' } } },
    request: { headers: { authorization: 'Bearer eyJ.never.logged' } },
  });
  logger.error({ err: error, reference: 'ab12' }, 'Slack: answering a message failed');

  const line = JSON.parse(text());
  expect(line.err).toMatchObject({
    name: 'Error',
    message: 'A request error occurred: socket hang up',
    code: 'slack_webapi_request_error',
  });
  expect(line.err.stack).toContain('logger.test');
  expect(text()).not.toContain('never');
});

test('secrets named as such are redacted wherever a log line carries them one level down', () => {
  const { logger, text } = capture();
  logger.info(
    {
      settings: { token: 'xoxb-1', appPassword: 'p@ss', signingSecret: 's3cret' },
      request: { headers: { authorization: 'Bearer t', 'x-slack-signature': 'v0=abc' } },
    },
    'settings',
  );
  expect(text()).not.toMatch(/xoxb-1|p@ss|s3cret|Bearer t|v0=abc/);
  expect(text()).toContain('[redacted]');
});
