-- The editor's code per account, problem and language, so it follows the user to another browser
-- (docs/api.md, "Drafts"). revision counts the draft's writes: a write names the revision it was
-- based on and is refused when that is not the current one, so one browser never silently
-- overwrites another's edit. A reset keeps the row with no code (and a new revision), so a browser
-- still holding the old revision is told rather than overwriting the reset. Deleted with the
-- account (and with the problem).
create table draft (
    account_id uuid        not null references account (id) on delete cascade,
    problem_id text        not null references problem (id) on delete cascade,
    language   text        not null check (language in ('javascript', 'python', 'java')),
    code       text,
    revision   bigint      not null check (revision >= 1),
    updated_at timestamptz not null,
    primary key (account_id, problem_id, language)
);
