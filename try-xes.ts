import { readXesFile } from './apps/api/src/import/xes/xes-file';
import { loadMapping } from './apps/api/src/import/tracker/mapping';
import { convertSource } from './apps/api/src/import/tracker/tracker-import';
(async () => {
const m = loadMapping(null);
const t0 = Date.now();
const src = await readXesFile('/work/shared/data/jira-wildfly/wildfly-feature-requests-process.xes', m);
console.log('read', src.issues.length, Date.now()-t0, 'ms', src.badFiles.map(e=>e.message));
const c = convertSource(src, m, null);
console.log('converted', c.converted.length, 'rejected', c.rejected.length, c.rejected.slice(0,5).map(e=>e.message));
console.log('lines', c.assembled.lines.length, [...c.ignored].sort((a,b)=>b[1]-a[1]).slice(0,12));
const counts: Record<string, number> = {};
for (const l of c.assembled.lines) { const o = JSON.parse(l); counts[o.decision] = (counts[o.decision]??0)+1; }
console.log(counts);
console.log(c.assembled.lines.slice(0,3).join('\n'));
})();
