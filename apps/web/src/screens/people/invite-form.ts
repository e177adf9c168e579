import type { Role } from '../../app/roles';

/**
 * The invitation form's logic (pure; unit-tested): the roles an admin can give, which of them take backlogs, the
 * expiry choices, the checks made before sending (the API checks again: CreateInvitationRequestDto and the access
 * directory's decider), and the body of POST /invitations.
 */
export const ROLE_CHOICES: readonly { value: Role; label: string; means: string }[] = [
  { value: 'product-owner', label: 'Product owner', means: 'ranks and decides on the backlogs chosen below' },
  { value: 'product-leader', label: 'Product leader', means: 'decides on every backlog, proposes kills, sets up forums' },
  { value: 'stakeholder', label: 'Stakeholder', means: 'requests items and escalates decisions (on the backlogs chosen below, else on all)' },
  { value: 'forum-member', label: 'Forum member', means: 'votes in the review forums that add them' },
  { value: 'auditor', label: 'Auditor', means: 'reads every decision, takes none' },
  { value: 'admin', label: 'Admin', means: 'everything a product leader does, and invites people' },
];

export const roleLabel = (role: string): string => ROLE_CHOICES.find((r) => r.value === role)?.label ?? role;

/**
 * Whether the role's reach depends on backlogs (apps/api/src/auth/authorization.ts): a product owner decides only on
 * the ones named (at least one: INVITATION.BACKLOGS_REQUIRED); a stakeholder is limited to them when some are named;
 * every other role reads and decides across all backlogs, so naming some would change nothing.
 */
export function backlogsFor(role: string): 'required' | 'optional' | 'none' {
  if (role === 'product-owner') return 'required';
  if (role === 'stakeholder') return 'optional';
  return 'none';
}

export const EXPIRY_CHOICES: readonly { hours: number; label: string }[] = [
  { hours: 24, label: '1 day' },
  { hours: 72, label: '3 days' },
  { hours: 168, label: '7 days' },
  { hours: 336, label: '14 days' },
  { hours: 720, label: '30 days (the longest)' },
];
export const DEFAULT_EXPIRY_HOURS = 72;

export const NAME_MAX = 120;
export const BACKLOGS_MAX = 50;
const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._@+-]*$/;

export interface InviteValues {
  name: string;
  role: string;
  backlogs: readonly string[];
  expiresInHours: number;
  /** Optional: the id the person acts as; the API derives one from the name when empty. */
  userId: string;
}

export const EMPTY_INVITE: InviteValues = { name: '', role: '', backlogs: [], expiresInHours: DEFAULT_EXPIRY_HOURS, userId: '' };

/** Field → message for what the API would refuse; empty when the invitation can be sent. */
export function validateInvite(v: InviteValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const name = v.name.trim();
  if (name === '') errors.name = 'Name is required: the person is shown by it in every decision they take.';
  else if ([...name].length > NAME_MAX) errors.name = `Name must be at most ${NAME_MAX} characters.`;
  if (!ROLE_CHOICES.some((r) => r.value === v.role)) errors.role = 'Choose the role the person gets.';
  else if (backlogsFor(v.role) === 'required' && v.backlogs.length === 0) errors.backlogs = 'Choose at least one backlog: a product owner decides only on the backlogs named here.';
  if (backlogsFor(v.role) !== 'none' && v.backlogs.length > BACKLOGS_MAX) errors.backlogs = `Choose at most ${BACKLOGS_MAX} backlogs.`;
  const userId = v.userId.trim();
  if (userId !== '' && (userId.length > 100 || !USER_ID.test(userId))) {
    errors.userId = 'The id starts with a letter or digit and holds only letters, digits and . _ @ + - (at most 100 characters).';
  }
  if (!EXPIRY_CHOICES.some((c) => c.hours === v.expiresInHours)) errors.expiresInHours = 'Choose how long the link works.';
  return errors;
}

/** The body of POST /invitations: backlogs only where the role uses them, the id only when given. */
export function inviteBody(v: InviteValues): { name: string; role: Role; backlogs?: string[]; expiresInHours: number; userId?: string } {
  const userId = v.userId.trim();
  return {
    name: v.name.trim(),
    role: v.role as Role,
    ...(backlogsFor(v.role) !== 'none' && v.backlogs.length > 0 ? { backlogs: [...v.backlogs] } : {}),
    expiresInHours: v.expiresInHours,
    ...(userId !== '' ? { userId } : {}),
  };
}

/** API field names → the form's (the decider reports `backlogs` as such; class-validator may name `backlogs.0`). */
export function inviteField(apiField: string): string {
  return apiField.replace(/\.\d+$/, '');
}

export type InvitationStatus = 'open' | 'redeemed' | 'revoked' | 'expired';

/** "2 open · 1 redeemed · 1 expired" (statuses with none left out), for the list's heading. */
export function statusCounts(invitations: readonly { status: string }[]): string {
  const order: InvitationStatus[] = ['open', 'redeemed', 'revoked', 'expired'];
  const counts = new Map<string, number>();
  for (const i of invitations) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  return order
    .filter((s) => counts.get(s))
    .map((s) => `${counts.get(s)} ${s}`)
    .join(' · ');
}
