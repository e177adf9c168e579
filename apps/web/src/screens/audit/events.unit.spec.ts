import { parseNdjson, summarize, type AuditEvent } from './events';

const event = (over: Partial<AuditEvent> & { data: Record<string, unknown> }): AuditEvent => ({
  id: 'e1',
  type: 'item.reprioritized',
  schemaVersion: 1,
  metadata: { actor: { id: 'lena', role: 'product-leader' }, correlationId: 'c1', causationId: null },
  streamId: 'item-i1',
  revision: 1,
  position: 7,
  recordedAt: '2026-01-06T09:00:00.000Z',
  hash: 'h',
  prevHash: 'p',
  ...over,
});

describe('an event as the explorer shows it', () => {
  it('says who, in which role, when, why and how the ranking moved', () => {
    const s = summarize(
      event({ data: { itemId: 'i1', backlogId: 'b1', fromRank: 'a0', toRank: 'Zz', fromPosition: 3, toPosition: 1, trigger: 'review', rationale: 'Guest checkout converts first-time buyers.' } }),
    );
    expect(s).toMatchObject({
      label: 'Reprioritized',
      who: 'lena',
      role: 'product-leader',
      when: '2026-01-06T09:00:00.000Z',
      recordedAt: null,
      why: 'Guest checkout converts first-time buyers.',
      itemId: 'i1',
      backlogId: 'b1',
      positions: '#3 → #1',
      details: ['trigger: review'],
    });
  });

  it('shows an import’s original time, and when it was recorded', () => {
    const s = summarize(event({ type: 'item.added', metadata: { actor: { id: 'jira', role: 'system' }, correlationId: 'c', causationId: null, occurredAt: '2024-05-01T00:00:00.000Z' }, data: { itemId: 'i1', position: 4 } }));
    expect(s.when).toBe('2024-05-01T00:00:00.000Z');
    expect(s.recordedAt).toBe('2026-01-06T09:00:00.000Z');
    expect(s.positions).toBe('→ #4');
  });

  it('takes the reason where a decision calls its why that, and what an escalation wanted', () => {
    const s = summarize(
      event({
        type: 'item.escalated',
        data: { itemId: 'i1', escalationId: '76134e64-827e-4baa-855f-90f2392ce073', againstEventType: 'item.reprioritized', wanted: 'Keep it first', reason: 'Sales promised it.' },
      }),
    );
    // Ids are links or noise, never chips.
    expect(s).toMatchObject({ label: 'Escalated', why: 'Sales promised it.', wanted: 'Keep it first', positions: null, details: ['againstEventType: item.reprioritized'] });
    expect(summarize(event({ type: 'item.killed', data: { itemId: 'i1', fromPosition: 5, reason: 'Superseded by the new flow' } })).positions).toBe('#5 → out of the ranking');
  });

  it('names an event of a type it does not know by its type, and links votes to their proposal', () => {
    const s = summarize(event({ type: 'proposal.vote-cast', data: { proposalId: 'p1', forumId: 'f1', memberId: 'mia', choice: 'kill', reason: 'No one uses it' } }));
    expect(s).toMatchObject({ label: 'Vote cast', proposalId: 'p1', forumId: 'f1', details: ['memberId: mia', 'choice: kill'] });
    expect(summarize(event({ type: 'future.thing', data: {} })).label).toBe('future.thing');
  });

  it('parses an NDJSON page', () => {
    const a = event({ data: { itemId: 'i1' } });
    expect(parseNdjson(`${JSON.stringify(a)}\n${JSON.stringify({ ...a, id: 'e2' })}\n`).map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(parseNdjson('')).toEqual([]);
  });
});
