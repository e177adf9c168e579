import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { components } from '../../api/schema';
import { collectLog, DOWNLOAD_PAGE, EXPORT_FORMATS, type ExportFormat, type Progress, type RawPage } from './download';
import { apiQuery, nextCursorOf, type AuditFilters, type AuditView } from './filters';
import { parseNdjson, type AuditEvent } from './events';

export interface AuditPage {
  events: AuditEvent[];
  /** X-Next-After: the cursor of the next page; null on the last page. */
  next: number | null;
}

/** GET /audit/events with the Accept of `format`: the page's text as sent, and the next cursor. */
async function fetchRaw(filters: AuditFilters, after: number, limit: number, format: ExportFormat, signal?: AbortSignal): Promise<RawPage> {
  const { data, error, response } = await api.GET('/audit/events', {
    params: { query: apiQuery(filters, after, limit) },
    headers: { Accept: EXPORT_FORMATS[format].accept },
    parseAs: 'text',
    signal,
  });
  if (!response.ok) throw ApiError.from(response, error);
  return { text: String(data ?? ''), next: nextCursorOf(response.headers.get('X-Next-After')) };
}

export const auditKeys = {
  page: (view: AuditView) => ['audit-events', view.filters, view.after, view.limit] as const,
};

/** One page of the explorer. The previous page stays on screen while the next loads (no flicker when paging). */
export function useAuditPage(view: AuditView) {
  return useQuery({
    queryKey: auditKeys.page(view),
    queryFn: async ({ signal }): Promise<AuditPage> => {
      const raw = await fetchRaw(view.filters, view.after, view.limit, 'ndjson', signal);
      return { events: parseNdjson(raw.text), next: raw.next };
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The whole filtered log in `format` as one file (see download.ts), each page kept as a Blob of its own. */
export async function fetchLog(filters: AuditFilters, format: ExportFormat, onProgress: (p: Progress) => void, signal: AbortSignal): Promise<Blob> {
  const parts: Blob[] = [];
  await collectLog(format, (after) => fetchRaw(filters, after, DOWNLOAD_PAGE, format, signal), (part) => parts.push(new Blob([part])), onProgress, signal);
  return new Blob(parts, { type: `${EXPORT_FORMATS[format].mime};charset=utf-8` });
}

/** Hands the browser a file to save (an object URL on an <a download>, released once the download started). */
export function saveFile(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** GET /backlogs: names for the filter and the rows (the backlogs the caller may read). */
export function useBacklogNames() {
  return useQuery({
    queryKey: ['backlogs'],
    queryFn: async () => (await unwrap<components['schemas']['BacklogListDto']>(api.GET('/backlogs'))).data.backlogs,
    staleTime: 60_000,
  });
}
