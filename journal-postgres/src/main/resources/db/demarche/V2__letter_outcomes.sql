-- What happened to a letter after it left (issue 19): posted by hand, replied, refused, returned, bounced. Kept
-- beside the delivery states and changing none of them, so a run never sends a letter again because of one.
CREATE TABLE demarche_outcome (
  id          bigserial   PRIMARY KEY,
  campaign    text        NOT NULL,
  channel     text        NOT NULL,
  letter      text        NOT NULL,
  kind        text        NOT NULL CHECK (kind IN ('POSTED', 'REPLIED', 'REFUSED', 'RETURNED', 'BOUNCED')),
  on_day      date        NOT NULL,
  recorded_at timestamptz NOT NULL,
  reference   text,
  note        text,
  runner      text        NOT NULL
);
CREATE INDEX demarche_outcome_letter ON demarche_outcome (campaign, channel, letter);
