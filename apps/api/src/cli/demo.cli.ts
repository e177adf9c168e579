import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, type AppConfig } from '../config/config';
import { generateDemo, type DemoSummary } from '../import/demo-generator';
import { cliConfig, describeReport, fmt, processIo, runImport, type CliIo } from './import.cli';

const HELP = `Generates a realistic decision history — several backlogs over a year or more, with stakeholders who
escalate (and often win), zombie initiatives, flip-flops, kills and revivals, anti-backlog parking,
velocities, estimates, deliveries and outcomes — writes it as an import file, then imports it through
the same path as \`npm run ledger -- import\`.

  npm run ledger -- demo [--backlogs 3] [--months 14] [--seed 42] [--end YYYY-MM-DD] [--out file] [--no-import]

  --backlogs   how many backlogs (1-50, default 3)
  --months     how far back the history goes (1-120, default 14)
  --seed       the same seed gives the same history (default 42)
  --end        the history ends the day before this date (default: today, UTC)
  --out        where to write the NDJSON (default: <data dir>/demo-<seed>-<backlogs>x<months>.ndjson)
  --no-import  only write the file

Running it again with the same options writes nothing new (every line is already imported).
Writes into LEDGER_DATA_DIR (default ./data); stop the API first.`;

interface DemoArgs {
  backlogs: number;
  months: number;
  seed: number;
  end: string;
  out?: string;
  import: boolean;
}

/** `demo [...]`: resolves to the exit code (0 done, 1 lines refused, 2 bad usage). */
export async function demoCommand(argv: string[], io: CliIo = processIo): Promise<number> {
  const args: DemoArgs = { backlogs: 3, months: 14, seed: 42, end: new Date().toISOString().slice(0, 10), import: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--help' || flag === '-h') {
      io.out(HELP);
      return 0;
    }
    if (flag === '--no-import') {
      args.import = false;
      continue;
    }
    const value = argv[i + 1];
    if (!['--backlogs', '--months', '--seed', '--end', '--out'].includes(flag)) return usageError(io, `unknown option ${flag}`);
    if (value === undefined || value.startsWith('--')) return usageError(io, `${flag} needs a value`);
    i++;
    if (flag === '--out') args.out = value;
    else if (flag === '--end') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return usageError(io, '--end must be a date YYYY-MM-DD');
      if (value > new Date().toISOString().slice(0, 10)) return usageError(io, '--end may not lie in the future (only past decisions are imported)');
      args.end = value;
    } else {
      const n = Number(value);
      const [min, max] = flag === '--backlogs' ? [1, 50] : flag === '--months' ? [1, 120] : [0, 2 ** 31 - 1];
      if (!Number.isInteger(n) || n < min || n > max) return usageError(io, `${flag} must be an integer between ${min} and ${max}`);
      if (flag === '--backlogs') args.backlogs = n;
      else if (flag === '--months') args.months = n;
      else args.seed = n;
    }
  }

  let config: AppConfig;
  try {
    config = cliConfig(io);
  } catch (e) {
    if (e instanceof ConfigError) return usageError(io, `configuration: ${e.message}`);
    throw e;
  }
  const { lines, summary } = generateDemo(args);
  const file = resolve(args.out ?? join(config.dataDir, `demo-${args.seed}-${args.backlogs}x${args.months}.ndjson`));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, lines.join('\n') + '\n');
  io.out(describeDemo(summary, file));
  if (!args.import) {
    io.out(`\nNot imported (--no-import). Import it with: npm run ledger -- import ${file}`);
    return 0;
  }
  io.out('');
  const { report, caughtUp } = await runImport(config, file, { stopOnError: false }, io);
  io.out(describeReport(report, false, caughtUp));
  if (report.rejected) {
    io.out('\nThe demo should import without a refused line: please report this with the seed and options used.');
    return 1;
  }
  const ids = summary.backlogs.map((b) => ({ ...b, id: report.ids.backlog[b.key] }));
  io.out(['', 'Backlogs:', ...ids.map((b) => `  ${b.name.padEnd(16)} ${b.id}   (owner ${b.owner})`)].join('\n'));
  io.out(hints(ids[0]?.id, summary, config));
  return 0;
}

function describeDemo(s: DemoSummary, file: string): string {
  const count = (name: string) => fmt(s.byDecision[name] ?? 0);
  return [
    `Demo history, seed ${s.seed}: ${s.backlogs.length} backlog(s), ${s.from} → ${s.to}, ${fmt(s.lines)} decisions → ${file}`,
    `  items ${fmt(s.items)} (${count('item.estimate')} estimates, ${count('item.link-objective')} objective links, ` +
      `${count('item.set-kill-criteria')} kill criteria), ${count('item.reprioritize')} reprioritizations, ${fmt(s.velocities)} sprint velocities`,
    `  delivered ${fmt(s.delivered)}; outcomes ${fmt(s.outcomes.moved)} moved the metric, ${fmt(s.outcomes.flat)} flat`,
    `  escalations ${fmt(s.escalations.raised)}: ${fmt(s.escalations.overturned)} overturned, ${fmt(s.escalations.upheld)} upheld` +
      (s.escalations.raised > s.escalations.overturned + s.escalations.upheld ? ', the rest still open' : ''),
    `  kills ${fmt(s.kills)}, revivals ${fmt(s.revivals.decided)} (+${fmt(s.revivals.viaEscalation)} by overturned escalations), ` +
      `anti-backlog ${fmt(s.antiBacklog)}, flip-flops ${fmt(s.flipFlops)}, zombie initiatives planted ${fmt(s.zombiesPlanted)}`,
  ].join('\n');
}

function hints(backlogId: string | undefined, s: DemoSummary, config: AppConfig): string {
  if (!backlogId) return '';
  const mid = new Date((Date.parse(s.from) + Date.parse(s.to)) / 2).toISOString().slice(0, 10);
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const curl = (path: string) => `  curl -H "Authorization: Bearer $TOKEN" "${base}${path}"`;
  return [
    '',
    'Have a look (start the API with `npm start`, same LEDGER_DATA_DIR):',
    '  TOKEN=$(npm run -s token -- --sub lena --role product-leader)',
    curl(`/backlogs/${backlogId}/analytics/zombies`),
    curl(`/backlogs/${backlogId}/analytics/reversals`),
    curl(`/backlogs/${backlogId}/analytics/influence`),
    curl(`/backlogs/${backlogId}/analytics/health`),
    curl('/analytics/portfolio'),
    curl(`/backlogs/${backlogId}/items?at=${mid}`) + '   # the ranking as it stood mid-way',
  ].join('\n');
}

function usageError(io: CliIo, message: string): number {
  io.err(`demo: ${message}\n\n${HELP}`);
  return 2;
}

if (require.main === module) {
  demoCommand(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`demo: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
