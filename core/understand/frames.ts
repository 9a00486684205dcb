/**
 * Frames combine concepts into what a described symptom means: a domain that expired is a DNS
 * failure (4.4.312), a firewall that inspects SMTP is a connection closed abruptly (4.4.318). A
 * frame matches where all its concepts stand in one sentence, close together. Where frames that
 * share a word disagree, the more specific one wins (a firewall that inspects SMTP and cuts
 * sessions is 4.4.318 alone, not 4.4.316 too); where neither is more specific, neither is taken:
 * a wrong code is worse than none. The frames are the same for every language: concepts carry
 * the words.
 */
import type { KnownCode } from '../knowledge/knownCodes';
import type { Concept, ConceptOccurrence } from './concepts';

/** What a frame tells: the code a symptom implies, or a topic that has no code. */
export type FrameOutcome = KnownCode | 'retryWindow';

interface Frame {
  outcome: FrameOutcome;
  concepts: readonly Concept[];
  /** A concept that counts only when negated: "not renewed", "doesn't support". */
  negated?: Concept;
  /** Most tokens from the frame's first concept to the end of its last. */
  window?: number;
  /** Breaks a tie with a frame as specific: a certificate that expired outranks a domain that did. */
  rank?: number;
  /**
   * Codes this frame explains away anywhere in the message: an on-premises server switched off for
   * good (the accepted domain going Authoritative) is no server that is down.
   */
  overrides?: readonly FrameOutcome[];
  /** The frame is about the fix itself (Fix now, the accepted domain's type): asked about, it asks how. */
  aboutTheFix?: boolean;
  /** The on-premises servers were retired on purpose: 4.4.316's answer then starts with Fix now. */
  retiresOnPremises?: boolean;
}

/** Tokens, where a Chinese character is one: a sentence of twenty words or ten characters' words. */
const DEFAULT_WINDOW = 20;
/** Occurrences of one concept in one sentence that a frame tries: bounds the work on long text. */
const MAX_TRIED = 8;
/** How close a negation stands to what it negates, in tokens, on either side. */
const NEGATION_REACH = 4;

const frame = (
  outcome: FrameOutcome,
  concepts: readonly Concept[],
  options: Omit<Frame, 'outcome' | 'concepts'> = {},
): Frame => ({
  outcome,
  concepts,
  ...options,
});

