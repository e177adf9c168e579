import { startAnalytics, type AnalyticsHarness } from '../testing/analytics-harness';
import { History } from '../testing/history';
import { health, backlogHeadline, sizeInSprintsTrend } from './health';

describe('smoke', () => {
  let h: AnalyticsHarness;
  beforeAll(async () => (h = await startAnalytics()));
  afterAll(() => h.close());
  it('runs', async () => {
    const db = await h.freshDatabase();
    const x = new History();
    x.created(0);
    const o = x.objective(0);
    const a = x.add(1, { estimate: 5, objectiveId: o });
    const b = x.add(2, { estimate: 8 });
    const c = x.add(3);
    x.velocity(14, 's1', 4);
    x.velocity(28, 's2', 5);
    x.velocity(42, 's3', 6);
    x.velocity(56, 's4', 1);
    x.startWork(30, c);
    x.deliver(40, c);
    x.outcome(70, c, o, true);
    const d = x.add(5); x.kill(33, d);
    const e = x.add(6); x.antiBacklog(36, e);
    await h.insert(db, x.events);
    const scope = { database: db, backlogIds: [x.backlogId], at: new Date(x.at(100)) };
    console.log(JSON.stringify(await health(h.client, scope, { from: new Date('2026-01-01'), to: new Date('2026-04-01') }), null, 1));
    console.log(await backlogHeadline(h.client, scope));
    console.log(await sizeInSprintsTrend(h.client, scope, [new Date(x.at(20)), new Date(x.at(50)), new Date(x.at(100))]));
  });
});
