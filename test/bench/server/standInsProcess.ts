/**
 * The stand-ins in a process of their own, so that answering the bots' replies takes neither the
 * load generator's nor the server's event loop. Reports its address once, then counts when asked;
 * exits when the bench disconnects.
 */
import { answerParent } from './ipc';
import { startStandIns } from './standIns';

startStandIns().then(
  (standIns) => {
    answerParent('counts', () => ({ type: 'counts', counts: standIns.counts() }));
    process.once('disconnect', () => {
      standIns.close().then(() => process.exit(0));
    });
    process.send?.({ type: 'ready', connectorUrl: standIns.connectorUrl, slackApiUrl: standIns.slackApiUrl });
  },
  (error: unknown) => {
    process.stderr.write(`stand-ins: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
