export * from './event-store.port';
export * from './hash-chain';
export * from './append-validation';
export * from './batch-append';
export * from './sqlite/sqlite-event-store';
export * from './eventstoredb/eventstoredb-event-store';
