-- Synthetic data for the Challenger stand-in: three modern-slavery cases,
-- one of each route (DOMAIN.md, Orders and decisions): an adult who
-- consented to an NRM referral, a child (always NRM, no consent needed), and
-- an adult who did not consent (Duty to Notify). Workers are role labels; no
-- real person or place is behind any of it. GMVS case ids as in
-- connectors/synthetic.ts.

INSERT INTO challenger.survivor_case (gmvs_case_id, challenger_ref, opened_at) VALUES
  ('5eed0000-0000-4000-8000-000000000005', 'CH-SYN-0005', '2026-10-21T10:00:00Z'),
  ('5eed0000-0000-4000-8000-000000000006', 'CH-SYN-0006', '2026-10-23T15:00:00Z'),
  ('5eed0000-0000-4000-8000-000000000007', 'CH-SYN-0007', '2026-10-28T09:00:00Z');

INSERT INTO challenger.referral (id, gmvs_case_id, service, status, sent_at, received_at, accepted_at) VALUES
  ('CH-REF-0005', '5eed0000-0000-4000-8000-000000000005', 'Victim navigator', 'ACCEPTED', '2026-10-21T11:00:00Z', '2026-10-21T11:20:00Z', '2026-10-21T12:00:00Z'),
  ('CH-REF-0006', '5eed0000-0000-4000-8000-000000000006', 'Victim navigator', 'ACCEPTED', '2026-10-23T16:00:00Z', '2026-10-23T16:30:00Z', '2026-10-24T09:00:00Z'),
  ('CH-REF-0007', '5eed0000-0000-4000-8000-000000000007', 'Victim navigator', 'SENT', '2026-10-28T10:00:00Z', NULL, NULL);

INSERT INTO challenger.support_episode (id, gmvs_case_id, service, worker_id, worker_name, started_at) VALUES
  ('CH-EP-0005', '5eed0000-0000-4000-8000-000000000005', 'Victim navigator', 'CH-W03', 'Navigator N3', '2026-10-21T12:00:00Z'),
  ('CH-EP-0006', '5eed0000-0000-4000-8000-000000000006', 'Victim navigator', 'CH-W04', 'Navigator N4', '2026-10-24T09:00:00Z');

INSERT INTO challenger.support_action (id, gmvs_case_id, kind, action_date, status) VALUES
  ('CH-SA-0001', '5eed0000-0000-4000-8000-000000000005', 'OTHER', '2026-10-22', 'COMPLETED'),
  ('CH-SA-0002', '5eed0000-0000-4000-8000-000000000005', 'COURT_SUPPORT', '2026-11-20', 'PLANNED'),
  ('CH-SA-0003', '5eed0000-0000-4000-8000-000000000006', 'COUNSELLING_REFERRAL', '2026-10-30', 'IN_PROGRESS');

INSERT INTO challenger.outcome_measure (id, gmvs_case_id, measure, value, recorded_at) VALUES
  ('CH-OM-0001', '5eed0000-0000-4000-8000-000000000005', 'FEELING_SAFER', 2, '2026-10-21T12:30:00Z'),
  ('CH-OM-0002', '5eed0000-0000-4000-8000-000000000005', 'FEELING_SAFER', 4, '2026-11-18T10:00:00Z');

INSERT INTO challenger.nrm_submission (id, gmvs_case_id, kind, age_group, consent_given, submitted_at, rg_decision, rg_decided_at, cg_decision, cg_decided_at) VALUES
  -- Adult with consent: positive reasonable grounds within the 5 working-day target, conclusive grounds pending.
  ('CH-NRM-0005', '5eed0000-0000-4000-8000-000000000005', 'NRM', 'ADULT', true, '2026-10-21T14:00:00Z', 'POSITIVE', '2026-10-27T10:00:00Z', NULL, NULL),
  -- Child: no consent needed; both decisions made.
  ('CH-NRM-0006', '5eed0000-0000-4000-8000-000000000006', 'NRM', 'CHILD', false, '2026-10-23T17:00:00Z', 'POSITIVE', '2026-10-28T11:00:00Z', 'POSITIVE', '2027-03-02T10:00:00Z'),
  -- Adult without consent: the anonymous Duty to Notify return, no decisions.
  ('CH-DTN-0007', '5eed0000-0000-4000-8000-000000000007', 'DUTY_TO_NOTIFY', 'ADULT', false, '2026-10-28T12:00:00Z', NULL, NULL, NULL, NULL);

INSERT INTO challenger.place_of_safety_stay (id, gmvs_case_id, from_at, to_at) VALUES
  ('CH-POS-0005', '5eed0000-0000-4000-8000-000000000005', '2026-10-21T13:00:00Z', '2026-10-26T10:00:00Z');

INSERT INTO challenger.navigator_contact (id, gmvs_case_id, contact_at, channel, summary) VALUES
  ('CH-NC-0001', '5eed0000-0000-4000-8000-000000000005', '2026-10-21T13:30:00Z', 'IN_PERSON', 'Met at the place of safety with an interpreter; explained the NRM and consent.'),
  ('CH-NC-0002', '5eed0000-0000-4000-8000-000000000005', '2026-10-27T15:00:00Z', 'PHONE', 'Told of the positive reasonable grounds decision and the recovery period.'),
  ('CH-NC-0003', '5eed0000-0000-4000-8000-000000000005', '2026-11-10T11:00:00Z', 'IN_PERSON', 'Passed on the police investigation update; prepared for a witness statement.'),
  ('CH-NC-0004', '5eed0000-0000-4000-8000-000000000006', '2026-10-24T10:00:00Z', 'IN_PERSON', 'Joint visit with the child''s social worker.');
