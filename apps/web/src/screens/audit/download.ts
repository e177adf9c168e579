import type { AuditFilters } from './filters';

/**
 * Downloading the filtered log. GET /audit/events answers NDJSON or CSV by the Accept header, in pages of at most
 * 10,000 events chained by X-Next-After; a link cannot set a header, so the app fetches the pages (the session
 * cookie rides along), joins them and hands the browser one file (a Blob). The joined file is exactly what the API
 * sent, page after page, with the CSV header line once.
 */
export type ExportFormat = 'ndjson' | 'csv';

export const EXPORT_FORMATS: Record<ExportFormat, { accept: string; mime: string; extension: string; label: string }> = {
  ndjson: { accept: 'application/x-ndjson', mime: 'application/x-ndjson', extension: 'ndjson', label: 'NDJSON' },
  csv: { accept: 'text/csv', mime: 'text/csv', extension: 'csv', label: 'CSV' },
};

/** The largest page the API gives. */
export const DOWNLOAD_PAGE = 10_000;

/** One page as the API sent it, with the cursor of the next (null on the last). */
export interface RawPage {
  text: string;
  next: number | null;
}

export interface Progress {
  pages: number;
  /** Characters received so far (about the bytes, for a progress line). */
  characters: number;
}

/**
 * Every page of the filtered log from the first on, each handed to `sink` as it arrives (the browser keeps each as a
 * Blob, which it may hold on disk: a large export does not sit in the page's memory as one string). The CSV header is
 * kept from the first page only. Stops on the last page (no cursor), on an empty one, or when `signal` aborts (then it
 * throws the abort reason).
 */
export async function collectLog(
  format: ExportFormat,
  fetchPage: (after: number) => Promise<RawPage>,
  sink: (part: string) => void,
  onProgress: (p: Progress) => void = () => {},
  signal?: AbortSignal,
): Promise<void> {
  let after = 0;
  let characters = 0;
  for (let pages = 1; ; pages++) {
    signal?.throwIfAborted();
    const page = await fetchPage(after);
    const rows = format === 'csv' ? withoutCsvHeader(page.text) : page.text;
    const part = pages === 1 ? page.text : rows;
    if (part.length > 0) {
      sink(part);
      characters += part.length;
    }
    onProgress({ pages, characters });
    if (page.next === null || rows.length === 0 || page.next <= after) return;
    after = page.next;
  }
}

/** The CSV text without its first (header) line; the header never holds a quoted line break. */
export function withoutCsvHeader(text: string): string {
  const end = text.indexOf('\r\n');
  return end === -1 ? '' : text.slice(end + 2);
}

/** The file's name: what was exported, and when, e.g. ledger-events-item-6f1c2a3b-2026-01-05T0900Z.csv. */
export function downloadName(filters: AuditFilters, format: ExportFormat, now: Date): string {
  const parts = ['ledger-events'];
  if (filters.backlogId) parts.push(`backlog-${filters.backlogId.slice(0, 8)}`);
  if (filters.itemId) parts.push(`item-${filters.itemId.slice(0, 8)}`);
  if (filters.type) parts.push(filters.type.replace('.', '-'));
  if (filters.actor) parts.push(`by-${filters.actor.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40)}`);
  if (filters.from || filters.to) parts.push('period');
  const stamp = now.toISOString().slice(0, 16).replace(/:/g, '');
  parts.push(`${stamp}Z`);
  return `${parts.join('-')}.${EXPORT_FORMATS[format].extension}`;
}
