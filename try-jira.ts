import { readJiraFiles } from 'apps/api/src/import/jira/jira-files';
import { loadMapping } from 'apps/api/src/import/tracker/mapping';
import { convertIssue, emptySiteStatuses } from 'apps/api/src/import/tracker/to-decisions';
import { assemble } from 'apps/api/src/import/tracker/assemble';
const m = loadMapping(null);
const r = readJiraFiles(['/work/shared/data/jira-jirametrics'], m);
console.log('issues', r.issues.length, 'rejected', r.rejected.map(e=>e.message), 'bad', r.badFiles.map(e=>e.message));
const conv = r.issues.map(i => convertIssue(i, m, r.statuses.get(i.site) ?? emptySiteStatuses()));
const a = assemble(conv, null);
for (const l of a.lines) { const o = JSON.parse(l); console.log(o.at, o.actor.role, o.decision, o.item ?? o.backlog, o.rationale ?? o.reason, o.move ? JSON.stringify(o.move) : ''); }
for (const c of conv) console.log(c.issue.key, [...c.ignored]);
