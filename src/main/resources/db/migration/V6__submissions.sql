-- Submissions, reveals on the attempt, and the figures history and stats read.

-- What the history lists and the charts aggregate, kept on the attempt by the same transactions
-- that change it (a reveal, a judged submission), so neither reads events or the problem's JSON.
alter table attempt
    add column category        text,
    add column difficulty      text,
    add column hints_used      integer not null default 0 check (hints_used >= 0),
    add column solution_viewed boolean not null default false,
    add column submissions     integer not null default 0 check (submissions >= 0),
    -- The verdict of the latest judged submission (null: none judged yet).
    add column last_verdict    text,
    -- The timer's elapsed time when a submission was accepted.
    add column solved_millis   bigint check (solved_millis >= 0);

update attempt a set category = p.category, difficulty = p.difficulty
  from problem p where p.id = a.problem_id;

alter table attempt
    alter column category set not null,
    alter column difficulty set not null,
    add constraint attempt_difficulty check (difficulty in ('easy', 'medium', 'hard')),
    add constraint attempt_solved check ((state = 'accepted') = (solved_millis is not null));

-- The history's filters, each led by the owner and ordered newest first.
create index attempt_account_category on attempt (account_id, category, started_at desc);
create index attempt_account_difficulty on attempt (account_id, difficulty, started_at desc);

-- A submission of code to an attempt, judged on every test. The row is written before it runs;
-- a runner claims it by taking a lease (lease_owner until lease_until) and keeps the lease alive
-- while it runs; a lease that lapses means its runner died, and another runner (or the same
-- instance after a restart) claims it again. The result is written once: the update that writes
-- it requires state 'running' and the writer's lease.
create table submission (
    id               uuid        primary key,
    attempt_id       uuid        not null references attempt (id) on delete cascade,
    account_id       uuid        not null references account (id),
    problem_id       text        not null,
    problem_version  integer     not null,
    language         text        not null check (language in ('javascript', 'python', 'java')),
    -- The code, in the blob store (content-addressed: the key is its SHA-256).
    code_key         text        not null,
    code_bytes       integer     not null check (code_bytes >= 0),
    -- Idempotency-Key header and a digest of what it was sent with (attempt, language, code).
    idempotency_key  text,
    request_sha256   text        not null,
    state            text        not null
                     constraint submission_state
                     check (state in ('queued', 'running', 'finished', 'failed_to_run')),
    -- The attempt's timer when the submission was made.
    elapsed_millis   bigint      not null check (elapsed_millis >= 0),
    created_at       timestamptz not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    -- How many times a runner claimed it; past the configured limit it fails to run.
    claims           integer     not null default 0 check (claims >= 0),
    lease_owner      text,
    lease_until      timestamptz,
    verdict          text,
    passed           integer     check (passed >= 0),
    total            integer     check (total >= 0),
    -- What the API shows of the result (hidden tests reduced to verdict and time); the full
    -- report, with every output, is in the blob store under report_key.
    result           jsonb,
    report_key       text,
    failure          text,
    unique (account_id, idempotency_key),
    check ((state in ('finished', 'failed_to_run')) = (finished_at is not null)),
    check ((state = 'finished') = (verdict is not null)),
    check (state <> 'running' or (lease_owner is not null and lease_until is not null))
);

create index submission_attempt on submission (attempt_id, created_at);

-- What runners look for: queued or running submissions, oldest first.
create index submission_unfinished on submission (created_at) where state in ('queued', 'running');

-- The reveals move onto the attempt (its events and the two counters above). Those kept per
-- browser before attempts existed cannot be tied to an attempt and are dropped with their table.
drop table reveal;

alter table attempt_event drop constraint attempt_event_kind;
alter table attempt_event add constraint attempt_event_kind check (kind in ('opened',
    'timer_started', 'timer_paused', 'timer_resumed', 'timer_reset', 'given_up', 'hint_revealed',
    'solution_opened', 'ran', 'submitted', 'judged'));
