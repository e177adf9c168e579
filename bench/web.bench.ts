/**
 * The web app at scale (issue 11): on the analytics benchmark's 1,000,000-event data, how long until each screen
 * SHOWS its data in Chromium, and how much JavaScript the first screen ships.
 *   data:    the analytics bench's history (bench/lib/analytics-history.ts, 100 backlogs), seeded straight into the
 *            store when the data dir is new (`--keep-data <dir>` shares `<dir>/analytics` with `--only analytics`),
 *            plus, once, a backlog of 1,000 ranked items one of which carries 500 decisions (appended the same way,
 *            recorded in `<dir>/analytics/web-bench.json`);
 *   app:     the real app (child process, `npm start` from the TS sources) serving the production build of apps/web,
 *            measured once its read models and analytics have caught up;
 *   screens: portfolio (100 backlogs), the 1,000-item backlog, the 500-decision item timeline, and the reversals,
 *            zombies, influence and health screens of generated backlogs (a different one per load); each load in a
 *            fresh browser context (cold: no HTTP cache, JavaScript downloaded and compiled again), time from
 *            navigation start to the screen's `data:<screen>` performance mark (set at the first paint after its
 *            data is rendered, apps/web/src/shared/data-mark.ts), split by Resource Timing into HTML + code (until
 *            the first API request), the API (until its last answer) and rendering (until the mark);
 *   bytes:   every script the first screen (/app/, the portfolio) loads, gzip-compressed (Node's zlib, default level).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import type { Clock } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import { History } from '../libs/analytics/src/testing/history';
import uiGlobalSetup from '../apps/web/test/ui-global-setup';
import { seed } from './analytics.bench';
import { APP_ENTRY, BENCH_JWT_SECRET, startServer } from './lib/app-process';
import { benchToken, requestJson, waitAnalyticsCaughtUp, waitCaughtUp } from './lib/http';
import { fmt, log } from './lib/progress';
import { round, summarize } from './lib/stats';

export interface WebBenchOptions {
  dir: string;
  /** The history to seed when the data dir has none (the analytics bench's sizes). */
  events: number;
  backlogs: number;
  days: number;
  seed: number;
  commitEvents: number;
  /** Items of the big backlog, decisions on its one item. */
  bigItems: number;
  itemDecisions: number;
  /** Timed cold loads per screen (after one untimed warm-up load). */
  loads: number;
  chromiumPath?: string;
}

const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
const DAY = 86_400_000;

interface Extras {
  backlogId: string;
  itemId: string;
  items: number;
  decisions: number;
}

class NowClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** The 1,000-item backlog and the 500-decision item, appended once to the store (idempotent via web-bench.json). */
async function ensureExtras(dataDir: string, o: WebBenchOptions): Promise<Extras> {
  const marker = join(dataDir, 'web-bench.json');
  if (existsSync(marker)) {
    const extras = JSON.parse(readFileSync(marker, 'utf8')) as Extras;
    if (extras.items === o.bigItems && extras.decisions === o.itemDecisions) return extras;
    throw new Error(`${marker} holds a ${extras.items}-item backlog with ${extras.decisions} decisions; this run wants ${o.bigItems} and ${o.itemDecisions}: use another --keep-data dir`);
  }
  const t0 = Date.now();
  // Spread over the last 250 days, ending now.
  const h = new History(undefined, new Date(Date.now() - 251 * DAY));
  const created = h.created(0);
  (created.data as { name: string }).name = `Web bench: ${fmt(o.bigItems)} items`;
  const ids: string[] = [];
  for (let i = 0; i < o.bigItems; i++) {
    ids.push(h.add(i / o.bigItems, { title: `Item ${i + 1} of the big backlog`, kind: 'story', estimate: 1 + (i % 8), position: i + 1 }));
  }
  // The busy item: 500 reprioritizations, up and down the ranking, two a day.
  const itemId = ids[9];
  let at = 10;
  for (let d = 0; d < o.itemDecisions; d++) {
    const to = d % 2 === 0 ? 900 : 10;
    h.move(1 + d / 2, itemId, at, to, { trigger: d % 3 === 0 ? 'review' : 'routine' });
    at = to;
  }
  const store = SqliteEventStore.open({ file: join(dataDir, 'events.sqlite'), clock: new NowClock() });
  try {
    await Promise.all(
      h.events.map((e) =>
        store.append(e.streamId, [{ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata }], e.revision === 0 ? 'no-stream' : e.revision - 1),
      ),
    );
  } finally {
    await store.close();
  }
  const extras: Extras = { backlogId: h.backlogId, itemId, items: o.bigItems, decisions: o.itemDecisions };
  writeFileSync(marker, JSON.stringify(extras, null, 2));
  log(`web: appended a ${fmt(o.bigItems)}-item backlog and a ${o.itemDecisions}-decision item (${fmt(h.events.length)} events) in ${Date.now() - t0} ms`);
  return extras;
}

