/** The Teams app package: the manifest against Microsoft's JSON schema, its languages, icons and zip. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { ErrorObject } from 'ajv';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { PNG } from 'pngjs';
import * as yauzl from 'yauzl';
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from '../../bots/teams/bot/messageExtension';
import {
  APP_PACKAGE_FOLDER,
  appPackageEntries,
  fillPlaceholders,
  PackageSettingError,
  readManifestValues,
  zipAppPackage,
} from '../../bots/teams/scripts/appPackage';
import { ICONS, renderIcon } from '../../bots/teams/scripts/renderIcons';
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

/** A PNG's size and straight-alpha RGBA pixels; pngjs checks every chunk's CRC as it reads. */
function decodePng(png: Buffer) {
  const { width, height, data } = PNG.sync.read(png);
  const pixel = (x: number, y: number) => [...data.subarray((y * width + x) * 4, (y * width + x + 1) * 4)];
  return { width, height, pixel, alpha: (x: number, y: number) => pixel(x, y)[3] };
}

test('the colour icon is 192×192 and opaque inside', () => {
  const icon = decodePng(entry(manifest.icons.color));
  expect([icon.width, icon.height]).toEqual([192, 192]);
  expect(icon.alpha(96, 20)).toBe(255);
  expect(icon.pixel(96, 180)).toEqual([0x0f, 0x6c, 0xbd, 255]);
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

test.each(ICONS)('$file is $source drawn at $size px: the committed icon follows its SVG', (icon) => {
  const committed = decodePng(readFileSync(join(APP_PACKAGE_FOLDER, icon.file)));
  const rendered = decodePng(renderIcon(icon));
  expect([rendered.width, rendered.height]).toEqual([icon.size, icon.size]);
  expect([committed.width, committed.height]).toEqual([icon.size, icon.size]);
  // Pixels, not bytes: a PNG encoder may compress the same picture differently.
  const pixels = (png: ReturnType<typeof decodePng>) =>
    Array.from({ length: icon.size * icon.size }, (_, i) =>
      png.pixel(i % icon.size, Math.floor(i / icon.size)),
    );
  expect(pixels(committed)).toEqual(pixels(rendered));
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

/** Reads a zip with yauzl, an unzip library of its own, through the central directory as unzip tools do. */
interface ZippedFile {
  name: string;
  data: Buffer;
  /** The CRC-32 written in the zip for the file. */
  crc: number;
  modified: Date;
}

function readZip(zip: Buffer): Promise<ZippedFile[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      zip,
      { lazyEntries: true, strictFileNames: true, validateEntrySizes: true },
      (error, file) => {
        if (error) return reject(error);
        const files: ZippedFile[] = [];
        file.on('error', reject);
        file.on('end', () => resolve(files));
        file.on('entry', (zipEntry: yauzl.Entry) => {
          file.openReadStream(zipEntry, (streamError, stream) => {
            if (streamError) return reject(streamError);
            const chunks: Buffer[] = [];
            stream.on('data', (chunk: Buffer) => chunks.push(chunk));
            stream.on('error', reject);
            stream.on('end', () => {
              files.push({
                name: zipEntry.fileName,
                data: Buffer.concat(chunks),
                crc: zipEntry.crc32,
                modified: zipEntry.getLastModDate(),
              });
              file.readEntry();
            });
          });
        });
        file.readEntry();
      },
    );
  });
}

test('the zip holds every file of the package, byte for byte, at its root', async () => {
  const files = await readZip(zipAppPackage(entries));
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
  for (const file of files) {
    expect(file.data.equals(entry(file.name))).toBe(true);
    expect(file.crc).toBe(crc32(file.data));
  }
});

test('the same files give the same zip: every entry is dated 1 January 1980', async () => {
  const zip = zipAppPackage(entries);
  expect(zipAppPackage(entries).equals(zip)).toBe(true);
  for (const file of await readZip(zip)) expect(file.modified).toEqual(new Date(1980, 0, 1));
});
