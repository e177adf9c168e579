/**
 * The tally as members see it (pure; unit-tested). The API computes the tally (libs/domain/src/proposal/tally.ts:
 * each member's latest vote counts while they are a member; the quorum counts kill + keep + abstain); this turns it
 * into what the ballot shows: the parts of the bar with their text, the quorum progress, and my own vote.
 */
export interface Tally {
  kill: number;
  keep: number;
  abstain: number;
  votesCast: number;
  members: number;
  /** Of votesCast, how many counted for a member through their delegate (ADR 0035). */
  delegated?: number;
}

export interface Rule {
  quorum: number;
  killThreshold: number;
}

export type TallyPartKey = 'kill' | 'keep' | 'abstain' | 'not-voted';

export interface TallyPart {
  key: TallyPartKey;
  label: string;
  count: number;
}

/**
 * The parts of the bar, in order. A new kind of count (e.g. votes cast by delegation) is one more entry here and
 * one more key: the bar, its legend and its text equivalent render whatever parts this returns.
 */
const PARTS: readonly { key: TallyPartKey; label: string; count: (t: Tally) => number }[] = [
  { key: 'kill', label: 'Kill', count: (t) => t.kill },
  { key: 'keep', label: 'Keep', count: (t) => t.keep },
  { key: 'abstain', label: 'Abstain', count: (t) => t.abstain },
  // Members whose vote does not count (never voted, or only before they left and rejoined) are "not voted".
  { key: 'not-voted', label: 'Not voted', count: (t) => Math.max(0, t.members - t.votesCast) },
];

export function tallyParts(t: Tally): TallyPart[] {
  return PARTS.map((p) => ({ key: p.key, label: p.label, count: p.count(t) }));
}

/** The bar's whole: every member, or the votes when more counted than there are members now. */
export function tallyTotal(parts: readonly TallyPart[]): number {
  return parts.reduce((sum, p) => sum + p.count, 0);
}

/**
 * The text equivalent of the bar: "Kill 2 · Keep 1 · Abstain 0 · Not voted 2 (of 5 members)"; with delegated votes
 * "… (of 5 members; 1 vote delegated)" — the delegated ones are inside kill / keep / abstain already.
 */
export function describeTally(t: Tally): string {
  const parts = tallyParts(t).map((p) => `${p.label} ${p.count}`);
  const delegated = t.delegated ? `; ${t.delegated} vote${t.delegated === 1 ? '' : 's'} delegated` : '';
  return `${parts.join(' · ')} (of ${t.members} member${t.members === 1 ? '' : 's'}${delegated})`;
}

export interface QuorumProgress {
  cast: number;
  needed: number;
  reached: boolean;
  /** Votes still missing for the quorum (0 once reached). */
  missing: number;
  /** Fewer members than the quorum: it cannot be reached unless members join. */
  unreachable: boolean;
  /** "3 of 5 needed". */
  text: string;
}

export function quorumProgress(t: Tally, rule: Rule): QuorumProgress {
  const cast = t.votesCast;
  const needed = rule.quorum;
  const reached = cast >= needed;
  return {
    cast,
    needed,
    reached,
    missing: Math.max(0, needed - cast),
    unreachable: !reached && t.members < needed,
    text: `${cast} of ${needed} needed`,
  };
}

/** "kill needs 60 % of kill + keep": the threshold as people read it. */
export function thresholdText(rule: Rule): string {
  return `${formatShare(rule.killThreshold)} of kill + keep`;
}

/** 0.5 → "50 %", 2/3 → "66.7 %". */
export function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}

export type Choice = 'kill' | 'keep' | 'abstain';

export interface CastVote {
  memberId: string;
  choice: Choice;
  reason: string;
  castAt: string;
  latest: boolean;
  counts: boolean;
}

/** My vote that stands (the latest I cast), or null when I have not voted. */
export function myVote<V extends Pick<CastVote, 'memberId' | 'latest'>>(votes: readonly V[], sub: string): V | null {
  return votes.find((v) => v.memberId === sub && v.latest) ?? null;
}

/** How often I changed my vote (votes I cast before the one that stands). */
export function myEarlierVotes<V extends Pick<CastVote, 'memberId' | 'latest'>>(votes: readonly V[], sub: string): V[] {
  return votes.filter((v) => v.memberId === sub && !v.latest);
}

export const OUTCOME_LABEL: Record<'kill' | 'keep' | 'no-quorum', string> = {
  kill: 'Kill',
  keep: 'Keep',
  'no-quorum': 'No quorum',
};
