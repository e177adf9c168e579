import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ItemsModule } from '../items/items.module';
import { ForumDecisions } from './forum-decisions';
import { ForumScheduler } from './forum-scheduler';
import { CreateForumController } from './create-forum/create-forum.http.controller';
import { CreateForumHandler } from './create-forum/create-forum.handler';
import { GetForumController } from './get-forum/get-forum.http.controller';
import { GetForumHandler } from './get-forum/get-forum.handler';
import { ListForumsController } from './list-forums/list-forums.http.controller';
import { ListForumsHandler } from './list-forums/list-forums.handler';
import { AddMemberController } from './add-member/add-member.http.controller';
import { AddMemberHandler } from './add-member/add-member.handler';
import { LeaveForumController } from './leave-forum/leave-forum.http.controller';
import { LeaveForumHandler } from './leave-forum/leave-forum.handler';
import { ChangeRuleController } from './change-rule/change-rule.http.controller';
import { ChangeRuleHandler } from './change-rule/change-rule.handler';
import { DelegateVoteController } from './delegate-vote/delegate-vote.http.controller';
import { DelegateVoteHandler } from './delegate-vote/delegate-vote.handler';
import { RevokeDelegationController } from './revoke-delegation/revoke-delegation.http.controller';
import { RevokeDelegationHandler } from './revoke-delegation/revoke-delegation.handler';
import { ListDelegationsController } from './list-delegations/list-delegations.http.controller';
import { ListDelegationsHandler } from './list-delegations/list-delegations.handler';
import { ProposalDecisions } from '../proposals/proposal-decisions';
import { OpenProposalController } from '../proposals/open-proposal/open-proposal.http.controller';
import { OpenProposalHandler } from '../proposals/open-proposal/open-proposal.handler';
import { ListProposalsController } from '../proposals/list-proposals/list-proposals.http.controller';
import { ListProposalsHandler } from '../proposals/list-proposals/list-proposals.handler';
import { GetProposalController } from '../proposals/get-proposal/get-proposal.http.controller';
import { GetProposalHandler } from '../proposals/get-proposal/get-proposal.handler';
import { CastVoteController } from '../proposals/cast-vote/cast-vote.http.controller';
import { CastVoteHandler } from '../proposals/cast-vote/cast-vote.handler';
import { WithdrawProposalController } from '../proposals/withdraw-proposal/withdraw-proposal.http.controller';
import { WithdrawProposalHandler } from '../proposals/withdraw-proposal/withdraw-proposal.handler';
import { ExtendDeadlineController } from '../proposals/extend-deadline/extend-deadline.http.controller';
import { ExtendDeadlineHandler } from '../proposals/extend-deadline/extend-deadline.handler';
import { AmendReasonController } from '../proposals/amend-reason/amend-reason.http.controller';
import { AmendReasonHandler } from '../proposals/amend-reason/amend-reason.handler';

/** Review forums and kill proposals: HTTP slices, and the scheduler / process manager that closes and kills. */
@Module({
  imports: [CqrsModule, ItemsModule],
  controllers: [
    CreateForumController,
    GetForumController,
    ListForumsController,
    AddMemberController,
    LeaveForumController,
    ChangeRuleController,
    DelegateVoteController,
    RevokeDelegationController,
    ListDelegationsController,
    OpenProposalController,
    ListProposalsController,
    GetProposalController,
    CastVoteController,
    WithdrawProposalController,
    ExtendDeadlineController,
    AmendReasonController,
  ],
  providers: [
    ForumDecisions,
    ProposalDecisions,
    ForumScheduler,
    CreateForumHandler,
    GetForumHandler,
    ListForumsHandler,
    AddMemberHandler,
    LeaveForumHandler,
    ChangeRuleHandler,
    DelegateVoteHandler,
    RevokeDelegationHandler,
    ListDelegationsHandler,
    OpenProposalHandler,
    ListProposalsHandler,
    GetProposalHandler,
    CastVoteHandler,
    WithdrawProposalHandler,
    ExtendDeadlineHandler,
    AmendReasonHandler,
  ],
  exports: [ForumScheduler],
})
export class ForumsModule {}
