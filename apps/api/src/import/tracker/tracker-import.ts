import type { Mapping } from './mapping';
import { assemble, type AssembledLines } from './assemble';
import type { Pseudonymiser } from './pseudonymise';
import { convertIssue, emptySiteStatuses, type IssueDecisions, type SiteStatuses } from './to-decisions';
import { IssueError, type SourceFileError, type TrackerIssue } from './tracker-issue';
import type { Importer, ImportReport, RejectedLine } from '../importer';

/** What a source reader hands over: the issues it could read, and what it could not. */
export interface TrackerSource {
  issues: TrackerIssue[];
  rejected: IssueError[];
  badFiles: SourceFileError[];
  /** Status categories per site; '' (or 'jira') holds those that name no site. */
  statuses: Map<string, SiteStatuses>;
}

export interface Conversion {
  converted: IssueDecisions[];
  /** Issues refused by the reader or by the mapping: nothing of them is imported. */
  rejected: IssueError[];
  badFiles: SourceFileError[];
  /** Field changes that are neither decisions nor progress, by field, over all issues. */
  ignored: Map<string, number>;
  assembled: AssembledLines;
}

/** Every issue through the mapping (each whole, or not at all), then one chronological list of lines. */
export function convertSource(source: TrackerSource, mapping: Mapping, pseudonymiser: Pseudonymiser | null): Conversion {
  const rejected = [...source.rejected];
  const converted: IssueDecisions[] = [];
  const ignored = new Map<string, number>();
  for (const issue of source.issues) {
    const site = mergedStatuses(source.statuses, issue.site);
    try {
      const c = convertIssue(issue, mapping, site);
      converted.push(c);
      for (const [field, n] of c.ignored) ignored.set(field, (ignored.get(field) ?? 0) + n);
    } catch (e) {
      if (e instanceof IssueError) rejected.push(e);
      else throw e;
    }
  }
  return { converted, rejected, badFiles: source.badFiles, ignored, assembled: assemble(converted, pseudonymiser, source.issues) };
}

function mergedStatuses(all: Map<string, SiteStatuses>, site: string): SiteStatuses {
  const out = emptySiteStatuses();
  // Statuses that name no site apply everywhere; a site's own win.
  for (const key of ['', 'jira', site]) {
    const s = all.get(key);
    if (!s) continue;
    for (const [k, v] of s.byName) out.byName.set(k, v);
    for (const [k, v] of s.byId) out.byId.set(k, v);
  }
  return out;
}

export interface TrackerImportReport extends ImportReport {
  /** Refused lines with the issue they belong to. */
  refusedIssues: Array<RejectedLine & { issue: string }>;
}

/** Feeds the converted lines to the importer (the same entry point as an NDJSON file). */
export async function importConversion(
  importer: Importer,
  conversion: Conversion,
  options: {
    source: string;
    stopOnError?: boolean;
    onProgress?: Parameters<Importer['importLines']>[1]['onProgress'];
    onRejected?: (r: RejectedLine & { issue: string }) => void;
  },
): Promise<TrackerImportReport> {
  const { lines, issueOfLine } = conversion.assembled;
  const refusedIssues: TrackerImportReport['refusedIssues'] = [];
  const report = await importer.importLines(
    lines,
    {
      source: options.source,
      stopOnError: options.stopOnError,
      onProgress: options.onProgress,
      onRejected: (r) => {
        const withIssue = { ...r, issue: issueOfLine[r.line - 1] ?? '' };
        refusedIssues.push(withIssue);
        options.onRejected?.(withIssue);
      },
    },
    lines.length,
  );
  return { ...report, refusedIssues };
}
