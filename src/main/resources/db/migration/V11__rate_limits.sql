-- Rate limits (platform/RateLimiter.java): one Bucket4j token bucket per limit and subject, shared
-- by every instance. The id is "<limit>:<sha-256 of the subject>", so no email or address is kept;
-- state is Bucket4j's serialised bucket, expires_at (epoch millis) when it is full again and may be
-- deleted, explicit_lock the advisory lock the cleaner takes before deleting a row.
create table rate_limit_bucket (
    id            text   primary key,
    state         bytea  not null,
    expires_at    bigint,
    explicit_lock bigint
);
create index rate_limit_bucket_expires on rate_limit_bucket (expires_at);
