export * from './kafka-config';
export * from './kafka-client';
export * from './message-codec';
export * from './watermark';
export * from './topics';
export * from './kafka-event-source';
export * from './relay';
export * from './json-log';
