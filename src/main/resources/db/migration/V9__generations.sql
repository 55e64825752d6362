-- A request for a fresh problem and what became of it. Without an LLM provider a generation
-- serves a bank problem the account has not tried (source 'bank'); the LLM broker adds 'llm'.
-- The steps it reports are kept as events, so a progress stream opened on any instance, or after
-- the fact, replays them in order.
create table generation (
    id          uuid        primary key,
    account_id  uuid        not null references account (id),
    category    text        not null,
    difficulty  text        not null check (difficulty in ('easy', 'medium', 'hard')),
    language    text        check (language in ('javascript', 'python', 'java')),
    topic_hint  text        check (char_length(topic_hint) <= 200),
    state       text        not null
                constraint generation_state check (state in ('queued', 'running', 'ready', 'failed')),
    source      text        check (source in ('bank', 'llm')),
    problem_id  text        references problem (id),
    reason      text,
    created_at  timestamptz not null,
    finished_at timestamptz,
    check ((state in ('ready', 'failed')) = (finished_at is not null)),
    check ((state = 'ready') = (problem_id is not null)),
    check ((state = 'failed') = (reason is not null))
);

-- The daily quota counts an account's generations since midnight UTC; the newest come first.
create index generation_account_created on generation (account_id, created_at desc);

-- New steps replace the named check generation_event_step together with GenerationStep.java.
create table generation_event (
    generation_id uuid        not null references generation (id) on delete cascade,
    seq           integer     not null check (seq >= 1),
    step          text        not null
                  constraint generation_event_step
                  check (step in ('queued', 'searching-bank', 'ready', 'failed')),
    message       text        not null,
    problem_id    text,
    at            timestamptz not null,
    primary key (generation_id, seq)
);
