package org.demarche.journal.postgres;

/** The journal's statements, in one place to read them together with the schema (db/demarche/V1__…sql). */
final class Sql {
  private Sql() {}

  static final String LOG = "INSERT INTO demarche_entry (campaign, channel, letter, state, at, attempt, message_id,"
      + " detail, runner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** A letter's first record: planned, unless a runner recorded something of it meanwhile (then left as it is). */
  static final String PLAN = "INSERT INTO demarche_letter (campaign, channel, letter, state, at, attempts, message_id,"
      + " detail, lease_owner, lease_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL::timestamptz + ?::bigint * interval '1 ms')"
      + " ON CONFLICT (campaign, channel, letter) DO NOTHING";

  /** Any later state: kept, with the most attempts and the Message-ID once known; SENDING keeps the lease. */
  static final String UPSERT = "INSERT INTO demarche_letter AS l (campaign, channel, letter, state, at, attempts,"
      + " message_id, detail, lease_owner, lease_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
      + " clock_timestamp() + ?::bigint * interval '1 ms')"
      + " ON CONFLICT (campaign, channel, letter) DO UPDATE SET state = excluded.state, at = excluded.at,"
      + " attempts = GREATEST(l.attempts, excluded.attempts), message_id = COALESCE(excluded.message_id, l.message_id),"
      + " detail = excluded.detail, lease_owner = excluded.lease_owner,"
      + " lease_until = CASE WHEN excluded.lease_owner IS NULL THEN NULL ELSE excluded.lease_until END";

  static final String LOCK = "SELECT state, attempts, lease_owner, lease_until > clock_timestamp() FROM demarche_letter"
      + " WHERE campaign = ? AND channel = ? AND letter = ? FOR UPDATE SKIP LOCKED";

  static final String LEASE = "UPDATE demarche_letter SET lease_owner = ?,"
      + " lease_until = clock_timestamp() + ?::bigint * interval '1 ms' WHERE campaign = ? AND channel = ? AND letter = ?";

  static final String INSERT_LEASED = "INSERT INTO demarche_letter (campaign, channel, letter, state, at, attempts,"
      + " lease_owner, lease_until) VALUES (?, ?, ?, 'PLANNED', clock_timestamp(), 0, ?,"
      + " clock_timestamp() + ?::bigint * interval '1 ms') ON CONFLICT (campaign, channel, letter) DO NOTHING";

  static final String RENEW = "UPDATE demarche_letter SET lease_until = clock_timestamp() + ?::bigint * interval '1 ms'"
      + " WHERE lease_owner = ?";

  static final String RELEASE = "UPDATE demarche_letter SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?";

  static final String OUTCOME = "INSERT INTO demarche_outcome (campaign, channel, letter, kind, on_day, recorded_at,"
      + " reference, note, runner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  static final String OUTCOMES = "SELECT letter, kind, on_day, recorded_at, reference, note FROM demarche_outcome"
      + " WHERE campaign = ? AND channel = ? ORDER BY id";
}
