import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ConfigError, type AppConfig } from '../config/config';
import { openImporter } from '../import/importer';
import { readJiraFiles, readJiraResponses } from '../import/jira/jira-files';
import { jiraAuthFromEnv, pullJira } from '../import/jira/jira-live';
import { pullGithub, readGithubCache } from '../import/github/github';
import { FetchError, defaultRetryPolicy, type RetryPolicy } from '../import/live/http-fetch';
import { loadMapping, MappingError, type Mapping } from '../import/tracker/mapping';
import { loadOrCreateSalt, Pseudonymiser } from '../import/tracker/pseudonymise';
import { convertSource, importConversion, type Conversion, type TrackerImportReport, type TrackerSource } from '../import/tracker/tracker-import';
import { readXesFile } from '../import/xes/xes-file';
import { catchUpText, cliConfig, describeReport, fmt, processIo, ProgressLine, type CliIo } from './import.cli';

/**
 * `import jira`, `import github`, `import xes`: a tracker's history → decisions (docs/import-trackers.md). Each
 * reads its source into issues, converts every issue whole through the mapping (an issue that cannot be
 * converted is reported with its file and key, and nothing of it is written), merges all decisions by time,
 * and feeds them to the same importer as `import <file.ndjson>`.
 */

const COMMON = `Options:
  --mapping <file>   the mapping (JSON; docs/import-trackers.md); defaults fit a stock Jira site
  --backlog <name>   every issue into one backlog of this name (default: one backlog per project)
  --pseudonymise     replace names, e-mail addresses and account ids by stable pseudonyms (the salt is kept
                     in the data directory, file pseudonym-salt)
  --out <file>       write the converted decisions as an NDJSON import file instead of importing them
  --stop-on-error    stop at the first refused decision

Writes into LEDGER_DATA_DIR (default ./data); stop the API first. Running the same import again writes nothing
new. Exit codes: 0 everything imported, 1 some issues or decisions refused (listed), 2 bad usage or mapping.`;

const JIRA_HELP = `Imports Jira issues with their changelogs as decisions.

  npm run ledger -- import jira <files or folders…> [options]
      recorded REST responses (.json): search pages (/search, /search/jql), issues (?expand=changelog),
      changelog pages (/issue/{key}/changelog, /changelog/bulkfetch) and the site's statuses (/status)
  npm run ledger -- import jira --site <url> --jql "<query>" [--restart] [options]
      pulls them live: Jira Cloud with JIRA_EMAIL + JIRA_API_TOKEN, Data Center / Server with JIRA_PAT (from
      the environment, never printed). An interrupted pull resumes where it stopped; --restart pulls afresh.

${COMMON}`;

const GITHUB_HELP = `Imports a GitHub repository's issues and their timelines as decisions (pull requests left out).

  npm run ledger -- import github --repo <owner/name> [--api-url <url>] [--restart] [options]
      GITHUB_TOKEN from the environment (optional for public repositories; never printed); --api-url for
      GitHub Enterprise (default https://api.github.com). An interrupted pull resumes where it stopped.

${COMMON}`;

const XES_HELP = `Imports an XES event log (IEEE 1849, as process-mining tools export it) as decisions: one trace per
issue, its activities mapped by the mapping's statuses and xes.activities.

  npm run ledger -- import xes <file.xes> [options]

${COMMON}`;

interface Common {
  mapping: string | null;
  backlog: string | null;
  pseudonymise: boolean;
  out: string | null;
  stopOnError: boolean;
  restart: boolean;
  positional: string[];
  values: Record<string, string>;
}

class UsageError extends Error {}

function parseArgs(argv: string[], valued: string[]): Common | 'help' {
  const c: Common = { mapping: null, backlog: null, pseudonymise: false, out: null, stopOnError: false, restart: false, positional: [], values: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') return 'help';
    else if (a === '--mapping') c.mapping = value();
    else if (a === '--backlog') c.backlog = value();
    else if (a === '--pseudonymise' || a === '--pseudonymize') c.pseudonymise = true;
    else if (a === '--out') c.out = value();
    else if (a === '--stop-on-error') c.stopOnError = true;
    else if (a === '--restart') c.restart = true;
    else if (valued.includes(a)) c.values[a] = value();
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else c.positional.push(a);
  }
  return c;
}

