import { collectLog, downloadName, withoutCsvHeader, type Progress, type RawPage } from './download';
import { NO_FILTERS } from './filters';

/** A log served in pages as the API does: `pages[after]` is the page after that cursor. */
function server(pages: Record<number, RawPage>) {
  const asked: number[] = [];
  return {
    asked,
    fetchPage: async (after: number) => {
      asked.push(after);
      const page = pages[after];
      if (!page) throw new Error(`no page after ${after}`);
      return page;
    },
  };
}

const HEADER = 'position,eventId,type\r\n';

/** The file the parts make. */
async function collect(format: 'csv' | 'ndjson', fetchPage: (after: number) => Promise<RawPage>): Promise<string> {
  const parts: string[] = [];
  await collectLog(format, fetchPage, (part) => parts.push(part));
  return parts.join('');
}

describe('downloading the filtered log', () => {
  it('joins every NDJSON page in order, following X-Next-After until the last page', async () => {
    const s = server({
      0: { text: '{"position":1}\n{"position":2}\n', next: 2 },
      2: { text: '{"position":5}\n{"position":9}\n', next: 9 },
      9: { text: '{"position":12}\n', next: null },
    });
    const progress: Progress[] = [];
    const parts: string[] = [];
    await collectLog('ndjson', s.fetchPage, (part) => parts.push(part), (p) => progress.push(p));
    expect(parts.join('')).toBe('{"position":1}\n{"position":2}\n{"position":5}\n{"position":9}\n{"position":12}\n');
    expect(s.asked).toEqual([0, 2, 9]);
    expect(progress.map((p) => p.pages)).toEqual([1, 2, 3]);
    expect(progress.at(-1)!.characters).toBe(parts.join('').length);
  });

  it('keeps the CSV header once, and stops on an empty page after a full one (the cursor of a full last page)', async () => {
    const s = server({
      0: { text: `${HEADER}1,a,item.added\r\n2,b,"item.killed"\r\n`, next: 2 },
      2: { text: `${HEADER}3,c,"two\r\nlines"\r\n`, next: 3 },
      3: { text: HEADER, next: null },
    });
    expect(await collect('csv', s.fetchPage)).toBe(`${HEADER}1,a,item.added\r\n2,b,"item.killed"\r\n3,c,"two\r\nlines"\r\n`);
    expect(s.asked).toEqual([0, 2, 3]);
  });

  it('gives the header alone when nothing matches, and an empty NDJSON file', async () => {
    expect(await collect('csv', server({ 0: { text: HEADER, next: null } }).fetchPage)).toBe(HEADER);
    expect(await collect('ndjson', server({ 0: { text: '', next: null } }).fetchPage)).toBe('');
  });

  it('never loops on a cursor that does not advance', async () => {
    const s = server({ 0: { text: '{"position":1}\n', next: 5 }, 5: { text: '{"position":6}\n', next: 5 } });
    expect(await collect('ndjson', s.fetchPage)).toBe('{"position":1}\n{"position":6}\n');
    expect(s.asked).toEqual([0, 5]);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const s = server({ 0: { text: '{"position":1}\n', next: 1 }, 1: { text: '{"position":2}\n', next: null } });
    const cancelling = collectLog('ndjson', s.fetchPage, () => {}, () => controller.abort(new Error('cancelled')), controller.signal);
    await expect(cancelling).rejects.toThrow('cancelled');
    expect(s.asked).toEqual([0]);
  });

  it('strips only the header line of a CSV page', () => {
    expect(withoutCsvHeader(`${HEADER}1,a,b\r\n`)).toBe('1,a,b\r\n');
    expect(withoutCsvHeader(HEADER)).toBe('');
    expect(withoutCsvHeader('')).toBe('');
  });

  it('names the file after what was exported and when', () => {
    const now = new Date('2026-01-05T09:07:30.000Z');
    expect(downloadName(NO_FILTERS, 'ndjson', now)).toBe('ledger-events-2026-01-05T0907Z.ndjson');
    expect(downloadName({ ...NO_FILTERS, itemId: '6f1c2a3b-0d4e-4f50-8a61-7b8c9d0e1f23', type: 'item.escalated', actor: 'stella/../x' }, 'csv', now)).toBe(
      'ledger-events-item-6f1c2a3b-item-escalated-by-stella_x-2026-01-05T0907Z.csv',
    );
  });
});
