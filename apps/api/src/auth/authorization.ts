import { ForbiddenError } from '@ledger/kernel';
import type { Principal } from './principal';

const READ_ALL = new Set(['admin', 'product-leader', 'auditor', 'forum-member']);
const DECIDE_ALL = new Set(['admin', 'product-leader']);

/**
 * Scope rules (which backlogs a caller may touch). What each role may decide is the deciders' business;
 * this only answers "is this backlog yours?".
 */
export const Authorization = {
  /** The backlogs a caller may read: all of them, or the ones their token names. */
  readScope(p: Principal): 'all' | string[] {
    if (READ_ALL.has(p.role)) return 'all';
    if (p.role === 'stakeholder' && p.backlogs.length === 0) return 'all';
    return p.backlogs;
  },

  assertCanRead(p: Principal, backlogId: string): void {
    const scope = Authorization.readScope(p);
    if (scope === 'all' || scope.includes(backlogId)) return;
    throw new ForbiddenError('AUTH.BACKLOG_NOT_IN_SCOPE', `backlog ${backlogId} is not in your token's scope`, { backlogId });
  },

  /** Escalations: a stakeholder sees the ones they raised; everyone else whatever their backlog scope allows. */
  assertCanReadEscalationsOf(p: Principal, raisedBy: string): void {
    if (p.role !== 'stakeholder' || raisedBy === p.sub) return;
    throw new ForbiddenError('AUTH.NOT_YOUR_ESCALATIONS', 'stakeholders see the escalations they raised themselves', { raisedBy });
  },

  /** Writes: auditors and forum members never write here; owners only on their backlogs. */
  assertCanWrite(p: Principal, backlogId: string): void {
    if (p.role === 'auditor' || p.role === 'forum-member') {
      throw new ForbiddenError('DECISION.NOT_ALLOWED_FOR_ROLE', `the ${p.role} role cannot take backlog decisions`, { role: p.role });
    }
    if (DECIDE_ALL.has(p.role)) return;
    if (p.role === 'stakeholder' && p.backlogs.length === 0) return;
    if (p.backlogs.includes(backlogId)) return;
    throw new ForbiddenError('AUTH.BACKLOG_NOT_IN_SCOPE', `backlog ${backlogId} is not in your token's scope`, { backlogId });
  },

  assertAuditor(p: Principal): void {
    if (p.role === 'auditor' || p.role === 'admin' || p.role === 'product-leader') return;
    throw new ForbiddenError('AUTH.ROLE_FORBIDDEN', 'the audit log is for auditors, product leaders and admins', { role: p.role });
  },

  assertCanCreateBacklog(p: Principal): void {
    if (DECIDE_ALL.has(p.role)) return;
    throw new ForbiddenError('AUTH.ROLE_FORBIDDEN', 'only admins and product leaders create backlogs', { role: p.role });
  },
};