/** What every tracker command shares once it has its source. */
interface Run {
  io: CliIo;
  name: string;
  help: string;
  args: Common;
  config: AppConfig;
  mapping: Mapping;
}

async function prepare(
  name: string,
  help: string,
  argv: string[],
  valued: string[],
  io: CliIo,
): Promise<Run | number> {
  let args: Common | 'help';
  try {
    args = parseArgs(argv, valued);
  } catch (e) {
    if (e instanceof UsageError) return usage(io, name, help, e.message);
    throw e;
  }
  if (args === 'help') {
    io.out(help);
    return 0;
  }
  if (args.mapping !== null && !existsSync(args.mapping)) return usage(io, name, help, `no such mapping file: ${args.mapping}`);
  let mapping: Mapping;
  try {
    mapping = loadMapping(args.mapping);
  } catch (e) {
    if (e instanceof MappingError) {
      io.err(`${name}: bad mapping: ${e.message}\nFix the mapping file (docs/import-trackers.md describes every part) and run the same command again.`);
      return 2;
    }
    throw e;
  }
  if (args.backlog !== null) {
    if (args.backlog.trim() === '' || args.backlog.length > 120) return usage(io, name, help, '--backlog needs a name of 1-120 characters');
    mapping.backlog = { per: 'one', name: args.backlog };
  }
  let config: AppConfig;
  try {
    config = cliConfig(io);
  } catch (e) {
    if (e instanceof ConfigError) return usage(io, name, help, `configuration: ${e.message}`);
    throw e;
  }
  return { io, name, help, args, config, mapping };
}

/** ", 12 issues/s, ETA 40 s" for a pull (the ETA when the total is known). */
function pace(started: number, done: number, total: number | null): string {
  const seconds = (Date.now() - started) / 1000;
  if (seconds < 0.5 || done === 0) return '';
  const rate = done / seconds;
  const eta = total !== null && total > done ? `, ETA ${Math.ceil((total - done) / rate)} s` : '';
  return `, ${rate >= 10 ? fmt(rate) : rate.toFixed(1)} issues/s${eta}`;
}

function usage(io: CliIo, name: string, help: string, message: string): number {
  io.err(`${name}: ${message}\n\n${help}`);
  return 2;
}

function retryPolicy(io: CliIo, overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return {
    ...defaultRetryPolicy(),
    onRetry: (r) => io.err(`  ${r.reason} from ${r.url}: retry ${r.attempt} in ${(r.waitMs / 1000).toFixed(1)} s`),
    ...overrides,
  };
}

/** Test seam: the retry policy (tests replace the sleep) and the search page size. */
export const liveOptions: { retry?: Partial<RetryPolicy>; pageSize?: number } = {};

