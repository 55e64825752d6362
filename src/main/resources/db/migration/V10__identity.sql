-- Accounts become real (identity/): an email to sign in with, roles, and everything sign-in keeps
-- in PostgreSQL so any number of server instances share it. The local account (V5) keeps its id;
-- the first account created in accounts mode takes it over, and with it the local data.
alter table account
    add column email          text,
    add column roles          text[]      not null default '{}',
    add column last_signed_in timestamptz,
    add constraint account_email_lower check (email = lower(email)),
    add constraint account_roles check (roles <@ array['admin']::text[]);
create unique index account_email on account (email);

-- Magic links: only a SHA-256 of each token is kept, so a copy of this table signs nobody in.
-- A token is used at most once (consumed by deleting it) and before expires_at.
create table one_time_token (
    token_hash bytea       primary key,
    email      text        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    check (expires_at > created_at)
);
create index one_time_token_expires on one_time_token (expires_at);
create index one_time_token_email on one_time_token (email, created_at desc);

-- The dev mailbox: mail that would have gone out, when no SMTP server is configured.
create table dev_mail (
    id         bigint      generated always as identity primary key,
    to_address text        not null,
    subject    text        not null,
    link       text        not null,
    sent_at    timestamptz not null
);
create index dev_mail_sent on dev_mail (sent_at desc, id desc);

-- Who did what to which account, kept after the account is deleted (then without its email).
-- Never a token, a key or a credential; detail is a short sentence.
create table audit_event (
    id         bigint      generated always as identity primary key,
    at         timestamptz not null,
    kind       text        not null
               constraint audit_event_kind check (kind in ('sign_in', 'sign_in_failed',
                   'magic_link_requested', 'magic_link_refused', 'passkey_added',
                   'passkey_renamed', 'passkey_removed', 'role_granted', 'role_revoked',
                   'account_created', 'account_deleted', 'signed_out_everywhere')),
    account_id uuid,
    email      text,
    ip         text,
    detail     text        not null default ''
);
create index audit_event_account on audit_event (account_id, at desc);
create index audit_event_at on audit_event (at desc);

-- Spring Session JDBC (spring.session.jdbc.table-name SPRING_SESSION): browser sessions that every
-- instance reads. The column set is Spring Session's; initialize-schema is off.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
