import { startTestHub, TestHub } from "../support/hub";
import { policeStandIn } from "../support/police";
import { actors, consentTo, dashAnswers, policeReferral, RECORD_DASH, referralStep, referToRestore, send } from "./support";

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
  const v = await policeReferral(hub, { homeOfficeCode: "8L", description: "Harassment", borough: "SALFORD" as never, flags: { harassment: true } }, { sex: "FEMALE" });

  // GMP reclassifies it in its records system: Protection from Harassment Act 1997 s.4A, classed under 8Q.
  policeStandIn(hub).reclassify(
    v.crimeReference,
    { at: new Date().toISOString(), homeOfficeCode: "8Q", description: "Stalking involving serious alarm or distress", reason: "Synthetic: course of conduct by a former partner" },
    { stalking: true },
  );
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