export const FRAMES: readonly Frame[] = [
  // 4.4.312: the smart host's name does not resolve (DNS hosting, an expired domain, a changed MX).
  frame('4.4.312', ['domain', 'expire']),
  frame('4.4.312', ['domain', 'renew'], { negated: 'renew' }),
  frame('4.4.312', ['dnsFailure']),
  frame('4.4.312', ['dns', 'fail'], { rank: 1 }),
  frame('4.4.312', ['dns', 'nothing'], { rank: 1 }),
  frame('4.4.312', ['dns', 'noResponse'], { rank: 1 }),
  frame('4.4.312', ['dns', 'nameResolution'], { rank: 1 }),
  frame('4.4.312', ['nameResolution', 'hostName'], { negated: 'nameResolution' }),
  frame('4.4.312', ['nameResolution', 'hostName', 'fail']),
  frame('4.4.312', ['find', 'hostName'], { negated: 'find' }),
  frame('4.4.312', ['mxRecord', 'change']),
  frame('4.4.312', ['mxRecord', 'fail']),
  frame('4.4.312', ['mxRecord', 'nothing']),
  // An MX record that still points to the old place (or is old or wrong) is a change that DNS has
  // not yet caught up with: 4.4.312, never the connector pointing at the wrong address (4.4.315).
  frame('4.4.312', ['mxRecord', 'pointsTo'], { rank: 1 }),
  frame('4.4.312', ['mxRecord', 'wrong'], { rank: 1 }),
  // 4.4.315: nothing answers (the server is down, or the connector points at the wrong address).
  frame('4.4.315', ['timeout']),
  frame('4.4.315', ['unreachable']),
  frame('4.4.315', ['server', 'noResponse']),
  frame('4.4.315', ['server', 'down']),
  frame('4.4.315', ['wrong', 'ipAddress']),
  frame('4.4.315', ['pointsTo', 'wrong']),
  frame('4.4.315', ['isp', 'change']),
  frame('4.4.315', ['ipAddress', 'change']),
  // 4.4.316: the connection is refused (a firewall, or an on-premises server that is gone for good),
  // and the topics of its fix: Fix now and the accepted domain's type.
  frame('4.4.316', ['connection', 'refuse']),
  frame('4.4.316', ['refuse', 'microsoft']),
  frame('4.4.316', ['firewall', 'block']),
  frame('4.4.316', ['firewall', 'port25']),
  frame('4.4.316', ['firewall', 'microsoft']),
  frame('4.4.316', ['firewall', 'allow']),
  frame('4.4.316', ['block', 'port25']),
  frame('4.4.316', ['allow', 'port25']),
  frame('4.4.316', ['decommission', 'server'], { rank: 1, overrides: ['4.4.315'], retiresOnPremises: true }),
  frame('4.4.316', ['decommission', 'onPremises'], {
    rank: 1,
    overrides: ['4.4.315'],
    retiresOnPremises: true,
  }),
  frame('4.4.316', ['decommission', 'microsoft'], {
    rank: 1,
    overrides: ['4.4.315'],
    retiresOnPremises: true,
  }),
  frame('4.4.316', ['fixNow'], { overrides: ['4.4.315'], aboutTheFix: true }),
  frame('4.4.316', ['internalRelay'], { overrides: ['4.4.315'], aboutTheFix: true }),
  frame('4.4.316', ['acceptedDomain', 'authoritative'], { overrides: ['4.4.315'], aboutTheFix: true }),
  frame('4.4.316', ['acceptedDomain', 'change'], { overrides: ['4.4.315'], aboutTheFix: true }),
  frame('4.4.316', ['domain', 'authoritative'], { overrides: ['4.4.315'], aboutTheFix: true }),
  // 4.4.317: connected, but the server answers with an error or misses a requirement (TLS).
  frame('4.4.317', ['serviceUnavailable']),
  frame('4.4.317', ['cannotConnect']),
  // A TLS negotiation that fails is 4.4.317 however it ends ("SSL_connect error: lost connection").
  frame('4.4.317', ['tls', 'require']),
  frame('4.4.317', ['tls', 'support'], { negated: 'support' }),
  frame('4.4.317', ['tls', 'handshake'], { overrides: ['4.4.318'] }),
  frame('4.4.317', ['tls', 'fail'], { overrides: ['4.4.318'] }),
  frame('4.4.317', ['handshake', 'fail'], { overrides: ['4.4.318'] }),
  // 4.4.318: the connection drops midway (SMTP inspection, a hanging server, the network).
  frame('4.4.318', ['close', 'abrupt']),
  frame('4.4.318', ['connection', 'close']),
  frame('4.4.318', ['connection', 'reset']),
  frame('4.4.318', ['session', 'close']),
  frame('4.4.318', ['session', 'reset']),
  frame('4.4.318', ['inspect', 'smtp']),
  frame('4.4.318', ['firewall', 'inspect']),
  frame('4.4.318', ['hang', 'server']),
  // 4.7.320: the destination's certificate does not validate.
  frame('4.7.320', ['certificate', 'expire'], { rank: 1 }),
  frame('4.7.320', ['certificate', 'renew'], { negated: 'renew', rank: 1 }),
  frame('4.7.320', ['certificate', 'mismatch']),
  frame('4.7.320', ['certificate', 'untrusted']),
  frame('4.7.320', ['certificate', 'fail'], { window: 4 }),
  frame('4.7.320', ['selfSigned']),
  // The 24 hours of retries before the NDR: a topic with no code.
  frame('retryWindow', ['retry', 'hours']),
  frame('retryWindow', ['giveUp', 'hours']),
  frame('retryWindow', ['queue', 'hours'], { window: 8 }),
  frame('retryWindow', ['ndr', 'hours']),
  frame('retryWindow', ['retry', 'giveUp']),
];

/** Frames by their first concept: a sentence tries only the frames its concepts can start. */
const FRAMES_BY_FIRST_CONCEPT: ReadonlyMap<Concept, readonly Frame[]> = FRAMES.reduce(
  (byConcept, candidate) => {
    const [first] = candidate.concepts;
    if (first) byConcept.set(first, [...(byConcept.get(first) ?? []), candidate]);
    return byConcept;
  },
  new Map<Concept, Frame[]>(),
);

interface MatchedFrame {
  frame: Frame;
  /** The occurrences the frame was read from, and where the first starts. */
  used: ReadonlySet<ConceptOccurrence>;
  position: number;
}

/** One sentence's concept occurrences, by concept: at most {@link MAX_TRIED} of each. */
type Sentence = ReadonlyMap<Concept, readonly ConceptOccurrence[]>;

function negated(occurrence: ConceptOccurrence, sentence: Sentence): boolean {
  return (sentence.get('negation') ?? []).some(
    (negation) =>
      negation !== occurrence &&
      negation.start >= occurrence.start - NEGATION_REACH &&
      negation.start <= occurrence.end + NEGATION_REACH - 1,
  );
}

/** How close around a concept the words that deny it stand, in tokens. */
const DENIAL_REACH = 3;

const within = (occurrences: readonly ConceptOccurrence[] | undefined, from: number, to: number) =>
  (occurrences ?? []).some((occurrence) => occurrence.start >= from && occurrence.start <= to);

/**
 * Whether the user says the concept is not the trouble: "our DNS is fine" (a word saying it is fine
 * right after it), "not a certificate issue" (negated, and called the issue).
 */
