/**
 * Low-watermark of a projection fed from a partitioned topic (ADR 0010): the largest P such that every event
 * with position <= P is projected.
 *
 * Per partition p, w(p) = the largest position or `floor` header among the messages of p that are durably
 * projected. Every event of p with position <= w(p) is projected: the relay publishes in global order and sends
 * the next batch only after the previous one was acknowledged, so within p positions grow with offsets (a
 * relay crash can only re-publish events that are already there: duplicates, harmless), and a `floor` f means
 * every event <= f was acknowledged before this message was sent, i.e. sits at an earlier offset.
 * Every event lives in exactly one partition, so min over all partitions of w(p) is a low-watermark.
 *
 * Progress of partitions this instance does not own comes from the group's committed offsets (their commit
 * metadata carries w(p)); both sources are lower bounds, so taking the larger is safe.
 */
export class PartitionWatermarks {
  private readonly local = new Map<number, number>();
  private readonly committed = new Map<number, number>();

  constructor(private partitions: number) {}

  setPartitionCount(n: number): void {
    this.partitions = n;
  }

  /** This instance durably projected messages of `partition` up to (and including) `position`. */
  advance(partition: number, position: number): number {
    const w = Math.max(this.of(partition), position);
    this.local.set(partition, w);
    return w;
  }

  /** What the group's committed metadata says for a partition (any instance). */
  mergeCommitted(partition: number, position: number): void {
    if (Number.isSafeInteger(position) && position > (this.committed.get(partition) ?? 0)) this.committed.set(partition, position);
  }

  of(partition: number): number {
    return Math.max(this.local.get(partition) ?? 0, this.committed.get(partition) ?? 0);
  }

  watermark(): number {
    if (this.partitions <= 0) return 0;
    let min = Number.MAX_SAFE_INTEGER;
    for (let p = 0; p < this.partitions; p++) min = Math.min(min, this.of(p));
    return min;
  }
}

/** Commit metadata holding w(p): `w=<position>`. */
export const encodeCommitMetadata = (w: number): string => `w=${w}`;
export function decodeCommitMetadata(metadata: string | null | undefined): number {
  const m = /^w=(\d+)$/.exec(metadata ?? '');
  return m ? Number(m[1]) : 0;
}
