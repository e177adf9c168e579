import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import sax from 'sax';
import { norm, type Mapping } from '../tracker/mapping';
import { SourceFileError, trackerTime, type FieldChange, type Person, type TrackerChange, type TrackerIssue } from '../tracker/tracker-issue';
import type { TrackerSource } from '../tracker/tracker-import';

/**
 * An XES event log (IEEE 1849, what process-mining tools export) → issues (docs/import-trackers.md, "XES"). One
 * trace per issue (`concept:name` = its key), one event per change, in the order of the log: `concept:name` is
 * the activity, `org:resource` who did it, `time:timestamp` when. The first event is the creation, its activity
 * the issue's first status. Later activities are statuses (mapped by their category) or, when they read
 * `Change Field: <field>` / `Change <what>`, changes of a field whose values the log does not keep; the
 * mapping's `xes.activities` says what any activity stands for. Events with a lifecycle other than `complete`
 * are skipped.
 */

type Attrs = Record<string, string>;

interface RawTrace {
  attrs: Attrs;
  events: Attrs[];
}

/** Streams the log (sax): one trace in memory at a time. */
export async function readXesFile(file: string, mapping: Mapping): Promise<TrackerSource> {
  const traces: RawTrace[] = [];
  await new Promise<void>((resolve, reject) => {
    const parser = sax.createStream(true, { trim: true });
    let depth = 0;
    let sawLog = false;
    let trace: RawTrace | null = null;
    let event: Attrs | null = null;
    /** Nesting of attribute elements (lists, containers): only the top-level ones of a trace or event count. */
    let attrDepth = 0;
    let failed = false;
    const fail = (reason: string) => {
      if (failed) return;
      failed = true;
      stream.unpipe(parser);
      stream.destroy();
      reject(new SourceFileError(file, `${reason}. Nothing in it was imported`));
    };
    parser.on('opentag', (tag) => {
      if (failed) return;
      depth += 1;
      const name = tag.name.replace(/^.*:/, '');
      if (depth === 1) {
        if (name !== 'log') return fail(`is not an XES log: its root element is <${tag.name}>, not <log>`);
        sawLog = true;
        return;
      }
      if (name === 'trace' && depth === 2) {
        trace = { attrs: {}, events: [] };
        return;
      }
      if (name === 'event' && trace && depth === 3) {
        event = {};
        return;
      }
      const key = tag.attributes.key;
      if (typeof key === 'string' && (trace || event)) {
        if (attrDepth === 0) {
          const value = typeof tag.attributes.value === 'string' ? tag.attributes.value : '';
          if (event) event[key] = value;
          else if (trace) trace.attrs[key] = value;
        }
        attrDepth += 1;
      }
    });
    parser.on('closetag', (tagName) => {
      const name = tagName.replace(/^.*:/, '');
      if (name === 'event' && event && trace) {
        trace.events.push(event);
        event = null;
      } else if (name === 'trace' && trace) {
        traces.push(trace);
        trace = null;
      } else if (attrDepth > 0 && !['log', 'trace', 'event'].includes(name)) attrDepth -= 1;
      depth -= 1;
    });
    parser.on('error', (e: Error) => {
      const where = trace ? ` (in the trace of ${(trace as RawTrace).attrs['concept:name'] ?? 'an unnamed issue'})` : '';
      fail(`is not well-formed XML${where}: ${e.message.split('\n')[0]}; the export may be cut off`);
    });
    parser.on('end', () => (failed ? undefined : sawLog ? resolve() : reject(new SourceFileError(file, 'is empty or not XML: no <log> element. Nothing in it was imported'))));
    const stream = createReadStream(file, { encoding: 'utf8' });
    stream.on('error', (e) => reject(new SourceFileError(file, `cannot be read (${e.message})`)));
    stream.pipe(parser);
  });
  return xesToIssues(file, traces, mapping);
}

function xesToIssues(file: string, traces: RawTrace[], mapping: Mapping): TrackerSource {
  const site = basename(file).replace(/\.xes(\.xml)?$/i, '');
  const source: TrackerSource = { issues: [], rejected: [], badFiles: [], statuses: new Map() };
  const seen = new Set<string>();
  traces.forEach((t, index) => {
    const key = t.attrs['concept:name'] || `trace-${index + 1}`;
    if (seen.has(key)) {
      source.badFiles.push(new SourceFileError(file, `holds two traces named ${key}; the second (trace ${index + 1}) was not imported`));
      return;
    }
    seen.add(key);
    const events = t.events.filter((e) => (e['lifecycle:transition'] ?? 'complete').toLowerCase() === 'complete');
    const person = (e: Attrs): Person | null => {
      const r = e['org:resource'];
      return r ? { id: r, displayName: r, email: null, aliases: [], bot: false } : null;
    };
    const first = events[0];
    const createdAt = first ? trackerTime(first['time:timestamp']) : null;
    const changes: TrackerChange[] = events.slice(1).map((e, i) => ({
      id: `e${i + 2}`,
      at: trackerTime(e['time:timestamp']) ?? `unreadable time ${JSON.stringify(e['time:timestamp'] ?? null)}`,
      author: person(e),
      items: [activityChange(e['concept:name'] ?? '', mapping)],
    }));
    const firstActivity = first?.['concept:name'] ?? null;
    const firstIsStatus = firstActivity !== null && activityChange(firstActivity, mapping).field === 'status';
    source.issues.push({
      system: 'XES',
      site,
      key,
      project: key.includes('-') ? key.replace(/-\d+$/, '') : site,
      projectName: key.includes('-') ? key.replace(/-\d+$/, '') : site,
      title: t.attrs['title'] ?? t.attrs['summary'] ?? key,
      issueType: t.attrs['issuetype'] ?? t.attrs['type'] ?? null,
      created: createdAt ?? `unreadable time ${JSON.stringify(first?.['time:timestamp'] ?? null)}`,
      reporter: first ? person(first) : null,
      initial: { status: firstIsStatus ? firstActivity : null, resolution: null, priority: null, storyPoints: null, parent: null },
      current: {},
      changes,
      files: [file],
    });
  });
  return source;
}

/** What an activity stands for: a status, or a change of a field whose values the log does not keep. */
function activityChange(activity: string, mapping: Mapping): FieldChange {
  const explicit = mapping.xes.activities.get(norm(activity));
  const field = /^Change Field:\s*(.+)$/i.exec(activity)?.[1] ?? /^Change\s+(.+)$/i.exec(activity)?.[1] ?? null;
  if (explicit === 'status' || (explicit === undefined && field === null)) {
    return { field: 'status', from: null, fromString: null, to: activity, toString: activity };
  }
  return { field: field ?? activity, from: null, fromString: null, to: null, toString: null, valueless: true, activity };
}
