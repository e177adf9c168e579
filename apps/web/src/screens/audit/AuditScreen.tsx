import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ErrorState, QueryView } from '../../shared/states';
import { Time } from '../../shared/Time';
import { AuditTabs } from './AuditTabs';
import { downloadName, EXPORT_FORMATS, type ExportFormat, type Progress } from './download';
import { EVENT_TYPES, summarize, type AuditEvent } from './events';
import {
  auditSearch,
  back,
  draftOf,
  filtersOf,
  forward,
  hasFilters,
  NO_FILTERS,
  PAGE_SIZES,
  pageNumber,
  parseAuditSearch,
  trailOf,
  type AuditFilters,
  type AuditView,
  type FilterDraft,
  type Trail,
} from './filters';
import { fetchLog, saveFile, useAuditPage, useBacklogNames, type AuditPage } from './queries';

/** The event explorer: the decision log filtered, paged by position, downloadable as NDJSON or CSV. */
export default function AuditScreen() {
  const location = useLocation();
  const navigate = useNavigate();
  const view = parseAuditSearch(location.search);
  const trail = trailOf(location.state);
  const page = useAuditPage(view);
  const backlogs = useBacklogNames();
  const names = new Map((backlogs.data ?? []).map((b) => [b.id, b.name]));
  const go = (next: AuditView, nextTrail: Trail) => navigate({ pathname: location.pathname, search: auditSearch(next) }, { state: nextTrail });

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <AuditTabs current="events" />
      <p className="muted">
        Every decision as it was recorded, in the order it was recorded: who took it, in which role, when and why. Nothing here can be changed;{' '}
        <Link to="/audit/verify">the chain verification</Link> proves it.
      </p>
      <FilterForm view={view} backlogs={backlogs.data ?? []} onApply={(filters) => go({ ...view, filters, after: 0 }, { cursors: [] })} />
      <Downloads filters={view.filters} />
      <QueryView query={page} what="Loading the events" isEmpty={(p) => p.events.length === 0 && view.after === 0 && !hasFilters(view.filters)}>
        {(p) => (
          <>
            <EventsTable page={p} names={names} stale={page.isPlaceholderData} after={view.after} onActor={(actor) => go({ ...view, filters: { ...view.filters, actor }, after: 0 }, { cursors: [] })} />
            <Pager
              view={view}
              page={p}
              trail={trail}
              busy={page.isFetching}
              onPage={(after, t) => go({ ...view, after }, t)}
              onLimit={(limit) => go({ ...view, limit }, trail)}
            />
          </>
        )}
      </QueryView>
    </section>
  );
}

type FieldErrors = Partial<Record<keyof AuditFilters, string>>;

