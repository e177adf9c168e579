/** Progress on stderr (stdout is reserved for the final JSON summary and Markdown table). */

const started = Date.now();

function stamp(): string {
  const s = (Date.now() - started) / 1000;
  return `[bench +${s.toFixed(1).padStart(6)}s]`;
}

export function log(msg: string): void {
  process.stderr.write(`${stamp()} ${msg}\n`);
}

export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/** Logs "label… done/total" at most every `everyMs` (and always at the end). */
export function counter(label: string, total: number, everyMs = 1000): (done: number) => void {
  let last = 0;
  return (done: number) => {
    const now = Date.now();
    if (done >= total || now - last >= everyMs) {
      last = now;
      log(`${label}… ${fmt(done)}/${fmt(total)}`);
    }
  };
}

/** A ticking line while an awaited phase with a known duration runs ("throughput run… 5/20 s"). */
export async function withTicker<T>(label: string, seconds: number, work: Promise<T>): Promise<T> {
  const t0 = Date.now();
  const timer = setInterval(() => {
    log(`${label}… ${Math.round((Date.now() - t0) / 1000)}/${seconds} s`);
  }, 5000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
