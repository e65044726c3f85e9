-- Challenger's own case database, as the Challenger connector reads it,
-- modelled as the PostgreSQL schema `challenger` (the local stand-in applies
-- this file and seed.sql; a deployment points the connector at Challenger's
-- database instead). Enumerations are text with CHECK constraints; the
-- modern-slavery rules are constraints too (see nrm_submission).

CREATE SCHEMA IF NOT EXISTS challenger;

-- Orders every change to a case, for the change feed (triggers below).
CREATE SEQUENCE IF NOT EXISTS challenger.change_seq;

CREATE TABLE IF NOT EXISTS challenger.survivor_case (
  gmvs_case_id uuid PRIMARY KEY,
  challenger_ref text NOT NULL UNIQUE,
  opened_at timestamptz NOT NULL,
  change_seq bigint NOT NULL DEFAULT nextval('challenger.change_seq')
);

CREATE TABLE IF NOT EXISTS challenger.referral (
  id text PRIMARY KEY,
  gmvs_case_id uuid NOT NULL REFERENCES challenger.survivor_case,
  service text NOT NULL,
  status text NOT NULL CHECK (status IN ('SENT', 'RECEIVED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'CLOSED')),
  sent_at timestamptz NOT NULL,
  received_at timestamptz,
  accepted_at timestamptz,
  declined_at timestamptz,
  decline_reason text,
  withdrawn_at timestamptz,
  closed_at timestamptz,
  -- A decline always has its reason, and only a decline has one.
  CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL))
);

CREATE TABLE IF NOT EXISTS challenger.support_episode (
  id text PRIMARY KEY,
  gmvs_case_id uuid NOT NULL REFERENCES challenger.survivor_case,
  service text NOT NULL,
  worker_id text NOT NULL,
  worker_name text NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz CHECK (ended_at >= started_at),
  closure_reason text CHECK (closure_reason IN ('SUPPORT_COMPLETED', 'VICTIM_DISENGAGED', 'VICTIM_DECLINED_FURTHER_SUPPORT', 'TRANSFERRED_TO_ANOTHER_SERVICE', 'UNSAFE_TO_CONTACT', 'OTHER')),
  outcome text CHECK (outcome IN ('NEEDS_MET', 'NEEDS_PARTLY_MET', 'NEEDS_NOT_MET'))
);

CREATE TABLE IF NOT EXISTS challenger.support_action (
  id text PRIMARY KEY,
  gmvs_case_id uuid NOT NULL REFERENCES challenger.survivor_case,
  kind text NOT NULL CHECK (kind IN ('PERSONAL_ALARM', 'TARGET_HARDENING_VIDEO_DOORBELL', 'TARGET_HARDENING_CAMERA', 'COUNSELLING_REFERRAL', 'COURT_SUPPORT', 'ONLINE_SAFETY_ROUTER', 'ONLINE_SAFETY_EMAIL', 'ONLINE_SAFETY_SOCIAL_MEDIA', 'OTHER')),
  action_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'DECLINED'))
);

CREATE TABLE IF NOT EXISTS challenger.outcome_measure (
  id text PRIMARY KEY,
  gmvs_case_id uuid NOT NULL REFERENCES challenger.survivor_case,
  measure text NOT NULL CHECK (measure IN ('FEELING_SAFER', 'BETTER_ABLE_TO_COPE', 'BETTER_INFORMED', 'IMPROVED_HEALTH_AND_WELLBEING')),
  value integer NOT NULL CHECK (value BETWEEN 1 AND 5),
  recorded_at timestamptz NOT NULL
);

