import { DomainError } from '@ledger/kernel';
import type { Decider, Decided, Evolvable } from '../decider';
import type { ClaimProposalSlot } from './proposal.commands';
import type { ProposalSlotEvent } from './proposal.events';
import { initialProposalSlotState, type ProposalSlotState } from './proposal.state';

/**
 * One open proposal per item (ADR 0013): opening first claims the item's slot stream with its expected
 * revision. The slot is free when never claimed, or when its latest claim's proposal is closed or withdrawn.
 * A claim whose proposal stream does not exist yet is still being opened (or its opening is repaired by the
 * scheduler), so it holds the slot.
 */
function decide(c: ClaimProposalSlot, state: ProposalSlotState): Decided<ProposalSlotEvent>[] {
  const proposalId = c.opened.proposalId;
  if (state.claimed.includes(proposalId)) {
    throw new DomainError('PROPOSAL.ALREADY_EXISTS', 'This proposal already exists.', { proposalId });
  }
  if (state.current) {
    const holder = c.holder;
    const status = holder && holder.proposalId === state.current.proposalId ? holder.status : 'none';
    if (status === 'open' || status === 'none') {
      throw new DomainError('PROPOSAL.ALREADY_OPEN_FOR_ITEM', 'The item already has an open kill proposal.', {
        itemId: c.opened.itemId,
        proposalId: state.current.proposalId,
      });
    }
  }
  return [
    {
      type: 'item-proposal-slot.claimed',
      schemaVersion: 1,
      data: { itemId: c.opened.itemId, proposalId, opened: c.opened },
    },
  ];
}

function evolve(state: ProposalSlotState, event: Evolvable<ProposalSlotEvent>): ProposalSlotState {
  if (event.type !== 'item-proposal-slot.claimed') return state;
  const proposalId = String(event.data.proposalId);
  return { current: { proposalId, eventId: event.id }, claimed: [...state.claimed, proposalId] };
}

export const proposalSlotDecider: Decider<ClaimProposalSlot, ProposalSlotState, ProposalSlotEvent> = {
  decide,
  evolve,
  initialState: initialProposalSlotState,
};
