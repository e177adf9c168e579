import {
  apiQuery,
  auditSearch,
  back,
  DEFAULT_LIMIT,
  draftOf,
  filtersOf,
  forward,
  hasFilters,
  nextCursorOf,
  NO_FILTERS,
  pageNumber,
  parseAuditSearch,
  trailOf,
  type AuditView,
} from './filters';

const ITEM = '6f1c2a3b-0d4e-4f50-8a61-7b8c9d0e1f23';
const BACKLOG = '0a1b2c3d-4e5f-4061-8723-94a5b6c7d8e9';

describe('audit explorer: filters ↔ URL', () => {
  it('reads every filter, the cursor and the page size from the URL, under the API’s names', () => {
    const view = parseAuditSearch(
      `?backlogId=${BACKLOG}&itemId=${ITEM}&type=item.reprioritized&actor=lena&from=2026-01-01T00:00:00.000Z&to=2026-02-01T00:00:00.000Z&after=120&limit=100`,
    );
    expect(view).toEqual({
      filters: { backlogId: BACKLOG, itemId: ITEM, type: 'item.reprioritized', actor: 'lena', from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' },
      after: 120,
      limit: 100,
    });
  });

  it('writes the URL back: a round trip keeps the view, and the defaults are left out', () => {
    const view: AuditView = { filters: { ...NO_FILTERS, itemId: ITEM, actor: 'stella sales' }, after: 42, limit: 25 };
    const search = auditSearch(view);
    expect(search).toBe(`?itemId=${ITEM}&actor=stella+sales&after=42&limit=25`);
    expect(parseAuditSearch(search)).toEqual(view);
    expect(auditSearch({ filters: NO_FILTERS, after: 0, limit: DEFAULT_LIMIT })).toBe('');
  });

  it('drops what the API would refuse, so a hand-edited link never causes a 400', () => {
    const view = parseAuditSearch('?itemId=not-a-uuid&type=Item.Killed&from=yesterday&after=-3&limit=7&actor=');
    expect(view).toEqual({ filters: NO_FILTERS, after: 0, limit: DEFAULT_LIMIT });
    expect(parseAuditSearch('?after=1.5').after).toBe(0);
    expect(parseAuditSearch(`?after=${Number.MAX_SAFE_INTEGER + 2}`).after).toBe(0);
    // A range that ends before it starts keeps its start only.
    expect(parseAuditSearch('?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z').filters).toMatchObject({ from: '2026-02-01T00:00:00Z', to: null });
  });

  it('asks the API with the same filters, the cursor only past the first page', () => {
    expect(apiQuery({ ...NO_FILTERS, type: 'item.killed' }, 0, 50)).toEqual({ type: 'item.killed', limit: 50 });
    expect(apiQuery({ ...NO_FILTERS, backlogId: BACKLOG, actor: 'otto' }, 300, 10_000)).toEqual({ backlogId: BACKLOG, actor: 'otto', after: 300, limit: 10_000 });
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, to: '2026-01-01T00:00:00.000Z' })).toBe(true);
  });
});

describe('audit explorer: the filter form', () => {
  const empty = draftOf(NO_FILTERS);

  it('turns the typed values into filters; times typed in the viewer’s zone become UTC instants', () => {
    const result = filtersOf({ ...empty, itemId: ` ${ITEM.toUpperCase()} `, type: 'item.escalated', actor: ' stella ', from: '2026-01-05T10:00', to: '2026-01-06T10:00' });
    expect(result).toEqual({
      filters: {
        ...NO_FILTERS,
        itemId: ITEM,
        type: 'item.escalated',
        actor: 'stella',
        from: new Date('2026-01-05T10:00').toISOString(),
        to: new Date('2026-01-06T10:00').toISOString(),
      },
    });
    expect(filtersOf(empty)).toEqual({ filters: NO_FILTERS });
  });

  it('says what is wrong with each field, next to it, and asks nothing', () => {
    const result = filtersOf({ ...empty, itemId: '42', type: 'killed', actor: 'x'.repeat(201), from: '2026-01-06T10:00', to: '2026-01-05T10:00' });
    expect(result).toEqual({
      errors: {
        itemId: expect.stringMatching(/item id/),
        type: expect.stringMatching(/item\.reprioritized/),
        actor: 'At most 200 characters.',
        to: 'The end must not be before the start.',
      },
    });
  });

  it('shows the applied filters in the form again (times back in the viewer’s zone)', () => {
    const from = new Date('2026-03-01T08:30').toISOString();
    expect(draftOf({ ...NO_FILTERS, actor: 'otto', from })).toEqual({ ...empty, actor: 'otto', from: '2026-03-01T08:30' });
  });
});

describe('audit explorer: paging by position', () => {
  it('goes forward with the API’s cursor and back along the trail it came', () => {
    let step = forward({ cursors: [] }, 0, 50);
    expect(step).toEqual({ after: 50, trail: { cursors: [0] } });
    step = forward(step.trail, step.after, 117);
    expect(step).toEqual({ after: 117, trail: { cursors: [0, 50] } });
    expect(pageNumber(step.trail, step.after)).toBe(3);
    const prev = back(step.trail, step.after);
    expect(prev).toEqual({ after: 50, trail: { cursors: [0] } });
    expect(back(prev!.trail, prev!.after)).toEqual({ after: 0, trail: { cursors: [] } });
    expect(back({ cursors: [] }, 0)).toBeNull();
    expect(pageNumber({ cursors: [] }, 0)).toBe(1);
  });

  it('without a trail (a shared link) goes back to the first page and does not pretend to know the page number', () => {
    expect(back({ cursors: [] }, 300)).toEqual({ after: 0, trail: { cursors: [] } });
    expect(pageNumber({ cursors: [] }, 300)).toBeNull();
    // A trail that does not lead to this page (edited URL) is not followed past it.
    expect(back({ cursors: [0, 500, 900] }, 300)).toEqual({ after: 0, trail: { cursors: [] } });
  });

  it('reads the trail from the history state and the cursor from X-Next-After', () => {
    expect(trailOf({ cursors: [0, 50, 'x', -1, 1.5] })).toEqual({ cursors: [0, 50] });
    expect(trailOf(null)).toEqual({ cursors: [] });
    expect(trailOf('junk')).toEqual({ cursors: [] });
    expect(nextCursorOf('1042')).toBe(1042);
    expect(nextCursorOf(null)).toBeNull();
    expect(nextCursorOf('12abc')).toBeNull();
    expect(nextCursorOf('99999999999999999999')).toBeNull();
  });
});
