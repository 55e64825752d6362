-- Who owns attempts. Until sign-in exists one local account owns everything; the identity work
-- adds its columns and accounts here without changing what an attempt points at.
create table account (
    id           uuid        primary key,
    display_name text        not null,
    created_at   timestamptz not null default now()
);

insert into account (id, display_name) values ('00000000-0000-0000-0000-000000000001', 'Local user');

-- One user's attempt at one problem revision. The timer is stored as instants, never as a ticking
-- number, so every reader computes the same elapsed time (attempt/internal/Timer.java):
-- timer_elapsed_millis is what closed segments counted, timer_running_since opens the current one,
-- timer_last_heartbeat is when the page last said it was visible.
create table attempt (
    id                   uuid        primary key,
    account_id           uuid        not null references account (id),
    problem_id           text        not null,
    problem_version      integer     not null,
    -- Copied from the revision: every timer answer needs it, the revision's JSON is large.
    estimate_minutes     integer     not null check (estimate_minutes >= 1),
    language             text        not null check (language in ('javascript', 'python', 'java')),
    state                text        not null
                         constraint attempt_state check (state in ('open', 'given_up', 'accepted')),
    started_at           timestamptz not null,
    ended_at             timestamptz,
    timer_elapsed_millis bigint      not null default 0 check (timer_elapsed_millis >= 0),
    timer_started_at     timestamptz,
    timer_running_since  timestamptz,
    timer_last_heartbeat timestamptz,
    foreign key (problem_id, problem_version) references problem_revision (problem_id, version),
    check ((state = 'open') = (ended_at is null)),
    check (timer_running_since is null or timer_started_at is not null)
);

-- At most one open attempt per user and problem: concurrent opens race on this index and the
-- losers read the winner's row.
create unique index attempt_one_open on attempt (account_id, problem_id) where state = 'open';

-- The history (next slice) lists a user's attempts newest first.
create index attempt_account_started on attempt (account_id, started_at desc);

-- What happened during an attempt, in order. New kinds (hints, runs, submissions) replace the
-- named check attempt_event_kind and extend attempt/internal/EventKind.java together.
create table attempt_event (
    id         bigint      generated always as identity primary key,
    attempt_id uuid        not null references attempt (id) on delete cascade,
    kind       text        not null
               constraint attempt_event_kind check (kind in ('opened', 'timer_started',
                   'timer_paused', 'timer_resumed', 'timer_reset', 'given_up')),
    detail     jsonb,
    at         timestamptz not null
);

create index attempt_event_attempt on attempt_event (attempt_id, at, id);
