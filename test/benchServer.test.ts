/** The server benchmark's own logic (not its timings): accounting, levelling, options and traffic. */
import { verifyRequest } from '../bots/slack/http/verify';
import {
  compare,
  levelling,
  lostSlackReplies,
  lostTeamsReplies,
  type Measurement,
  TARGETS,
} from './bench/server/accounting';
import { DEFAULT_ARGS, parseArgs } from './bench/server/args';
import { answered } from './bench/server/endpoints';
import { countProblems } from './bench/server/servers';
import {
  MESSAGES_PER_USER,
  POOL_SIZE,
  SLACK_PATH,
  slackTraffic,
  TEAMS_PATH,
  teamsTraffic,
} from './bench/server/traffic';

const measurement = (overrides: Partial<Measurement>): Measurement => ({
  requestsPerSecond: 1000,
  p50Ms: 5,
  p99Ms: 10,
  responses: 10_000,
  acked: 10_000,
  delivered: 10_000,
  lost: 0,
  errors: 0,
  cpuMicrosPerRequest: 500,
  ...overrides,
});

describe('lost replies', () => {
  test.each([
    [100, 100, 100, 0],
    [100, 100, 97, 3],
    // replies to requests still in flight when the load stopped: no loss, and no negative one
    [100, 100, 104, 0],
    // a request refused (not 2xx) is a request not answered
    [100, 98, 98, 2],
    [100, 98, 97, 3],
  ])(
    'Teams: %i responses, %i acked, %i delivered to the connector → %i lost',
    (responses, acked, delivered, lost) => {
      expect(lostTeamsReplies({ responses, acked }, delivered)).toBe(lost);
    },
  );

  test('Slack: every response without the answer is lost', () => {
    expect(lostSlackReplies({ responses: 50, answered: 48 })).toBe(2);
  });

  test('a Slack ack counts only with its answer: blocks from ours and the answer bots, text from the echo bot', () => {
    expect(answered('ours')(SLACK_PATH, 200, '{"response_type":"ephemeral","blocks":[{}]}')).toBe(true);
    expect(answered('ours')(SLACK_PATH, 200, '{"response_type":"ephemeral","text":"sorry"}')).toBe(false);
    expect(answered('ours')(SLACK_PATH, 401, '')).toBe(false);
    expect(answered('echo')(SLACK_PATH, 200, '{"response_type":"ephemeral","text":"4.4.316"}')).toBe(true);
    expect(answered('answerOnly')(SLACK_PATH, 200, '{"response_type":"ephemeral","text":"4.4.316"}')).toBe(
      false,
    );
    expect(answered('fixedAnswer')(SLACK_PATH, 200, '{"response_type":"ephemeral","blocks":[{}]}')).toBe(
      true,
    );
    expect(answered('ours')(TEAMS_PATH, 200, '')).toBe(true);
    expect(answered('ours')(TEAMS_PATH, 500, '')).toBe(false);
  });
});

describe('comparison with the fixed-answer bot', () => {
  test('Teams meets its target at 0.9 of the throughput and 1.2x the p99, with nothing lost', () => {
    const fixed = measurement({});
    expect(compare(measurement({ requestsPerSecond: 900, p99Ms: 12 }), fixed, TARGETS.teams)).toEqual({
      throughputRatio: 0.9,
      p99Ratio: 1.2,
      cpuRatio: 1,
      met: true,
    });
    expect(compare(measurement({ requestsPerSecond: 899 }), fixed, TARGETS.teams).met).toBe(false);
    expect(compare(measurement({ p99Ms: 12.1 }), fixed, TARGETS.teams).met).toBe(false);
    expect(compare(measurement({ lost: 1 }), fixed, TARGETS.teams).met).toBe(false);
    expect(compare(measurement({ errors: 1 }), fixed, TARGETS.teams).met).toBe(false);
  });

  test('Slack meets its target at 0.75 of the throughput', () => {
    const fixed = measurement({});
    expect(compare(measurement({ requestsPerSecond: 750 }), fixed, TARGETS.slack).met).toBe(true);
    expect(compare(measurement({ requestsPerSecond: 749 }), fixed, TARGETS.slack).met).toBe(false);
  });

  test('a comparison without targets (context) is never "met"', () => {
    expect(compare(measurement({}), measurement({})).met).toBe(false);
    expect(compare(measurement({ cpuMicrosPerRequest: 750 }), measurement({})).cpuRatio).toBe(1.5);
  });
});

