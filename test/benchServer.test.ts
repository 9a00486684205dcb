/** The server benchmark's own logic (not its timings): accounting, levelling, options and traffic. */
import { RATE_LIMITS } from '../bots/conversation/limits';
import { TokenBuckets } from '../bots/runtime/tokenBuckets';
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
import { DEFAULT_SENDERS, newUserShare, Senders, type SendersOptions } from './bench/server/senders';
import { countProblems } from './bench/server/servers';
import { SLACK_PATH, slackRequests, TEAMS_PATH, teamsRequests, traffic } from './bench/server/traffic';

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

  test('our state on SQLite unless told; several backends side by side, in rounds', () => {
    expect(DEFAULT_ARGS).toMatchObject({ state: ['sqlite'], rounds: 3 });
    expect(parseArgs(['--state', 'redis'])).toMatchObject({ state: ['redis'] });
    expect(parseArgs(['--state', 'memory,sqlite,redis', '--rounds', '5'])).toMatchObject({
      state: ['memory', 'sqlite', 'redis'],
      rounds: 5,
    });
  });

  test.each([
    [['--soak', '999999']],
    [['--soak']],
    [['--duration', '1.5']],
    [['--forever']],
    [['300']],
    [['--state', 'postgres']],
    [['--state', 'sqlite,sqlite']],
    [['--state', 'memory,']],
    [['--state']],
    [['--rounds', '0']],
    [['--soak', '60', '--state', 'sqlite,redis']],
  ])('refuses %j: every run is bounded', (argv) => {
    expect(() => parseArgs(argv)).toThrow();
  });
});

describe('traffic', () => {
  const connector = 'http://127.0.0.1:1/';
  const senders = (options: Partial<SendersOptions> = {}) => new Senders({ ...DEFAULT_SENDERS, ...options });

  test('every Teams activity has its own id and points at the connector stand-in', () => {
    const pool = senders();
    const next = traffic(teamsRequests(connector, 't'), () => pool.next());
    const activities = Array.from({ length: 200 }, () => JSON.parse(next().body));
    expect(new Set(activities.map((a) => a.id)).size).toBe(200);
    expect(activities.every((a) => a.serviceUrl === connector)).toBe(true);
    const kinds = new Set(activities.map((a) => a.conversation.conversationType));
    expect(kinds).toEqual(new Set(['personal', 'channel']));
  });

  test('a returning channel user asks again in the thread their first question started', () => {
    const build = teamsRequests(connector, 't');
    const first = JSON.parse(build({ user: 1, conversation: 0, first: true }, 0).body);
    const again = JSON.parse(build({ user: 1, conversation: 0, first: false }, 1).body);
    expect(first.conversation.id).toMatch(new RegExp(`;messageid=${first.id}$`));
    expect(again.conversation.id).toBe(first.conversation.id);
    expect(again.replyToId).toBe(first.id);
  });

  test("Slack commands pass the signature check with the test secret, in the sender's channel", () => {
    const build = slackRequests('http://127.0.0.1:1/api/', 'bench-secret', 's');
    const request = build({ user: 7, conversation: 2, first: true }, 0);
    expect(request.path).toBe(SLACK_PATH);
    expect(verifyRequest('bench-secret', request.body, request.headers)).toEqual({ ok: true });
    const fields = new URLSearchParams(request.body);
    expect(fields.get('command')).toBe('/mailflow');
    expect(fields.get('user_id')).toBe('USX7');
    expect(fields.get('channel_id')).toBe('CSX2');
  });
});

describe('senders', () => {
  /** A clock the test moves by hand. */
  const clock = () => {
    let now = 0;
    return {
      now: () => now,
      advance: (ms: number) => {
        now += ms;
      },
    };
  };

  test('one message in twenty from a new user; the rest from returning users in sessions', () => {
    const time = clock();
    const pool = new Senders({ ...DEFAULT_SENDERS, now: time.now });
    const sent = Array.from({ length: 1_000 }, () => pool.next());
    expect(sent.filter((sender) => sender.user >= DEFAULT_SENDERS.returningUsers)).toHaveLength(50);
    expect(pool.counts).toEqual({ returning: 950, newByShare: 50, newByLimits: 0 });
    const returning = sent.filter((sender) => sender.user < DEFAULT_SENDERS.returningUsers);
    expect(returning.slice(0, 3).map((sender) => sender.user)).toEqual([0, 0, 0]);
    expect(returning[3]?.user).toBe(1);
    expect(new Set(sent.map((sender) => sender.user)).size).toBe(Math.ceil(950 / 3) + 50);
  });

  test("no user and no conversation goes faster than the bot's rate limits", () => {
    const time = clock();
    // Few users, so that the limits bind: one conversation of three users.
    const pool = new Senders({ ...DEFAULT_SENDERS, returningUsers: 3, newUserShare: 0, now: time.now });
    const byUser = new Map<number, number[]>();
    const conversationTimes: number[] = [];
    for (let step = 0; step < 2_000; step++) {
      const sender = pool.next();
      if (sender.user < 3) {
        byUser.set(sender.user, [...(byUser.get(sender.user) ?? []), time.now()]);
        conversationTimes.push(time.now());
      }
      time.advance(50);
    }
    // Simulates the bot's own buckets over what arrived: none may refuse.
    const refusals = (times: number[], limit: { burst: number; perSecond: number }) => {
      const buckets = new TokenBuckets({ maxKeys: 1, now: () => current });
      let current = 0;
      let refused = 0;
      for (const at of times) {
        current = at;
        if (!buckets.take('k', limit)) refused += 1;
      }
      return refused;
    };
    for (const times of byUser.values()) expect(refusals(times, RATE_LIMITS.message.user)).toBe(0);
    expect(refusals(conversationTimes, RATE_LIMITS.message.conversation)).toBe(0);
    // Over 100 s, the three users sent about what the limits allow (10 each, then one every 2 s)…
    expect(conversationTimes.length).toBeGreaterThan(3 * (10 + 100 * 0.5 * 0.85));
    // …and the rest came from new users, counted as such.
    expect(pool.counts.newByLimits).toBe(2_000 - conversationTimes.length);
  });

  test('introductions: every returning user once, as their first message', () => {
    const pool = new Senders({ ...DEFAULT_SENDERS, returningUsers: 30 });
    const introduced = [...pool.introductions()];
    expect(introduced.map((sender) => sender.user)).toEqual(Array.from({ length: 30 }, (_, user) => user));
    expect(introduced.every((sender) => sender.first)).toBe(true);
    expect(pool.next().first).toBe(false);
  });

  test('the share of new users between two readings', () => {
    expect(
      newUserShare(
        { returning: 10, newByShare: 1, newByLimits: 0 },
        { returning: 100, newByShare: 6, newByLimits: 5 },
      ),
    ).toBe(0.1);
  });
});

test('counts warnings and errors in a pino log', () => {
  expect(countProblems('{"level":30,"msg":"a"}\n{"level":40,"msg":"b"}\n{"level":50,"msg":"c"}\n')).toBe(2);
});
