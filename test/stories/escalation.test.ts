import { startTestHub, TestHub } from "../support/hub";
import { policeStandIn } from "../support/police";
import { InvestigationUpdateKind } from "../../connectors/police/types";
import { workingDayDeadline } from "../../src/subgraphs/victims/victims-code/working-days";
import { actors, consentTo, dashAnswers, policeReferral, policeUpdate, RECORD_DASH, referralStep, referToRestore, send } from "./support";

const MINUTE = 60_000;

/**
 * DESIGN.md story 2, Escalation: a harassment report reclassified as stalking
 * involving serious alarm or distress; a high DASH raises a MARAC referral,
 * seen by GMP and GMVS for safeguarding; GMVS confirms the partner received its referral.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

it("keeps both classifications, raises a MARAC referral from a high DASH for GMP and GMVS to see, and shows GMVS when Pankhurst received the referral", async () => {
  const as = actors(hub);
  const reportedAt = new Date(Date.now() - 60 * MINUTE);
  const v = await policeReferral(hub, { homeOfficeCode: "8L", description: "Harassment", borough: "SALFORD" as never, recordedAt: reportedAt, flags: { harassment: true } }, { sex: "FEMALE" });

  // GMP arrests the suspect for harassment, then reclassifies the crime in its records system
  // (Protection from Harassment Act 1997 s.4A, classed under 8Q) and charges him with stalking.
  const arrestedAt = new Date(reportedAt.getTime() + 10 * MINUTE);
  const reclassifiedAt = new Date(reportedAt.getTime() + 20 * MINUTE);
  const chargedAt = new Date(reportedAt.getTime() + 30 * MINUTE);
  policeUpdate(hub, v.crimeReference, InvestigationUpdateKind.ARREST, arrestedAt, "Suspect arrested");
  policeStandIn(hub).reclassify(
    v.crimeReference,
    { at: reclassifiedAt.toISOString(), homeOfficeCode: "8Q", description: "Stalking involving serious alarm or distress", reason: "Synthetic: course of conduct by a former partner" },
    { stalking: true },
  );
  policeUpdate(hub, v.crimeReference, InvestigationUpdateKind.CHARGED, chargedAt, "Charged with stalking");

  // Enhanced Rights (persistently targeted, for stalking) from the reclassification, not before: the
  // arrest is due to be told within the standard 5 working days, the charge within 1.
  const compliance = await send(
    hub,
    `query($id: ID!) { case(id: $id) { victimsCodeCompliance { entitlements { right event eventAt workingDaysAllowed dueAt enhancedRights enhancedRightsReasons } } } }`,
    { id: v.caseId },
    as.gmvs(),
  );
  // The charge's Victim Personal Statement offer (Right 7) is timed alike, from the same reclassification.
  const decisions = compliance.data?.case.victimsCodeCompliance.entitlements.filter((e: { right: number }) => e.right === 6 || e.right === 7);
  expect(decisions).toEqual([
    { right: 6, event: "SUSPECT_ARRESTED", eventAt: arrestedAt.toISOString(), workingDaysAllowed: 5, dueAt: workingDayDeadline(arrestedAt, 5).toISOString(), enhancedRights: false, enhancedRightsReasons: [] },
    { right: 6, event: "SUSPECT_CHARGED", eventAt: chargedAt.toISOString(), workingDaysAllowed: 1, dueAt: workingDayDeadline(chargedAt, 1).toISOString(), enhancedRights: true, enhancedRightsReasons: ["STALKING"] },
    { right: 7, event: "SUSPECT_CHARGED", eventAt: chargedAt.toISOString(), workingDaysAllowed: 1, dueAt: workingDayDeadline(chargedAt, 1).toISOString(), enhancedRights: true, enhancedRightsReasons: ["STALKING"] },
  ]);
  const crime = await send(
    hub,
    `query($ref: ID!) { crime(crimeReference: $ref) { offenceCode offenceDescription stalking harassment classificationHistory { code description reason } } }`,
    { ref: v.crimeReference },
    as.gmp(),
  );
  expect(crime.data?.crime).toMatchObject({ offenceCode: "8Q", offenceDescription: "Stalking involving serious alarm or distress", stalking: true });
  expect(crime.data?.crime.classificationHistory.map((c: { code: string; description: string }) => `${c.code} ${c.description}`)).toEqual([
    "8L Harassment",
    "8Q Stalking involving serious alarm or distress",
  ]);

  // GMVS refers her to Restore; Pankhurst confirms it received the referral.
  const consentId = await consentTo(hub, v.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"]);
  const referralId = await referToRestore(hub, v.caseId, consentId);
  const received = await referralStep(hub, "receiveReferral", referralId, as.restore(), "receivedAt");
  const seenByGmvs = await send(hub, `query($id: ID!) { referral(id: $id) { status sentAt receivedAt } }`, { id: referralId }, as.gmvs());
  expect(seenByGmvs.data?.referral).toMatchObject({ status: "RECEIVED", receivedAt: received.receivedAt });
  expect(Date.parse(seenByGmvs.data?.referral.receivedAt)).toBeGreaterThanOrEqual(Date.parse(seenByGmvs.data?.referral.sentAt));

  // The advocate's DASH scores high (14 yes: visible high risk) and raises a MARAC referral.
  const dash = await send(hub, RECORD_DASH, { caseId: v.caseId, answers: dashAnswers(14) }, as.restore());
  const assessment = dash.data?.recordRiskAssessment;
  expect(assessment).toMatchObject({ score: 14, level: "HIGH", maracReferralRequired: true });

  const MARAC = `query($id: ID!) { case(id: $id) { maracReferrals { provider assessmentId reasons raisedAt } } }`;
  for (const safeguarding of [as.gmpSafeguarding(), as.gmvsSafeguarding()]) {
    const view = await send(hub, MARAC, { id: v.caseId }, safeguarding);
    expect(view.data?.case.maracReferrals).toEqual([{ provider: "PANKHURST", assessmentId: assessment.id, reasons: ["VISIBLE_HIGH_RISK"], raisedAt: expect.any(String) }]);
  }
  // Not for GMP asking for another purpose: for support, GMP may not even know of her GMVS case, let alone its MARAC referral.
  const forSupport = await send(hub, MARAC, { id: v.caseId }, as.gmp(), true);
  expect(forSupport).toEqual({ data: { case: null } });
});
