import { DomainError, type ErrorKind, type DomainEvent } from '@ledger/kernel';
import { fold, type Decided, type Decider, type Evolvable } from '../decider';

/** A given event: with an explicit id (to refer to it, e.g. to escalate against it) or one is assigned. */
export type Given<E extends DomainEvent> = E | Evolvable<E>;

export interface Outcome<S, E extends DomainEvent> {
  /** Expects exactly these events (or, with a string, a DomainError with this code and optionally this kind). */
  then(expected: Decided<E>[] | string, kind?: ErrorKind): Decided<E>[];
  /** Expects a DomainError with this code (and kind when given); returns it for further assertions. */
  thenError(code: string, kind?: ErrorKind): DomainError;
  /** The emitted events (fails if the decider refused), for assertions on selected fields. */
  events(): Decided<E>[];
  /** The state before the command. */
  readonly state: S;
  /** The state after applying the emitted events (ids `new-1`, `new-2`, …). */
  stateAfter(): S;
}

function withIds<E extends DomainEvent>(events: Given<E>[]): Evolvable<E>[] {
  return events.map((e, i) => ('id' in e && typeof e.id === 'string' ? (e as Evolvable<E>) : { ...e, id: `evt-${i + 1}` }));
}

/**
 * given(events).when(command).then(events | errorCode) for any decider.
 *   const { given } = deciderSpec(itemDecider);
 *   given([added()]).when(kill()).then('ITEM.KILL_REASON_REQUIRED');
 */
export function deciderSpec<C, S, E extends DomainEvent>(decider: Decider<C, S, E>) {
  function given(events: Given<E>[] = []) {
    const state = fold(decider, withIds(events));
    return {
      state,
      when(command: C): Outcome<S, E> {
        let emitted: Decided<E>[] | undefined;
        let error: unknown;
        try {
          emitted = decider.decide(command, state);
        } catch (e) {
          error = e;
        }
        const events = (): Decided<E>[] => {
          if (emitted === undefined) {
            const e = error as { code?: string; message?: string };
            throw new Error(`expected events, but the decider refused: ${e?.code ?? ''} ${e?.message ?? String(error)}`);
          }
          return emitted;
        };
        const thenError = (code: string, kind?: ErrorKind): DomainError => {
          if (emitted !== undefined) {
            throw new Error(`expected ${code}, but the decider emitted ${emitted.map((e) => e.type).join(', ') || 'nothing'}`);
          }
          expect(error).toBeInstanceOf(DomainError);
          const e = error as DomainError;
          expect(e.code).toBe(code);
          if (kind !== undefined) expect(e.kind).toBe(kind);
          return e;
        };
        return {
          state,
          events,
          thenError,
          then(expected, kind) {
            if (typeof expected === 'string') {
              thenError(expected, kind);
              return [];
            }
            expect(events()).toEqual(expected);
            return emitted as Decided<E>[];
          },
          stateAfter() {
            return events().reduce((s, e, i) => decider.evolve(s, { ...e, id: `new-${i + 1}` } as Evolvable<E>), state);
          },
        };
      },
    };
  }
  return { given };
}
