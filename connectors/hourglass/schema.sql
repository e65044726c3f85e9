-- The hub's landing table for Hourglass's monthly returns (FORMAT.md), in
-- its own PostgreSQL schema. SqlHourglassStore runs this on start: every
-- statement is safe to run again. Later changes go in new statements below,
-- each as safe to repeat, never by editing these.

CREATE SCHEMA IF NOT EXISTS hourglass_returns;

-- Orders every insert and correction, for the change feed.
CREATE SEQUENCE IF NOT EXISTS hourglass_returns.load_seq;

CREATE TABLE IF NOT EXISTS hourglass_returns.monthly_return (
  -- "<return month>|<GMVS case id>|<episode id>": one row per case, episode and month.
  idempotency_key text PRIMARY KEY,
  -- SHA-256 of the mapped values: a resent row with the same hash is a duplicate.
  content_hash text NOT NULL,
  return_month text NOT NULL CHECK (return_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  gmvs_case_id uuid NOT NULL,
  episode_id text NOT NULL,
  worker_id text NOT NULL,
  worker_name text NOT NULL,
  age_band text NOT NULL,
  economic_abuse boolean NOT NULL,
  -- [{"kind": ..., "status": ..., "date": "YYYY-MM-DD"}], hub enumeration values.
  support_actions jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
  episode_start date NOT NULL,
  episode_end date,
  closure_reason text,
  -- Where the row came from, for tracing a figure back to the return.
  source_file text NOT NULL,
  source_line integer NOT NULL,
  load_seq bigint NOT NULL DEFAULT nextval('hourglass_returns.load_seq'),
  loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS monthly_return_case ON hourglass_returns.monthly_return (gmvs_case_id);
CREATE INDEX IF NOT EXISTS monthly_return_load_seq ON hourglass_returns.monthly_return (load_seq);
