/**
 * `npm run bench`: speed of understanding and of a full answer (understanding, answer model and the
 * three renderings), on a realistic mix of messages; plus what understanding costs where other work
 * has cooled the caches between messages (as in a server), and how it scales with input size.
 */
import { performance } from 'node:perf_hooks';
import { renderSlashCommandBlocks } from '../../bots/slack/blocks/messages';
import { renderAdaptiveCard } from '../../bots/teams/cards/answerCard';
import { ask, loadLanguageModel, renderPlainText } from '../../core';
import { understand } from '../../core/understand';
import { meanMicrosWithColdCaches, SERVER_LIKE_SWEEP_BYTES } from './coldCaches';
import { MESSAGE_MIX } from './messages';

/**
 * Rounds over the mix before anything is timed: a server runs understanding steadily, so it is
 * measured once V8 has optimized it and the caches are warm, not while it is still compiling.
 */
const WARM_UP_ROUNDS = 2_000;
/** Timed batches of this many rounds; the median batch is reported, so one slowed batch moves nothing. */
const UNDERSTAND_BATCHES = 5;
const UNDERSTAND_BATCH_ROUNDS = 4_000;
const ANSWER_ROUNDS = 2_000;
const COLD_ROUNDS = 200;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * Messages per second of wall-clock time, and of the process's own CPU time: on a machine that other
 * work shares, the second is what understanding costs, the first also what the others take. Each is
 * the median of the timed batches.
 */
function understandingThroughput(): { wall: number; cpu: number } {
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (const message of MESSAGE_MIX) understand(message.text);
  }
  const messages = UNDERSTAND_BATCH_ROUNDS * MESSAGE_MIX.length;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let batch = 0; batch < UNDERSTAND_BATCHES; batch++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    for (let round = 0; round < UNDERSTAND_BATCH_ROUNDS; round++) {
      for (const message of MESSAGE_MIX) understand(message.text);
    }
    const used = process.cpuUsage(cpuStart);
    wall.push(messages / ((performance.now() - start) / 1000));
    cpu.push(messages / ((used.user + used.system) / 1e6));
  }
  return { wall: median(wall), cpu: median(cpu) };
}

function fullAnswerLatencies(): number[] {
  const times: number[] = [];
  for (let round = 0; round < ANSWER_ROUNDS; round++) {
    for (const message of MESSAGE_MIX) {
      const start = performance.now();
      const { answer } = ask(message.text, { clientLocale: message.locale });
      renderAdaptiveCard(answer);
      renderSlashCommandBlocks(answer);
      renderPlainText(answer);
      times.push(performance.now() - start);
    }
  }
  return times.sort((a, b) => a - b);
}

/** Microseconds to understand adversarial text of growing size: linear parsing doubles with size. */
function scaling(): { size: number; micros: number }[] {
  const unit = '4.4.[Message=450 4.4.316 {FQDN=mail.contoso.com(192.0.2.1 conexión rechaz 连接 ';
  return [2, 4, 8, 16].map((kb) => {
    const text = unit.repeat(Math.ceil((kb * 1024) / unit.length)).slice(0, kb * 1024);
    const rounds = 200;
    understand(text);
    const start = performance.now();
    for (let round = 0; round < rounds; round++) understand(text);
    return { size: kb, micros: ((performance.now() - start) / rounds) * 1000 };
  });
}

async function main(): Promise<void> {
  // Loaded once at start, as the servers do; its load time is not part of what is measured.
  await loadLanguageModel();
  const throughput = understandingThroughput();
  const latencies = fullAnswerLatencies();
  const cold = meanMicrosWithColdCaches(MESSAGE_MIX, (message) => understand(message.text), {
    sweepBytes: SERVER_LIKE_SWEEP_BYTES,
    rounds: COLD_ROUNDS,
  });
  const lines = [
    `messages in the mix: ${MESSAGE_MIX.length}`,
    `understanding: ${Math.round(throughput.wall).toLocaleString('en-US')} messages/s (${Math.round(throughput.cpu).toLocaleString('en-US')} per second of CPU time)`,
    `full answer (understand + answer + Adaptive Card + Block Kit + text): p50 ${percentile(latencies, 50).toFixed(3)} ms, p99 ${percentile(latencies, 99).toFixed(3)} ms, ${Math.round(1000 / (latencies.reduce((a, b) => a + b, 0) / latencies.length)).toLocaleString('en-US')} answers/s`,
    `understanding with cold caches (${SERVER_LIKE_SWEEP_BYTES / 1024 / 1024} MiB of other memory touched between messages, as a server's other work does): ${cold.toFixed(1)} µs a message, ${Math.round(1e6 / cold).toLocaleString('en-US')} messages/s`,
    'understanding adversarial input by size:',
    ...scaling().map(({ size, micros }) => `  ${String(size).padStart(2)} KB: ${micros.toFixed(0)} µs`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main();
