/** Stream naming, EventStoreDB style: `<category>-<id>`. */
export const Streams = {
  backlog: (id: string) => `backlog-${id}`,
  item: (id: string) => `item-${id}`,
  categoryOf: (streamId: string) => streamId.slice(0, streamId.indexOf('-')),
  idOf: (streamId: string) => streamId.slice(streamId.indexOf('-') + 1),
};
