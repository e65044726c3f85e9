import { InvestigationUpdateKind, TriageRisk } from "../../connectors/police/types";
import { PartnerCode, SafetyPlan, SupportAction, SupportActionKind, SupportActionStatus } from "../../connectors/partners";
import { startTestHub, TestHub } from "../support/hub";
import { addPartnerRecords, pankhurstEpisodeRecord } from "../support/partners";
import { policeStandIn } from "../support/police";
import { actors, consentTo, dashAnswers, policeReferral, policeUpdate, RECORD_DASH, referralStep, referToRestore, refusals, send } from "./support";

/**
 * DESIGN.md story 1, Client M (stalking by an ex-partner), end to end
 * through the gateway: every step made by the organisation that makes it,
 * through the public API or the outside system's stand-in.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const DAY = 86_400_000;
const MINUTE = 60_000;

it("takes Client M from GMP's record to Restore's support, her timeline and her Victims' Code rights, and shows the advocate only what her consent allows", async () => {
  const as = actors(hub);
  // GMP records the crime and flags stalking.
  const reportedAt = new Date(Date.now() - 120 * MINUTE);
  const m = await policeReferral(
    hub,
    { homeOfficeCode: "8Q", description: "Stalking", borough: "MANCHESTER" as never, recordedAt: reportedAt, flags: { stalking: true, domesticAbuse: true }, thematicLead: "STALKING", enhancedRights: ["PERSISTENTLY_TARGETED"] },
    { sex: "FEMALE", ethnicity: "WHITE", disability: "NOT_DISABLED" },
  );
  // GMP referred her the same hour it recorded the crime: within Right 4's two working days.
  expect(m.right4Status).toBe("MET");

  // The Stalking Triage Centre triages it, in GMP's system.
  const police = policeStandIn(hub);
  police.recordChange({
    ...police.crime(m.crimeReference)!,
    stalkingTriage: { reviewedAt: new Date(reportedAt.getTime() + 5 * MINUTE).toISOString(), risk: TriageRisk.HIGH, linesOfEnquiry: ["Synthetic: phone records"], spoConsidered: true, legacyCase: false },
  });

  // GMVS assesses her needs, then, with her consent, refers her to Pankhurst Restore.
  await send(
    hub,
    `mutation($id: ID!) { recordNeedsAssessment(caseId: $id, input: { practical: MEDIUM, emotional: HIGH, safety: HIGH, health: LOW, financial: NONE, communication: NONE, outcome: REFER_TO_SPECIALIST_SERVICE, reviewOn: "2099-01-01" }) { outcome } }`,
    { id: m.caseId },
    as.gmvs(),
  );
  const consentId = await consentTo(hub, m.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT", "OFFENCE_DETAILS", "INVESTIGATION_UPDATES"]);
  const referralId = await referToRestore(hub, m.caseId, consentId);

  // Pankhurst receives and accepts it; GMVS sees when it arrived.
  await referralStep(hub, "receiveReferral", referralId, as.restore());
  expect(await referralStep(hub, "acceptReferral", referralId, as.restore(), "acceptedAt")).toMatchObject({ status: "ACCEPTED", acceptedAt: expect.any(String) });

  // The advocate records a risk assessment through Casebridge ...
  const risk = await send(hub, RECORD_DASH, { caseId: m.caseId, answers: dashAnswers(9) }, as.restore());
  expect(risk.data?.recordRiskAssessment).toMatchObject({ provider: "PANKHURST", score: 9, level: "STANDARD", maracReferralRequired: false });
  // ... and Restore's weekly-reviewed safety plan and target hardening are in Pankhurst's own system.
  const record = pankhurstEpisodeRecord(m.caseId, { episodeId: `PK-EP-${m.tag}` });
  const plan: SafetyPlan = {
    id: `PK-SP-${m.tag}`,
    gmvsCaseId: m.caseId,
    createdAt: new Date(Date.now() - 14 * DAY).toISOString(),
    reviews: [0, 1].map((week) => ({ reviewedAt: new Date(Date.now() - (14 - 7 * week) * DAY).toISOString(), summary: `Synthetic weekly review ${week + 1}` })),
    nextReviewDue: new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10),
  };
  const doorbell: SupportAction = { id: `PK-SA-${m.tag}`, gmvsCaseId: m.caseId, kind: SupportActionKind.TARGET_HARDENING_VIDEO_DOORBELL, date: plan.reviews[0]!.reviewedAt.slice(0, 10), status: SupportActionStatus.COMPLETED };
  record.safetyPlans.push(plan);
  record.supportActions.push(doorbell);
  await addPartnerRecords(hub.sources, PartnerCode.PANKHURST, [record]);

  // GMP's updates: arrest, charge, a community order at sentence (a compressed synthetic timeline).
  const arrest = policeUpdate(hub, m.crimeReference, InvestigationUpdateKind.ARREST, new Date(reportedAt.getTime() + 10 * MINUTE), "Suspect arrested");
  const charge = policeUpdate(hub, m.crimeReference, InvestigationUpdateKind.CHARGED, new Date(reportedAt.getTime() + 20 * MINUTE), "Charged with stalking");
  policeUpdate(hub, m.crimeReference, InvestigationUpdateKind.SENTENCE, new Date(reportedAt.getTime() + 30 * MINUTE), "Community order with a restraining order");
  // GMVS tells her of the arrest within the hour (Enhanced Rights: within one working day); she has not yet been told of the charge.
  await send(
    hub,
    `mutation($id: ID!, $input: ContactInput!) { recordContact(caseId: $id, input: $input) { id } }`,
    { id: m.caseId, input: { occurredAt: new Date(reportedAt.getTime() + 15 * MINUTE).toISOString(), channel: "PHONE", purpose: "TOLD_OF_DECISION", summary: "Told of the arrest", policeUpdateId: arrest.id } },
    as.gmvs(),
  );
  // Her caseworker offers her a Victim Personal Statement on the charge (Right 7). Offered "on" the arrest, it would
  // answer no clock, so the hub refuses it rather than keep a contact that can never count.
  const vps = (policeUpdateId: string) =>
    send(
      hub,
      `mutation($id: ID!, $input: ContactInput!) { recordContact(caseId: $id, input: $input) { id } }`,
      { id: m.caseId, input: { occurredAt: new Date(reportedAt.getTime() + 25 * MINUTE).toISOString(), channel: "PHONE", purpose: "VPS_OFFERED", summary: "Offered a Victim Personal Statement", policeUpdateId } },
      as.gmvs(),
      true,
    );
  expect((await vps(arrest.id)).errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", argument: "policeUpdateId" });
  expect((await vps(charge.id)).errors).toBeUndefined();

  // Her timeline and her Victims' Code compliance, as GMVS sees them.
  const file = await send(
    hub,
    `query($id: ID!) { case(id: $id) {
      referralRoute needsAssessments { outcome }
      referrals { id status receivedAt acceptedAt }
      riskAssessments { provider level } safetyPlans { provider reviews { summary } nextReviewDue } supportActions { kind status }
      victimsCodeCompliance { entitlements { right event policeUpdateId status workingDaysAllowed enhancedRightsReasons } }
      justiceTimeline { __typename kind } } }`,
    { id: m.caseId },
    as.gmvs(),
  );
  const kase = file.data?.case;
  expect(kase).toMatchObject({ referralRoute: "POLICE", needsAssessments: [{ outcome: "REFER_TO_SPECIALIST_SERVICE" }], referrals: [{ id: referralId, status: "ACCEPTED" }] });
  expect(kase.riskAssessments).toEqual([{ provider: "PANKHURST", level: "STANDARD" }]);
  expect(kase.safetyPlans).toEqual([{ provider: "PANKHURST", reviews: [{ summary: "Synthetic weekly review 1" }, { summary: "Synthetic weekly review 2" }], nextReviewDue: plan.nextReviewDue }]);
  expect(kase.supportActions).toEqual([{ kind: "TARGET_HARDENING_VIDEO_DOORBELL", status: "COMPLETED" }]);
  const police_ = kase.justiceTimeline.filter((e: { __typename: string }) => e.__typename === "PoliceTimelineEntry").map((e: { kind: string }) => e.kind);
  expect(police_).toEqual(["ARREST", "CHARGED", "SENTENCE"]);
  const rights = kase.victimsCodeCompliance.entitlements.map((e: { right: number; event: string; status: string }) => `${e.right}:${e.event}:${e.status}`);
  expect(rights).toEqual(expect.arrayContaining(["4:CRIME_REPORTED:MET", "6:SUSPECT_ARRESTED:MET", "6:SUSPECT_CHARGED:PENDING", "7:SUSPECT_CHARGED:MET"]));
  // Sentence: she is to be told of it within 1 working day (Right 9). A community order gives no Victim Contact
  // Scheme referral (Right 11 needs 12 months or more); the police update does not say which sentence it was, so
  // the hub lists Right 11 untimed rather than as missed.
  const sentence = kase.victimsCodeCompliance.entitlements.filter((e: { event: string }) => e.event === "SENTENCE");
  expect(sentence.map((e: { right: number; workingDaysAllowed: number | null; status: string }) => [e.right, e.workingDaysAllowed, e.status])).toEqual([
    [9, 1, "PENDING"],
    [11, null, "NOT_APPLICABLE"],
  ]);
  // Enhanced Rights from the day GMP recorded the crime, for three reasons: GMP recorded her as persistently
  // targeted, and its record says stalking (8Q) and domestic abuse; so every decision is due within one working day.
  const right6 = kase.victimsCodeCompliance.entitlements.filter((e: { right: number }) => e.right === 6);
  expect(right6.map((e: { workingDaysAllowed: number; enhancedRightsReasons: string[] }) => [e.workingDaysAllowed, [...e.enhancedRightsReasons].sort()])).toEqual([
    [1, ["DOMESTIC_ABUSE", "RECORDED", "STALKING"]],
    [1, ["DOMESTIC_ABUSE", "RECORDED", "STALKING"]],
  ]);

  // The Restore advocate: the police updates her consent and the GMP agreement allow, and nothing else.
  const advocate = await send(
    hub,
    `query($id: ID!) { case(id: $id) {
      safetyPlans { provider } supportActions { kind }
      crime { offenceDescription stalking status updates { kind } orders { kind } stalkingTriage { risk } victimRef suspectRef hateCrimeStrand }
      victim { familyName ethnicity disability religion } } }`,
    { id: m.caseId },
    as.restore(),
    true,
  );
  expect(advocate.data?.case.crime).toEqual({
    offenceDescription: "Stalking",
    stalking: true,
    status: "UNDER_INVESTIGATION",
    updates: [{ kind: "ARREST" }, { kind: "CHARGED" }, { kind: "SENTENCE" }],
    orders: [],
    stalkingTriage: null,
    victimRef: null,
    suspectRef: null,
    hateCrimeStrand: null,
  });
  expect(advocate.data?.case.safetyPlans).toEqual([{ provider: "PANKHURST" }]);
  expect(advocate.data?.case.victim).toEqual({ familyName: `Person S${m.tag}`, ethnicity: null, disability: null, religion: null });
  expect(refusals(advocate)).toEqual([
    // The GMP agreement with Pankhurst covers offence details and investigation updates only.
    "case.crime.hateCrimeStrand:FORBIDDEN:NO_AGREEMENT",
    "case.crime.stalkingTriage:FORBIDDEN:NO_AGREEMENT",
    "case.crime.suspectRef:FORBIDDEN:NO_AGREEMENT",
    "case.crime.victimRef:FORBIDDEN:NO_AGREEMENT",
    // GMVS's agreement with Pankhurst does not cover her protected characteristics.
    "case.victim.disability:FORBIDDEN:NO_AGREEMENT",
    "case.victim.ethnicity:FORBIDDEN:NO_AGREEMENT",
    "case.victim.religion:FORBIDDEN:NO_AGREEMENT",
  ]);
});