/** One load's waterfall: [0, first API request) HTML + code; [first, done] the API; (done, mark] rendering. */
interface LoadSample {
  mark_ms: number;
  /** When the page first asked the API anything (the session included): everything before is HTML and code. */
  first_api_start_ms: number;
  /** API requests before the mark: how many, the longest one, when the last one ended. */
  api_requests: number;
  api_longest_ms: number;
  api_done_ms: number;
  /** mark − API done: JavaScript and rendering after the last answer arrived. */
  after_data_ms: number;
  /** Long lists: when every row was in the page (the first rows paint first, ADR 0036); null for other screens. */
  complete_ms: number | null;
}

/** One cold load of `path`, until `data:<screen>`; the page's own timings. */
async function coldLoad(
  browser: Browser,
  url: string,
  cookie: { name: string; value: string },
  screen: string,
  collectScripts = false,
  /** A page expression that holds once the whole list is rendered (polled; ±20 ms). */
  complete?: string,
): Promise<LoadSample & { scripts: { url: string; body: Buffer }[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  try {
    // The session cookie of the whole origin (the API's paths are outside /app/).
    await context.addCookies([{ ...cookie, url: new URL(url).origin, httpOnly: true, sameSite: 'Strict' }]);
    const page = await context.newPage();
    const scripts: { url: string; body: Promise<Buffer> }[] = [];
    if (collectScripts) {
      page.on('response', (r) => {
        if (r.request().resourceType() === 'script') scripts.push({ url: new URL(r.url()).pathname, body: r.body() });
      });
    }
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    // Polled with evaluate (DevTools protocol): waitForFunction's string predicates need eval, which the app's CSP forbids.
    for (const until = Date.now() + 120_000; !(await page.evaluate(`performance.getEntriesByName('data:${screen}', 'mark').length > 0`)); ) {
      if (Date.now() > until) throw new Error(`${url}: no data:${screen} mark after 120 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
    let completeMs: number | null = null;
    if (complete) {
      for (const until = Date.now() + 120_000; completeMs === null; ) {
        completeMs = (await page.evaluate(`(${complete}) ? performance.now() : null`)) as number | null;
        if (completeMs === null && Date.now() > until) throw new Error(`${url}: the list was not complete after 120 s`);
        if (completeMs === null) await new Promise((r) => setTimeout(r, 20));
      }
    }
    const t = (await page.evaluate(`(() => {
      const mark = performance.getEntriesByName('data:${screen}', 'mark')[0].startTime;
      const res = performance.getEntriesByType('resource').filter((r) => r.responseEnd <= mark);
      const api = res.filter((r) => r.initiatorType === 'fetch' && !new URL(r.name).pathname.startsWith('/app/assets/'));
      return {
        mark,
        firstApi: Math.min(mark, ...api.map((r) => r.startTime)),
        apiCount: api.length,
        apiLongest: Math.max(0, ...api.map((r) => r.responseEnd - r.startTime)),
        apiDone: Math.max(0, ...api.map((r) => r.responseEnd)),
      };
    })()`)) as { mark: number; firstApi: number; apiCount: number; apiLongest: number; apiDone: number };
    return {
      mark_ms: round(t.mark, 1),
      first_api_start_ms: round(t.firstApi, 1),
      api_requests: t.apiCount,
      api_longest_ms: round(t.apiLongest, 1),
      api_done_ms: round(t.apiDone, 1),
      after_data_ms: round(t.mark - t.apiDone, 1),
      complete_ms: completeMs === null ? null : round(completeMs, 1),
      scripts: await Promise.all(scripts.map(async (x) => ({ url: x.url, body: await x.body }))),
    };
  } finally {
    await context.close();
  }
}

export async function benchWeb(o: WebBenchOptions) {
  const dataDir = join(o.dir, 'analytics');
  mkdirSync(dataDir, { recursive: true });
  let seeded: Record<string, unknown> | null = null;
  if (!existsSync(join(dataDir, 'events.sqlite'))) {
    log(`web: no store in ${dataDir}: seeding ${fmt(o.events)} events over ${o.backlogs} backlogs (the analytics benchmark's history; keep it with --keep-data <dir>)`);
    const s = await seed(join(dataDir, 'events.sqlite'), o);
    seeded = { events: s.head, seconds: round(s.seconds), loadavg_after: load() };
  } else {
    log(`web: reusing the store in ${dataDir}`);
  }
  const extras = await ensureExtras(dataDir, o);

  log('web: building the web app if its build is stale (production build)');
  await uiGlobalSetup();

  log('web: starting the app on the data dir');
  const app = await startServer({
    entry: APP_ENTRY,
    label: 'app',
    bootTimeoutMs: 60 * 60_000,
    env: { PORT: '0', LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: BENCH_JWT_SECRET, LOG_LEVEL: 'warn', LEDGER_WEBHOOKS_DISPATCH: 'false' },
  });
  let browser: Browser | null = null;
  try {
    const readModel = await waitCaughtUp(app.url, { timeoutMs: 60 * 60_000, intervalMs: 1000 });
    log(`web: read model caught up ${fmt(readModel[readModel.length - 1].ms)} ms after listening`);
    await waitAnalyticsCaughtUp(app.url, { timeoutMs: 30 * 60_000, intervalMs: 1000 });
    for (let i = 0; ; i++) {
      const lag = (await requestJson(app.url, 'GET', '/health')).body.forums?.lagEvents ?? 0;
      if (lag === 0) break;
      if (i % 30 === 0) log(`web: forum index ${fmt(lag)} events behind`);
      await new Promise((r) => setTimeout(r, 2000));
    }
    const token = await benchToken('product-leader', 'bench-leader');
    const portfolio = (await requestJson(app.url, 'GET', '/analytics/portfolio', { token, timeoutMs: 300_000 })).body as { backlogs: { backlogId: string }[] };
    const generated = portfolio.backlogs.map((b) => b.backlogId).filter((id) => id !== extras.backlogId);
    const bigList = (await requestJson(app.url, 'GET', `/backlogs/${extras.backlogId}/items?limit=10000`, { token, timeoutMs: 300_000 })).body as { total: number };
    const history = (await requestJson(app.url, 'GET', `/items/${extras.itemId}/history`, { token, timeoutMs: 300_000 })).body as { entries: unknown[] };
    log(`web: ${portfolio.backlogs.length} backlogs; the big backlog ranks ${fmt(bigList.total)} items; the busy item has ${history.entries.length} decisions`);

    browser = await chromium.launch({
      executablePath: o.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
    });
    const cookie = { name: 'ledger_session', value: token };
    let rotate = 0;
    const nextBacklog = () => generated[(rotate++ * 37) % generated.length];
    const screens: { name: string; what: string; path: () => string; complete?: string }[] = [
      { name: 'portfolio', what: `portfolio (${portfolio.backlogs.length} backlogs)`, path: () => '/app/' },
      {
        name: 'backlog',
        what: `backlog of ${fmt(bigList.total)} ranked items`,
        path: () => `/app/backlogs/${extras.backlogId}`,
        complete: `document.querySelectorAll('table.ranked tbody tr').length >= ${bigList.total}`,
      },
      {
        name: 'item',
        what: `item timeline of ${history.entries.length} decisions`,
        path: () => `/app/items/${extras.itemId}`,
        complete: `document.querySelectorAll('.timeline .entry').length >= ${history.entries.length}`,
      },
      { name: 'reversals', what: 'reversals of a generated backlog (~1,700 items, last 90 days)', path: () => `/app/backlogs/${nextBacklog()}/reversals` },
      { name: 'zombies', what: 'zombies of a generated backlog', path: () => `/app/backlogs/${nextBacklog()}/zombies` },
      { name: 'influence', what: 'influence of a generated backlog', path: () => `/app/backlogs/${nextBacklog()}/influence` },
      { name: 'health', what: 'health of a generated backlog', path: () => `/app/backlogs/${nextBacklog()}/health` },
    ];
    const results: Record<string, unknown> = {};
    let firstScreen: { total_gzip_bytes: number; files: { url: string; gzip_bytes: number; raw_bytes: number }[] } | null = null;
    for (const s of screens) {
      const before = load();
      const warm = await coldLoad(browser, `${app.url}${s.path()}`, cookie, s.name, s.name === 'portfolio');
      if (s.name === 'portfolio') {
        const sized = warm.scripts.map((f) => ({ url: f.url, raw_bytes: f.body.length, gzip_bytes: gzipSync(f.body).length }));
        firstScreen = { total_gzip_bytes: sized.reduce((n, f) => n + f.gzip_bytes, 0), files: sized };
        log(`web: first screen ships ${(firstScreen.total_gzip_bytes / 1024).toFixed(1)} KB of gzip JavaScript in ${sized.length} files`);
      }
      const samples: LoadSample[] = [];
      for (let i = 0; i < o.loads; i++) {
        const { scripts: _scripts, ...sample } = await coldLoad(browser, `${app.url}${s.path()}`, cookie, s.name, false, s.complete);
        samples.push(sample);
      }
      const mark = summarize(samples.map((x) => x.mark_ms));
      const median = (k: Exclude<keyof LoadSample, 'complete_ms'>) => summarize(samples.map((x) => x[k])).p50_ms;
      results[s.name] = {
        what: s.what,
        data_shown_ms: mark,
        median_api_longest_ms: median('api_longest_ms'),
        median_api_done_ms: median('api_done_ms'),
        median_first_api_start_ms: median('first_api_start_ms'),
        median_after_data_ms: median('after_data_ms'),
        complete_ms: s.complete ? summarize(samples.map((x) => x.complete_ms ?? NaN)) : null,
        api_requests: samples[0].api_requests,
        samples,
        loadavg_before: before,
        loadavg_after: load(),
      };
      log(`web: ${s.name}: data shown p50 ${mark.p50_ms} ms, max ${mark.max_ms} ms (API ${median('api_longest_ms')} ms longest request, ${median('after_data_ms')} ms after the data; load ${load().join(' ')})`);
    }
    return { data: { dir: dataDir, seeded, extras, backlogs: portfolio.backlogs.length }, first_screen_js: firstScreen, screens: results };
  } finally {
    await browser?.close();
    log('web: stopping the app');
    const code = await app.stop(60_000);
    if (code !== 0) log(`web: app exited with code ${code}\n${app.tail()}`);
  }
}
