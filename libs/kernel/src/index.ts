export * from './events';
export * from './errors';
export * from './clock';
export * from './ids';
