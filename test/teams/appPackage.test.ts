/** The Teams app package: the manifest against Microsoft's JSON schema, its languages, icons and zip. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync, crc32 as referenceCrc32 } from 'node:zlib';
import type { ErrorObject } from 'ajv';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from '../../bots/teams/bot/messageExtension';
import {
  APP_PACKAGE_FOLDER,
  appPackageEntries,
  fillPlaceholders,
  PackageSettingError,
  readManifestValues,
} from '../../bots/teams/scripts/appPackage';
import { createZip } from '../../bots/teams/scripts/zip';
import { ask, type Locale } from '../../core';

const SCHEMAS = join(
  require.resolve('@microsoft/app-manifest/package.json'),
  '..',
  'build',
  'json-schemas',
  'teams',
  'v1.22',
);
const loadSchema = (file: string): object => JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8'));

const SETTINGS = {
  MicrosoftAppId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  TEAMS_APP_WEBSITE_URL: 'https://mailflow.example.org/',
};
const values = readManifestValues(SETTINGS, '0.1.0');
const entries = appPackageEntries(values);
const entry = (name: string): Buffer => {
  const found = entries.find((e) => e.name === name);
  if (!found) throw new Error(`${name} is not in the package`);
  return found.data;
};
// biome-ignore lint/suspicious/noExplicitAny: the manifest is JSON read by the test.
const manifest: any = JSON.parse(entry('manifest.json').toString('utf8'));

function validator(schemaFile: string) {
  // The schemas are draft-04 and use a few keywords ajv's strict mode does not know; some of their
  // patterns ("[\b…\b]") are valid only without the regular expressions' unicode flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(loadSchema(schemaFile));
}
const describeErrors = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((error) => `${error.instancePath} ${error.message}`);

test('the filled manifest is valid against the Teams v1.22 schema', () => {
  const validate = validator('MicrosoftTeams.schema.json');
  const valid = validate(manifest);
  expect(describeErrors(validate.errors)).toEqual([]);
  expect(valid).toBe(true);
  expect(manifest.manifestVersion).toBe('1.22');
});

test('the schema check can fail: a manifest without its bot id is refused', () => {
  const validate = validator('MicrosoftTeams.schema.json');
  const broken = { ...manifest, bots: [{ ...manifest.bots[0], botId: undefined }] };
  expect(validate(JSON.parse(JSON.stringify(broken)))).toBe(false);
});

test('the bot, its commands and the search command are what the code serves', () => {
  expect(manifest.id).toBe(SETTINGS.MicrosoftAppId);
  expect(manifest.bots[0]).toMatchObject({
    botId: SETTINGS.MicrosoftAppId,
    scopes: ['personal', 'team', 'groupChat'],
  });
  expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual([
    'help',
    'list',
    'language',
  ]);
  const [command] = manifest.composeExtensions[0].commands;
  expect(manifest.composeExtensions[0].botId).toBe(SETTINGS.MicrosoftAppId);
  expect(command).toMatchObject({ id: SEARCH_COMMAND_ID, type: 'query', initialRun: true });
  expect(command.parameters[0].name).toBe(SEARCH_PARAMETER);
});

const LANGUAGES: [string, Locale][] = [
  ['es', 'es'],
  ['pt-br', 'pt-BR'],
  ['zh-cn', 'zh-CN'],
  ['it', 'it'],
  ['pl', 'pl'],
];

describe.each(LANGUAGES)('the %s strings', (tag, locale) => {
  const file = manifest.localizationInfo.additionalLanguages.find(
    (language: { languageTag: string }) => language.languageTag === tag,
  )?.file;
  const strings: Record<string, string> = JSON.parse(entry(file).toString('utf8'));

  test('are valid against the localization schema', () => {
    const validate = validator('MicrosoftTeams.Localization.schema.json');
    expect(validate(strings)).toBe(true);
    expect(describeErrors(validate.errors)).toEqual([]);
  });

  test('translate every text of the manifest', () => {
    const keys = Object.keys(strings).filter((key) => key !== '$schema');
    const commands = [0, 1, 2].flatMap((i) => [
      `bots[0].commandLists[0].commands[${i}].title`,
      `bots[0].commandLists[0].commands[${i}].description`,
    ]);
    const search = ['title', 'description', 'parameters[0].title', 'parameters[0].description'].map(
      (field) => `composeExtensions[0].commands[0].${field}`,
    );
    expect(keys.sort()).toEqual(
      ['name.short', 'name.full', 'description.short', 'description.full', ...commands, ...search].sort(),
    );
    for (const key of keys) expect(strings[key]?.trim()).not.toBe('');
    expect(strings['description.full']).not.toBe(manifest.description.full);
  });

  test('name commands the bot understands, answered in the language', () => {
    const intents = [0, 1, 2].map((i) => {
      const title = strings[`bots[0].commandLists[0].commands[${i}].title`] ?? '';
      // Teams sends the command's title as the message; its client runs in that language.
      const { understanding, answer } = ask(title, { clientLocale: locale });
      return `${understanding.intent}:${answer.locale}`;
    });
    expect(intents).toEqual([`help:${locale}`, `list:${locale}`, `language:${locale}`]);
  });
});

/** Reads a PNG's size and RGBA pixels (8-bit RGBA, no interlace: what the icon script writes). */
function decodePng(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(
      referenceCrc32(png.subarray(offset + 4, offset + 8 + length)),
    );
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]]).toEqual([8, 6, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = require('node:zlib').inflateSync(Buffer.concat(idat)) as Buffer;
  const alpha = (x: number, y: number) => raw[y * (width * 4 + 1) + 1 + x * 4 + 3] ?? -1;
  const pixel = (x: number, y: number) => [
    ...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4),
  ];
  return { width, height, alpha, pixel };
}