export async function importJiraCommand(argv: string[], io: CliIo = processIo): Promise<number> {
  const run = await prepare('import jira', JIRA_HELP, argv, ['--site', '--jql'], io);
  if (typeof run === 'number') return run;
  const site = run.args.values['--site'];
  const jql = run.args.values['--jql'];
  if (site !== undefined || jql !== undefined) {
    if (site === undefined || jql === undefined) return usage(io, run.name, run.help, 'a live import needs both --site <url> and --jql "<query>"');
    if (run.args.positional.length) return usage(io, run.name, run.help, 'give either files or --site/--jql, not both');
    if (!/^https?:\/\/[^\s/]+/i.test(site)) return usage(io, run.name, run.help, `--site must be the site's URL, e.g. https://acme.atlassian.net (got "${site}")`);
    const auth = jiraAuthFromEnv(io.env);
    if (typeof auth === 'string') return usage(io, run.name, run.help, auth);
    const started = Date.now();
    let pull: Awaited<ReturnType<typeof pullJira>>;
    try {
      pull = await pullJira({
        site,
        jql,
        auth,
        dataDir: run.config.dataDir,
        restart: run.args.restart,
        retry: retryPolicy(io, liveOptions.retry),
        pageSize: liveOptions.pageSize,
        onProgress: (p) =>
          io.err(
            `jira: ${fmt(p.pages)} search pages, ${fmt(p.issues)}${p.total !== null ? ` / ${fmt(p.total)}` : ''} issues, ` +
              `${fmt(p.changelogs)} changelogs complete${pace(started, p.issues, p.total)}${p.resumed ? ' (resumed)' : ''}`,
          ),
      });
    } catch (e) {
      if (e instanceof FetchError) {
        io.err(`import jira: ${e.message}`);
        io.err('What was fetched is kept in the data directory: run the same command again to resume where it stopped.');
        return 1;
      }
      throw e;
    }
    io.err(`jira: pulled ${pull.resumed ? '(resumed) ' : ''}with ${fmt(pull.requests)} requests; responses kept in ${pull.cacheDir}`);
    const source = readJiraResponses(pull.responses, run.mapping);
    const code = await convertAndImport(run, source, `jira ${new URL(site).host}`);
    if (code !== 2) pull.finished();
    return code;
  }
  if (run.args.positional.length === 0) return usage(io, run.name, run.help, 'which files? e.g. npm run ledger -- import jira exports/ (or --site and --jql)');
  for (const p of run.args.positional) if (!existsSync(p)) return usage(io, run.name, run.help, `no such file or folder: ${p}`);
  const read = readJiraFiles(run.args.positional, run.mapping);
  io.err(`jira: read ${fmt(read.files)} files: ${fmt(read.issues.length + read.rejected.length)} issues${read.skipped.length ? ` (${read.skipped.length} files that are not .json skipped)` : ''}`);
  return convertAndImport(run, read, `jira ${run.args.positional.map((p) => basename(p)).join(',')}`.slice(0, 100));
}

export async function importGithubCommand(argv: string[], io: CliIo = processIo): Promise<number> {
  const run = await prepare('import github', GITHUB_HELP, argv, ['--repo', '--api-url'], io);
  if (typeof run === 'number') return run;
  const repo = run.args.values['--repo'];
  if (!repo || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) return usage(io, run.name, run.help, 'which repository? --repo owner/name');
  if (run.args.positional.length) return usage(io, run.name, run.help, `unexpected argument ${run.args.positional[0]}`);
  const apiUrl = run.args.values['--api-url'] ?? io.env.GITHUB_API_URL ?? 'https://api.github.com';
  const token = io.env.GITHUB_TOKEN?.trim() || null;
  if (!token) io.err('github: GITHUB_TOKEN is not set: public repositories only, and at GitHub\'s low anonymous rate limit');
  const started = Date.now();
  let pull: Awaited<ReturnType<typeof pullGithub>>;
  try {
    pull = await pullGithub({
      repo,
      apiUrl,
      token,
      dataDir: run.config.dataDir,
      restart: run.args.restart,
      retry: retryPolicy(io, liveOptions.retry),
      onProgress: (p) =>
        io.err(
          `github: ${fmt(p.pages)} issue pages, ${fmt(p.issues)} issues and pull requests, ${fmt(p.timelines)} timelines` +
            `${pace(started, p.timelines, p.issuesDone ? p.issues : null)}${p.resumed ? ' (resumed)' : ''}`,
        ),
    });
  } catch (e) {
    if (e instanceof FetchError) {
      io.err(`import github: ${e.message}`);
      io.err('What was fetched is kept in the data directory: run the same command again to resume where it stopped.');
      return 1;
    }
    throw e;
  }
  const source = readGithubCache(pull.cache, repo, run.mapping);
  const code = await convertAndImport(run, source, `github ${repo}`);
  if (code !== 2) pull.finished();
  return code;
}

