-- A problem waiting in the generation pool is stored but not listed until it is served.
alter table problem add column listed boolean not null default true;

-- A request for a fresh problem and what became of it. Without an LLM provider a generation
-- serves a bank problem the account has not tried (source 'bank'); with one, a problem the model
-- wrote and execution proved (source 'llm'), from the pool or written for this request.
-- The steps it reports are kept as events, so a progress stream opened on any instance, or after
-- the fact, replays them in order.
create table generation (
    id                uuid        primary key,
    account_id        uuid        not null references account (id),
    category          text        not null,
    difficulty        text        not null check (difficulty in ('easy', 'medium', 'hard')),
    language          text        check (language in ('javascript', 'python', 'java')),
    topic_hint        text        check (char_length(topic_hint) <= 200),
    state             text        not null
                      constraint generation_state
                      check (state in ('queued', 'running', 'ready', 'failed')),
    source            text        check (source in ('bank', 'llm')),
    problem_id        text        references problem (id),
    reason            text,
    created_at        timestamptz not null,
    -- Touched by the instance working on it while it runs; silence past stale-after means that
    -- instance stopped.
    heartbeat_at      timestamptz,
    finished_at       timestamptz,
    check ((state in ('ready', 'failed')) = (finished_at is not null)),
    check ((state = 'ready') = (problem_id is not null)),
    check ((state = 'ready') = (source is not null)),
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
                  check (step in ('queued', 'searching-bank', 'drafting', 'schema', 'answers',
                                  'input-validator', 'references', 'examples', 'stress',
                                  'wrong-solutions', 'mutation', 'amplification', 'time-limits',
                                  'repairing', 'ready', 'failed')),
    -- How the step ended, for the steps that check something; null for news (queued, drafting).
    outcome       text        check (outcome in ('passed', 'failed', 'skipped')),
    message       text        not null,
    problem_id    text,
    at            timestamptz not null,
    primary key (generation_id, seq)
);

-- Where a model-written problem came from (provenance): who wrote it, with which prompts, in how
-- many rounds, at what cost, and the validation report that let it be served. A row with no
-- served_at is in the pool: proven, and not yet given to anyone.
create table generated_problem (
    problem_id        text        primary key references problem (id),
    category          text        not null,
    difficulty        text        not null check (difficulty in ('easy', 'medium', 'hard')),
    provider          text        not null,
    model             text        not null,
    prompt_version    text        not null,
    rounds            integer     not null check (rounds >= 1),
    prompt_tokens     bigint      not null check (prompt_tokens >= 0),
    completion_tokens bigint      not null check (completion_tokens >= 0),
    cost_micros       bigint      not null check (cost_micros >= 0),
    report            jsonb       not null,
    claims            jsonb       not null default '[]',
    created_at        timestamptz not null,
    served_at         timestamptz
);

create index generated_problem_pool on generated_problem (category, difficulty)
    where served_at is null;

-- Every call to the model, kept or not: what the daily budget and the cost metrics count.
create table llm_call (
    id                bigint      generated always as identity primary key,
    at                timestamptz not null,
    provider          text        not null,
    model             text        not null,
    purpose           text        not null check (purpose in ('request', 'pool')),
    -- The generation it was made for (none for the pool's).
    generation_id     uuid        references generation (id) on delete set null,
    prompt_tokens     bigint      not null check (prompt_tokens >= 0),
    completion_tokens bigint      not null check (completion_tokens >= 0),
    cost_micros       bigint      not null check (cost_micros >= 0),
    ok                boolean     not null
);

create index llm_call_at on llm_call (at);
