-- Demarche's delivery journal (journal-postgres). One row per letter of a campaign on a channel (its last state
-- and, while a runner works on it, that runner's lease), and every state change as it was recorded.
CREATE TABLE demarche_letter (
  campaign    text        NOT NULL,
  channel     text        NOT NULL,
  letter      text        NOT NULL,
  state       text        NOT NULL CHECK (state IN ('PLANNED', 'SENDING', 'SENT', 'BY_POST', 'FAILED_TRANSIENT',
                                                     'FAILED_PERMANENT')),
  at          timestamptz NOT NULL,
  attempts    integer     NOT NULL CHECK (attempts >= 0),
  message_id  text,
  detail      text,
  lease_owner text,
  lease_until timestamptz,
  PRIMARY KEY (campaign, channel, letter)
);
CREATE INDEX demarche_letter_leased ON demarche_letter (lease_owner) WHERE lease_owner IS NOT NULL;

CREATE TABLE demarche_entry (
  id          bigserial   PRIMARY KEY,
  campaign    text        NOT NULL,
  channel     text        NOT NULL,
  letter      text        NOT NULL,
  state       text        NOT NULL,
  at          timestamptz NOT NULL,
  attempt     integer     NOT NULL,
  message_id  text,
  detail      text,
  runner      text        NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX demarche_entry_letter ON demarche_entry (campaign, channel, letter);

-- Shared pacing: the earliest time the next message under a key (a channel, a recipient domain) may leave,
-- whichever runner sends it.
CREATE TABLE demarche_pace (
  key     text        PRIMARY KEY,
  next_at timestamptz NOT NULL
);