function denied(occurrence: ConceptOccurrence, sentence: Sentence): boolean {
  const after = occurrence.end + DENIAL_REACH;
  if (within(sentence.get('healthy'), occurrence.end, after)) return true;
  const negatedBefore = (sentence.get('negation') ?? []).some(
    (negation) => negation.end <= occurrence.start && negation.end >= occurrence.start - DENIAL_REACH + 1,
  );
  return negatedBefore && within(sentence.get('fail'), occurrence.end, after);
}

function nearestTo(anchor: ConceptOccurrence, occurrences: readonly ConceptOccurrence[]): ConceptOccurrence {
  let nearest = occurrences[0] as ConceptOccurrence;
  for (const occurrence of occurrences) {
    if (Math.abs(occurrence.start - anchor.start) < Math.abs(nearest.start - anchor.start))
      nearest = occurrence;
  }
  return nearest;
}

/**
 * The frame read from one sentence: around each occurrence of its first concept, the nearest
 * occurrence of each other one, where they all stand close enough.
 */
function matchIn(frame: Frame, sentence: Sentence): MatchedFrame | undefined {
  // Most frames miss a concept outright: that is seen before any occurrence is weighed.
  for (const concept of frame.concepts) if (!sentence.has(concept)) return undefined;
  const candidates: (readonly ConceptOccurrence[])[] = [];
  for (const concept of frame.concepts) {
    const occurrences = sentence
      .get(concept)
      ?.filter((occurrence) =>
        frame.negated === concept ? negated(occurrence, sentence) : !denied(occurrence, sentence),
      );
    if (!occurrences || occurrences.length === 0) return undefined;
    candidates.push(occurrences);
  }
  const [anchors = [], ...others] = candidates;
  for (const anchor of anchors) {
    const used = new Set([anchor, ...others.map((occurrences) => nearestTo(anchor, occurrences))]);
    let position = anchor.start;
    let end = anchor.end;
    for (const occurrence of used) {
      position = Math.min(position, occurrence.start);
      end = Math.max(end, occurrence.end);
    }
    if (end - position <= (frame.window ?? DEFAULT_WINDOW)) return { frame, used, position };
  }
  return undefined;
}

const overlaps = (a: MatchedFrame, b: MatchedFrame): boolean =>
  [...a.used].some((occurrence) => b.used.has(occurrence));
const strength = (matched: MatchedFrame): number =>
  matched.frame.concepts.length * 10 + (matched.frame.rank ?? 0);

/** Whether `matched` gives way: to a frame that shares a word and tells otherwise, being stronger or as strong. */
function yields(matched: MatchedFrame, all: readonly MatchedFrame[]): boolean {
  return all.some(
    (other) =>
      other !== matched &&
      other.frame.outcome !== matched.frame.outcome &&
      overlaps(matched, other) &&
      strength(other) >= strength(matched),
  );
}

/** The concepts of the frames about the fix itself or a retired on-premises site. */
export const FIX_TOPIC_CONCEPTS: ReadonlySet<Concept> = new Set(
  FRAMES.filter((candidate) => candidate.aboutTheFix || candidate.retiresOnPremises).flatMap(
    (candidate) => candidate.concepts,
  ),
);

export const NO_FRAMES: FrameReading = { outcomes: [], aboutTheFix: false, onPremisesRetired: false };

export interface FrameReading {
  /** What the described symptoms tell, in the order the message tells it, each once. */
  outcomes: FrameOutcome[];
  /** Whether a frame taken is about the fix itself. */
  aboutTheFix: boolean;
  /** Whether a frame taken says the on-premises servers were retired on purpose. */
  onPremisesRetired: boolean;
}

export function readFrames(occurrences: readonly ConceptOccurrence[]): FrameReading {
  if (occurrences.length === 0) return NO_FRAMES;
  const sentences = new Map<number, Map<Concept, ConceptOccurrence[]>>();
  for (const occurrence of occurrences) {
    const sentence = sentences.get(occurrence.sentence) ?? new Map<Concept, ConceptOccurrence[]>();
    sentences.set(occurrence.sentence, sentence);
    const list = sentence.get(occurrence.concept) ?? [];
    sentence.set(occurrence.concept, list);
    if (list.length < MAX_TRIED) list.push(occurrence);
  }
  const matched: MatchedFrame[] = [];
  for (const sentence of sentences.values()) {
    for (const concept of sentence.keys()) {
      for (const candidate of FRAMES_BY_FIRST_CONCEPT.get(concept) ?? []) {
        const found = matchIn(candidate, sentence);
        if (found) matched.push(found);
      }
    }
  }
  const overridden = new Set(matched.flatMap((candidate) => candidate.frame.overrides ?? []));
  const kept = matched
    .filter((candidate) => !overridden.has(candidate.frame.outcome) && !yields(candidate, matched))
    .sort((a, b) => a.position - b.position);
  return {
    outcomes: [...new Set(kept.map((candidate) => candidate.frame.outcome))],
    aboutTheFix: kept.some((candidate) => candidate.frame.aboutTheFix === true),
    onPremisesRetired: kept.some((candidate) => candidate.frame.retiresOnPremises === true),
  };
}
