import { startAnalytics, type AnalyticsHarness } from '../testing/analytics-harness';
import { History } from '../testing/history';
import { policyCte, scopeParams } from './scope';

describe('policy as of an instant', () => {
  let h: AnalyticsHarness;
  beforeAll(async () => (h = await startAnalytics()));
  afterAll(() => h.close());

  it('takes the policy in force at `at`, with defaults for the fields a policy omits', async () => {
    const db = await h.freshDatabase();
    const history = new History();
    history.created(0, { zombieAfterDays: 120 });
    history.policy(10, { zombieAfterDays: 30, staleAfterDays: 20 });
    await h.insert(db, history.events);
    const query = async (day: number) => {
      const rs = await h.client.query({
        query: `WITH ${policyCte(db)} SELECT * FROM policy`,
        query_params: scopeParams({ database: db, backlogIds: [history.backlogId], at: new Date(history.at(day)) }),
        format: 'JSONEachRow',
      });
      return (await rs.json<Record<string, number | string>>())[0];
    };
    expect(await query(5)).toMatchObject({ zombie_after_days: 120, stale_after_days: 60, reversal_window_days: 30, healthy_min: 3, healthy_max: 6 });
    expect(await query(10)).toMatchObject({ zombie_after_days: 30, stale_after_days: 20 });
  });
});
