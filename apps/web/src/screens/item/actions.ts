import { api, unwrap } from '../../api/client';
import type { ItemAction } from '../../app/roles';
import type { FieldSpec } from '../../shared/DecisionDialog';
import { changedScoreInputs, MODEL_LABEL, scoreInputFields, scoreInputInitial } from '../../shared/score';
import type { BacklogView } from '../backlog/queries';
import type { HistoryEntry, ItemView } from './queries';

/** What the dialog of one decision needs: its fields, its "why", and the call it makes (with If-Match). */
export interface ActionSpec {
  label: string;
  title: (item: ItemView) => string;
  fields: FieldSpec[];
  rationale?: { name: string; label: string; hint?: string };
  initial?: Record<string, string | boolean>;
  /** Initial values that depend on the item (its current score inputs). */
  initialFor?: (item: ItemView) => Record<string, string | boolean>;
  send: (item: ItemView, ifMatch: string, body: Record<string, unknown>) => Promise<unknown>;
}

export interface ActionContext {
  backlog: BacklogView | undefined;
  entries: HistoryEntry[];
  /** Total ranked items of the backlog (placement bounds). */
  ranked: number;
  /** Preset the decision an escalation challenges (from the timeline). */
  againstEventId?: string;
}

const path = (item: ItemView, ifMatch: string) => ({ path: { itemId: item.id }, header: { 'If-Match': ifMatch } });
const reasonField = (label: string) => ({ name: 'reason', label, hint: 'At least 10 characters; recorded with the decision.' });
const humanize = (decision: string) => decision.replace(/-/g, ' ');

