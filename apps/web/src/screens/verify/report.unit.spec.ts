import { BREAKS, explorerAt, streamScreen } from './report';

describe('the chain-verification report', () => {
  it('links a broken stream to the screen that shows its history', () => {
    const id = '6f1c2a3b-0d4e-4f50-8a61-7b8c9d0e1f23';
    expect(streamScreen(`item-${id}`)).toEqual({ to: `/items/${id}`, label: "the item's decision timeline" });
    expect(streamScreen(`backlog-${id}`)?.to).toBe(`/backlogs/${id}`);
    expect(streamScreen(`proposal-${id}`)?.to).toBe(`/proposals/${id}`);
    expect(streamScreen(`forum-${id}`)?.to).toBe(`/forums/${id}`);
    expect(streamScreen('access-directory')).toBeNull();
    expect(streamScreen('item-not-a-uuid')).toBeNull();
  });

  it('opens the audit log at the broken event', () => {
    expect(explorerAt(42)).toBe('/audit?after=41&limit=25');
    expect(explorerAt(1)).toBe('/audit?after=0&limit=25');
  });

  it('explains every kind of break the store reports', () => {
    expect(Object.keys(BREAKS).sort()).toEqual(['hash-mismatch', 'position-gap', 'prev-hash-mismatch', 'revision-gap']);
  });
});