function FilterForm({ view, backlogs, onApply }: { view: AuditView; backlogs: { id: string; name: string }[]; onApply: (f: AuditFilters) => void }) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<FilterDraft>(() => draftOf(view.filters));
  const [errors, setErrors] = useState<FieldErrors>({});
  const key = JSON.stringify(view.filters);
  useEffect(() => {
    setDraft(draftOf(JSON.parse(key) as AuditFilters));
    setErrors({});
  }, [key]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = filtersOf(draft);
    if ('errors' in result) {
      setErrors(result.errors);
      const first = (Object.keys(draft) as (keyof FilterDraft)[]).find((k) => result.errors[k]);
      if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    onApply(result.filters);
  };
  const field = (name: keyof FilterDraft) => ({
    id: `${id}-${name}`,
    name,
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: e.target.value })),
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
  });
  const wrap = (name: keyof FilterDraft, label: string, control: ReactNode) => (
    <div className={`field${errors[name] ? ' field-invalid' : ''}`}>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {control}
      {errors[name] && (
        <p id={`${id}-${name}-error`} className="field-error" role="alert">
          {errors[name]}
        </p>
      )}
    </div>
  );

  return (
    <form ref={form} className="filters" onSubmit={submit} aria-label="Filter the events" noValidate>
      {wrap(
        'backlogId',
        'Backlog',
        <select {...field('backlogId')}>
          <option value="">Every backlog</option>
          {backlogs.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
          {view.filters.backlogId && !backlogs.some((b) => b.id === view.filters.backlogId) && <option value={view.filters.backlogId}>{view.filters.backlogId}</option>}
        </select>,
      )}
      {wrap('itemId', 'Item id', <input {...field('itemId')} type="text" spellCheck={false} autoComplete="off" />)}
      {wrap(
        'type',
        'Event type',
        <>
          <input {...field('type')} type="text" list={`${id}-types`} spellCheck={false} autoComplete="off" />
          <datalist id={`${id}-types`}>
            {Object.entries(EVENT_TYPES).map(([type, label]) => (
              <option key={type} value={type}>
                {label}
              </option>
            ))}
          </datalist>
        </>,
      )}
      {wrap('actor', 'Who (actor id)', <input {...field('actor')} type="text" spellCheck={false} autoComplete="off" />)}
      {wrap('from', 'Decided from', <input {...field('from')} type="datetime-local" />)}
      {wrap('to', 'Decided before', <input {...field('to')} type="datetime-local" />)}
      <div className="filter-actions">
        <button type="submit" className="primary">
          Apply filters
        </button>
        {hasFilters(view.filters) && (
          <button type="button" onClick={() => onApply(NO_FILTERS)}>
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}

interface DownloadState {
  format: ExportFormat;
  progress: Progress | null;
  done: string | null;
  error: unknown;
}

function Downloads({ filters }: { filters: AuditFilters }) {
  const [state, setState] = useState<DownloadState | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const running = state !== null && state.done === null && state.error === null;

  async function download(format: ExportFormat) {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ format, progress: null, done: null, error: null });
    try {
      const file = await fetchLog(filters, format, (progress) => setState((s) => (s && s.format === format ? { ...s, progress } : s)), controller.signal);
      const name = downloadName(filters, format, new Date());
      saveFile(file, name);
      setState((s) => (s ? { ...s, done: name } : s));
    } catch (error) {
      if (controller.signal.aborted) setState(null);
      else setState((s) => (s ? { ...s, error } : s));
    }
  }

  return (
    <div className="downloads" role="group" aria-label="Download the filtered log">
      <span className="downloads-label">{hasFilters(filters) ? 'Download these events:' : 'Download the whole log:'}</span>
      {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((f) => (
        <button key={f} type="button" disabled={running} onClick={() => void download(f)}>
          Download {EXPORT_FORMATS[f].label}
        </button>
      ))}
      {running && (
        <button type="button" onClick={() => abort.current?.abort()}>
          Cancel
        </button>
      )}
      <p className="downloads-status" role="status" aria-live="polite">
        {running &&
          `Downloading ${EXPORT_FORMATS[state.format].label}…${state.progress ? ` ${state.progress.pages} page${state.progress.pages === 1 ? '' : 's'}, ${kb(state.progress.characters)}` : ''}`}
        {state?.done && `Downloaded ${state.done}.`}
      </p>
      {state?.error != null && <ErrorState error={state.error} />}
    </div>
  );
}

/** item-24c5fd5e-5034-… → item-24c5fd5e… (the full id on hover). */
const shortStream = (id: string) => id.replace(/^([a-z]+-[0-9a-f]{8})-[0-9a-f-]{27}$/i, '$1…');

const kb = (chars: number) => `${Math.max(1, Math.round(chars / 1024)).toLocaleString()} kB`;

function EventsTable({ page, names, stale, after, onActor }: { page: AuditPage; names: Map<string, string>; stale: boolean; after: number; onActor: (actor: string) => void }) {
  if (page.events.length === 0) {
    return <p className="state" role="status">{after > 0 ? `No more events after position ${after}.` : 'No event matches these filters.'}</p>;
  }
  return (
    <div className={`table-scroll${stale ? ' is-stale' : ''}`} tabIndex={0} role="region" aria-label="Events" aria-busy={stale || undefined}>
      <table className="data events">
        <thead>
          <tr>
            <th scope="col" className="num">
              Position
            </th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Decision</th>
            <th scope="col">On</th>
            <th scope="col">Why</th>
            <th scope="col">Chain</th>
          </tr>
        </thead>
        <tbody>
          {page.events.map((e) => (
            <EventRow key={e.id} event={e} names={names} onActor={onActor} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EventRow({ event: e, names, onActor }: { event: AuditEvent; names: Map<string, string>; onActor: (actor: string) => void }) {
  const s = summarize(e);
  return (
    <tr data-position={e.position} data-event-id={e.id}>
      <td className="num pos">{e.position}</td>
      <td>
        <Time iso={s.when} />
        {s.recordedAt && (
          <span className="sub">
            recorded <Time iso={s.recordedAt} />
          </span>
        )}
      </td>
      <td>
        <button type="button" className="link" onClick={() => onActor(s.who)} aria-label={`${s.who}: show only the events of ${s.who}`}>
          {s.who}
        </button>{' '}
        <span className="role-badge">{s.role}</span>
      </td>
      <th scope="row">
        {s.label}
        <span className="sub">
          <code>{e.type}</code>
          {s.positions && <span className="positions"> {s.positions}</span>}
        </span>
        {s.details.length > 0 && (
          <span className="sub">
            {s.details.map((d) => (
              <span key={d} className="chip">
                {d}
              </span>
            ))}
          </span>
        )}
      </th>
      <td>
        {s.itemId && (
          <Link to={`/items/${s.itemId}#event-${e.id}`} className="event-item">
            Item timeline
          </Link>
        )}
        {s.proposalId && (
          <span className="sub">
            <Link to={`/proposals/${s.proposalId}`}>Proposal</Link>
          </span>
        )}
        {!s.proposalId && s.forumId && (
          <span className="sub">
            <Link to={`/forums/${s.forumId}`}>Forum</Link>
          </span>
        )}
        {s.backlogId && <span className="sub">{names.get(s.backlogId) ?? 'Backlog'}</span>}
      </td>
      <td className="why">
        {s.wanted && (
          <span className="sub">
            <span className="muted">Wanted:</span> {s.wanted}
          </span>
        )}
        {s.why ?? <span className="muted">—</span>}
      </td>
      <td className="chain-cell">
        <span className="sub" title={e.streamId}>
          {shortStream(e.streamId)} · rev {e.revision}
        </span>
        <code className="hash" title={`sha256 ${e.hash} (previous ${e.prevHash})`}>
          {e.hash.slice(0, 12)}…
        </code>
      </td>
    </tr>
  );
}

function Pager({
  view,
  page,
  trail,
  busy,
  onPage,
  onLimit,
}: {
  view: AuditView;
  page: AuditPage;
  trail: Trail;
  busy: boolean;
  onPage: (after: number, trail: Trail) => void;
  onLimit: (limit: number) => void;
}) {
  const id = useId();
  const previous = back(trail, view.after);
  const n = pageNumber(trail, view.after);
  const first = page.events[0]?.position;
  const last = page.events.at(-1)?.position;
  return (
    <nav className="pager" aria-label="Pages of events">
      <p className="pager-where" role="status" aria-live="polite">
        {n !== null ? `Page ${n}` : `Events after position ${view.after}`}
        {first !== undefined && last !== undefined && ` · positions ${first}–${last}`}
        {page.next === null && ' · the last page'}
        {busy && ' · loading…'}
      </p>
      <div className="pager-buttons">
        {view.after > 0 && (
          <button type="button" onClick={() => onPage(0, { cursors: [] })}>
            First page
          </button>
        )}
        {previous && (
          <button type="button" onClick={() => onPage(previous.after, previous.trail)}>
            Previous page
          </button>
        )}
        {page.next !== null && page.events.length > 0 && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              const f = forward(trail, view.after, page.next!);
              onPage(f.after, f.trail);
            }}
          >
            Next page
          </button>
        )}
        <label htmlFor={`${id}-limit`} className="pager-limit">
          Per page
        </label>
        <select id={`${id}-limit`} value={view.limit} onChange={(e) => onLimit(Number(e.target.value))}>
          {PAGE_SIZES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
    </nav>
  );
}
