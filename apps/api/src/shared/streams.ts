/** Stream naming, EventStoreDB style: `<category>-<id>`. */
export const Streams = {
  backlog: (id: string) => `backlog-${id}`,
  item: (id: string) => `item-${id}`,
  forum: (id: string) => `forum-${id}`,
  proposal: (id: string) => `proposal-${id}`,
  /** The item's kill-proposal slot: one open proposal per item (ADR 0013). */
  proposalSlot: (itemId: string) => `itemproposals-${itemId}`,
  categoryOf: (streamId: string) => streamId.slice(0, streamId.indexOf('-')),
  idOf: (streamId: string) => streamId.slice(streamId.indexOf('-') + 1),
};