export function actionSpecs(ctx: ActionContext): Record<ItemAction, ActionSpec> {
  const objectives = (ctx.backlog?.objectives ?? []).filter((o) => !o.retired).map((o) => ({ value: o.objectiveId, label: o.title }));
  const model = ctx.backlog?.policy.scoringModel ?? 'none';
  const placement: FieldSpec = { name: 'toPosition', label: 'Position', type: 'number', min: 1, max: ctx.ranked + 1, hint: 'Leave empty for the bottom.' };
  const challengeable = ctx.entries
    .filter((e) => e.type !== 'item.escalated' && e.type !== 'item.escalation-resolved')
    .map((e) => ({ value: e.eventId, label: `${humanize(e.decision)} by ${e.actor.id} (${new Date(e.occurredAt).toLocaleDateString()})` }))
    .reverse();
  return {
    start: {
      label: 'Start',
      title: (i) => `Start “${i.title}”`,
      fields: [],
      send: (i, m, body) => unwrap(api.POST('/items/{itemId}/start', { params: path(i, m), body: body as never })),
    },
    deliver: {
      label: 'Deliver',
      title: (i) => `Deliver “${i.title}”`,
      fields: [],
      send: (i, m, body) => unwrap(api.POST('/items/{itemId}/deliver', { params: path(i, m), body: body as never })),
    },
    estimate: {
      // With a scoring model the estimate and the score inputs are entered together: either, or both (ITEM.ESTIMATE_REQUIRED when neither).
      label: model === 'none' ? 'Estimate' : 'Estimate and score',
      title: (i) => (model === 'none' ? `Estimate “${i.title}”` : `Estimate and score “${i.title}” (${MODEL_LABEL[model]})`),
      fields: [
        { name: 'estimate', label: 'Estimate (story points)', type: 'number', required: model === 'none', min: 0, max: 1000, hint: model === 'none' ? undefined : 'Optional when you change a score input.' },
        ...scoreInputFields(model),
      ],
      initialFor: (i) => scoreInputInitial(model, i.scoreInputs),
      send: (i, m, body) => unwrap(api.POST('/items/{itemId}/estimate', { params: path(i, m), body: changedScoreInputs(body, i.scoreInputs) as never })),
    },
    'link-objective': {
      label: 'Link objective',
      title: (i) => `Link “${i.title}” to an objective`,
      fields: [{ name: 'objectiveId', label: 'Objective', type: 'select', required: true, options: objectives }],
      initial: objectives[0] ? { objectiveId: objectives[0].value } : {},
      send: (i, m, body) => unwrap(api.POST('/items/{itemId}/objective', { params: path(i, m), body: body as never })),
    },
    'set-kill-criteria': {
      label: 'Set kill criteria',
      title: (i) => `Kill criteria for “${i.title}”`,
      fields: [
        { name: 'exitCondition', label: 'Exit condition', type: 'textarea', required: true, hint: 'When this holds, the item should be killed.' },
        { name: 'reviewBy', label: 'Review by', type: 'date', required: true, hint: 'With a threshold: the date by which an outcome must say otherwise.' },
        { name: 'threshold.objectiveId', label: 'Checked on objective (optional)', type: 'select', options: objectives, hint: 'A threshold makes the criteria check themselves against recorded outcomes.' },
        {
          name: 'threshold.operator',
          label: 'Kill if the observed value is',
          type: 'select',
          options: ['<', '<=', '>', '>='].map((o) => ({ value: o, label: { '<': 'below', '<=': 'at most', '>': 'above', '>=': 'at least' }[o]! })),
        },
        { name: 'threshold.value', label: 'Threshold value', type: 'number', step: 'any' },
      ],
      send: (i, m, body) => unwrap(api.POST('/items/{itemId}/kill-criteria', { params: path(i, m), body: body as never })),
    },
    kill: {
      label: 'Kill',
      title: (i) => `Kill “${i.title}”`,
      fields: [],
      rationale: reasonField('Why is it killed?'),
      send: (i, m, body) => unwrap(api.POST('/items/{itemId}/kill', { params: path(i, m), body: body as never })),
    },
    revive: {
      label: 'Revive',
      title: (i) => `Revive “${i.title}”`,
      fields: [placement],
      send: (i, m, body) => unwrap(api.POST('/items/{itemId}/revive', { params: path(i, m), body: body as never })),
    },
    'anti-backlog': {
      label: 'Move to anti-backlog',
      title: (i) => `Move “${i.title}” to the anti-backlog`,
      fields: [],
      rationale: reasonField('Why is it not pursued?'),
      send: (i, m, body) => unwrap(api.POST('/items/{itemId}/anti-backlog', { params: path(i, m), body: body as never })),
    },
    'record-outcome': {
      label: 'Record outcome',
      title: (i) => `Outcome of “${i.title}”`,
      fields: [
        { name: 'objectiveId', label: 'Objective', type: 'select', required: true, options: objectives },
        { name: 'observedValue', label: 'What was observed', type: 'text', required: true },
        { name: 'moved', label: 'The metric moved', type: 'checkbox' },
      ],
      initial: objectives[0] ? { objectiveId: objectives[0].value } : {},
      send: (i, m, body) => unwrap(api.POST('/items/{itemId}/outcomes', { params: path(i, m), body: body as never })),
    },
    escalate: {
      label: 'Escalate',
      title: (i) => `Escalate a decision on “${i.title}”`,
      fields: [
        { name: 'againstEventId', label: 'The decision you challenge', type: 'select', required: true, options: challengeable },
        { name: 'wanted', label: 'What you want instead', type: 'textarea', required: true },
        { name: 'addressedTo', label: 'Addressed to', type: 'text', hint: 'A person or a body (optional).' },
      ],
      rationale: reasonField('Why should it change?'),
      initial: { againstEventId: ctx.againstEventId ?? challengeable[0]?.value ?? '' },
      send: (i, m, body) => unwrap(api.POST('/items/{itemId}/escalations', { params: path(i, m), body: body as never })),
    },
    'resolve-escalation': {
      label: 'Resolve escalation',
      title: (i) => `Resolve an escalation on “${i.title}”`,
      fields: [
        {
          name: 'escalationId',
          label: 'Escalation',
          type: 'select',
          required: true,
          options: [],
        },
        {
          name: 'outcome',
          label: 'Outcome',
          type: 'select',
          required: true,
          options: [
            { value: 'upheld', label: 'Upheld: the decision stands' },
            { value: 'overturned', label: 'Overturned: the decision changes' },
          ],
        },
        { ...placement, hint: 'Overturned only: where the item goes (empty: back where it was).' },
      ],
      initial: { outcome: 'upheld' },
      send: (i, m, { escalationId, ...body }) =>
        unwrap(
          api.POST('/items/{itemId}/escalations/{escalationId}/resolve', {
            params: { path: { itemId: i.id, escalationId: String(escalationId) }, header: { 'If-Match': m } },
            body: body as never,
          }),
        ),
    },
  };
}

/** The open escalations as options of the resolve dialog. */
export function withOpenEscalations(spec: ActionSpec, item: ItemView): ActionSpec {
  const open = item.escalations.filter((e) => e.status === 'open');
  const options = open.map((e) => ({ value: e.escalationId, label: `${e.raisedBy ?? 'someone'}: ${e.wanted.slice(0, 60)}` }));
  return {
    ...spec,
    fields: spec.fields.map((f) => (f.name === 'escalationId' ? { ...f, options } : f)),
    initial: { ...spec.initial, escalationId: options[0]?.value ?? '' },
  };
}