-- National Referral Mechanism referrals and Duty to Notify (MS1) returns
-- (Modern Slavery Act 2015 s.52; DOMAIN-REFERENCE.md 4.3).
CREATE TABLE IF NOT EXISTS challenger.nrm_submission (
  id text PRIMARY KEY,
  gmvs_case_id uuid NOT NULL REFERENCES challenger.survivor_case,
  kind text NOT NULL CHECK (kind IN ('NRM', 'DUTY_TO_NOTIFY')),
  age_group text NOT NULL CHECK (age_group IN ('ADULT', 'CHILD')),
  consent_given boolean NOT NULL,
  submitted_at timestamptz NOT NULL,
  rg_decision text CHECK (rg_decision IN ('POSITIVE', 'NEGATIVE')),
  rg_decided_at timestamptz,
  cg_decision text CHECK (cg_decision IN ('POSITIVE', 'NEGATIVE')),
  cg_decided_at timestamptz,
  CHECK ((rg_decision IS NULL) = (rg_decided_at IS NULL)),
  CHECK ((cg_decision IS NULL) = (cg_decided_at IS NULL)),
  -- A child always goes to the NRM and needs no consent.
  CHECK (age_group <> 'CHILD' OR (kind = 'NRM' AND NOT consent_given)),
  -- An adult goes to the NRM with consent, by Duty to Notify without.
  CHECK (age_group <> 'ADULT' OR (kind = 'NRM') = consent_given),
  -- A Duty to Notify return asks for no decision.
  CHECK (kind = 'NRM' OR (rg_decision IS NULL AND cg_decision IS NULL)),
  -- Conclusive grounds follow positive reasonable grounds.
  CHECK (cg_decision IS NULL OR (rg_decision = 'POSITIVE' AND cg_decided_at >= rg_decided_at))
);

CREATE TABLE IF NOT EXISTS challenger.place_of_safety_stay (
  id text PRIMARY KEY,
  gmvs_case_id uuid NOT NULL REFERENCES challenger.survivor_case,
  from_at timestamptz NOT NULL,
  to_at timestamptz CHECK (to_at >= from_at)
);

CREATE TABLE IF NOT EXISTS challenger.navigator_contact (
  id text PRIMARY KEY,
  gmvs_case_id uuid NOT NULL REFERENCES challenger.survivor_case,
  contact_at timestamptz NOT NULL,
  channel text NOT NULL CHECK (channel IN ('IN_PERSON', 'PHONE', 'TEXT_MESSAGE', 'VIDEO_CALL')),
  summary text NOT NULL
);

CREATE INDEX IF NOT EXISTS referral_case ON challenger.referral (gmvs_case_id);
CREATE INDEX IF NOT EXISTS support_episode_case ON challenger.support_episode (gmvs_case_id);
CREATE INDEX IF NOT EXISTS support_action_case ON challenger.support_action (gmvs_case_id);
CREATE INDEX IF NOT EXISTS outcome_measure_case ON challenger.outcome_measure (gmvs_case_id);
CREATE INDEX IF NOT EXISTS nrm_submission_case ON challenger.nrm_submission (gmvs_case_id);
CREATE INDEX IF NOT EXISTS place_of_safety_stay_case ON challenger.place_of_safety_stay (gmvs_case_id);
CREATE INDEX IF NOT EXISTS navigator_contact_case ON challenger.navigator_contact (gmvs_case_id);
CREATE INDEX IF NOT EXISTS survivor_case_change ON challenger.survivor_case (change_seq);

-- Any change to a case's records moves the case to the end of the change feed.
CREATE OR REPLACE FUNCTION challenger.touch_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE challenger.survivor_case SET change_seq = nextval('challenger.change_seq')
   WHERE gmvs_case_id = CASE WHEN TG_OP = 'DELETE' THEN OLD.gmvs_case_id ELSE NEW.gmvs_case_id END;
  RETURN NULL;
END
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['referral', 'support_episode', 'support_action', 'outcome_measure', 'nrm_submission', 'place_of_safety_stay', 'navigator_contact'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS touch_case ON challenger.%I', t);
    EXECUTE format('CREATE TRIGGER touch_case AFTER INSERT OR UPDATE OR DELETE ON challenger.%I FOR EACH ROW EXECUTE FUNCTION challenger.touch_case()', t);
  END LOOP;
END
$$;
