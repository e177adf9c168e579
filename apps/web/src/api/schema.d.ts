// Generated from the API's OpenAPI document by `npm run api:client`. Do not edit by hand:
// `npm test` fails when this file differs from what the app's document generates.
export type paths = {
    "/analytics/portfolio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Headline numbers per backlog you may read: open items, zombies, size in sprints, reversal rate, share of reprioritizations against the score */
        get: operations["PortfolioController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the decision log, filtered, in global order; streamed NDJSON or CSV (Accept), paged by position
         * @description Next page: `after=` the value of the `X-Next-After` header (absent on the last page).
         */
        get: operations["ExportEventsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recompute every stream's hash chain: which chains were checked and the first broken link, if any */
        get: operations["VerifyChainsController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/backlogs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a backlog for a product: name, product goal, policy thresholds (admins and product leaders) */
        post: operations["CreateBacklogController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/backlogs/{backlogId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The backlog: product goal, objectives, velocities, policy; ETag = stream revision */
        get: operations["GetBacklogController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/backlogs/{backlogId}/analytics/against-score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Decisions against the score in [from, to) as of `at`: share of reprioritizations that put an item above open items scored more than the margin higher, by trigger and actor, with the items passed over, and the weekly trend */
        get: operations["AgainstScoreController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/backlogs/{backlogId}/analytics/calibration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outcome calibration of the items delivered in [from, to), as of `at`: validated / refuted / unknown / overdue per decision-maker and per month of delivery, next to the throughput; the overdue items */
        get: operations["CalibrationController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/backlogs/{backlogId}/analytics/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Backlog health: size in sprints vs the healthy band, estimates, objectives, anti-backlog, kills, ages, delivered vs moved */
        get: operations["HealthAnalyticsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/backlogs/{backlogId}/analytics/influence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per stakeholder: escalations raised in [from, to) and the share overturned (their win rate) */
        get: operations["InfluenceController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/backlogs/{backlogId}/analytics/reversals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Decision reversals in [from, to) as of `at`: rate, by trigger and actor, median time to reversal, flip-flops */
        get: operations["ReversalsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/backlogs/{backlogId}/analytics/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Weekly trend of zombies, reversal rate, size in sprints or the share against the score; each point computed as of the end of its week */
        get: operations["TrendController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/backlogs/{backlogId}/analytics/zombies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Zombie initiatives as of `at`: each with its score and the reasons that make it one; count and shares */
        get: operations["ZombiesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/backlogs/{backlogId}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ranked backlog (1 = top), now or as it stood at `at` */
        get: operations["ListBacklogItemsController_list"];
        put?: never;
        /** Add an item (a hypothesis about value) at a position, or at the bottom */
        post: operations["AddItemController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/backlogs/{backlogId}/objectives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an objective (an outcome with a metric) to the backlog */
        post: operations["AddObjectiveController_addObjective"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/backlogs/{backlogId}/objectives/{objectiveId}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire an objective: items can no longer be linked to it (past links and outcomes stay) */
        post: operations["RetireObjectiveController_retire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/backlogs/{backlogId}/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change the backlog's policy thresholds (zombie / stale / reversal windows, healthy size, review cadence) */
        put: operations["ChangePolicyController_changePolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/backlogs/{backlogId}/product-goal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the backlog's product goal */
        post: operations["ChangeProductGoalController_changeProductGoal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/backlogs/{backlogId}/velocities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a sprint's velocity (points completed); feeds the backlog-size health metric */
        post: operations["RecordSprintVelocityController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forums": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The review forums you may read (member, or reader of one of their backlogs), by name */
        get: operations["ListForumsController_list"];
        put?: never;
        /** Set up a review forum for one or more backlogs, with its voting rule (admins and product leaders) */
        post: operations["CreateForumController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forums/{forumId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The forum: scope, voting rule, members, next cadence point, open proposals; ETag = stream revision */
        get: operations["GetForumController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forums/{forumId}/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A review forum over [from, to) as of `at`: proposals opened, closed by outcome, kill rate, median days to decision, participation (votes ÷ members), no-quorum share, withdrawn (admins, product leaders, auditors, the forum's members) */
        get: operations["ForumAnalyticsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forums/{forumId}/delegations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The forum's vote delegations (every one granted, with its status as of `at`): who votes for whom, and until when */
        get: operations["ListDelegationsController_list"];
        put?: never;
        /** Delegate your vote in this forum to another member for a period: their vote counts for you unless you vote yourself (no chains: a delegate cannot pass it on, and whoever has delegated cannot receive) */
        post: operations["DelegateVoteController_delegate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forums/{forumId}/delegations/{delegationId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a delegation (the delegator, or an admin / product leader): from now on the delegate no longer votes for the delegator */
        post: operations["RevokeDelegationController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forums/{forumId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A member joins the forum (admins and product leaders); members vote on its kill proposals */
        post: operations["AddMemberController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forums/{forumId}/members/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A member leaves the forum (themselves, or removed by an admin / product leader); their votes on open proposals stop counting */
        post: operations["LeaveForumController_leave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forums/{forumId}/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a kill proposal against an item (forum members, owners of a backlog in scope, product leaders, admins); one open proposal per item; it closes by itself at its deadline */
        post: operations["OpenProposalController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forums/{forumId}/rule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change the forum's voting rule and/or scope (admins and product leaders); open proposals keep the rule they opened with */
        put: operations["ChangeRuleController_change"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and read-model lag (no token needed) */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Current state of an item; ETag = stream revision (send it as If-Match) */
        get: operations["GetItemController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{itemId}/anti-backlog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an open item to the anti-backlog: considered and explicitly not pursued, with the reason */
        post: operations["MoveToAntiBacklogController_moveToAntiBacklog"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{itemId}/deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an item delivered; it leaves the ranking (record its outcome later) */
        post: operations["DeliverItemController_deliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{itemId}/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Challenge a decision on this item: what is wanted instead, why, and to whom it goes */
        post: operations["EscalateDecisionController_escalate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{itemId}/escalations/{escalationId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve an escalation: upheld (the decision stands) or overturned (the change is recorded as a decision triggered by it) */
        post: operations["ResolveEscalationController_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{itemId}/estimate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Estimate (or re-estimate) an item in story points, and/or set its score inputs (the score is frozen into the decision) */
        post: operations["EstimateItemController_estimate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{itemId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every decision on the item: who (and in which role), when, why, positions, and the chain it belongs to */
        get: operations["ItemHistoryController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{itemId}/kill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Kill an item (owner decision); it leaves the ranking and can be revived later */
        post: operations["KillItemController_kill"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{itemId}/kill-criteria": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set kill criteria on an item: an explicit exit condition and a review-by date */
        post: operations["SetKillCriteriaController_setKillCriteria"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{itemId}/objective": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link an item to one of its backlog's active objectives */
        post: operations["LinkToObjectiveController_link"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{itemId}/outcomes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the outcome of a delivered item against an objective: the observed value and whether it moved */
        post: operations["RecordOutcomeController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{itemId}/reprioritize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an item in the ranking (writes one event on this item only) */
        post: operations["ReprioritizeItemController_reprioritize"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{itemId}/revive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revive a killed item back into the ranking (at a position, or at the bottom) */
        post: operations["ReviveItemController_revive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{itemId}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start work on an open item (it stays in the ranking) */
        post: operations["StartItemController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Kill proposals, oldest first, by forum and status (the ones of forums you may see) */
        get: operations["ListProposalsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proposals/{proposalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The proposal: deadline, tally (so far, or final), outcome, every vote with voter and reason, its history; ETag = revision */
        get: operations["GetProposalController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proposals/{proposalId}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend the voting deadline once, with a recorded reason, before it passes (product leaders, admins) */
        post: operations["ExtendDeadlineController_extend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proposals/{proposalId}/reason": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Amend the proposal's reason; refused once any vote has been cast */
        put: operations["AmendReasonController_amend"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proposals/{proposalId}/votes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Vote kill / keep / abstain with a reason (forum members only, until the deadline); a later vote replaces the earlier */
        post: operations["CastVoteController_vote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proposals/{proposalId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw an open proposal before its deadline, with a reason (whoever opened it, product leaders, admins) */
        post: operations["WithdrawProposalController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Registered webhooks (active and removed), oldest first */
        get: operations["ReadWebhooksController_list"];
        put?: never;
        /** Register an HTTPS endpoint for proposal opened/closed, item killed, escalation raised/resolved (admins, product leaders). Deliveries are signed, retried with backoff and recorded; they never hold up a decision. */
        post: operations["RegisterWebhookController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook: url, event types, filters, secret hint, status */
        get: operations["ReadWebhooksController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{webhookId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries of a webhook, newest first: status (pending, delivered, dead, cancelled), attempts with status code and error, next retry */
        get: operations["ReadWebhooksController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{webhookId}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop deliveries to a webhook (admins, product leaders); pending deliveries are cancelled */
        post: operations["RemoveWebhookController_remove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        AddItemRequestDto: {
            /**
             * Format: uuid
             * @description Place directly below this item
             */
            after?: string;
            /**
             * Format: uuid
             * @description Place directly above this item
             */
            before?: string;
            /** @description Story points */
            estimate?: number;
            /** @description What we believe and how we would know */
            hypothesis?: string;
            /** @enum {string} */
            kind: "story" | "bug" | "tech" | "initiative" | "hypothesis";
            /** Format: uuid */
            objectiveId?: string;
            /**
             * @description Why this decision was taken (at least 10 meaningful characters).
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
            /** @description Stakeholder who asked for it (stakeholders: always themselves) */
            requestedBy?: string;
            /** @description Score inputs (ADR 0033): set on add, estimate and reprioritize; null removes one */
            scoreInputs?: components["schemas"]["ScoreInputsDto"];
            title: string;
            /** @description 1-based target position (1 = top). Give exactly one of toPosition, before, after. */
            toPosition?: number;
        };
        AddMemberRequestDto: {
            /**
             * @description The member's identity: the subject (`sub`) of their token
             * @example maria
             */
            memberId: string;
            /**
             * @description Why this person joins the forum
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
        };
        AddObjectiveRequestDto: {
            /**
             * @description How progress is measured
             * @example Week-1 activation rate
             */
            metric: string;
            /**
             * @description Why this decision was taken (at least 10 meaningful characters).
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
            /**
             * @description Target value of the metric
             * @example 40%
             */
            target?: string;
            /**
             * @description The outcome sought
             * @example New teams get value in their first week
             */
            title: string;
        };
        AgainstScoreByActorDto: {
            actorId: string;
            /** @description Of those, against the score */
            against: number;
            /** @description Of those, judged: the moved item had a score (unscored items never count) */
            judged: number;
            /** @description Reprioritizations in the period */
            reprioritizations: number;
            /** @description against ÷ reprioritizations; null without reprioritizations */
            share: number | null;
            /** @description against ÷ judged; null when none was judged */
            shareOfJudged: number | null;
        };
        AgainstScoreByTriggerDto: {
            /** @description Of those, against the score */
            against: number;
            /** @description Of those, judged: the moved item had a score (unscored items never count) */
            judged: number;
            /** @description Reprioritizations in the period */
            reprioritizations: number;
            /** @description against ÷ reprioritizations; null without reprioritizations */
            share: number | null;
            /** @description against ÷ judged; null when none was judged */
            shareOfJudged: number | null;
            /** @description routine, stakeholder-request, escalation, review or new-evidence */
            trigger: string;
        };
        AgainstScoreDecisionDto: {
            actorId: string;
            /** Format: date-time */
            at: string;
            /** Format: uuid */
            backlogId: string;
            /**
             * Format: uuid
             * @description The item.reprioritized event
             */
            eventId: string;
            fromPosition: number;
            /** Format: uuid */
            itemId: string;
            /** @description The scoring model in force */
            model: string;
            /** @description At most 50, highest score first */
            passedOver: components["schemas"]["PassedOverDto"][];
            /** @description How many open items it was moved above against the score */
            passedOverCount: number;
            /** @description The moved item's frozen score */
            score: number;
            /** @description The margin in force (0.2 = 20 %) */
            scoreMargin: number;
            title: string;
            toPosition: number;
            trigger: string;
        };
        AgainstScoreReportDto: {
            /** @description Of those, against the score */
            against: number;
            /** Format: date-time */
            at: string;
            /** Format: uuid */
            backlogId: string;
            /** @description Most against first */
            byActor: components["schemas"]["AgainstScoreByActorDto"][];
            /** @description Most against first */
            byTrigger: components["schemas"]["AgainstScoreByTriggerDto"][];
            /** @description The reprioritizations against the score, most recent first (at most 500) */
            decisions: components["schemas"]["AgainstScoreDecisionDto"][];
            /** @description Of those, judged: the moved item had a score (unscored items never count) */
            judged: number;
            period: components["schemas"]["PeriodDto"];
            /** @description Reprioritizations in the period */
            reprioritizations: number;
            /** @description against ÷ reprioritizations; null without reprioritizations */
            share: number | null;
            /** @description against ÷ judged; null when none was judged */
            shareOfJudged: number | null;
            /** @description Weekly: one point per week end from `from` to `to`, each over the preceding week */
            trend?: components["schemas"]["AgainstScoreTrendPointDto"][];
            truncated: boolean;
        };
        AgainstScoreTrendPointDto: {
            against: number;
            /**
             * Format: date-time
             * @description Computed as of this instant over [from, at)
             */
            at: string;
            /** Format: date-time */
            from: string;
            judged: number;
            reprioritizations: number;
            share: number | null;
        };
        AmendReasonRequestDto: {
            /** @description The proposal's new reason (only before any vote is cast) */
            reason: string;
        };
        BacklogPolicyDto: {
            /** @description Healthy backlog size in sprints (default 3..6) */
            healthySprints?: components["schemas"]["HealthySprintsDto"];
            /** @description A delivered item without an outcome is overdue this many days after delivery (default 90) */
            outcomeDueDays?: number;
            /** @description Two opposite reprioritizations within this many days can be a reversal (default 30) */
            reversalWindowDays?: number;
            /** @description Days between zombie reviews (default 14) */
            reviewCadenceDays?: number;
            /** @description Against the score: a passed-over item beats the moved one by more than this share (default 0.2 = 20 %) */
            scoreMargin?: number;
            /**
             * @description Scoring model item decisions freeze scores with (default none; ADR 0033)
             * @enum {string}
             */
            scoringModel?: "none" | "rice" | "wsjf" | "value-effort";
            /** @description Days without a progress event before an item counts as stale (default 60) */
            staleAfterDays?: number;
            /** @description Open items older than this with no progress can be zombies (default 90) */
            zombieAfterDays?: number;
        };
        CalibratedItemDto: {
            /** Format: uuid */
            backlogId: string;
            daysSinceDelivery: number;
            decisionMaker: string;
            /** Format: date-time */
            deliveredAt: string;
            /**
             * Format: date-time
             * @description delivery + outcomeDueDays
             */
            dueAt: string | null;
            /** Format: uuid */
            itemId: string;
            objectiveId: string | null;
            outcome: components["schemas"]["CalibrationOutcomeDto"] | null;
            /** @enum {string} */
            status: "validated" | "refuted" | "unknown" | "overdue" | "no-objective";
            title: string;
        };
        CalibrationByBacklogDto: {
            /** Format: uuid */
            backlogId: string;
            /** @description Items delivered (the throughput) */
            delivered: number;
            /** @description Delivered without a linked objective */
            noObjective: number;
            /** @description The policy as of `at` */
            outcomeDueDays: number;
            /** @description No outcome outcomeDueDays after delivery */
            overdue: number;
            /** @description The latest outcome on the linked objective after delivery says not moved */
            refuted: number;
            /** @description No outcome yet, not yet due */
            unknown: number;
            /** @description The latest outcome on the linked objective after delivery says moved */
            validated: number;
            /** @description validated ÷ (validated + refuted) */
            validationRate: number | null;
        };
        CalibrationByDecisionMakerDto: {
            /** @description Actor of the last reprioritization before the start (or before delivery), else who added it */
            actorId: string;
            /** @description Items delivered (the throughput) */
            delivered: number;
            /** @description Delivered without a linked objective */
            noObjective: number;
            /** @description No outcome outcomeDueDays after delivery */
            overdue: number;
            /** @description The latest outcome on the linked objective after delivery says not moved */
            refuted: number;
            /** @description No outcome yet, not yet due */
            unknown: number;
            /** @description The latest outcome on the linked objective after delivery says moved */
            validated: number;
            /** @description validated ÷ (validated + refuted) */
            validationRate: number | null;
        };
        CalibrationByMonthDto: {
            /** @description Items delivered (the throughput) */
            delivered: number;
            /**
             * @description Month of delivery (UTC)
             * @example 2026-03
             */
            month: string;
            /** @description Delivered without a linked objective */
            noObjective: number;
            /** @description No outcome outcomeDueDays after delivery */
            overdue: number;
            /** @description The latest outcome on the linked objective after delivery says not moved */
            refuted: number;
            /** @description No outcome yet, not yet due */
            unknown: number;
            /** @description The latest outcome on the linked objective after delivery says moved */
            validated: number;
            /** @description validated ÷ (validated + refuted) */
            validationRate: number | null;
        };
        CalibrationCountsDto: {
            /** @description Items delivered (the throughput) */
            delivered: number;
            /** @description Delivered without a linked objective */
            noObjective: number;
            /** @description No outcome outcomeDueDays after delivery */
            overdue: number;
            /** @description The latest outcome on the linked objective after delivery says not moved */
            refuted: number;
            /** @description No outcome yet, not yet due */
            unknown: number;
            /** @description The latest outcome on the linked objective after delivery says moved */
            validated: number;
            /** @description validated ÷ (validated + refuted) */
            validationRate: number | null;
        };
        CalibrationOutcomeDto: {
            /** Format: date-time */
            at: string;
            /** Format: uuid */
            eventId: string;
            moved: boolean;
        };
        CalibrationReportDto: {
            /** Format: date-time */
            at: string;
            /** Format: uuid */
            backlogId: string;
            byBacklog: components["schemas"]["CalibrationByBacklogDto"][];
            /** @description Most delivered first */
            byDecisionMaker: components["schemas"]["CalibrationByDecisionMakerDto"][];
            /** @description Every month of the period, oldest first: throughput (delivered) next to validated */
            byMonth: components["schemas"]["CalibrationByMonthDto"][];
            /** @description Delivered without an outcome after outcomeDueDays, longest overdue first (at most 500) */
            overdue: components["schemas"]["CalibratedItemDto"][];
            /** @description Items delivered in [from, to) */
            period: components["schemas"]["PeriodDto"];
            totals: components["schemas"]["CalibrationCountsDto"];
            truncated: boolean;
        };
        CastVoteRequestDto: {
            /** @enum {string} */
            choice: "kill" | "keep" | "abstain";
            /** @description Why (every vote carries a reason; auditors see it) */
            reason: string;
        };
        ChangePolicyRequestDto: {
            /** @description The thresholds to change; fields not given keep their current value */
            policy: components["schemas"]["BacklogPolicyDto"];
            /**
             * @description Why this decision was taken (at least 10 meaningful characters).
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
        };
        ChangeProductGoalRequestDto: {
            /** @description The new product goal */
            productGoal: string;
            /**
             * @description Why this decision was taken (at least 10 meaningful characters).
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
        };
        ChangeRuleRequestDto: {
            /** @description The new scope (absent: unchanged) */
            backlogIds?: string[];
            /**
             * @description Why the rule or scope changes
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
            /** @description Rule fields to change; the others stay */
            rule?: components["schemas"]["ForumRuleDto"];
        };
        CreateBacklogRequestDto: {
            name: string;
            /** @description Thresholds; defaults apply to what is not given */
            policy?: components["schemas"]["BacklogPolicyDto"];
            /** @description What the product is for (the "why" of the backlog) */
            productGoal: string;
            /** @description Why the backlog is created (defaults to the product goal) */
            rationale?: string;
        };
        CreateForumRequestDto: {
            /** @description The backlogs the forum reviews */
            backlogIds: string[];
            /** @example Checkout kill review */
            name: string;
            /**
             * @description Why the forum is set up
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
            rule?: components["schemas"]["ForumRuleDto"];
        };
        DecisionResponseDto: {
            eventIds: string[];
            /** Format: uuid */
            id: string;
            /** @description Global position of the last event written. */
            position: number;
            /** @description Stream revision after the decision; send it back as If-Match. */
            revision: number;
        };
        DelegateVoteRequestDto: {
            /**
             * @description The member who votes for you (their `sub`); a member of the same forum
             * @example max
             */
            delegateId: string;
            /**
             * @description Why you delegate (e.g. leave), for the audit trail
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
            /**
             * Format: date-time
             * @description From when (default now; not in the past)
             */
            validFrom?: string;
            /**
             * Format: date-time
             * @description Until when (exclusive; at most 366 days after validFrom)
             * @example 2030-02-01T00:00:00Z
             */
            validUntil: string;
        };
        DelegationListDto: {
            /** Format: date-time */
            at: string;
            /** @description Every delegation ever granted in the forum, in the order granted */
            delegations: components["schemas"]["DelegationViewDto"][];
            /** Format: uuid */
            forumId: string;
        };
        DelegationResponseDto: {
            /**
             * Format: uuid
             * @description The delegation (revoke it with POST /forums/{forumId}/delegations/{delegationId}/revoke)
             */
            delegationId: string;
            eventIds: string[];
            /** Format: uuid */
            id: string;
            /** @description Global position of the last event written. */
            position: number;
            /** @description Stream revision after the decision; send it back as If-Match. */
            revision: number;
        };
        DelegationViewDto: {
            /** @description Who votes for them */
            delegateId: string;
            /** Format: uuid */
            delegationId: string;
            /** @description Who delegated their vote */
            delegatorId: string;
            /** Format: date-time */
            revokedAt: string | null;
            /**
             * @description As of `at`: scheduled (not started), active (holds: the delegate votes for the delegator), ended (its period is over), revoked, ended-by-leave (a party left the forum)
             * @enum {string}
             */
            status: "scheduled" | "active" | "ended" | "revoked" | "ended-by-leave";
            /** Format: date-time */
            validFrom: string;
            /**
             * Format: date-time
             * @description Exclusive
             */
            validUntil: string;
        };
        DeliverItemRequestDto: {
            /**
             * @description Why this decision was taken (at least 10 meaningful characters).
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
        };
        EscalateDecisionRequestDto: {
            /** @description Who the escalation goes to (a person or a body) */
            addressedTo?: string;
            /**
             * Format: uuid
             * @description Id of the decision (event) on this item being challenged
             */
            againstEventId: string;
            /** @description Why the decision should change */
            reason: string;
            /** @description What the stakeholder wants instead */
            wanted: string;
        };
        EscalationResponseDto: {
            /**
             * Format: uuid
             * @description Id of the new escalation (use it to resolve it)
             */
            escalationId: string;
            eventIds: string[];
            /** Format: uuid */
            id: string;
            /** @description Global position of the last event written. */
            position: number;
            /** @description Stream revision after the decision; send it back as If-Match. */
            revision: number;
        };
        EstimateItemRequestDto: {
            /** @description Story points */
            estimate?: number;
            /**
             * @description Why this decision was taken (at least 10 meaningful characters).
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
            /** @description Score inputs to set (null removes one); the others stay (ADR 0033) */
            scoreInputs?: components["schemas"]["ScoreInputsDto"];
        };
        ExtendDeadlineRequestDto: {
            /**
             * Format: date-time
             * @description The new deadline (with a timezone); give this or `days`
             * @example 2026-02-01T09:00:00Z
             */
            closesAt?: string;
            /** @description Days added to the current deadline; give this or `closesAt` */
            days?: number;
            /** @description Why the deadline moves (recorded; a deadline moves at most once) */
            reason: string;
        };
        ForumRuleDto: {
            /** @description Share of kill among kill + keep needed to kill (0 < t ≤ 1); default 0.5 */
            killThreshold?: number;
            /**
             * @description After a no-quorum close: nominate again at the next cadence point, or hand back to the owner; default 'reopen-next-cadence'
             * @enum {string}
             */
            onNoQuorum?: "reopen-next-cadence" | "return-to-owner";
            /** @description Minimum votes cast (kill + keep + abstain); default 3 */
            quorum?: number;
            /** @description Days between automatic nominations; default 14 */
            reviewCadenceDays?: number;
            /** @description Days a proposal stays open for votes; default 7 */
            votingPeriodDays?: number;
        };
        HealthySprintsDto: {
            /**
             * @description At least min
             * @example 6
             */
            max: number;
            /** @example 3 */
            min: number;
        };
        KillItemRequestDto: {
            /** @description Why the item is killed (required, non-trivial) */
            reason: string;
        };
        KillThresholdDto: {
            /**
             * Format: uuid
             * @description An active objective of the item's backlog whose outcomes are checked
             */
            objectiveId: string;
            /**
             * @description Kill if the observed value is <, <=, > or >= value
             * @enum {string}
             */
            operator: "<" | "<=" | ">" | ">=";
            /**
             * @description Compared with the number an outcome observes (its leading number: "1.8 %" is 1.8)
             * @example 2
             */
            value: number;
        };
        LeaveForumRequestDto: {
            /** @description Who leaves (default: the caller). Removing someone else needs an admin or product leader. */
            memberId?: string;
            /**
             * @description Why the member leaves the forum
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
        };
        LinkToObjectiveRequestDto: {
            /**
             * Format: uuid
             * @description An active objective of the item's backlog
             */
            objectiveId: string;
            /**
             * @description Why this decision was taken (at least 10 meaningful characters).
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
        };
        MoveToAntiBacklogRequestDto: {
            /** @description Why the idea is explicitly not pursued (required, non-trivial) */
            reason: string;
        };
        ObjectiveResponseDto: {
            eventIds: string[];
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Id of the new objective
             */
            objectiveId: string;
            /** @description Global position of the last event written. */
            position: number;
            /** @description Stream revision after the decision; send it back as If-Match. */
            revision: number;
        };
        OpenProposalRequestDto: {
            /**
             * Format: uuid
             * @description The item to kill (its backlog must be in the forum scope)
             */
            itemId: string;
            /** @description Why the item should be killed (locked once a vote is cast) */
            reason: string;
        };
        PassedOverDto: {
            /** Format: uuid */
            itemId: string;
            /** @description Its score at the decision, as frozen in the decision */
            score: number;
            title: string;
        };
        PeriodDto: {
            /**
             * Format: date-time
             * @description Inclusive
             */
            from: string;
            /**
             * Format: date-time
             * @description Exclusive
             */
            to: string;
        };
        ProblemDto: {
            /** @example ITEM.ALREADY_KILLED */
            code: string;
            detail: string;
            errors?: Record<string, never>[];
            instance?: string;
            requestId?: string;
            status: number;
            title: string;
            type: string;
        };
        RecordOutcomeRequestDto: {
            /** @description Did the metric move? */
            moved: boolean;
            /**
             * Format: uuid
             * @description The objective of the item's backlog the outcome is measured against
             */
            objectiveId: string;
            /**
             * @description What was observed on the objective's metric
             * @example Activation +3pp in 4 weeks
             */
            observedValue: string;
            /**
             * @description Why this decision was taken (at least 10 meaningful characters).
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
        };
        RecordSprintVelocityRequestDto: {
            /**
             * Format: date
             * @description Last day of the sprint (YYYY-MM-DD)
             * @example 2025-03-14
             */
            endedOn: string;
            /** @description Story points completed in the sprint */
            points: number;
            /**
             * @description Why this decision was taken (at least 10 meaningful characters).
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
            /**
             * @description Sprint label, unique within the backlog
             * @example Sprint 42
             */
            sprint: string;
        };
        RegisteredWebhookResponseDto: {
            eventIds: string[];
            /** Format: uuid */
            id: string;
            /** @description Global position of the last event written. */
            position: number;
            /** @description Stream revision after the decision; send it back as If-Match. */
            revision: number;
            /** @description HMAC-SHA256 signing secret. Shown only in this answer: store it in the receiver (see docs/webhooks.md). */
            secret: string;
            /** @description Last 4 characters of the secret, as GET /webhooks shows them */
            secretHint: string;
        };
        RegisterWebhookRequestDto: {
            /** @description Only events of these backlogs */
            backlogIds?: string[];
            events: ("proposal.opened" | "proposal.closed" | "item.killed" | "item.escalated" | "item.escalation-resolved")[];
            /**
             * Format: uuid
             * @description Only this forum's proposals and the item events of the forum's backlogs
             */
            forumId?: string;
            /** @description Why this receiver hears about decisions (kept in the audit trail) */
            rationale?: string;
            /**
             * @description Where deliveries are POSTed: https, no credentials, no private address
             * @example https://hooks.example.com/ledger
             */
            url: string;
        };
        RemoveWebhookRequestDto: {
            /**
             * @description Why deliveries to this endpoint stop (kept in the audit trail).
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
        };
        ReprioritizeItemRequestDto: {
            /**
             * Format: uuid
             * @description Place directly below this item
             */
            after?: string;
            /**
             * Format: uuid
             * @description Place directly above this item
             */
            before?: string;
            /**
             * @description Why this decision was taken (at least 10 meaningful characters).
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
            /** @description Score inputs (ADR 0033): new evidence that comes with the move; the move is judged against the score with them */
            scoreInputs?: components["schemas"]["ScoreInputsDto"];
            /** @description 1-based target position (1 = top). Give exactly one of toPosition, before, after. */
            toPosition?: number;
            /**
             * @default routine
             * @enum {string}
             */
            trigger: "routine" | "stakeholder-request" | "review" | "new-evidence";
        };
        ResolveEscalationRequestDto: {
            /**
             * Format: uuid
             * @description Place directly below this item
             */
            after?: string;
            /**
             * Format: uuid
             * @description Place directly above this item
             */
            before?: string;
            /** @enum {string} */
            outcome: "upheld" | "overturned";
            /**
             * @description Why this decision was taken (at least 10 meaningful characters).
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
            /** @description 1-based target position (1 = top). Give exactly one of toPosition, before, after. */
            toPosition?: number;
        };
        RetireObjectiveRequestDto: {
            /**
             * @description Why this decision was taken (at least 10 meaningful characters).
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
        };
        ReviveItemRequestDto: {
            /**
             * Format: uuid
             * @description Place directly below this item
             */
            after?: string;
            /**
             * Format: uuid
             * @description Place directly above this item
             */
            before?: string;
            /**
             * @description Why this decision was taken (at least 10 meaningful characters).
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
            /** @description 1-based target position (1 = top). Give exactly one of toPosition, before, after. */
            toPosition?: number;
        };
        RevokeDelegationRequestDto: {
            /**
             * @description Why the delegation ends early
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
        };
        ScoreInputsDto: {
            /** @description WSJF business value: > 0; null removes it */
            businessValue?: number | null;
            /** @description RICE confidence: a share in (0, 1]; null removes it */
            confidence?: number | null;
            /** @description RICE and value/effort effort: > 0; null removes it */
            effort?: number | null;
            /**
             * @description RICE impact: 0.25, 0.5, 1, 2 or 3; null removes it
             * @enum {number|null}
             */
            impact?: 0.25 | 0.5 | 1 | 2 | 3 | null;
            /** @description WSJF job size: > 0; null removes it */
            jobSize?: number | null;
            /** @description RICE reach: people or events per period, ≥ 0; null removes it */
            reach?: number | null;
            /** @description WSJF risk reduction / opportunity enablement: > 0; null removes it */
            riskReduction?: number | null;
            /** @description WSJF time criticality: > 0; null removes it */
            timeCriticality?: number | null;
            /** @description value/effort value: ≥ 0; null removes it */
            value?: number | null;
        };
        SetKillCriteriaRequestDto: {
            /** @description The explicit exit condition: when this holds, the item should be killed */
            exitCondition: string;
            /**
             * @description Why this decision was taken (at least 10 meaningful characters).
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
            /**
             * Format: date
             * @description Review-by date (YYYY-MM-DD), today or later; with a threshold, the date it is checked by
             * @example 2030-01-31
             */
            reviewBy: string;
            /** @description Self-checking criteria: breached when an outcome on the objective meets the threshold, or when reviewBy passes with none; a breach nominates the item to its review forum once */
            threshold?: components["schemas"]["KillThresholdDto"];
        };
        StartItemRequestDto: {
            /**
             * @description Why this decision was taken (at least 10 meaningful characters).
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
        };
        WithdrawProposalRequestDto: {
            /** @description Why the proposal is withdrawn */
            reason: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    PortfolioController_get: {
        parameters: {
            query?: {
                /** @description Compute as of this instant (default: now) */
                at?: string;
                /** @description Start of the period (inclusive; default: 90 days before `to`) */
                from?: string;
                /** @description Wait until analytics include this global position (from a write response) */
                minPosition?: number;
                /** @description End of the period (exclusive; default: `at`) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One row per backlog */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description minPosition is beyond the last written position */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Analytics have not reached minPosition yet; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ExportEventsController_export: {
        parameters: {
            query?: {
                /** @description Actor id (token subject) */
                actor?: string;
                /** @description Page cursor: global position to start after */
                after?: number;
                backlogId?: string;
                /** @description Decisions that occurred at or after (ISO-8601 date, or date-time with a timezone; 1970-9999) */
                from?: string;
                itemId?: string;
                limit?: number;
                /** @description Decisions that occurred before (ISO-8601 date, or date-time with a timezone; 1970-9999) */
                to?: string;
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One event per line */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The read model has not caught up with the event store within LEDGER_READ_WAIT_MS; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    VerifyChainsController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { ok, streamsChecked, eventsChecked, firstBreak, checkedAt } */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CreateBacklogController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBacklogRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    GetBacklogController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                backlogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The backlog */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The read model has not caught up with the event store within LEDGER_READ_WAIT_MS; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AgainstScoreController_get: {
        parameters: {
            query?: {
                /** @description Compute as of this instant (default: now) */
                at?: string;
                /** @description Start of the period (inclusive; default: 90 days before `to`) */
                from?: string;
                /** @description Wait until analytics include this global position (from a write response) */
                minPosition?: number;
                /** @description End of the period (exclusive; default: `at`) */
                to?: string;
            };
            header?: never;
            path: {
                backlogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgainstScoreReportDto"];
                };
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description minPosition is beyond the last written position */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Analytics have not reached minPosition yet; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CalibrationController_get: {
        parameters: {
            query?: {
                /** @description Compute as of this instant (default: now) */
                at?: string;
                /** @description Start of the period (inclusive; default: 90 days before `to`) */
                from?: string;
                /** @description Wait until analytics include this global position (from a write response) */
                minPosition?: number;
                /** @description End of the period (exclusive; default: `at`) */
                to?: string;
            };
            header?: never;
            path: {
                backlogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalibrationReportDto"];
                };
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description minPosition is beyond the last written position */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Analytics have not reached minPosition yet; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HealthAnalyticsController_get: {
        parameters: {
            query?: {
                /** @description Compute as of this instant (default: now) */
                at?: string;
                /** @description Start of the period (inclusive; default: 90 days before `to`) */
                from?: string;
                /** @description Wait until analytics include this global position (from a write response) */
                minPosition?: number;
                /** @description End of the period (exclusive; default: `at`) */
                to?: string;
            };
            header?: never;
            path: {
                backlogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description minPosition is beyond the last written position */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Analytics have not reached minPosition yet; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    InfluenceController_get: {
        parameters: {
            query?: {
                /** @description Compute as of this instant (default: now) */
                at?: string;
                /** @description Start of the period (inclusive; default: 90 days before `to`) */
                from?: string;
                /** @description Wait until analytics include this global position (from a write response) */
                minPosition?: number;
                /** @description End of the period (exclusive; default: `at`) */
                to?: string;
            };
            header?: never;
            path: {
                backlogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description minPosition is beyond the last written position */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Analytics have not reached minPosition yet; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ReversalsController_get: {
        parameters: {
            query?: {
                /** @description Compute as of this instant (default: now) */
                at?: string;
                /** @description Start of the period (inclusive; default: 90 days before `to`) */
                from?: string;
                /** @description Wait until analytics include this global position (from a write response) */
                minPosition?: number;
                /** @description End of the period (exclusive; default: `at`) */
                to?: string;
            };
            header?: never;
            path: {
                backlogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description minPosition is beyond the last written position */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Analytics have not reached minPosition yet; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TrendController_get: {
        parameters: {
            query?: {
                /** @description Compute as of this instant (default: now) */
                at?: string;
                every?: "week";
                /** @description Start of the period (inclusive; default: 90 days before `to`) */
                from?: string;
                metric?: "zombies" | "reversal-rate" | "size-in-sprints" | "against-score";
                /** @description Wait until analytics include this global position (from a write response) */
                minPosition?: number;
                /** @description End of the period (exclusive; default: `at`) */
                to?: string;
            };
            header?: never;
            path: {
                backlogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description minPosition is beyond the last written position */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Analytics have not reached minPosition yet; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ZombiesController_get: {
        parameters: {
            query?: {
                /** @description Compute as of this instant (default: now) */
                at?: string;
                /** @description Start of the period (inclusive; default: 90 days before `to`) */
                from?: string;
                /** @description Wait until analytics include this global position (from a write response) */
                minPosition?: number;
                /** @description End of the period (exclusive; default: `at`) */
                to?: string;
            };
            header?: never;
            path: {
                backlogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description minPosition is beyond the last written position */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Analytics have not reached minPosition yet; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ListBacklogItemsController_list: {
        parameters: {
            query?: {
                /** @description Reconstruct the ranking as it stood at this instant (ISO-8601 date, or date-time with a timezone; 1970-9999) */
                at?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                backlogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ranked items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The read model has not caught up with the event store within LEDGER_READ_WAIT_MS; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AddItemController_add: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                backlogId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddItemRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AddObjectiveController_addObjective: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                backlogId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddObjectiveRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectiveResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RetireObjectiveController_retire: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                backlogId: string;
                objectiveId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetireObjectiveRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ChangePolicyController_changePolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                backlogId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePolicyRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ChangeProductGoalController_changeProductGoal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                backlogId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeProductGoalRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RecordSprintVelocityController_record: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                backlogId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordSprintVelocityRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ListForumsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The forums with scope, rule, members and open proposal count */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The read model has not caught up with the event store within LEDGER_READ_WAIT_MS; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CreateForumController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateForumRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    GetForumController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                forumId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The forum */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The read model has not caught up with the event store within LEDGER_READ_WAIT_MS; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ForumAnalyticsController_get: {
        parameters: {
            query?: {
                /** @description Compute as of this instant (default: now) */
                at?: string;
                /** @description Start of the period (inclusive; default: 90 days before `to`) */
                from?: string;
                /** @description Wait until analytics include this global position (from a write response) */
                minPosition?: number;
                /** @description End of the period (exclusive; default: `at`) */
                to?: string;
            };
            header?: never;
            path: {
                forumId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The forum report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description minPosition is beyond the last written position */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Analytics have not reached minPosition yet; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ListDelegationsController_list: {
        parameters: {
            query?: {
                /** @description Statuses as of this instant (default now) */
                at?: string;
            };
            header?: never;
            path: {
                forumId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelegationListDto"];
                };
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DelegateVoteController_delegate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                forumId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DelegateVoteRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelegationResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RevokeDelegationController_revoke: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                delegationId: string;
                forumId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeDelegationRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AddMemberController_add: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                forumId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddMemberRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    LeaveForumController_leave: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                forumId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeaveForumRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OpenProposalController_open: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                forumId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenProposalRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ChangeRuleController_change: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                forumId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeRuleRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { status, eventStore, readModel, forums, webhooks, analytics: { position, lagEvents, lagSeconds, state } }. The server answers while the read models catch up after a start (reads that need one wait for it or answer 503). The forum index catches up on demand (each forum read and scheduler pass), so some lag between them is normal; webhooks is null where this replica does not dispatch. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GetItemController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The read model has not caught up with the event store within LEDGER_READ_WAIT_MS; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MoveToAntiBacklogController_moveToAntiBacklog: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveToAntiBacklogRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DeliverItemController_deliver: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliverItemRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EscalateDecisionController_escalate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EscalateDecisionRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ResolveEscalationController_resolve: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                escalationId: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveEscalationRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EstimateItemController_estimate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EstimateItemRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ItemHistoryController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The history, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The read model has not caught up with the event store within LEDGER_READ_WAIT_MS; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    KillItemController_kill: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KillItemRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SetKillCriteriaController_setKillCriteria: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetKillCriteriaRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    LinkToObjectiveController_link: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LinkToObjectiveRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RecordOutcomeController_record: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordOutcomeRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ReprioritizeItemController_reprioritize: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReprioritizeItemRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ReviveItemController_revive: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviveItemRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    StartItemController_start: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartItemRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ListProposalsController_list: {
        parameters: {
            query?: {
                /** @description Only this forum's proposals */
                forumId?: string;
                limit?: number;
                offset?: number;
                status?: "open" | "closed" | "withdrawn";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of proposals */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The read model has not caught up with the event store within LEDGER_READ_WAIT_MS; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    GetProposalController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proposal */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ExtendDeadlineController_extend: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtendDeadlineRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AmendReasonController_amend: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AmendReasonRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CastVoteController_vote: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CastVoteRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WithdrawProposalController_withdraw: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawProposalRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ReadWebhooksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The registrations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The outbox is catching up, or this replica does not dispatch webhooks */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RegisterWebhookController_register: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterWebhookRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredWebhookResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ReadWebhooksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The registration */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ReadWebhooksController_deliveries: {
        parameters: {
            query?: {
                /** @description Newest deliveries first */
                limit?: number;
            };
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not in scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The outbox is catching up, or this replica does not dispatch webhooks */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RemoveWebhookController_remove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key; a retry returns the first answer */
                "Idempotency-Key"?: string;
                /** @description Expected revision (ETag from GET); stale → 412 */
                "If-Match"?: string;
            };
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RemoveWebhookRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description Invalid request (validation, unknown field, malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Role or backlog scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision is not valid in the current state, or a concurrent decision won */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The decision breaks a rule (e.g. trivial rationale) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
}