describe('memory levelling off', () => {
  test('levelled when the last third peaks within 10 % of the middle third', () => {
    // the first third (start-up, caches filling) does not count
    expect(levelling([50, 80, 100, 100, 104, 102, 105, 108, 109])).toMatchObject({
      middleMax: 104,
      lastMax: 109,
      levelled: true,
    });
  });

  test('still growing when the last third peaks higher', () => {
    const result = levelling([100, 110, 120, 130, 140, 150, 160, 170, 180]);
    expect(result?.levelled).toBe(false);
    expect(result?.growth).toBeCloseTo(180 / 150 - 1);
  });

  test('says nothing with fewer than three samples', () => {
    expect(levelling([1, 2])).toBeUndefined();
  });
});

describe('options', () => {
  test('defaults: 10 s measurements after a 3 s warm-up, 10 connections, no soak', () => {
    expect(parseArgs([])).toEqual(DEFAULT_ARGS);
    expect(DEFAULT_ARGS).toMatchObject({ duration: 10, warmup: 3, connections: 10 });
    expect(DEFAULT_ARGS.soak).toBeUndefined();
  });

  test('reads a soak and a rate', () => {
    expect(parseArgs(['--soak', '300', '--rate', '500', '--cpu-prof'])).toMatchObject({
      soak: 300,
      rate: 500,
      cpuProfile: true,
    });
  });

  test.each([[['--soak', '999999']], [['--soak']], [['--duration', '1.5']], [['--forever']], [['300']]])(
    'refuses %j: every run is bounded',
    (argv) => {
      expect(() => parseArgs(argv)).toThrow();
    },
  );
});

describe('traffic', () => {
  const connector = 'http://127.0.0.1:1/';

  test('every Teams activity has its own id and points at the connector stand-in', () => {
    const next = teamsTraffic(connector, { runId: 't', freshIds: false });
    const activities = Array.from({ length: 200 }, () => JSON.parse(next().body));
    expect(new Set(activities.map((a) => a.id)).size).toBe(200);
    expect(activities.every((a) => a.serviceUrl === connector)).toBe(true);
    const kinds = new Set(activities.map((a) => a.conversation.conversationType));
    expect(kinds).toEqual(new Set(['personal', 'channel']));
  });

  test('a channel user asks the follow-up in the thread of the first question', () => {
    const next = teamsTraffic(connector, { runId: 't', freshIds: true });
    const activities = Array.from({ length: 10 }, () => JSON.parse(next().body));
    const channelUser = activities.slice(5, 10);
    const root = channelUser[0]?.id;
    expect(channelUser.every((a) => a.conversation.id.endsWith(`;messageid=${root}`))).toBe(true);
  });

  test('a pool of users comes back; fresh ids never repeat a user', () => {
    // One request more than the pool holds: the first user is back.
    const length = POOL_SIZE * MESSAGES_PER_USER + 1;
    const users = (freshIds: boolean) => {
      const next = teamsTraffic(connector, { runId: 't', freshIds });
      return new Set(Array.from({ length }, () => JSON.parse(next().body).from.id)).size;
    };
    expect(users(false)).toBe(POOL_SIZE);
    expect(users(true)).toBe(POOL_SIZE + 1);
  });

  test('Slack commands pass the signature check with the test secret', () => {
    const next = slackTraffic('http://127.0.0.1:1/api/', 'bench-secret', { runId: 's', freshIds: true });
    const request = next();
    expect(request.path).toBe(SLACK_PATH);
    expect(verifyRequest('bench-secret', request.body, request.headers)).toEqual({ ok: true });
    expect(new URLSearchParams(request.body).get('command')).toBe('/mailflow');
  });
});

test('counts warnings and errors in a pino log', () => {
  expect(countProblems('{"level":30,"msg":"a"}\n{"level":40,"msg":"b"}\n{"level":50,"msg":"c"}\n')).toBe(2);
});
