/**
 * `npm run ledger -- <command> [options]`: operations on a ledger's data directory (LEDGER_DATA_DIR).
 * A small dispatcher: each command lives in its own module, loaded only when it runs.
 */

interface Command {
  /** One line for the usage listing. */
  summary: string;
  /** Runs the command with the arguments after its name; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  'projections rebuild': {
    summary: 'recompute the analytics tables from the whole event history, then switch over',
    run: (args) => import('./projections-rebuild').then((m) => m.projectionsRebuild(args)),
  },
  import: {
    summary: 'import past decisions from an NDJSON file (docs/import-format.md); re-running it writes nothing new',
    run: (args) => import('./import.cli').then((m) => m.importCommand(args)),
  },
  'import jira': {
    summary: 'import Jira issues and their changelogs, from recorded responses or live (--site, --jql) (docs/import-trackers.md)',
    run: (args) => import('./import-tracker.cli').then((m) => m.importJiraCommand(args)),
  },
  'import github': {
    summary: "import a GitHub repository's issues and their timelines (--repo owner/name)",
    run: (args) => import('./import-tracker.cli').then((m) => m.importGithubCommand(args)),
  },
  'import xes': {
    summary: 'import an XES event log (process-mining export) of issue histories',
    run: (args) => import('./import-tracker.cli').then((m) => m.importXesCommand(args)),
  },
  demo: {
    summary: 'generate a realistic multi-backlog history (12+ months) and import it',
    run: (args) => import('./demo.cli').then((m) => m.demoCommand(args)),
  },
  backup: {
    summary: 'back up the embedded ledger into a new directory, also while the API runs (docs/operations.md)',
    run: (args) => import('./backup.cli').then((m) => m.backupCommand(args)),
  },
  restore: {
    summary: 'restore a backup into an empty data directory, then verify every hash chain',
    run: (args) => import('./backup.cli').then((m) => m.restoreCommand(args)),
  },
  verify: {
    summary: 'recompute every hash chain of the event store offline, with progress',
    run: (args) => import('./verify.cli').then((m) => m.verifyCommand(args)),
  },
  // Further commands register here.
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'usage: npm run ledger -- <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    'Run a command with --help for its options. The data directory is LEDGER_DATA_DIR (default ./data).',
  ].join('\n');
}

/** The command named by the longest prefix of argv (commands may be several words). */
export function resolveCommand(argv: string[]): { command: Command; args: string[] } | null {
  for (let words = Math.min(argv.length, 3); words > 0; words--) {
    const command = COMMANDS[argv.slice(0, words).join(' ')];
    if (command) return { command, args: argv.slice(words) };
  }
  return null;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(usage() + '\n');
    return argv.length === 0 ? 2 : 0;
  }
  const found = resolveCommand(argv);
  if (!found) {
    process.stderr.write(`ledger: unknown command "${argv.join(' ')}"\n\n${usage()}\n`);
    return 2;
  }
  return found.command.run(found.args);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`ledger: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
