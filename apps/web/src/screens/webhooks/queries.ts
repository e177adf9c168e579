import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { RegisterBody } from './webhook-form';

export type WebhookRecord = components['schemas']['WebhookRecordDto'];
export type WebhookView = components['schemas']['WebhookViewDto'];
export type Delivery = components['schemas']['DeliveryDto'];
export type RegisteredWebhook = components['schemas']['RegisteredWebhookResponseDto'];

export const webhookKeys = {
  list: ['webhooks'] as const,
  one: (id: string) => ['webhooks', id] as const,
  deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
};

/** While a delivery is pending (first attempt or a retry), its log is read again this often; otherwise less often. */
export const PENDING_REFETCH_MS = 2_000;
export const IDLE_REFETCH_MS = 15_000;

/** GET /webhooks: every registration, active and removed, oldest first (never a secret). */
export function useWebhooks() {
  return useQuery({
    queryKey: webhookKeys.list,
    queryFn: async () => (await unwrap<components['schemas']['WebhookListDto']>(api.GET('/webhooks'))).data.webhooks,
  });
}

/** GET /webhooks/:id with its ETag (what removing it sends as If-Match). */
export function useWebhook(webhookId: string) {
  return useQuery({
    queryKey: webhookKeys.one(webhookId),
    queryFn: () => unwrap<WebhookView>(api.GET('/webhooks/{webhookId}', { params: { path: { webhookId } } })),
  });
}

/** GET /webhooks/:id/deliveries: newest first, with every attempt; read again every few seconds while some are pending. */
export function useDeliveries(webhookId: string) {
  return useQuery({
    queryKey: webhookKeys.deliveries(webhookId),
    queryFn: async () =>
      (await unwrap<components['schemas']['DeliveryListDto']>(api.GET('/webhooks/{webhookId}/deliveries', { params: { path: { webhookId }, query: { limit: 100 } } }))).data.deliveries,
    refetchInterval: (q) => (q.state.data?.some((d) => d.status === 'pending') ? PENDING_REFETCH_MS : IDLE_REFETCH_MS),
  });
}

/** POST /webhooks: the signing secret comes back in this answer only. */
export async function registerWebhook(body: RegisterBody): Promise<RegisteredWebhook> {
  return (await unwrap<RegisteredWebhook>(api.POST('/webhooks', { body }))).data;
}

/** POST /webhooks/:id/remove with If-Match from the registration read. */
export async function removeWebhook(webhookId: string, rationale: string, etag: string | null): Promise<void> {
  await unwrap(
    api.POST('/webhooks/{webhookId}/remove', {
      params: { path: { webhookId } },
      body: { rationale },
      headers: etag ? { 'If-Match': etag } : {},
    }),
  );
}

export function useRefreshWebhooks() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['webhooks'] });
}
