/**
 * Child process of the import benchmark: writes the demo generator's history (apps/api/src/import/demo-generator.ts,
 * the history `npm run ledger -- demo` imports), scaled to many backlogs over ten years, cut to `decisions` lines
 * (a prefix of a chronological file is a valid file). In a child: a million lines take ~1 GB while generated.
 *   argv[2]: JSON { file, decisions, seed, end, prefixFile, prefix }: also writes the first `prefix` lines to `prefixFile`
 */
import { writeFileSync } from 'node:fs';
import { generateDemo } from '../../apps/api/src/import/demo-generator';

/** Lines one backlog yields over 120 months (measured: 50 backlogs → 543,528 lines). */
const LINES_PER_BACKLOG = 10_500;

const { file, decisions, seed, end, prefixFile, prefix } = JSON.parse(process.argv[2]) as {
  file: string;
  decisions: number;
  seed: number;
  end: string;
  prefixFile: string;
  prefix: number;
};
const t0 = Date.now();
const backlogs = Math.max(1, Math.ceil(decisions / LINES_PER_BACKLOG));
const demo = generateDemo({ backlogs, months: 120, seed, end });
if (demo.lines.length < decisions) throw new Error(`the history has ${demo.lines.length} lines, fewer than ${decisions}`);
const lines = demo.lines.slice(0, decisions);
writeFileSync(file, lines.join('\n') + '\n');
writeFileSync(prefixFile, lines.slice(0, prefix).join('\n') + '\n');
const bytes = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
process.stdout.write(`RESULT ${JSON.stringify({ decisions: lines.length, backlogs, items_in_full_history: demo.summary.items, bytes, generate_ms: Date.now() - t0 })}\n`);