test('the colour icon is 192×192 and opaque inside', () => {
  const icon = decodePng(entry(manifest.icons.color));
  expect([icon.width, icon.height]).toEqual([192, 192]);
  expect(icon.alpha(96, 20)).toBe(255);
});

test('the outline icon is 32×32, white on a transparent background', () => {
  const icon = decodePng(entry(manifest.icons.outline));
  expect([icon.width, icon.height]).toEqual([32, 32]);
  let transparent = 0;
  let drawn = 0;
  for (let y = 0; y < 32; y++) {
    for (let x = 0; x < 32; x++) {
      const [r, g, b, a] = icon.pixel(x, y);
      if (a === 0) transparent++;
      else {
        drawn++;
        expect([r, g, b]).toEqual([255, 255, 255]);
      }
    }
  }
  expect(icon.alpha(0, 0)).toBe(0);
  expect(transparent).toBeGreaterThan(drawn);
  expect(drawn).toBeGreaterThan(100);
});

describe('settings', () => {
  const failure = (env: Record<string, string>) => {
    try {
      readManifestValues(env, '0.1.0');
    } catch (error) {
      return error instanceof PackageSettingError ? error.setting : String(error);
    }
    return 'no error';
  };

  test.each([
    [{}, 'MicrosoftAppId'],
    [{ MicrosoftAppId: 'my-bot' }, 'MicrosoftAppId'],
    [{ MicrosoftAppId: SETTINGS.MicrosoftAppId }, 'TEAMS_APP_WEBSITE_URL'],
    [{ ...SETTINGS, TEAMS_APP_WEBSITE_URL: 'http://mailflow.example.org' }, 'TEAMS_APP_WEBSITE_URL'],
    [{ ...SETTINGS, TEAMS_APP_PRIVACY_URL: 'not a url' }, 'TEAMS_APP_PRIVACY_URL'],
  ])('%j fails naming %s', (env, setting) => {
    expect(failure(env)).toBe(setting);
  });

  test('privacy and terms default to the website, and can be set', () => {
    expect(values.TEAMS_APP_PRIVACY_URL).toBe('https://mailflow.example.org/');
    expect(
      readManifestValues({ ...SETTINGS, TEAMS_APP_TERMS_URL: 'https://x.example/terms' }, '1.0.0'),
    ).toMatchObject({ TEAMS_APP_TERMS_URL: 'https://x.example/terms', APP_VERSION: '1.0.0' });
  });

  test('a placeholder without a value is named; values are JSON-escaped', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the manifest's placeholder syntax, not a template.
    expect(() => fillPlaceholders('{"id":"${{Missing}}"}', {})).toThrow('Missing');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the manifest's placeholder syntax, not a template.
    expect(JSON.parse(fillPlaceholders('{"a":"${{X}}"}', { X: 'say "hi"\\' }))).toEqual({ a: 'say "hi"\\' });
  });

  test('the template has no placeholder left unfilled', () => {
    expect(entry('manifest.json').toString('utf8')).not.toContain('${{');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the manifest's placeholder syntax, not a template.
    expect(readFileSync(join(APP_PACKAGE_FOLDER, 'manifest.json'), 'utf8')).toContain('${{MicrosoftAppId}}');
  });
});

/** Reads a zip through its central directory, the way unzip tools do. */
function readZip(zip: Buffer): { name: string; data: Buffer }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const files: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(offset)).toBe(0x02014b50);
    const method = zip.readUInt16LE(offset + 10);
    const crc = zip.readUInt32LE(offset + 16);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const stored = zip.subarray(start, start + compressedSize);
    const data = method === 8 ? inflateRawSync(stored) : stored;
    expect(referenceCrc32(data)).toBe(crc);
    files.push({ name, data });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

test('the zip holds every file of the package, byte for byte, at its root', () => {
  const files = readZip(createZip(entries));
  expect(files.map((file) => file.name)).toEqual([
    'manifest.json',
    'color.png',
    'outline.png',
    'es.json',
    'pt-BR.json',
    'zh-CN.json',
    'it.json',
    'pl.json',
  ]);
  for (const file of files) expect(file.data.equals(entry(file.name))).toBe(true);
});

test('the same files give the same zip', () => {
  expect(createZip(entries).equals(createZip(entries))).toBe(true);
});
