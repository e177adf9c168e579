import { ROLES } from '../../app/roles';
import { backlogsFor, EMPTY_INVITE, inviteBody, inviteField, ROLE_CHOICES, statusCounts, validateInvite, type InviteValues } from './invite-form';

const B1 = '5b0c7a52-3e0f-4c1e-9f5a-0c1d2e3f4a5b';
const B2 = '6c1d8b63-4f10-4d2f-8a6b-1d2e3f4a5b6c';
const owner: InviteValues = { ...EMPTY_INVITE, name: ' Olga Owner ', role: 'product-owner', backlogs: [B1] };

describe('the invitation form', () => {
  it('offers every role the API assigns, each with what it means', () => {
    expect(ROLE_CHOICES.map((r) => r.value).sort()).toEqual([...ROLES].sort());
    for (const r of ROLE_CHOICES) expect(r.means.length).toBeGreaterThan(10);
  });

  it('asks for backlogs where the role uses them: required for a product owner, optional for a stakeholder, not at all otherwise', () => {
    expect(ROLES.map((r) => [r, backlogsFor(r)])).toEqual([
      ['admin', 'none'],
      ['product-leader', 'none'],
      ['product-owner', 'required'],
      ['stakeholder', 'optional'],
      ['forum-member', 'none'],
      ['auditor', 'none'],
    ]);
  });

  it('sends name, role, backlogs and expiry, trimmed; the id only when given', () => {
    expect(validateInvite(owner)).toEqual({});
    expect(inviteBody(owner)).toEqual({ name: 'Olga Owner', role: 'product-owner', backlogs: [B1], expiresInHours: 72 });
    expect(inviteBody({ ...owner, userId: ' olga.o ', expiresInHours: 720 })).toEqual({ name: 'Olga Owner', role: 'product-owner', backlogs: [B1], expiresInHours: 720, userId: 'olga.o' });
    expect(inviteBody({ ...owner, role: 'stakeholder', backlogs: [] })).toEqual({ name: 'Olga Owner', role: 'stakeholder', expiresInHours: 72 });
  });

  it('drops backlogs a role would ignore (chosen before the role was changed)', () => {
    const changed = { ...owner, role: 'auditor', backlogs: [B1, B2] };
    expect(validateInvite(changed)).toEqual({});
    expect(inviteBody(changed)).toEqual({ name: 'Olga Owner', role: 'auditor', expiresInHours: 72 });
  });

  it('refuses what the API would refuse, field by field', () => {
    expect(validateInvite(EMPTY_INVITE)).toEqual({ name: expect.stringMatching(/^Name is required/), role: 'Choose the role the person gets.' });
    expect(validateInvite({ ...owner, backlogs: [] })).toEqual({ backlogs: expect.stringMatching(/^Choose at least one backlog/) });
    expect(validateInvite({ ...owner, name: 'x'.repeat(121) })).toEqual({ name: 'Name must be at most 120 characters.' });
    expect(validateInvite({ ...owner, role: 'owner' })).toEqual({ role: 'Choose the role the person gets.' });
    expect(validateInvite({ ...owner, userId: '-olga' })).toHaveProperty('userId');
    expect(validateInvite({ ...owner, userId: 'olga o' })).toHaveProperty('userId');
    expect(validateInvite({ ...owner, userId: 'olga.o+x@acme' })).toEqual({});
    expect(validateInvite({ ...owner, expiresInHours: 721 })).toEqual({ expiresInHours: 'Choose how long the link works.' });
    expect(validateInvite({ ...owner, backlogs: Array.from({ length: 51 }, (_, i) => `b${i}`) })).toEqual({ backlogs: 'Choose at most 50 backlogs.' });
  });

  it('puts the API\'s per-item errors on the field (backlogs.0 → backlogs)', () => {
    expect([inviteField('backlogs.0'), inviteField('backlogs.12'), inviteField('name')]).toEqual(['backlogs', 'backlogs', 'name']);
  });

  it('counts the invitations by status, in a fixed order', () => {
    expect(statusCounts([{ status: 'expired' }, { status: 'open' }, { status: 'open' }, { status: 'redeemed' }])).toBe('2 open · 1 redeemed · 1 expired');
    expect(statusCounts([])).toBe('');
  });
});
