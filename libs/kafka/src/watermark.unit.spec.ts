import { decodeCommitMetadata, encodeCommitMetadata, PartitionWatermarks } from './watermark';

describe('PartitionWatermarks', () => {
  it('is the minimum over every partition, an unseen partition holding it at 0', () => {
    const w = new PartitionWatermarks(3);
    w.advance(0, 10);
    w.advance(1, 7);
    expect(w.watermark()).toBe(0);
    w.advance(2, 12);
    expect(w.watermark()).toBe(7);
    w.advance(1, 15);
    expect(w.watermark()).toBe(10);
  });

  it('never goes back when a lower position or a stale commit arrives', () => {
    const w = new PartitionWatermarks(2);
    w.advance(0, 20);
    w.advance(1, 30);
    w.advance(0, 5); // a duplicate re-published after a relay crash
    w.mergeCommitted(1, 3);
    expect(w.watermark()).toBe(20);
  });

  it('takes partitions owned by another instance from the committed metadata', () => {
    const w = new PartitionWatermarks(2);
    w.advance(0, 40);
    expect(w.watermark()).toBe(0);
    w.mergeCommitted(1, 25);
    expect(w.watermark()).toBe(25);
    w.mergeCommitted(0, 50);
    expect(w.of(0)).toBe(50);
  });

  it('round-trips commit metadata and reads anything else as 0', () => {
    expect(decodeCommitMetadata(encodeCommitMetadata(1234))).toBe(1234);
    expect(decodeCommitMetadata(null)).toBe(0);
    expect(decodeCommitMetadata('')).toBe(0);
    expect(decodeCommitMetadata('garbage')).toBe(0);
  });
});
