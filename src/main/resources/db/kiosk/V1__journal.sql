-- The kiosk journal: event kinds, timings, outcome codes and device faults. Nothing that identifies the user.
CREATE TABLE journal (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    session_id  VARCHAR(64),
    kind        VARCHAR(64)  NOT NULL,
    code        VARCHAR(128) NOT NULL,
    millis      BIGINT       NOT NULL CHECK (millis >= 0)
);

CREATE INDEX journal_session ON journal (session_id);
