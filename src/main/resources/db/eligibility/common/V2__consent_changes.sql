-- Migrations from V2 on run unchanged on H2 (embedded) and PostgreSQL (fleet server): portable SQL only.

-- The fingerprint of the request that used a nonce: the same signed request sent again (a retry after a lost
-- answer) is answered again while the nonce is unexpired; any other request with a used nonce is refused.
ALTER TABLE challenge ADD COLUMN used_by BYTEA;

-- The first outcome of every consent change, by idempotency key (as link_request does for linking).
CREATE TABLE consent_change (
    idempotency_key                UUID                        PRIMARY KEY,
    kiosk_id                       VARCHAR(64)                 NOT NULL,
    request_sha256                 BYTEA                       NOT NULL,
    outcome                        VARCHAR(32)                 NOT NULL,
    insurer_name                   VARCHAR(100),
    share_treatment_and_medication BOOLEAN,
    share_health_checkups          BOOLEAN,
    changed_on                     DATE,
    invalid_code                   VARCHAR(64),
    decided_at                     TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