export async function importXesCommand(argv: string[], io: CliIo = processIo): Promise<number> {
  const run = await prepare('import xes', XES_HELP, argv, [], io);
  if (typeof run === 'number') return run;
  const [file, ...rest] = run.args.positional;
  if (!file) return usage(io, run.name, run.help, 'which file? e.g. npm run ledger -- import xes history.xes');
  if (rest.length) return usage(io, run.name, run.help, `one file at a time (got "${file}" and "${rest[0]}")`);
  if (!existsSync(file) || !statSync(file).isFile()) return usage(io, run.name, run.help, `no such file: ${file}`);
  let source: TrackerSource;
  try {
    source = await readXesFile(file, run.mapping);
  } catch (e) {
    io.err(`import xes: ${(e as Error).message}`);
    return 1;
  }
  io.err(`xes: read ${fmt(source.issues.length)} traces from ${basename(file)}`);
  return convertAndImport(run, source, `xes ${basename(file)}`);
}

async function convertAndImport(run: Run, source: TrackerSource, sourceName: string): Promise<number> {
  const { io, args } = run;
  const pseudonymiser = args.pseudonymise ? new Pseudonymiser(loadOrCreateSalt(run.config.dataDir)) : null;
  const conversion = convertSource(source, run.mapping, pseudonymiser);
  io.out(describeConversion(conversion, pseudonymiser !== null));
  const refused = conversion.rejected.length + conversion.badFiles.length;
  if (args.out !== null) {
    writeFileSync(args.out, conversion.assembled.lines.map((l) => l + '\n').join(''));
    io.out(`Wrote ${fmt(conversion.assembled.lines.length)} decisions to ${args.out}; import them with: npm run ledger -- import ${args.out}`);
    return refused ? 1 : 0;
  }
  if (conversion.assembled.lines.length === 0) return refused ? 1 : 0;
  const progress = new ProgressLine(io);
  const { importer, close } = await openImporter(run.config);
  let report: TrackerImportReport;
  try {
    report = await importConversion(importer, conversion, {
      source: sourceName,
      stopOnError: args.stopOnError,
      onProgress: (p) => progress.update(p),
      onRejected: (r) => {
        progress.rejected({ ...r, message: r.issue ? `${r.issue}: ${r.message}` : r.message });
      },
    });
    progress.done();
    // A bulk import pauses the read model and analytics (ADR 0027): the data dir is complete once they caught up.
    await importer.projectionsCaughtUp((c) => progress.show(catchUpText(c), c.elapsedMs), 500);
    progress.done();
  } finally {
    await close();
  }
  io.out(
    describeReport(
      { ...report, rejectedLines: report.refusedIssues.map((r) => ({ ...r, message: r.issue ? `${r.issue}: ${r.message}` : r.message })) },
      args.stopOnError,
    ),
  );
  return refused || report.rejected ? 1 : 0;
}

export function describeConversion(c: Conversion, pseudonymised: boolean): string {
  const out = [
    `Converted ${fmt(c.converted.length)} issues into ${fmt(c.assembled.lines.length)} decisions ` +
      `(${fmt(c.assembled.backlogs)} backlogs, ${fmt(c.assembled.objectives)} objectives from parent links)${pseudonymised ? ', people pseudonymised' : ''}`,
  ];
  const ignored = [...c.ignored].sort((a, b) => b[1] - a[1]);
  if (ignored.length) {
    out.push(
      `  not decisions (neither a decision nor progress): ${ignored
        .slice(0, 12)
        .map(([f, n]) => `${f} ${fmt(n)}`)
        .join(', ')}${ignored.length > 12 ? `, … (${ignored.length - 12} more fields)` : ''}`,
    );
  }
  if (c.badFiles.length) {
    out.push('', `Files not imported (${fmt(c.badFiles.length)}):`);
    for (const f of c.badFiles.slice(0, 50)) out.push(`  ${f.message}`);
  }
  if (c.rejected.length) {
    out.push('', `Issues not imported — nothing of them was written (${fmt(c.rejected.length)}):`);
    for (const r of c.rejected.slice(0, 50)) out.push(`  ${r.message}`);
    if (c.rejected.length > 50) out.push(`  … and ${fmt(c.rejected.length - 50)} more`);
    out.push('Fix the mapping or the files and run the same command again: what was imported is skipped.');
  }
  return out.join('\n');
}
