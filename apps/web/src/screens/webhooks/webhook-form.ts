import type { FieldSpec } from '../../shared/DecisionDialog';

/**
 * The webhooks screen's logic (pure; unit-tested): the registration dialog's fields and the body of POST /webhooks,
 * and what a delivery's record says happened (docs/webhooks.md).
 */
export const EVENT_CHOICES = [
  { type: 'proposal.opened', when: 'a kill proposal was opened for a review forum' },
  { type: 'proposal.closed', when: 'a kill proposal closed at its deadline (kill, keep or no quorum)' },
  { type: 'item.killed', when: 'an item was killed (by its owner or by a forum)' },
  { type: 'item.escalated', when: 'a stakeholder escalated a decision' },
  { type: 'item.escalation-resolved', when: 'an escalation was resolved (upheld or overturned)' },
] as const;
export type WebhookEventType = (typeof EVENT_CHOICES)[number]['type'];

const EVENT = 'event:';
const BACKLOG = 'backlog:';

/** The dialog's fields besides the rationale: the URL, one checkbox per event type, one per backlog (optional scope). */
export function registerFields(backlogs: readonly { id: string; name: string }[]): FieldSpec[] {
  return [
    {
      name: 'url',
      label: 'Receiver URL',
      type: 'text',
      required: true,
      hint: 'https only, no user or password in it, no private address. The URL is part of the audit trail: put no token in it.',
    },
    ...EVENT_CHOICES.map((e): FieldSpec => ({ name: `${EVENT}${e.type}`, label: `${e.type}: ${e.when}`, type: 'checkbox' })),
    ...backlogs.map((b): FieldSpec => ({ name: `${BACKLOG}${b.id}`, label: `Only events of “${b.name}”`, type: 'checkbox' })),
  ];
}

export interface RegisterBody {
  url: string;
  events: WebhookEventType[];
  backlogIds?: string[];
  rationale: string;
}

/** The dialog's body → POST /webhooks; throws the message to show when no event type was chosen. */
export function registerBody(body: Record<string, unknown>): RegisterBody {
  const events = EVENT_CHOICES.filter((e) => body[`${EVENT}${e.type}`] === true).map((e) => e.type);
  if (events.length === 0) throw new Error('Choose at least one event type the receiver hears about.');
  const backlogIds = Object.keys(body)
    .filter((k) => k.startsWith(BACKLOG) && body[k] === true)
    .map((k) => k.slice(BACKLOG.length));
  return {
    url: String(body.url ?? '').trim(),
    events,
    ...(backlogIds.length > 0 ? { backlogIds } : {}),
    rationale: String(body.rationale ?? '').trim(),
  };
}

export interface DeliveryRecord {
  status: 'pending' | 'delivered' | 'dead' | 'cancelled';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
}

/** "delivered (HTTP 200) at the first attempt", "failed 3 times, last: HTTP 500; retried at …", … */
export function deliveryOutcome(d: DeliveryRecord): string {
  const last = d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : d.lastError ?? 'no answer';
  const tries = (n: number) => (n === 1 ? 'the first attempt' : `attempt ${n}`);
  switch (d.status) {
    case 'delivered':
      return `delivered (${last}) at ${tries(d.attempts)}`;
    case 'pending':
      return d.attempts === 0 ? 'waiting for its first attempt' : `failed ${d.attempts === 1 ? 'once' : `${d.attempts} times`}, last: ${last}; retried automatically`;
    case 'dead':
      return `given up after ${d.attempts} attempts, last: ${last}`;
    default:
      return d.attempts === 0 ? 'cancelled: the webhook was removed before it was sent' : `cancelled after ${d.attempts} failed attempts (the webhook was removed), last: ${last}`;
  }
}

/** "3 delivered · 1 pending" (statuses with none left out). */
export function deliveryCounts(deliveries: readonly { status: string }[]): string {
  const order = ['delivered', 'pending', 'dead', 'cancelled'];
  const counts = new Map<string, number>();
  for (const d of deliveries) counts.set(d.status, (counts.get(d.status) ?? 0) + 1);
  return order
    .filter((s) => counts.get(s))
    .map((s) => `${counts.get(s)} ${s === 'dead' ? 'given up' : s}`)
    .join(' · ');
}
