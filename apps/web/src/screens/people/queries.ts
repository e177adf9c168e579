import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { inviteBody, type InviteValues } from './invite-form';

export type Invitation = components['schemas']['InvitationDto'];
export type LiveSession = components['schemas']['SessionDto'];
export type CreatedInvitation = components['schemas']['CreatedInvitationResponseDto'];
export type BacklogSummary = components['schemas']['BacklogSummaryDto'];

export const peopleKeys = {
  invitations: ['people', 'invitations'] as const,
  sessions: ['people', 'sessions'] as const,
  backlogs: ['backlogs'] as const,
};

/** GET /invitations: every invitation, newest first, with its status (open, redeemed, revoked, expired). */
export function useInvitations() {
  return useQuery({
    queryKey: peopleKeys.invitations,
    queryFn: async () => (await unwrap<components['schemas']['InvitationListDto']>(api.GET('/invitations'))).data.invitations,
  });
}

/** GET /sessions: the sessions that let someone in right now, newest first. */
export function useSessions() {
  return useQuery({
    queryKey: peopleKeys.sessions,
    queryFn: async () => (await unwrap<components['schemas']['SessionListDto']>(api.GET('/sessions'))).data.sessions,
  });
}

/** GET /backlogs: the choices of an invitation's backlogs, and their names in the lists (shared with the forums' key). */
export function useBacklogs() {
  return useQuery({
    queryKey: peopleKeys.backlogs,
    queryFn: async () => (await unwrap<components['schemas']['BacklogListDto']>(api.GET('/backlogs'))).data.backlogs,
  });
}

/** POST /invitations: the link comes back in this answer only. */
export async function invite(values: InviteValues): Promise<CreatedInvitation> {
  return (await unwrap<CreatedInvitation>(api.POST('/invitations', { body: inviteBody(values) as never }))).data;
}

export async function revokeInvitation(invitationId: string, reason: string): Promise<void> {
  await unwrap(api.POST('/invitations/{invitationId}/revoke', { params: { path: { invitationId } }, body: { reason } }));
}

export async function revokeSession(sessionId: string, reason: string): Promise<void> {
  await unwrap(api.POST('/sessions/{sessionId}/revoke', { params: { path: { sessionId } }, body: { reason } }));
}

/** After an invitation or revocation: both lists read again. */
export function useRefreshPeople() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['people'] });
}
