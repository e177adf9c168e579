export * from './clickhouse/analytics-config';
export * from './clickhouse/analytics-client';
export * from './migrations/migrator';
export * from './projection/decision-row';
export * from './metrics/scope';
