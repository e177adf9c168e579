import type { Role } from '@ledger/kernel';
import { applyScoreInputs, checkAgainstScore, freezeScore, type ReprioritizationMove, type ScoreInputs, type ScoringPolicy } from '@ledger/domain';
import type { History } from './history';

type Actor = { id: string; role: Role };

/**
 * A backlog whose decisions freeze scores exactly as the item decider does (ADR 0033): it keeps the ranking and every
 * item's inputs, and each move records the open items it passes over against the score, computed with the domain's
 * own `checkAgainstScore` from the order right before the move. Writes into a History (global positions and times).
 */
export class ScoredBacklog {
  /** Open (ranked) items, top first. */
  readonly order: string[] = [];
  readonly inputs = new Map<string, ScoreInputs>();

  constructor(
    readonly h: History,
    public policy: ScoringPolicy = { model: 'value-effort', scoreMargin: 0.2 },
  ) {}

  /** value/effort with effort 1: the score is `value` (undefined: no inputs, no score). */
  static value(value: number | undefined): ScoreInputs {
    return value === undefined ? {} : { value, effort: 1 };
  }

  private frozen(itemId: string) {
    return freezeScore(this.policy, this.inputs.get(itemId) ?? {});
  }

  add(day: number, o: { value?: number; inputs?: ScoreInputs; title?: string; actor?: Actor; objectiveId?: string } = {}): string {
    const inputs = o.inputs ?? ScoredBacklog.value(o.value);
    const scoring = freezeScore(this.policy, inputs);
    const id = this.h.add(day, { title: o.title, actor: o.actor, objectiveId: o.objectiveId, position: this.order.length + 1, scoring });
    this.inputs.set(id, inputs);
    this.order.push(id);
    return id;
  }

  /** The scoring policy changes (the backlog's policy event); later decisions freeze scores with it. */
  changePolicy(day: number, policy: ScoringPolicy): void {
    this.policy = policy;
    this.h.policy(day, { scoringModel: policy.model, scoreMargin: policy.scoreMargin });
  }

  /** Moves the item to `to` (1-based), judged against the score; `inputs` is new evidence that comes with the move. */
  move(day: number, itemId: string, to: number, o: { actor?: Actor; trigger?: 'routine' | 'stakeholder-request' | 'review' | 'new-evidence'; inputs?: ScoreInputs } = {}): string {
    const from = this.order.indexOf(itemId) + 1;
    if (from === 0) throw new Error('ScoredBacklog.move: the item is not ranked');
    if (o.inputs) this.inputs.set(itemId, applyScoreInputs(this.inputs.get(itemId) ?? {}, o.inputs));
    const scoring = this.frozen(itemId);
    const passing = to < from ? this.order.slice(to - 1, from - 1).map((j) => ({ itemId: j, inputs: this.inputs.get(j) ?? {} })) : [];
    const scoreCheck = checkAgainstScore(this.policy, scoring.score, passing);
    this.order.splice(from - 1, 1);
    this.order.splice(to - 1, 0, itemId);
    return this.h.move(day, itemId, from, to, { actor: o.actor, trigger: o.trigger, scoring, scoreCheck });
  }

  /**
   * A move off the ranking (imported priority or direction-only move, ADR 0025): the order stays as it is, so the
   * decider judges it with no item passed.
   */
  moveOff(day: number, itemId: string, move: Partial<ReprioritizationMove> & Pick<ReprioritizationMove, 'scale' | 'direction'>, o: { actor?: Actor } = {}): string {
    const scoring = this.frozen(itemId);
    return this.h.moveOff(day, itemId, move, { actor: o.actor, scoring, scoreCheck: checkAgainstScore(this.policy, scoring.score, []) });
  }

  /** The item leaves the ranking (killed): it is no longer open, so no later move can pass it. */
  kill(day: number, itemId: string): string {
    this.order.splice(this.order.indexOf(itemId), 1);
    return this.h.kill(day, itemId);
  }

  deliver(day: number, itemId: string, o: { actor?: Actor } = {}): string {
    this.order.splice(this.order.indexOf(itemId), 1);
    return this.h.deliver(day, itemId, o);
  }

  position(itemId: string): number {
    return this.order.indexOf(itemId) + 1;
  }
}
