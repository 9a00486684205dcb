/**
 * Found while building the attack suite: restify's general body parser takes multipart forms too,
 * and writes each uploaded file to the temporary folder, where nothing ever deletes it: a stranger
 * could fill the disk 256 KB at a time. Bot Framework sends only JSON, so the Teams endpoint takes
 * nothing else, and parses nothing else.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawRequest } from './support/rawRequest';
import { type ServerChild, startServerChild } from './support/serverProcess';

let server: ServerChild;
let temporary: string;
beforeAll(async () => {
  temporary = mkdtempSync(join(tmpdir(), 'mailflow-attack-'));
  server = await startServerChild({ TMPDIR: temporary });
}, 30_000);
afterAll(async () => {
  await server.stop();
  rmSync(temporary, { recursive: true, force: true });
});

const boundary = 'attack-boundary';
const upload = [
  `--${boundary}`,
  'Content-Disposition: form-data; name="file"; filename="payload.bin"',
  'Content-Type: application/octet-stream',
  '',
  'x'.repeat(100 * 1024),
  `--${boundary}--`,
  '',
].join('\r\n');

test('a multipart upload is refused with 415, and nothing is written to disk', async () => {
  for (let index = 0; index < 5; index += 1) {
    const response = await rawRequest(server.base, {
      path: '/api/messages',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: upload,
    });
    expect(response.status).toBe(415);
  }
  expect(readdirSync(temporary)).toEqual([]);
});

test.each(['application/x-www-form-urlencoded', 'text/plain', 'application/octet-stream', ''])(
  'a body of type "%s" is refused with 415',
  async (type) => {
    const response = await rawRequest(server.base, {
      path: '/api/messages',
      headers: type ? { 'content-type': type } : {},
      body: 'type=message&text=4.4.316',
    });
    expect(response.status).toBe(415);
  },
);
