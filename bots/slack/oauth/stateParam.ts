/**
 * The install's `state`: `@slack/oauth`'s own (a JWT signed with SLACK_STATE_SECRET, valid for ten
 * minutes, tied to the browser by the installer's cookie), and good for one redirect only. A redirect
 * replayed with the same state and cookie is refused before its code reaches `oauth.v2.access`, on
 * every replica that shares the state store.
 */
import { createHash } from 'node:crypto';
import { ClearStateStore, type InstallURLOptions, InvalidStateError, type StateStore } from '@slack/oauth';

/** How long a state is valid: the installer's default, also the lifetime of its cookie. */
export const STATE_LIFETIME_SECONDS = 600;

/** Where used states are remembered; `firstSeen` is atomic across replicas. */
export interface UsedStates {
  firstSeen(space: string, key: string, ttlMs: number): Promise<boolean>;
}

const SPACE = 'slackInstallState';

export class SingleUseStateStore implements StateStore {
  private readonly signed: ClearStateStore;

  constructor(
    stateSecret: string,
    private readonly used: UsedStates,
  ) {
    this.signed = new ClearStateStore(stateSecret, STATE_LIFETIME_SECONDS);
  }

  generateStateParam(installOptions: InstallURLOptions, now: Date): Promise<string> {
    return this.signed.generateStateParam(installOptions, now);
  }

  async verifyStateParam(now: Date, state: string): Promise<InstallURLOptions> {
    const options = await this.signed.verifyStateParam(now, state);
    // Only a state that verified is remembered: a stranger's guesses fill nothing.
    const digest = createHash('sha256').update(state).digest('base64url');
    // A little longer than the state's validity, so a used state is remembered while it verifies.
    if (!(await this.used.firstSeen(SPACE, digest, (STATE_LIFETIME_SECONDS + 60) * 1000)))
      throw new InvalidStateError('The state parameter was already used');
    return options;
  }
}
