import { describeTally, formatShare, myEarlierVotes, myVote, quorumProgress, tallyParts, tallyTotal, thresholdText } from './tally';

const tally = (kill: number, keep: number, abstain: number, members: number) => ({ kill, keep, abstain, votesCast: kill + keep + abstain, members });

describe('the tally as the ballot shows it', () => {
  it('splits the members into kill / keep / abstain / not voted, in that order', () => {
    const parts = tallyParts(tally(2, 1, 1, 7));
    expect(parts.map((p) => [p.key, p.label, p.count])).toEqual([
      ['kill', 'Kill', 2],
      ['keep', 'Keep', 1],
      ['abstain', 'Abstain', 1],
      ['not-voted', 'Not voted', 3],
    ]);
    expect(tallyTotal(parts)).toBe(7);
  });

  it('never shows a negative "not voted" (more votes counted than members now: a tally taken before members left)', () => {
    const parts = tallyParts({ kill: 3, keep: 1, abstain: 0, votesCast: 4, members: 3 });
    expect(parts.find((p) => p.key === 'not-voted')!.count).toBe(0);
    expect(tallyTotal(parts)).toBe(4);
  });

  it('an empty forum is an empty bar', () => {
    expect(tallyTotal(tallyParts(tally(0, 0, 0, 0)))).toBe(0);
  });

  it('gives the text equivalent of the bar', () => {
    expect(describeTally(tally(2, 1, 0, 5))).toBe('Kill 2 · Keep 1 · Abstain 0 · Not voted 2 (of 5 members)');
    expect(describeTally(tally(0, 0, 1, 1))).toBe('Kill 0 · Keep 0 · Abstain 1 · Not voted 0 (of 1 member)');
    // Delegated votes are inside kill / keep / abstain; the text says how many.
    expect(describeTally({ ...tally(2, 1, 0, 5), delegated: 1 })).toBe('Kill 2 · Keep 1 · Abstain 0 · Not voted 2 (of 5 members; 1 vote delegated)');
    expect(describeTally({ ...tally(2, 1, 0, 5), delegated: 2 })).toBe('Kill 2 · Keep 1 · Abstain 0 · Not voted 2 (of 5 members; 2 votes delegated)');
  });
});

describe('quorum progress', () => {
  it('counts kill, keep and abstain towards the quorum: "3 of 5 needed"', () => {
    expect(quorumProgress(tally(1, 1, 1, 8), { quorum: 5, killThreshold: 0.5 })).toEqual({
      cast: 3,
      needed: 5,
      reached: false,
      missing: 2,
      unreachable: false,
      text: '3 of 5 needed',
    });
  });

  it('is reached at exactly the quorum, and stays reached above it', () => {
    expect(quorumProgress(tally(2, 0, 1, 5), { quorum: 3, killThreshold: 0.5 })).toMatchObject({ reached: true, missing: 0, text: '3 of 3 needed' });
    expect(quorumProgress(tally(3, 1, 1, 5), { quorum: 3, killThreshold: 0.5 })).toMatchObject({ reached: true, missing: 0, text: '5 of 3 needed' });
  });

  it('says when the forum has fewer members than the quorum (it cannot be reached)', () => {
    expect(quorumProgress(tally(1, 0, 0, 2), { quorum: 3, killThreshold: 0.5 })).toMatchObject({ reached: false, unreachable: true, missing: 2 });
    expect(quorumProgress(tally(0, 0, 0, 3), { quorum: 3, killThreshold: 0.5 }).unreachable).toBe(false);
  });

  it('writes the threshold as people read it', () => {
    expect(thresholdText({ quorum: 3, killThreshold: 0.6 })).toBe('60 % of kill + keep');
    expect(formatShare(2 / 3)).toBe('66.7 %');
    expect(formatShare(1)).toBe('100 %');
  });
});

describe('my vote', () => {
  const votes = [
    { memberId: 'mia', choice: 'keep' as const, latest: false },
    { memberId: 'max', choice: 'kill' as const, latest: true },
    { memberId: 'mia', choice: 'kill' as const, latest: true },
  ];

  it('is my latest vote (a later vote replaces the earlier), or null when I have not voted', () => {
    expect(myVote(votes, 'mia')).toEqual({ memberId: 'mia', choice: 'kill', latest: true });
    expect(myVote(votes, 'nora')).toBeNull();
    expect(myVote([], 'mia')).toBeNull();
  });

  it('keeps the votes I replaced', () => {
    expect(myEarlierVotes(votes, 'mia').map((v) => v.choice)).toEqual(['keep']);
    expect(myEarlierVotes(votes, 'max')).toEqual([]);
  });
});
