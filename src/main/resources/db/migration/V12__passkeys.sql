-- Passkeys (identity/, docs/security.md "Passkeys"): the two tables Spring Security's
-- JdbcPublicKeyCredentialUserEntityRepository and JdbcUserCredentialRepository read and write,
-- with their column names. Ids are base64url strings, as those repositories bind them.

-- One WebAuthn user entity per account. Its name is the account id (the principal's name), so
-- account_id is computed from it and deleting the account deletes the entity and its passkeys.
create table user_entities (
    id           varchar(1000) primary key,
    name         varchar(100)  not null,
    display_name varchar(200),
    account_id   uuid          not null generated always as (name::uuid) stored
                 references account (id) on delete cascade
);
create unique index user_entities_name on user_entities (name);
create index user_entities_account on user_entities (account_id);

-- One row per passkey: the public key and its counters, never a private key. The label is the
-- user's name for it ("Laptop"); created and last_used are shown on the account page.
create table user_credentials (
    credential_id                varchar(1000) primary key,
    user_entity_user_id          varchar(1000) not null
                                 references user_entities (id) on delete cascade,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamptz,
    last_used                    timestamptz,
    label                        varchar(1000) not null
);
create index user_credentials_user on user_credentials (user_entity_user_id);
