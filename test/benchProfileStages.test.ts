/** The server benchmark's CPU breakdown by stage, read from a small hand-made V8 CPU profile. */
import { breakdown, type CpuProfile, stageOfScript } from './bench/server/profileStages';

const DIST = 'file:///srv/mailflow/dist';
const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
  id,
  callFrame: { functionName, url },
  children,
});

/** root → each path below; every sample 100 µs apart. */
const PROFILE: CpuProfile = {
  nodes: [
    frame(1, '(root)', '', [2, 3, 4, 5, 7, 9, 11]),
    frame(2, '(idle)', ''),
    frame(3, '(garbage collector)', ''),
    // JSON.stringify (native, no script) called while rendering Block Kit: rendering
    frame(4, 'renderAnswerBlocks', `${DIST}/bots/slack/blocks/answerBlocks.js`, [6]),
    frame(5, 'parserOnIncoming', 'node:_http_server'),
    frame(6, 'stringify', ''),
    // the ack written by our receiver: Node's HTTP, not parsing
    frame(7, 'ack', `${DIST}/bots/slack/http/httpAck.js`, [8]),
    frame(8, 'end', 'node:_http_outgoing'),
    // a reply sent by our outbound transport: sending, even in Node's HTTP client
    frame(9, 'send', `${DIST}/bots/runtime/outbound/transport.js`, [10]),
    frame(10, 'onSocket', 'node:_http_client'),
    frame(11, 'info', 'file:///srv/mailflow/node_modules/pino/lib/proto.js'),
  ],
  startTime: 1_000,
  endTime: 2_000,
  samples: [2, 3, 6, 5, 8, 10, 11, 6, 2],
  timeDeltas: [100, 100, 100, 100, 100, 100, 100, 100, 100],
};

test('scripts of ours and of libraries map to their stage', () => {
  expect(stageOfScript(`${DIST}/core/understand/language.js`)).toBe('understand');
  expect(stageOfScript(`${DIST}/core/answer/build.js`)).toBe('answer');
  expect(stageOfScript(`${DIST}/bots/teams/cards/answerCard.js`)).toBe('render');
  expect(stageOfScript(`${DIST}/bots/runtime/state/sqliteBackend.js`)).toBe('state');
  expect(stageOfScript('file:///srv/mailflow/node_modules/better-sqlite3/lib/methods/wrappers.js')).toBe(
    'state',
  );
  expect(stageOfScript('file:///srv/mailflow/node_modules/@slack/bolt/dist/App.js')).toBe('parse');
  expect(stageOfScript(`${DIST}/bots/conversation/conversation.js`)).toBe('conversation');
  expect(stageOfScript(`${DIST}/bots/slack/handlers/command.js`)).toBe('adapter');
  expect(stageOfScript('node:internal/process/task_queues')).toBeUndefined();
});

test('sums the samples by stage: natives go to their caller, idle time is left out', () => {
  const { micros, totalMicros } = breakdown(PROFILE);
  // each sample stands for the time until the next one; the last one for none
  expect(micros.render).toBe(200);
  expect(micros.gc).toBe(100);
  expect(micros.http).toBe(200);
  expect(micros.send).toBe(100);
  expect(micros.log).toBe(100);
  expect(totalMicros).toBe(700);
});

test('only the samples within a window count', () => {
  // samples at 1,100 … 1,900 µs: the window holds the 3rd to the 5th
  const { micros, totalMicros } = breakdown(PROFILE, { fromMicros: 1_300, toMicros: 1_500 });
  expect(micros).toMatchObject({ render: 100, http: 200, send: 0 });
  expect(totalMicros).toBe(300);
});
