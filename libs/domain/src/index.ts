export { fold } from './decider';
export type { Decider, Decided, Evolvable } from './decider';
export { DEFAULT_POLICY } from './policy';
export type { BacklogPolicy } from './policy';
export { requireText, isTrivial, optionalText } from './rationale';
export { isIsoDate } from './dates';
export { DECIDER_ROLES, ITEM_ADDER_ROLES, ESCALATOR_ROLES, requireRole, roleOf } from './decision-rights';
export { Rank } from './rank/rank';
export {
  SCORING_MODELS,
  RICE_IMPACTS,
  SCORE_INPUT_NAMES,
  MODEL_INPUTS,
  MAX_SCORE_INPUT,
  NO_SCORING,
  PASSED_OVER_LIST_MAX,
  isScoringModel,
  validateScoreInputs,
  applyScoreInputs,
  scoreInputsOf,
  scoreOf,
  freezeScore,
  scoredAfter,
  exceedsByMargin,
  checkAgainstScore,
} from './scoring';
export type {
  ScoringModel,
  ScoreInputs,
  ScoreInputName,
  ScoringPolicy,
  FrozenScore,
  PassedCandidate,
  PassedOverItem,
  ScoreCheck,
} from './scoring';

export { BacklogEventType } from './backlog/backlog.events';
export type {
  BacklogEvent,
  BacklogCreated,
  ProductGoalChanged,
  ObjectiveAdded,
  ObjectiveRetired,
  SprintVelocityRecorded,
  PolicyChanged,
} from './backlog/backlog.events';
export type {
  BacklogCommand,
  CreateBacklog,
  ChangeProductGoal,
  AddObjective,
  RetireObjective,
  RecordSprintVelocity,
  ChangePolicy,
} from './backlog/backlog.commands';
export { initialBacklogState, backlogContext, averageVelocity } from './backlog/backlog.state';
export type { BacklogState, ObjectiveState, SprintVelocity } from './backlog/backlog.state';
export { backlogDecider } from './backlog/backlog.decider';

export { ItemEventType, ITEM_KINDS, REPRIORITIZATION_TRIGGERS, THRESHOLD_OPERATORS, MOVE_SCALES } from './item/item.events';
export {
  observedNumber,
  meetsThreshold,
  killCriteriaBreach,
  reviewDatePassesAt,
  describeThreshold,
  describeBreach,
  OPERATOR_TEXT,
} from './item/kill-criteria';
export type { CheckedOutcome, KillCriteriaUnderCheck, KillCriteriaBreach } from './item/kill-criteria';
export type {
  ItemEvent,
  ItemKind,
  ItemSchemaVersion,
  KillThreshold,
  ThresholdOperator,
  ReprioritizationTrigger,
  ItemAdded,
  ItemReprioritized,
  ItemEscalated,
  EscalationResolved,
  ItemKilled,
  ItemRevived,
  ItemReopened,
  MoveScale,
  ReprioritizationMove,
  ItemMovedToAntiBacklog,
  KillCriteriaSet,
  ItemEstimated,
  ItemLinkedToObjective,
  ItemStarted,
  ItemDelivered,
  OutcomeRecorded,
} from './item/item.events';
export type {
  ItemCommand,
  ScoreInputsPatch,
  Placement,
  BacklogContext,
  AddItem,
  ReprioritizeItem,
  EscalateDecision,
  ResolveEscalation,
  KillItem,
  ReviveItem,
  ReopenItem,
  MoveToAntiBacklog,
  SetKillCriteria,
  EstimateItem,
  LinkToObjective,
  StartItem,
  DeliverItem,
  RecordOutcome,
} from './item/item.commands';
export { initialItemState, isRanked } from './item/item.state';
export type { ItemState, ItemStatus, EscalationState, DecisionRef, DecisionList, ItemOutcome } from './item/item.state';
export { findDecision, decisionsOf } from './item/item.state';
export { itemDecider } from './item/item.decider';

export { ForumEventType, DEFAULT_FORUM_RULE, NO_QUORUM_FOLLOW_UPS } from './forum/forum.events';
export type {
  ForumEvent,
  ForumRule,
  NoQuorumFollowUp,
  ForumCreated,
  ForumMemberJoined,
  ForumMemberLeft,
  ForumRuleChanged,
  ForumVoteDelegated,
  ForumDelegationRevoked,
} from './forum/forum.events';
export type {
  ForumCommand,
  CreateForum,
  AddForumMember,
  RemoveForumMember,
  ChangeForumRule,
  DelegateVote,
  RevokeDelegation,
} from './forum/forum.commands';
export { initialForumState, isMember, holdsAt, overlaps, delegationEnd, delegationOf } from './forum/forum.state';
export type { ForumState, Delegation } from './forum/forum.state';
export { forumDecider, resolveRule, FORUM_ADMIN_ROLES, RULE_BOUNDS, MAX_DELEGATION_DAYS } from './forum/forum.decider';

export { ProposalEventType, VOTE_CHOICES } from './proposal/proposal.events';
export type {
  ProposalEvent,
  ProposalOpened,
  ProposalReasonAmended,
  ProposalVoteCast,
  ProposalWithdrawn,
  ProposalDeadlineExtended,
  ProposalClosed,
  ProposalSlotEvent,
  ProposalSlotClaimed,
  ProposalOutcome,
  Tally,
  VoteChoice,
  DelegatedVote,
} from './proposal/proposal.events';
export type {
  ProposalCommand,
  ProposalItemContext,
  OpenProposal,
  AmendProposalReason,
  CastVote,
  WithdrawProposal,
  ExtendDeadline,
  CloseProposal,
  ClaimProposalSlot,
} from './proposal/proposal.commands';
export { initialProposalState, initialProposalSlotState } from './proposal/proposal.state';
export type { ProposalState, ProposalStatus, ProposalSlotState, VoteState } from './proposal/proposal.state';
export { proposalDecider, PROPOSAL_GOVERNOR_ROLES } from './proposal/proposal.decider';
export { proposalSlotDecider } from './proposal/proposal-slot.decider';
export { tallyVotes } from './proposal/tally';
export type { TallyDelegations } from './proposal/tally';

export { AccessEventType, SIGN_IN_METHODS } from './access/access.events';
export type {
  AccessEvent,
  PersonRole,
  SignInMethod,
  InvitationCreated,
  InvitationRevoked,
  InvitationRedeemed,
  SessionStarted,
  SessionSignedOut,
  SessionRevoked,
} from './access/access.events';
export type {
  AccessCommand,
  CreateInvitation,
  RevokeInvitation,
  RedeemInvitation,
  RedeemBootstrapLink,
  StartOidcSession,
  SignOut,
  RevokeSession,
} from './access/access.commands';
export { initialAccessState, sessionIsLive, invitationStatusAt } from './access/access.state';
export type { AccessState, InvitationView, InvitationStatus, SessionView, SessionStatus } from './access/access.state';
export { accessDecider, linkRefused, PERSON_ROLES, INVITATION_BOUNDS, FIRST_ADMIN } from './access/access.decider';
export { getIn, setIn, valuesOf } from './access/shards';
export type { Shards } from './access/shards';
