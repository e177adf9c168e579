/** Injection tokens for ports; adapters are bound in infrastructure/adapters.module.ts only. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const LEDGER_INDEX = Symbol('LEDGER_INDEX');
export const CLOCK = Symbol('CLOCK');
export const ID_GENERATOR = Symbol('ID_GENERATOR');
export const APP_CONFIG = Symbol('APP_CONFIG');
export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');
export const ANALYTICS_CLIENT = Symbol('ANALYTICS_CLIENT');
export const WEBHOOK_OUTBOX = Symbol('WEBHOOK_OUTBOX');
export const FORUM_INDEX = Symbol('FORUM_INDEX');
