import type { DomainEvent } from '@ledger/kernel';

/** An event as a decider's evolve sees it: the fact plus its id (ids are assigned outside the decider). */
export type Evolvable<E extends DomainEvent = DomainEvent> = E & { id: string };

/**
 * A decider emits facts. `causedBy` names an earlier event id of the same stream that caused this one
 * (e.g. an escalation resolution is caused by the escalation). Within one decision, the application
 * layer also chains event k > 0 to event k - 1.
 */
export type Decided<E extends DomainEvent = DomainEvent> = E & { causedBy?: string };

export interface Decider<C, S, E extends DomainEvent> {
  decide(command: C, state: S): Decided<E>[];
  evolve(state: S, event: Evolvable<E>): S;
  initialState: S;
}

export function fold<S, E extends DomainEvent>(
  decider: Pick<Decider<unknown, S, E>, 'evolve' | 'initialState'>,
  events: Iterable<Evolvable<E>>,
): S {
  let state = decider.initialState;
  for (const e of events) state = decider.evolve(state, e);
  return state;
}
