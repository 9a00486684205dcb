/**
 * Reading settings from the environment: each reader notes every problem it finds and goes on with
 * a fallback, so that one start-up names every wrong or missing setting at once, not only the first.
 * Entry points (the server's main, the Teams package script) read the environment; nothing else does.
 */
import { CodedError, ERROR_CODES } from './errors';

export type Env = Readonly<Record<string, string | undefined>>;

export interface SettingProblem {
  setting: string;
  problem: string;
}

/** Settings are missing or wrong; the message names each one, never a value that may be a secret. */
export class ConfigError extends CodedError {
  readonly code = ERROR_CODES.settingsInvalid;
  readonly problems: readonly SettingProblem[];

  constructor(problems: readonly SettingProblem[]) {
    super(problems.map(({ setting, problem }) => `${setting}: ${problem}`).join('; '));
    this.name = 'ConfigError';
    this.problems = problems;
  }

  /** The first setting named. */
  get setting(): string {
    return this.problems[0]?.setting ?? '';
  }
}

const WHOLE_NUMBER = /^\d+$/;

export class SettingsReader {
  private readonly problems: SettingProblem[] = [];

  constructor(private readonly env: Env) {}

  /** The setting's value, trimmed; `undefined` when unset or blank. */
  text(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  /** Notes a problem with `setting`; the start-up stops once every setting has been read. */
  problem(setting: string, problem: string): void {
    this.problems.push({ setting, problem });
  }

  /** A whole number from `min` to `max`, `fallback` when unset. */
  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (WHOLE_NUMBER.test(raw) && value >= min && value <= max) return value;
    this.problem(name, `"${raw}" is not a whole number from ${min} to ${max}`);
    return fallback;
  }

  /** One of `choices`, `fallback` when unset. */
  oneOf<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const raw = this.text(name);
    if (raw === undefined) return fallback;
    if ((choices as readonly string[]).includes(raw)) return raw as T;
    this.problem(name, `must be one of ${choices.join(', ')}, not "${raw}"`);
    return fallback;
  }

  /** `true` or `false`, `fallback` when unset. */
  flag(name: string, fallback: boolean): boolean {
    return this.oneOf(name, ['true', 'false'], fallback ? 'true' : 'false') === 'true';
  }

  /** An http(s) URL ending in `/`, `fallback` when unset. */
  url(name: string, fallback: string): string {
    const raw = this.text(name) ?? fallback;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      this.problem(name, `"${raw}" is not a URL`);
      return fallback;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      this.problem(name, 'must be an http(s) URL');
      return fallback;
    }
    return url.href.endsWith('/') ? url.href : `${url.href}/`;
  }

  /** Throws one ConfigError naming every problem noted, if there is any. */
  check(): void {
    if (this.problems.length > 0) throw new ConfigError([...this.problems]);
  }
}
