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
        /** Headline numbers per backlog you may read: name, open items, zombies, size in sprints, reversal rate, share of reprioritizations against the score */
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
    "/auth/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the web app signs people in (no session needed) */
        get: operations["AuthConfigController_config_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/oidc/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OIDC mode: exchange the access token the web app got from the identity provider (Authorization Code + PKCE) for the same HttpOnly session cookie an invitation gives (ADR 0024). The token is verified through the provider's JWKS (issuer, audience, expiry) and its role claim mapped; the web app can then forget the provider's tokens. */
        post: operations["OidcSessionController_exchange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Redeem a sign-in link (the first-admin link printed at start, or an invitation): the web app POSTs the token from the link's URL fragment and gets the session as the HttpOnly cookie ledger_session. A link works once; unknown, used and revoked links all answer SIGN_IN.LINK_INVALID. 10 failures from one address within 15 minutes → 429 until the oldest leaves the window. */
        post: operations["SignInLinkController_signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: ends the session of the ledger_session cookie (recorded as session.signed-out) and clears the cookie. Always 204, also without a session or with one that already ended (so a stale tab can always sign out). */
        post: operations["SignOutController_signOut"];
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
        /** The backlogs you may read (all, or the ones your token names), by name: goal, owners, item counts by status */
        get: operations["ListBacklogsController_list"];
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
        /** The ranked backlog (1 = top), now or as it stood at `at`; or the anti-backlog, killed or delivered items (`status`) */
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
    "/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Escalations, newest first, with the decision each challenges, who raised it, what they want and why, and how it was resolved (by whom, when, and the decision an overturn caused). Stakeholders see the ones they raised; everyone else those of the backlogs they may read. */
        get: operations["ListEscalationsController_list"];
        put?: never;
        post?: never;
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
        /** The review forums you may read (member, or reader of one of their backlogs), by name; optionally only those reviewing a backlog */
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
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness probe: the process answers (touches no store; no token needed) */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness probe: the event store answers and every read model is within LEDGER_READY_MAX_LAG_EVENTS of its head (no token needed)
         * @description Counts the read model (ranking, audit), the webhook outbox (where this replica dispatches) and the analytics projection. The forum index is not counted: it catches up on demand, on each forum read and scheduler pass. 503 (HEALTH.NOT_READY) while one lags more, while the store does not answer within 2 s, and once shutdown has begun; the problem lists the checks.
         */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations with their status: open, redeemed, revoked or expired (admins); never their secrets */
        get: operations["ListInvitationsController_list"];
        put?: never;
        /** Invite a person (admins): a single-use sign-in link with a role, backlogs and an expiry, recorded as invitation.created. The link is in this answer only; Idempotency-Key is refused here (the answer holds a secret that is never stored): if it is lost, revoke and invite again. */
        post: operations["CreateInvitationController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/{invitationId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an open invitation (admins): its link stops working at once (invitation.revoked) */
        post: operations["RevokeInvitationController_revoke"];
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
    "/items/{itemId}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a delivered item: the delivery did not hold, it goes back into the ranking (at a position, or at the bottom) */
        post: operations["ReopenItemController_reopen"];
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
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the session (ledger_session cookie) or bearer token says you are: role, backlogs, how you signed in, until when */
        get: operations["MeController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics (text exposition format), for a scraper holding LEDGER_METRICS_TOKEN
         * @description Served on the API port only when LEDGER_METRICS_TOKEN is set, to `Authorization: Bearer <that token>` (not a user JWT). With LEDGER_METRICS_PORT the metrics are also served on that separate address. Names and labels: docs/operations.md.
         */
        get: operations["MetricsController_scrape"];
        put?: never;
        post?: never;
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
    "/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Web sessions that let someone in right now (admins), to revoke one */
        get: operations["ListSessionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{sessionId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a web session (admins): its next request is refused with 401 AUTH.SESSION_REVOKED, on every replica (session.revoked) */
        post: operations["RevokeSessionController_revoke"];
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
        AccessDecisionResponseDto: {
            eventIds: string[];
            /**
             * Format: uuid
             * @description The invitation or session decided on
             */
            id: string;
            /** @description Global position of the last event written */
            position: number;
        };
        ActiveDelegationDto: {
            /** @description Who votes for them */
            delegateId: string;
            /** Format: uuid */
            delegationId: string;
            /** @description Who delegated their vote */
            delegatorId: string;
            /** Format: date-time */
            revokedAt: string | null;
            /**
             * Format: date-time
             * @description Exclusive
             */
            validUntil: string;
        };
        ActorDto: {
            /** @description Token subject */
            id: string;
            /**
             * @description 'system' for decisions the ledger takes itself (e.g. a forum's kill at the deadline)
             * @enum {string}
             */
            role: "admin" | "product-owner" | "product-leader" | "stakeholder" | "forum-member" | "auditor" | "system";
        };
        ActorReversalsDto: {
            actorId: string;
            decisions: number;
            rate: number;
            reversals: number;
        };
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
        AgePercentilesDto: {
            p50: number | null;
            p75: number | null;
            p90: number | null;
        };
        AmendReasonRequestDto: {
            /** @description The proposal's new reason (only before any vote is cast) */
            reason: string;
        };
        AnalyticsLagDto: {
            /** @description Events it is behind the store */
            lagEvents: number;
            /** @description How long the oldest unprojected event has waited (0 when caught up) */
            lagSeconds: number;
            /** @description Last position this projection has applied */
            position: number;
            /** @enum {string} */
            state: "idle" | "running" | "retrying" | "stopping" | "stopped";
        };
        AuditEventDto: {
            /** @description The decision as recorded (see the event catalog) */
            data: {
                [key: string]: unknown;
            };
            /** @description sha256 hex of this event chained to prevHash */
            hash: string;
            /** Format: uuid */
            id: string;
            /** @description Also free-form additions, e.g. `imported` */
            metadata: components["schemas"]["AuditEventMetadataDto"];
            /** @description Global position */
            position: number;
            prevHash: string;
            /** Format: date-time */
            recordedAt: string;
            /** @description 0-based, within the stream */
            revision: number;
            schemaVersion: number;
            /** @example item-6f1c… */
            streamId: string;
            /** @example item.killed */
            type: string;
        };
        AuditEventMetadataDto: {
            actor: components["schemas"]["ActorDto"];
            /** Format: uuid */
            causationId: string | null;
            /** Format: uuid */
            correlationId: string;
            /**
             * Format: date-time
             * @description When it was decided, where that differs from recordedAt (imports)
             */
            occurredAt?: string;
            /** @description The request that produced it */
            requestId?: string;
        };
        AuthConfigResponseDto: {
            /** @description embedded: the first-admin link printed at start is still waiting (nobody has signed in as admin yet) */
            firstAdminPending: boolean;
            /**
             * @description embedded: sign-in links (first-admin link, invitations); oidc: Authorization Code + PKCE with the provider
             * @enum {string}
             */
            mode: "embedded" | "oidc";
            /** @description Set in oidc mode */
            oidc: components["schemas"]["OidcClientConfigDto"] | null;
            /** @description How long a web session lasts */
            sessionTtlMinutes: number;
        };
        BacklogCountsDto: {
            /** @description Parked in the anti-backlog */
            antiBacklog: number;
            delivered: number;
            inProgress: number;
            killed: number;
            /** @description Open, not started */
            open: number;
            /** @description Escalations waiting for a resolution */
            openEscalations: number;
            /** @description In the ranking: open + in progress */
            ranked: number;
            /** @description Every item ever added */
            total: number;
        };
        BacklogListDto: {
            /** @description By name */
            backlogs: components["schemas"]["BacklogSummaryDto"][];
        };
        BacklogOwnerDto: {
            /** @description Token subject */
            id: string;
            /**
             * @description The creator's role, or product-owner
             * @enum {string}
             */
            role: "admin" | "product-owner" | "product-leader" | "stakeholder" | "forum-member" | "auditor" | "system";
            /**
             * Format: date-time
             * @description Their first decision on the backlog (its creation, for the creator)
             */
            since: string;
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
        BacklogSizeDto: {
            /** @description Of the last (up to) 3 sprints; null when none */
            averageVelocity: number | null;
            /** @description The healthy band (inclusive) */
            band: components["schemas"]["SizeBandDto"];
            /** @description Open and not started */
            readyItems: number;
            /** @description Sum of the ready items' estimates */
            readyPoints: number;
            /** @description readyPoints ÷ averageVelocity */
            sizeInSprints: number | null;
            sprintsInAverage: number;
            /** @enum {string} */
            verdict: "too-small" | "healthy" | "too-large" | "unknown";
        };
        BacklogSizeOfDto: {
            /** @description Of the last (up to) 3 sprints; null when none */
            averageVelocity: number | null;
            /** Format: uuid */
            backlogId: string;
            /** @description The healthy band (inclusive) */
            band: components["schemas"]["SizeBandDto"];
            /** @description Open and not started */
            readyItems: number;
            /** @description Sum of the ready items' estimates */
            readyPoints: number;
            /** @description readyPoints ÷ averageVelocity */
            sizeInSprints: number | null;
            sprintsInAverage: number;
            /** @enum {string} */
            verdict: "too-small" | "healthy" | "too-large" | "unknown";
        };
        BacklogSummaryDto: {
            /** @description Items by current status */
            counts: components["schemas"]["BacklogCountsDto"];
            /** Format: date-time */
            createdAt: string;
            createdBy: components["schemas"]["ActorDto"];
            /** Format: uuid */
            id: string;
            name: string;
            /** @description Who decides on it: its creator, then every product owner who has taken a decision on it, in the order they first did (ADR 0032). Admins and product leaders may decide on every backlog and are not listed unless they created it. */
            owners: components["schemas"]["BacklogOwnerDto"][];
            productGoal: string;
            /** @description The backlog stream's revision (If-Match for backlog decisions) */
            revision: number;
        };
        BacklogViewDto: {
            /** @description Average points of the last 3 sprints; null without velocities */
            averageVelocity: number | null;
            /** Format: uuid */
            id: string;
            name: string;
            /** @description Active and retired, in the order added */
            objectives: components["schemas"]["ObjectiveViewDto"][];
            policy: components["schemas"]["PolicyViewDto"];
            productGoal: string;
            /** @description Open and in-progress items */
            rankedItems: number;
            /** @description Stream revision (the ETag) */
            revision: number;
            /** @description By sprint end date */
            velocities: components["schemas"]["SprintVelocityDto"][];
        };
        BreachOutcomeDto: {
            /** Format: date-time */
            at: string;
            /**
             * Format: uuid
             * @description The item.outcome-recorded event
             */
            eventId: string;
            /** Format: uuid */
            objectiveId: string;
            /** @description The number read from observedValue */
            observed: number;
            observedValue: string;
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
        ChainBreakDto: {
            actual: string;
            expected: string;
            position: number;
            /** @enum {string} */
            problem: "hash-mismatch" | "prev-hash-mismatch" | "revision-gap" | "position-gap";
            revision: number;
            streamId: string;
        };
        ChallengedDecisionDto: {
            /** @description Who took it */
            actor: components["schemas"]["ActorDto"] | null;
            /**
             * Format: date-time
             * @description When it was taken
             */
            at: string | null;
            /** @example reprioritized */
            decision: string;
            /** Format: uuid */
            eventId: string;
            fromPosition: number | null;
            toPosition: number | null;
            /** @example item.reprioritized */
            type: string;
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
        ClosedProposalsDto: {
            keep: number;
            kill: number;
            noQuorum: number;
            total: number;
        };
        CountShareDto: {
            count: number;
            share: number;
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
        CreatedInvitationResponseDto: {
            backlogs: string[];
            eventIds: string[];
            /** Format: date-time */
            expiresAt: string;
            /** Format: uuid */
            invitationId: string;
            /**
             * @description The single-use sign-in link to send to the person. Shown only in this answer (only its hash is kept).
             * @example http://localhost:3000/app/sign-in#token=inv_…
             */
            link: string;
            name: string;
            position: number;
            role: string;
            /** @description The link's token alone (what the web app POSTs to /auth/sign-in) */
            token: string;
            userId: string;
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
        CreateInvitationRequestDto: {
            /** @description Backlogs the role is limited to (required for a product owner) */
            backlogs?: string[];
            /**
             * @description How long the link works
             * @default 72
             */
            expiresInHours: number;
            /**
             * @description The person's display name
             * @example Lena Novak
             */
            name: string;
            /** @enum {string} */
            role: "admin" | "product-owner" | "product-leader" | "stakeholder" | "forum-member" | "auditor";
            /** @description The id the person acts as (the actor of their decisions); default: from the name, e.g. "lena-novak". Re-inviting the same id is the same person. */
            userId?: string;
        };
        DecisionResponseDto: {
            /** @description The events written, in order */
            eventIds: string[];
            /** Format: uuid */
            id: string;
            /** @description Global position of the last event written. */
            position: number;
            /** @description Stream revision after the decision; send it back as If-Match. */
            revision: number;
        };
        DelegatedVoteDto: {
            /** @enum {string} */
            choice: "kill" | "keep" | "abstain";
            /** @description Who cast the vote */
            delegateId: string;
            /** Format: uuid */
            delegationId: string;
            /** @description The delegator, for whom the vote counted */
            memberId: string;
            /**
             * Format: uuid
             * @description The delegate's proposal.vote-cast event
             */
            voteEventId: string;
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
            /** @description The events written, in order */
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
        DeliveryAttemptDto: {
            /** @description 1 = first */
            attempt: number;
            durationMs: number;
            error: string | null;
            /** Format: date-time */
            startedAt: string;
            /** @description The receiver's HTTP status; null when none came back */
            statusCode: number | null;
        };
        DeliveryDto: {
            attemptLog: components["schemas"]["DeliveryAttemptDto"][];
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deliveredAt: string | null;
            /** Format: uuid */
            deliveryId: string;
            /** Format: uuid */
            eventId: string;
            eventPosition: number;
            /** @enum {string} */
            eventType: "proposal.opened" | "proposal.closed" | "item.killed" | "item.escalated" | "item.escalation-resolved";
            lastError: string | null;
            lastStatusCode: number | null;
            /**
             * Format: date-time
             * @description Next retry (pending deliveries)
             */
            nextAttemptAt: string | null;
            /** @enum {string} */
            status: "pending" | "delivered" | "dead" | "cancelled";
            /** Format: uuid */
            webhookId: string;
        };
        DeliveryListDto: {
            /** @description Newest event first */
            deliveries: components["schemas"]["DeliveryDto"][];
            /** Format: uuid */
            webhookId: string;
        };
        DeliveryVsOutcomesDto: {
            delivered: number;
            /** @example 2026-01 */
            month: string;
            outcomesMoved: number;
            outcomesNotMoved: number;
            /** @description Reopenings in the month: deliveries that did not hold (ADR 0025) */
            reopened: number;
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
        EscalationChangeDto: {
            /** @enum {string} */
            decision: "reprioritized" | "revived";
            /** Format: uuid */
            eventId: string;
            fromPosition: number | null;
            toPosition: number | null;
            /** @enum {string} */
            type: "item.reprioritized" | "item.revived";
        };
        EscalationDto: {
            /** @description To whom it goes */
            addressedTo: string | null;
            /** @description The decision it challenges */
            against: components["schemas"]["ChallengedDecisionDto"];
            /** Format: uuid */
            backlogId: string;
            backlogName: string;
            /** Format: uuid */
            escalationId: string;
            /**
             * Format: uuid
             * @description The item.escalated event
             */
            eventId: string;
            /** Format: uuid */
            itemId: string;
            itemTitle: string;
            /** Format: date-time */
            raisedAt: string;
            raisedBy: components["schemas"]["ActorDto"];
            reason: string;
            /** @description null while open */
            resolution: components["schemas"]["EscalationResolutionDto"] | null;
            /** @enum {string} */
            status: "open" | "upheld" | "overturned";
            /** @description What the stakeholder wants instead */
            wanted: string;
        };
        EscalationPageDto: {
            /** @description Newest first */
            escalations: components["schemas"]["EscalationDto"][];
            limit: number;
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        EscalationResolutionDto: {
            /** Format: date-time */
            at: string;
            by: components["schemas"]["ActorDto"];
            /** @description The decision an overturn caused (null when upheld) */
            change: components["schemas"]["EscalationChangeDto"] | null;
            /**
             * Format: uuid
             * @description The item.escalation-resolved event
             */
            eventId: string;
            /** @enum {string} */
            outcome: "upheld" | "overturned";
            rationale: string;
        };
        EscalationResponseDto: {
            /**
             * Format: uuid
             * @description Id of the new escalation (use it to resolve it)
             */
            escalationId: string;
            /** @description The events written, in order */
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
        EventRefDto: {
            /**
             * @description The type without its stream prefix
             * @example escalation-resolved
             */
            decision: string;
            /** Format: uuid */
            eventId: string;
            /** @example item.escalation-resolved */
            type: string;
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
        FlipFlopDto: {
            /** Format: uuid */
            backlogId: string;
            /** Format: uuid */
            itemId: string;
            reversals: number;
            title: string;
        };
        ForumListDto: {
            /** @description By name */
            forums: components["schemas"]["ForumSummaryDto"][];
        };
        ForumReportDto: {
            /** @description Delegations holding as of `at` */
            activeDelegations: number;
            /** Format: date-time */
            at: string;
            closed: components["schemas"]["ClosedProposalsDto"];
            /** @description delegatedVotes ÷ the votes cast in those closes */
            delegatedShare: number | null;
            /** @description Votes that counted for someone else in the proposals closed in the period (ADR 0035) */
            delegatedVotes: number;
            /** @description Delegations granted in the period */
            delegationsGranted: number;
            /** @description Delegations revoked in the period */
            delegationsRevoked: number;
            /** Format: uuid */
            forumId: string;
            /** @description kill ÷ closed */
            killRate: number | null;
            medianDaysToDecision: number | null;
            /** @description Members as of `at` */
            members: number;
            name: string;
            /** @description no-quorum ÷ closed */
            noQuorumShare: number | null;
            /** @description Open as of `at` */
            openProposals: number;
            /** @description Average votes cast ÷ members at the close */
            participation: number | null;
            period: components["schemas"]["PeriodDto"];
            proposalsOpened: number;
            withdrawn: number;
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
        ForumRuleViewDto: {
            /** @description Share of kill among kill + keep needed to kill (0 < t ≤ 1) */
            killThreshold: number;
            /** @enum {string} */
            onNoQuorum: "reopen-next-cadence" | "return-to-owner";
            /** @description Minimum votes cast (kill + keep + abstain) */
            quorum: number;
            /** @description Days between automatic nominations */
            reviewCadenceDays: number;
            /** @description Days a proposal stays open for votes */
            votingPeriodDays: number;
        };
        ForumSummaryDto: {
            /** @description The backlogs it reviews */
            backlogIds: string[];
            /** Format: uuid */
            id: string;
            /** @description Current members (token subjects), in joining order */
            members: string[];
            name: string;
            openProposals: number;
            rule: components["schemas"]["ForumRuleViewDto"];
        };
        ForumViewDto: {
            /** @description Delegations holding now (every one: GET /forums/{forumId}/delegations) */
            activeDelegations: components["schemas"]["ActiveDelegationDto"][];
            backlogIds: string[];
            /** Format: uuid */
            id: string;
            /** @description Current members (token subjects), in joining order */
            members: string[];
            name: string;
            /**
             * Format: date-time
             * @description The next automatic nomination
             */
            nextCadenceAt: string | null;
            openProposals: components["schemas"]["OpenProposalRefDto"][];
            /** @description Stream revision (the ETag) */
            revision: number;
            rule: components["schemas"]["ForumRuleViewDto"];
        };
        FrozenScoreDto: {
            /** @description The item's inputs after the decision */
            inputs: components["schemas"]["ScoreInputsViewDto"];
            /**
             * @description The backlog's scoring model at the decision
             * @enum {string}
             */
            model: "none" | "rice" | "wsjf" | "value-effort";
            /** @description null: the model is none, or an input it needs is missing */
            score: number | null;
        };
        HealthDto: {
            analytics: components["schemas"]["AnalyticsLagDto"];
            eventStore: components["schemas"]["StoreHeadDto"];
            /** @description Forum index (caught up on demand) */
            forums: components["schemas"]["ProjectionLagDto"];
            /** @description Ranking and audit index */
            readModel: components["schemas"]["ProjectionLagDto"];
            /** @enum {string} */
            status: "ok";
            /** @description Webhook outbox; null where this replica does not dispatch */
            webhooks: components["schemas"]["ProjectionLagDto"] | null;
        };
        HealthReportDto: {
            antiBacklogSize: number;
            /** Format: date-time */
            at: string;
            deliveredVsOutcomes: components["schemas"]["DeliveryVsOutcomesDto"][];
            kills: components["schemas"]["KillsDto"];
            /** @description share of open items */
            linkedToObjective: components["schemas"]["CountShareDto"];
            /** @description Whole days since added, of the open items */
            openItemAgeDays: components["schemas"]["AgePercentilesDto"];
            openItems: number;
            period: components["schemas"]["PeriodDto"];
            readyItems: number;
            /** @description share of ready items */
            readyWithoutEstimate: components["schemas"]["CountShareDto"];
            size: components["schemas"]["BacklogSizeDto"];
            sizeByBacklog: components["schemas"]["BacklogSizeOfDto"][];
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
        HistoryEntryDto: {
            actor: components["schemas"]["ActorDto"];
            /** Format: uuid */
            causationId: string | null;
            /** @description The decision that caused this one, when it is in this history */
            causedBy: components["schemas"]["EventRefDto"] | null;
            /** @description From the root cause to this entry */
            chain: components["schemas"]["EventRefDto"][];
            /** Format: uuid */
            correlationId: string;
            /** @description The event data as recorded */
            data: {
                [key: string]: unknown;
            };
            /** @example reprioritized */
            decision: string;
            /** Format: uuid */
            escalationId: string | null;
            /** Format: uuid */
            eventId: string;
            fromPosition: number | null;
            /** @description sha256 of the event in its hash chain */
            hash: string;
            /** @description Imported from another tool (docs/import-format.md), not decided in the ledger */
            imported: boolean;
            /** @description Where an imported decision came from (file and line), else null */
            importedFrom: string | null;
            /** @description Decisions this one caused */
            ledTo: components["schemas"]["EventRefDto"][];
            /**
             * Format: date-time
             * @description When it was decided (differs from recordedAt for imports)
             */
            occurredAt: string;
            /** @description Global position */
            position: number;
            /** @description The rationale (or the reason, for kills and escalations) */
            rationale: string | null;
            /** Format: date-time */
            recordedAt: string;
            /** @description Revision in the item's stream */
            revision: number;
            /** @description Reprioritizations: the open items passed over against the score; null when not judged (the item had no score, or recorded before ADR 0033) */
            scoreCheck: components["schemas"]["ScoreCheckDto"] | null;
            /** @description The score this decision froze; null for decisions recorded before scores were frozen (ADR 0033) */
            scoring: components["schemas"]["FrozenScoreDto"] | null;
            /** @description False when the decision states no why (imported from a tracker that records none: "no stated why") */
            statedWhy: boolean;
            toPosition: number | null;
            trigger: string | null;
            /** @example item.reprioritized */
            type: string;
        };
        InfluenceCountsDto: {
            escalationsRaised: number;
            open: number;
            overturned: number;
            /** @description overturned ÷ resolved (the win rate); null when none is resolved */
            overturnedShare: number | null;
            resolved: number;
            upheld: number;
        };
        InfluenceReportDto: {
            /** Format: date-time */
            at: string;
            period: components["schemas"]["PeriodDto"];
            /** @description Most escalations first */
            stakeholders: components["schemas"]["StakeholderInfluenceDto"][];
            /** @description Over all stakeholders */
            totals: components["schemas"]["InfluenceCountsDto"];
        };
        InvitationDto: {
            backlogs: string[];
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description The link stops working at this instant
             */
            expiresAt: string;
            /** Format: uuid */
            invitationId: string;
            /** @description The admin who sent it */
            invitedBy: string | null;
            name: string;
            /** Format: date-time */
            redeemedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            revokeReason: string | null;
            /** @enum {string} */
            role: "admin" | "product-owner" | "product-leader" | "stakeholder" | "forum-member" | "auditor";
            /**
             * Format: uuid
             * @description The session the redemption started
             */
            sessionId: string | null;
            /** @enum {string} */
            status: "open" | "redeemed" | "revoked" | "expired";
            /** @description The sub the invitee acts as */
            userId: string;
        };
        InvitationListDto: {
            /** @description Newest first; the secrets are never shown again */
            invitations: components["schemas"]["InvitationDto"][];
        };
        ItemEscalationDto: {
            addressedTo: string | null;
            /**
             * Format: uuid
             * @description The decision challenged (an event of this item)
             */
            againstEventId: string;
            againstEventType: string;
            /** Format: uuid */
            escalationId: string;
            /**
             * Format: uuid
             * @description The item.escalated event
             */
            eventId: string;
            /** @description Who raised it (actor of the item.escalated event) */
            raisedBy: string | null;
            reason: string;
            /**
             * Format: uuid
             * @description The item.escalation-resolved event
             */
            resolutionEventId: string | null;
            /** @enum {string} */
            status: "open" | "upheld" | "overturned";
            wanted: string;
        };
        ItemHistoryDto: {
            /** Format: uuid */
            backlogId: string;
            /** @description Oldest first */
            entries: components["schemas"]["HistoryEntryDto"][];
            /** Format: uuid */
            itemId: string;
            /** @description The item's kill proposals, each with every vote and its reason */
            proposals: components["schemas"]["ProposalSummaryDto"][];
        };
        ItemKillDto: {
            /** @description Who decided it */
            decidedBy: string;
            /**
             * Format: uuid
             * @description The kill proposal, for a kill via forum
             */
            proposalId: string | null;
            reason: string;
            /** @enum {string} */
            via: "owner" | "forum";
        };
        ItemOutcomeDto: {
            /**
             * Format: uuid
             * @description The item.outcome-recorded event
             */
            eventId: string;
            moved: boolean;
            /** Format: uuid */
            objectiveId: string;
            observedValue: string;
        };
        ItemViewDto: {
            antiBacklogReason: string | null;
            /** Format: uuid */
            backlogId: string;
            escalations: components["schemas"]["ItemEscalationDto"][];
            estimate: number | null;
            hypothesis: string | null;
            /** Format: uuid */
            id: string;
            /** @description The current kill (null once revived) */
            kill: components["schemas"]["ItemKillDto"] | null;
            killCriteria: components["schemas"]["KillCriteriaDto"] | null;
            /** @enum {string} */
            kind: "story" | "bug" | "tech" | "initiative" | "hypothesis";
            /** Format: uuid */
            objectiveId: string | null;
            outcomes: components["schemas"]["ItemOutcomeDto"][];
            /** @description 1 = top; null when not ranked */
            position: number | null;
            /** @description Rank key while ranked */
            rank: string | null;
            requestedBy: string | null;
            /** @description Stream revision (the ETag) */
            revision: number;
            /** @description The item's score inputs now (ADR 0033) */
            scoreInputs: components["schemas"]["ScoreInputsViewDto"];
            /** @description The score its latest decision froze; null before any (events before ADR 0033) */
            scoring: components["schemas"]["LatestScoreDto"] | null;
            /** @enum {string} */
            status: "open" | "in-progress" | "delivered" | "killed" | "anti-backlog";
            title: string;
        };
        KillCriteriaCheckDto: {
            /** @description What breached it: an outcome meeting the threshold, or the review date passing with none */
            breach: (components["schemas"]["OutcomeMetBreachDto"] | components["schemas"]["NoOutcomeByDateBreachDto"]) | null;
            /**
             * Format: uuid
             * @description The kill proposal a breach opens (once the forum scheduler ran)
             */
            proposalId: string | null;
            /**
             * @description manual: plain-text criteria reviewed at the forum cadence; watching: a threshold not breached (yet); breached
             * @enum {string}
             */
            status: "manual" | "watching" | "breached";
        };
        KillCriteriaDto: {
            check: components["schemas"]["KillCriteriaCheckDto"];
            /**
             * Format: uuid
             * @description The item.kill-criteria-set event
             */
            eventId: string;
            exitCondition: string;
            /**
             * Format: date
             * @description With a threshold: the date by which it is checked
             */
            reviewBy: string;
            /** @description The machine-checked form of the exit condition (ADR 0034) */
            threshold: components["schemas"]["KillThresholdDto"] | null;
        };
        KillItemRequestDto: {
            /** @description Why the item is killed (required, non-trivial) */
            reason: string;
        };
        KillsDto: {
            /** @description Every month of the period, zeros included */
            byMonth: components["schemas"]["MonthCountDto"][];
            count: number;
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
        LatestScoreDto: {
            /**
             * Format: uuid
             * @description The decision (event) that froze it
             */
            eventId: string;
            /** @description The item's inputs after the decision */
            inputs: components["schemas"]["ScoreInputsViewDto"];
            /**
             * @description The backlog's scoring model at the decision
             * @enum {string}
             */
            model: "none" | "rice" | "wsjf" | "value-effort";
            /** @description null: the model is none, or an input it needs is missing */
            score: number | null;
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
        LiveResponseDto: {
            /** @enum {string} */
            status: "ok";
        };
        MeResponseDto: {
            /** @description Backlogs your role is limited to (product owners decide on these; empty: none named) */
            backlogs: string[];
            /**
             * Format: date-time
             * @description When the session (or token) stops working
             */
            expiresAt: string;
            /** @description Display name (the invitation's name, the provider's name claim, else the sub) */
            name: string;
            /** @enum {string} */
            role: "admin" | "product-owner" | "product-leader" | "stakeholder" | "forum-member" | "auditor";
            /**
             * Format: uuid
             * @description The web session (null for API tokens)
             */
            sessionId: string | null;
            /**
             * @description bootstrap-link, invitation or oidc: a web session; api-token: an Authorization bearer token
             * @enum {string}
             */
            signedInWith: "bootstrap-link" | "invitation" | "oidc" | "api-token";
            /**
             * @description Who the session or token says you are (the actor id of your decisions)
             * @example lena-novak
             */
            sub: string;
        };
        MonthCountDto: {
            count: number;
            /** @example 2026-01 */
            month: string;
        };
        MoveToAntiBacklogRequestDto: {
            /** @description Why the idea is explicitly not pursued (required, non-trivial) */
            reason: string;
        };
        NoOutcomeByDateBreachDto: {
            /** @enum {string} */
            kind: "no-outcome-by-date";
            /**
             * Format: date
             * @description The review date that passed without an outcome stating a number
             */
            reviewBy: string;
        };
        ObjectiveResponseDto: {
            /** @description The events written, in order */
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
        ObjectiveViewDto: {
            metric: string;
            /** Format: uuid */
            objectiveId: string;
            retired: boolean;
            target: string | null;
            title: string;
        };
        OidcClientConfigDto: {
            /** @description The web app's public client id (oidc-client-ts `client_id`) */
            clientId: string;
            /**
             * @description The provider's issuer URL (oidc-client-ts `authority`)
             * @example https://id.example.com/realms/acme
             */
            issuer: string;
            /**
             * @description Path of the redirect URI on this origin (oidc-client-ts `redirect_uri` = origin + path)
             * @example /app/auth/callback
             */
            redirectPath: string;
            /**
             * @description Space-separated scopes to request
             * @example openid profile email
             */
            scopes: string;
        };
        OidcSessionRequestDto: {
            /** @description The access token the identity provider issued to the web app (a JWT for this API's audience) */
            accessToken: string;
        };
        OpenProposalRefDto: {
            /** Format: date-time */
            closesAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            itemId: string;
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
        OutcomeMetBreachDto: {
            /** @enum {string} */
            kind: "outcome-met";
            outcome: components["schemas"]["BreachOutcomeDto"];
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
        PolicyViewDto: {
            /** @description Healthy backlog size in sprints */
            healthySprints: components["schemas"]["SizeBandDto"];
            /** @description A delivered item without an outcome is overdue this many days after delivery */
            outcomeDueDays: number;
            reversalWindowDays: number;
            reviewCadenceDays: number;
            /** @description Against the score: a passed-over item scores more than this share higher (0.2 = 20 %) */
            scoreMargin: number;
            /**
             * @description The model item decisions freeze scores with (ADR 0033); none: items have no score
             * @enum {string}
             */
            scoringModel: "none" | "rice" | "wsjf" | "value-effort";
            staleAfterDays: number;
            zombieAfterDays: number;
        };
        PortfolioAgainstScoreDto: {
            /** @description Of those, against the score */
            against: number;
            /** @description Of those, judged (the moved item had a score) */
            judged: number;
            /** @description Reprioritizations in the period */
            reprioritizations: number;
            /** @description against ÷ reprioritizations; null without reprioritizations */
            share: number | null;
        };
        PortfolioDto: {
            /** Format: date-time */
            at: string;
            /** @description One row per backlog you may read */
            backlogs: components["schemas"]["PortfolioRowDto"][];
            period: components["schemas"]["PeriodDto"];
        };
        PortfolioRowDto: {
            againstScore: components["schemas"]["PortfolioAgainstScoreDto"];
            /** Format: uuid */
            backlogId: string;
            /** @description The backlog's name */
            name: string;
            /** @description Open or in progress */
            openItems: number;
            /** @description Reversing decisions ÷ decisions in the period */
            reversalRate: number | null;
            sizeInSprints: number | null;
            /** @enum {string} */
            verdict: "too-small" | "healthy" | "too-large" | "unknown";
            zombies: number;
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
        ProjectionLagDto: {
            /** @description Events it is behind the store */
            lagEvents: number;
            /** @description Last position this projection has applied */
            position: number;
        };
        ProposalHistoryEntryDto: {
            actor: components["schemas"]["ActorDto"];
            /** Format: uuid */
            causationId: string | null;
            /** Format: uuid */
            correlationId: string;
            /** @description The event data as recorded */
            data: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            eventId: string;
            /** Format: date-time */
            recordedAt: string;
            /** @example proposal.vote-cast */
            type: string;
        };
        ProposalListDto: {
            limit: number;
            offset: number;
            proposals: components["schemas"]["ProposalRowDto"][];
        };
        ProposalRowDto: {
            /** Format: uuid */
            backlogId: string;
            /** Format: date-time */
            closedAt: string | null;
            /**
             * Format: date-time
             * @description Voting ends here (exclusive)
             */
            closesAt: string;
            /** Format: uuid */
            forumId: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            itemId: string;
            nominatedAutomatically: boolean;
            /** Format: date-time */
            openedAt: string;
            /** @enum {string|null} */
            outcome: "kill" | "keep" | "no-quorum" | null;
            /** @enum {string} */
            status: "open" | "closed" | "withdrawn";
        };
        ProposalSummaryDto: {
            /** Format: uuid */
            backlogId: string;
            /** Format: date-time */
            closedAt: string | null;
            /**
             * Format: date-time
             * @description Voting ends here (exclusive)
             */
            closesAt: string | null;
            /** @description Every vote that counted (counts, while open) for someone else through a delegation */
            delegatedVotes: components["schemas"]["DelegatedVoteDto"][];
            extended: boolean;
            /**
             * @description After a no-quorum close
             * @enum {string|null}
             */
            followUp: "reopen-next-cadence" | "return-to-owner" | null;
            /** Format: uuid */
            forumId: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            itemId: string;
            /** @description Nominated by the review cadence (a zombie, or kill criteria due) */
            nominatedAutomatically: boolean;
            nominationReasons: string[];
            /** Format: date-time */
            openedAt: string | null;
            openedBy: string | null;
            /** @enum {string|null} */
            outcome: "kill" | "keep" | "no-quorum" | null;
            /**
             * @description What the outcome would be if it closed now (open proposals only)
             * @enum {string|null}
             */
            outcomeIfClosedNow: "kill" | "keep" | "no-quorum" | null;
            reason: string;
            /** @description Stream revision (the ETag) */
            revision: number | null;
            /** @description The rule the proposal closes under */
            rule: components["schemas"]["ForumRuleViewDto"];
            /** @enum {string} */
            status: "open" | "closed" | "withdrawn";
            /** @description Final once closed; so far while open */
            tally: components["schemas"]["TallyDto"];
            /** @description Every vote cast, in order (a replaced vote included) */
            votes: components["schemas"]["VoteDto"][];
        };
        ProposalViewDto: {
            /** Format: uuid */
            backlogId: string;
            /** Format: date-time */
            closedAt: string | null;
            /**
             * Format: date-time
             * @description Voting ends here (exclusive)
             */
            closesAt: string | null;
            /** @description Every vote that counted (counts, while open) for someone else through a delegation */
            delegatedVotes: components["schemas"]["DelegatedVoteDto"][];
            extended: boolean;
            /**
             * @description After a no-quorum close
             * @enum {string|null}
             */
            followUp: "reopen-next-cadence" | "return-to-owner" | null;
            /** Format: uuid */
            forumId: string;
            /** @description Every event of the proposal's stream */
            history: components["schemas"]["ProposalHistoryEntryDto"][];
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            itemId: string;
            /** @description Nominated by the review cadence (a zombie, or kill criteria due) */
            nominatedAutomatically: boolean;
            nominationReasons: string[];
            /** Format: date-time */
            openedAt: string | null;
            openedBy: string | null;
            /** @enum {string|null} */
            outcome: "kill" | "keep" | "no-quorum" | null;
            /**
             * @description What the outcome would be if it closed now (open proposals only)
             * @enum {string|null}
             */
            outcomeIfClosedNow: "kill" | "keep" | "no-quorum" | null;
            reason: string;
            /** @description Stream revision (the ETag) */
            revision: number | null;
            /** @description The rule the proposal closes under */
            rule: components["schemas"]["ForumRuleViewDto"];
            /** @enum {string} */
            status: "open" | "closed" | "withdrawn";
            /** @description Final once closed; so far while open */
            tally: components["schemas"]["TallyDto"];
            /** @description Every vote cast, in order (a replaced vote included) */
            votes: components["schemas"]["VoteDto"][];
        };
        RankedItemDto: {
            estimate: number | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "story" | "bug" | "tech" | "initiative" | "hypothesis";
            /**
             * Format: date-time
             * @description When the item last progressed (started, delivered, outcome recorded, estimated, linked to an objective, kill criteria set), or was added if it never did; reprioritizations are not progress
             */
            lastProgressAt: string;
            /** Format: uuid */
            objectiveId: string | null;
            /** @description 1 = top; null in the lists of items that left the ranking (`status` other than ranked) */
            position: number | null;
            /** @description Orderable rank key (ADR 0003) while ranked; null otherwise */
            rank: string | null;
            /** @description The stakeholder who requested it */
            requestedBy: string | null;
            /** @description The item stream's revision (send it as If-Match) */
            revision: number;
            /** @description The score the item's latest decision froze (as of `at`: its latest decision up to then); null when it has none (ADR 0033) */
            scoring: components["schemas"]["FrozenScoreDto"] | null;
            /**
             * @description open / in-progress in the ranking; the list’s status otherwise
             * @enum {string}
             */
            status: "open" | "in-progress" | "delivered" | "killed" | "anti-backlog";
            title: string;
        };
        RankedItemsPageDto: {
            /** @description Read-model position the page was read at */
            asOfPosition: number;
            /**
             * Format: date-time
             * @description The instant reconstructed, or null for now
             */
            at: string | null;
            /** Format: uuid */
            backlogId: string;
            items: components["schemas"]["RankedItemDto"][];
            limit: number;
            offset: number;
            /**
             * @description Which list: the ranking, or the items that left it that way
             * @enum {string}
             */
            status: "ranked" | "anti-backlog" | "killed" | "delivered";
            /** @description Items in the list in all */
            total: number;
        };
        RateByTriggerDto: {
            escalation: components["schemas"]["RateSplitDto"];
            other: components["schemas"]["RateSplitDto"];
        };
        RateSplitDto: {
            decisions: number;
            /** @description reversals ÷ decisions; null without decisions */
            rate: number | null;
            reversals: number;
        };
        ReadyProjectionDto: {
            /** @description Committed events it has not applied yet. */
            lagEvents: number;
            /** @description Last event position it has applied. */
            position: number;
            /** @enum {string} */
            projection: "read-model" | "webhook-outbox" | "analytics";
            ready: boolean;
        };
        ReadyResponseDto: {
            /** @description Position of the last committed event. */
            headPosition: number;
            /** @description LEDGER_READY_MAX_LAG_EVENTS: the most a projection may lag and still count as ready. */
            maxLagEvents: number;
            projections: components["schemas"]["ReadyProjectionDto"][];
            /** @enum {string} */
            status: "ready";
        };
        ReasonRequestDto: {
            /**
             * @description Why (kept in the audit trail; at least 10 meaningful characters)
             * @example Customer interviews show churn is driven by onboarding.
             */
            reason: string;
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
            /** @description The events written, in order */
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
        ReopenItemRequestDto: {
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
        ReversalDecisionDto: {
            actorId: string;
            /**
             * Format: date-time
             * @description When it occurred
             */
            at: string;
            /** Format: uuid */
            eventId: string;
            fromPosition: number | null;
            /**
             * @description Reprioritizations: 'rank' (positions in the ranking), 'priority' (levels on the priority scale, 1 = highest) or 'schedule' (a deferral); null for other decisions
             * @enum {string|null}
             */
            scale: "rank" | "priority" | "schedule" | null;
            /** @description False when the decision states no why (imported from a tracker that records none) */
            statedWhy: boolean;
            toPosition: number | null;
            type: string;
        };
        ReversalDto: {
            /** Format: uuid */
            backlogId: string;
            /** @description The reversed decision */
            d1: components["schemas"]["ReversalDecisionDto"] | null;
            /** @description The reversing decision */
            d2: components["schemas"]["ReversalDecisionDto"];
            /** @description Days from d1 to d2 */
            days: number | null;
            /** @description Rule overturned-escalation only */
            escalation: components["schemas"]["ReversalEscalationDto"] | null;
            /** Format: uuid */
            itemId: string;
            /** @enum {string} */
            rule: "revive-after-kill" | "overturned-escalation" | "reprioritization-back";
            title: string;
        };
        ReversalEscalationDto: {
            /** @description The change the overturn recorded */
            change: components["schemas"]["ReversalDecisionDto"] | null;
            /** Format: uuid */
            escalationId: string;
            raisedBy: string | null;
        };
        ReversalReportDto: {
            /** Format: date-time */
            at: string;
            /** @description Most reversals first */
            byActor: components["schemas"]["ActorReversalsDto"][];
            byRule: components["schemas"]["ReversalsByRuleDto"];
            byTrigger: components["schemas"]["RateByTriggerDto"];
            /** @description Item decisions in the period */
            decisions: number;
            medianDaysToReversal: number | null;
            period: components["schemas"]["PeriodDto"];
            rate: number | null;
            /** @description Most recent first, at most 500 */
            reversals: components["schemas"]["ReversalDto"][];
            reversingDecisions: number;
            /** @description At most 10 */
            topFlipFlops: components["schemas"]["FlipFlopDto"][];
            /** @description More reversals than listed */
            truncated: boolean;
            /** @description Imported decisions without a stated why, shown as "no stated why" */
            withoutStatedWhy: components["schemas"]["WithoutStatedWhyDto"];
        };
        ReversalsByRuleDto: {
            "overturned-escalation": number;
            "reprioritization-back": number;
            "revive-after-kill": number;
        };
        ReversalTrendPointDto: {
            /**
             * Format: date-time
             * @description End of the week
             */
            at: string;
            decisions: number;
            escalationReversals: number;
            /**
             * Format: date-time
             * @description Start of the week
             */
            from: string;
            rate: number | null;
            reversingDecisions: number;
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
        ScoreCheckDto: {
            /** @description Open items moved above whose score exceeded the item’s by more than the margin (0: not against the score) */
            count: number;
            /** @description At most 50, highest score first */
            items: components["schemas"]["ScoreCheckItemDto"][];
            /** @description The policy margin in force (0.2 = 20 %) */
            scoreMargin: number;
        };
        ScoreCheckItemDto: {
            /** Format: uuid */
            itemId: string;
            /** @description Its score at the decision (its inputs then, the model then) */
            score: number;
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
        ScoreInputsViewDto: {
            /** @description WSJF business value */
            businessValue?: number;
            /** @description RICE confidence, a share in (0, 1] */
            confidence?: number;
            /** @description RICE and value/effort effort */
            effort?: number;
            /** @description RICE impact (0.25, 0.5, 1, 2 or 3) */
            impact?: number;
            /** @description WSJF job size */
            jobSize?: number;
            /** @description RICE reach */
            reach?: number;
            /** @description WSJF risk reduction / opportunity enablement */
            riskReduction?: number;
            /** @description WSJF time criticality */
            timeCriticality?: number;
            /** @description value/effort value */
            value?: number;
        };
        SessionDto: {
            backlogs: string[];
            /** Format: date-time */
            expiresAt: string;
            /** @enum {string} */
            method: "bootstrap-link" | "invitation" | "oidc";
            name: string;
            /** @enum {string} */
            role: "admin" | "product-owner" | "product-leader" | "stakeholder" | "forum-member" | "auditor";
            /** Format: uuid */
            sessionId: string;
            /** Format: date-time */
            startedAt: string;
            userId: string;
        };
        SessionListDto: {
            /** @description Sessions that let someone in right now, newest first */
            sessions: components["schemas"]["SessionDto"][];
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
        SignInRequestDto: {
            /**
             * @description The token from the sign-in link's URL fragment (#token=…)
             * @example inv_3q2-7wEvj0pO1dqf3bMhbE6bX2m6vmV5p1oPp6v0fQk
             */
            token: string;
        };
        SizeBandDto: {
            max: number;
            min: number;
        };
        SizeTrendPointDto: {
            /**
             * Format: date-time
             * @description End of the week
             */
            at: string;
            sizeInSprints: number | null;
            /** @enum {string} */
            verdict: "too-small" | "healthy" | "too-large" | "unknown";
        };
        SprintVelocityDto: {
            /** Format: date */
            endedOn: string;
            points: number;
            sprint: string;
        };
        StakeholderInfluenceDto: {
            escalationsRaised: number;
            open: number;
            overturned: number;
            /** @description overturned ÷ resolved (the win rate); null when none is resolved */
            overturnedShare: number | null;
            resolved: number;
            stakeholderId: string;
            upheld: number;
        };
        StartItemRequestDto: {
            /**
             * @description Why this decision was taken (at least 10 meaningful characters).
             * @example Customer interviews show churn is driven by onboarding.
             */
            rationale: string;
        };
        StoreHeadDto: {
            /** @description Position of the last committed event (0 when empty) */
            headPosition: number;
        };
        TallyDto: {
            abstain: number;
            /** @description Of votesCast, how many counted for a member through their delegate (ADR 0035; 0 for closes before delegation) */
            delegated: number;
            keep: number;
            kill: number;
            /** @description Forum members when the tally was taken */
            members: number;
            /** @description kill + keep + abstain (the quorum counts all three) */
            votesCast: number;
        };
        TrendReportDto: {
            /** Format: uuid */
            backlogId: string;
            /** @enum {string} */
            every: "week";
            /** Format: date-time */
            from: string;
            /** @enum {string} */
            metric: "zombies" | "reversal-rate" | "size-in-sprints" | "against-score";
            /** @description One per week, oldest first; ZombieTrendPointDto for zombies, ReversalTrendPointDto for reversal-rate, SizeTrendPointDto for size-in-sprints, AgainstScoreTrendPointDto for against-score */
            points: (components["schemas"]["ZombieTrendPointDto"] | components["schemas"]["ReversalTrendPointDto"] | components["schemas"]["SizeTrendPointDto"] | components["schemas"]["AgainstScoreTrendPointDto"])[];
            /** Format: date-time */
            to: string;
        };
        VerifyReportDto: {
            /** Format: date-time */
            checkedAt: string;
            eventsChecked: number;
            /** @description The first broken link in global order */
            firstBreak: components["schemas"]["ChainBreakDto"] | null;
            /** @description Every chain intact */
            ok: boolean;
            streamsChecked: number;
        };
        VoteDto: {
            /** Format: date-time */
            castAt: string;
            /** @enum {string} */
            choice: "kill" | "keep" | "abstain";
            /** @description Counts in the tally: the member's latest vote, cast by a (then) member */
            counts: boolean;
            /** @description Members this vote counts for through their delegation (judged at the deadline, or now while voting runs) */
            countsFor: string[];
            /**
             * Format: uuid
             * @description The proposal.vote-cast event
             */
            eventId: string;
            /** @description Members whose delegation to the voter held when it was cast (recorded with the vote) */
            forDelegators: string[];
            /** @description False once the same member voted again */
            latest: boolean;
            memberId: string;
            reason: string;
            /** @description The member had voted before */
            replacesPrevious: boolean;
        };
        WebhookListDto: {
            /** @description Oldest first */
            webhooks: components["schemas"]["WebhookRecordDto"][];
        };
        WebhookRecordDto: {
            /** @description Only these backlogs (empty: all) */
            backlogIds: string[];
            events: ("proposal.opened" | "proposal.closed" | "item.killed" | "item.escalated" | "item.escalation-resolved")[];
            /**
             * Format: uuid
             * @description Only this forum's proposal events
             */
            forumId: string | null;
            /** Format: date-time */
            registeredAt: string;
            registeredBy: string;
            /** Format: date-time */
            removedAt: string | null;
            /** @description Last 4 characters of the signing secret */
            secretHint: string;
            /** @enum {string} */
            status: "active" | "removed";
            /** @description Where deliveries are POSTed */
            url: string;
            /** Format: uuid */
            webhookId: string;
        };
        WebhookViewDto: {
            /** @description Only these backlogs (empty: all) */
            backlogIds: string[];
            events: ("proposal.opened" | "proposal.closed" | "item.killed" | "item.escalated" | "item.escalation-resolved")[];
            /**
             * Format: uuid
             * @description Only this forum's proposal events
             */
            forumId: string | null;
            /** Format: date-time */
            registeredAt: string;
            registeredBy: string;
            /** Format: date-time */
            removedAt: string | null;
            /** @description Stream revision */
            revision: number;
            /** @description Last 4 characters of the signing secret */
            secretHint: string;
            /** @enum {string} */
            status: "active" | "removed";
            /** @description Where deliveries are POSTed */
            url: string;
            /** Format: uuid */
            webhookId: string;
        };
        WithdrawProposalRequestDto: {
            /** @description Why the proposal is withdrawn */
            reason: string;
        };
        WithoutStatedWhyDto: {
            /** @description Of `decisions`, those that state no why */
            decisions: number;
            /** @description Of `reversingDecisions`, those that state no why */
            reversingDecisions: number;
        };
        ZombieDto: {
            /** @description Whole days since it was added */
            ageDays: number;
            /** Format: uuid */
            backlogId: string;
            /** @description Whole days since the last progress event (or the add) */
            daysSinceProgress: number;
            estimate: number | null;
            /** Format: uuid */
            itemId: string;
            /** @enum {string} */
            kind: "story" | "bug" | "tech" | "initiative" | "hypothesis";
            /** Format: date-time */
            lastProgressAt: string;
            reasons: components["schemas"]["ZombieReasonsDto"];
            /** @description Higher = more clearly a zombie (docs/metrics-zombies-health.md) */
            score: number;
            /** @enum {string} */
            status: "open" | "in-progress";
            title: string;
        };
        ZombieReasonsDto: {
            /** @description Escalations raised on it */
            escalations: number;
            /** @description In progress for at least staleAfterDays without delivery */
            inProgressTooLong: boolean;
            /** @description The kill criteria's review-by date has passed */
            killCriteriaReviewPassed: boolean;
            /** @description No objective linked */
            noObjective: boolean;
            /** @description Reprioritizations that moved it down */
            timesDeferred: number;
        };
        ZombieReportDto: {
            /** Format: date-time */
            at: string;
            count: number;
            estimatedPointsOfZombies: number;
            estimatedPointsOpen: number;
            /** @description Open or in progress */
            openItems: number;
            /** @description count ÷ openItems (0 without open items) */
            shareOfOpen: number;
            /** @description estimatedPointsOfZombies ÷ estimatedPointsOpen (0 without points) */
            shareOfPoints: number;
            /** @description By score, then age */
            zombies: components["schemas"]["ZombieDto"][];
        };
        ZombieTrendPointDto: {
            /**
             * Format: date-time
             * @description End of the week
             */
            at: string;
            count: number;
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
                content: {
                    "application/json": components["schemas"]["PortfolioDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description One event per line, in global order */
            200: {
                headers: {
                    /** @description Cursor for the next page (`after=`); absent on the last page */
                    "X-Next-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description The verification report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyReportDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthConfigController_config_: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthConfigResponseDto"];
                };
            };
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OidcSessionController_exchange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OidcSessionRequestDto"];
            };
        };
        responses: {
            /** @description Signed in. Set-Cookie: ledger_session=…; Path=/; HttpOnly; SameSite=Strict; Max-Age=<session TTL>[; Secure] */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeResponseDto"];
                };
            };
            /** @description Invalid request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description SIGN_IN.LINK_INVALID (unknown, used or revoked), SIGN_IN.LINK_EXPIRED, or the provider token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description AUTH.CROSS_ORIGIN (the request came from another site), or AUTH.NO_ROLE (the provider gives no ledger role) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description This sign-in method is not enabled here */
            409: {
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The identity provider or the event store cannot be reached; retry */
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
    SignInLinkController_signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInRequestDto"];
            };
        };
        responses: {
            /** @description Signed in. Set-Cookie: ledger_session=…; Path=/; HttpOnly; SameSite=Strict; Max-Age=<session TTL>[; Secure] */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeResponseDto"];
                };
            };
            /** @description Invalid request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description SIGN_IN.LINK_INVALID (unknown, used or revoked), SIGN_IN.LINK_EXPIRED, or the provider token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description AUTH.CROSS_ORIGIN (the request came from another site), or AUTH.NO_ROLE (the provider gives no ledger role) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description This sign-in method is not enabled here */
            409: {
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The identity provider or the event store cannot be reached; retry */
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
    SignOutController_signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. Set-Cookie: ledger_session=; Max-Age=0 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description SIGN_IN.LINK_INVALID (unknown, used or revoked), SIGN_IN.LINK_EXPIRED, or the provider token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description AUTH.CROSS_ORIGIN (the request came from another site), or AUTH.NO_ROLE (the provider gives no ledger role) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description This sign-in method is not enabled here */
            409: {
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The identity provider or the event store cannot be reached; retry */
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
    ListBacklogsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BacklogListDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
                content: {
                    "application/json": components["schemas"]["BacklogViewDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
                content: {
                    "application/json": components["schemas"]["HealthReportDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
                content: {
                    "application/json": components["schemas"]["InfluenceReportDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
                content: {
                    "application/json": components["schemas"]["ReversalReportDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
                content: {
                    "application/json": components["schemas"]["TrendReportDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
                content: {
                    "application/json": components["schemas"]["ZombieReportDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
                /** @description `ranked` (default): the ranked backlog, 1 = top. Otherwise the items with that status, most recently decided first (position null). */
                status?: "ranked" | "anti-backlog" | "killed" | "delivered";
            };
            header?: never;
            path: {
                backlogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RankedItemsPageDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ListEscalationsController_list: {
        parameters: {
            query?: {
                /** @description Only this backlog's escalations */
                backlogId?: string;
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Only the ones this person (token subject) raised. Stakeholders see only their own: for them it defaults to themselves. */
                raisedBy?: string;
                /** @description open: waiting for a resolution */
                status?: "open" | "upheld" | "overturned";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationPageDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
    ListForumsController_list: {
        parameters: {
            query?: {
                /** @description Only the forums that review this backlog (where a kill proposal on its items may go) */
                backlogId?: string;
            };
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
                content: {
                    "application/json": components["schemas"]["ForumListDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
                content: {
                    "application/json": components["schemas"]["ForumViewDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
                content: {
                    "application/json": components["schemas"]["ForumReportDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveResponseDto"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadyResponseDto"];
                };
            };
            /** @description Not ready (HEALTH.NOT_READY); `checks` says why */
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
    ListInvitationsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationListDto"];
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
            /** @description Missing, expired, revoked or forged session or token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only admins manage invitations and sessions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown invitation, session or backlog */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not valid in the current state (already redeemed, revoked, expired, ended), or invitations are off (OIDC) */
            409: {
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
            /** @description A rule is broken (e.g. trivial reason) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CreateInvitationController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvitationRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedInvitationResponseDto"];
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
            /** @description Missing, expired, revoked or forged session or token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only admins manage invitations and sessions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown invitation, session or backlog */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not valid in the current state (already redeemed, revoked, expired, ended), or invitations are off (OIDC) */
            409: {
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
            /** @description A rule is broken (e.g. trivial reason) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RevokeInvitationController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessDecisionResponseDto"];
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
            /** @description Missing, expired, revoked or forged session or token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only admins manage invitations and sessions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown invitation, session or backlog */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not valid in the current state (already redeemed, revoked, expired, ended), or invitations are off (OIDC) */
            409: {
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
            /** @description A rule is broken (e.g. trivial reason) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["ItemViewDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
                content: {
                    "application/json": components["schemas"]["ItemHistoryDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ReopenItemController_reopen: {
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
                "application/json": components["schemas"]["ReopenItemRequestDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MeController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeResponseDto"];
                };
            };
            /** @description Not signed in, or the session was revoked, signed out or expired (AUTH.SESSION_REVOKED, AUTH.SESSION_SIGNED_OUT, AUTH.SESSION_EXPIRED, AUTH.TOKEN_*) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MetricsController_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format 0.0.4 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Missing or wrong metrics token (METRICS.TOKEN_MISSING, METRICS.TOKEN_INVALID) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Metrics are not served on this port (METRICS.NOT_ENABLED): LEDGER_METRICS_TOKEN is not set */
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
                content: {
                    "application/json": components["schemas"]["ProposalListDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
                content: {
                    "application/json": components["schemas"]["ProposalViewDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ListSessionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionListDto"];
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
            /** @description Missing, expired, revoked or forged session or token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only admins manage invitations and sessions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown invitation, session or backlog */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not valid in the current state (already redeemed, revoked, expired, ended), or invitations are off (OIDC) */
            409: {
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
            /** @description A rule is broken (e.g. trivial reason) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RevokeSessionController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessDecisionResponseDto"];
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
            /** @description Missing, expired, revoked or forged session or token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only admins manage invitations and sessions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown invitation, session or backlog */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not valid in the current state (already redeemed, revoked, expired, ended), or invitations are off (OIDC) */
            409: {
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
            /** @description A rule is broken (e.g. trivial reason) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
                content: {
                    "application/json": components["schemas"]["WebhookListDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
                content: {
                    "application/json": components["schemas"]["WebhookViewDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
                content: {
                    "application/json": components["schemas"]["DeliveryListDto"];
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
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
            /** @description Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
}
