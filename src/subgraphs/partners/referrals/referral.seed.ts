import { ReferralStatus } from "../../../../connectors/partners";
import type { Database } from "../../../platform/database";
import { OrganisationCode } from "../../../platform/domain";
import { SYNTHETIC_CASE_IDS, SYNTHETIC_CONSENT_IDS, SYNTHETIC_SUBJECTS } from "../../../platform/synthetic";
import { DataCategory } from "../../../policy/categories";
import { SubjectSystem } from "../../../policy/sensitive";
import { commandGovernance, seedCommandId } from "../../../policy/governance-commands";
import { ReferralRecord } from "./referral.entity";
import { REFERRAL_RELATIONSHIP } from "./referral.service";
import { RELATIONSHIP_ENDS_AT } from "./referral.state";

type Stamps = Partial<Record<"receivedAt" | "acceptedAt" | "declinedAt" | "withdrawnAt" | "closedAt" | "firstContactAt", string>>;

/** Synthetic referrals out; every reason is made up and says nothing about a real person. */
export const SEED_REFERRALS: ReferralRecord[] = [
  // DESIGN.md story 1: with her consent, GMVS refers Client M to Pankhurst Restore, which accepts.
  referral("5eed0000-0000-4000-8000-0000000000f1", SYNTHETIC_CASE_IDS.clientM, OrganisationCode.PANKHURST, "Restore", SYNTHETIC_CONSENT_IDS.clientMToPankhurst,
    [DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.ADDRESS, DataCategory.CASE_NOTES, DataCategory.SUPPORT],
    "Synthetic: stalking by a former partner; needs a specialist anti-stalking advocate and a safety plan",
    ReferralStatus.ACCEPTED, "2026-09-05T11:00:00Z", { receivedAt: "2026-09-05T15:20:00Z", acceptedAt: "2026-09-07T09:30:00Z", firstContactAt: "2026-09-07T14:00:00Z" }),
  // The self-referral: Hourglass took her on for economic abuse; support ended with the episode (Nov 2026).
  referral("5eed0000-0000-4000-8000-0000000000f2", SYNTHETIC_CASE_IDS.selfReferral, OrganisationCode.HOURGLASS, "Economic abuse", SYNTHETIC_CONSENT_IDS.selfReferralToHourglass,
    [DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.CASE_NOTES, DataCategory.SUPPORT],
    "Synthetic: an older person's savings taken through online banking by a relative",
    ReferralStatus.CLOSED, "2026-10-01T10:00:00Z", { receivedAt: "2026-10-01T16:00:00Z", acceptedAt: "2026-10-05T11:00:00Z", firstContactAt: "2026-10-06T10:00:00Z", closedAt: "2026-11-05T16:00:00Z" }),
];

function referral(
  id: string,
  caseId: string,
  partner: OrganisationCode,
  service: string,
  consentId: string,
  categories: DataCategory[],
  reason: string,
  status: ReferralStatus,
  sentAt: string,
  stamps: Stamps,
): ReferralRecord {
  const at = (s: string | undefined) => (s ? new Date(s) : null);
  const times = [sentAt, ...Object.values(stamps)].map((s) => Date.parse(s as string));
  return Object.assign(new ReferralRecord(), {
    id,
    caseId,
    partner,
    service,
    categories,
    consentId,
    reason,
    status,
    sentBy: "seed",
    sentAt: new Date(sentAt),
    receivedAt: at(stamps.receivedAt),
    acceptedAt: at(stamps.acceptedAt),
    declinedAt: at(stamps.declinedAt),
    declineReason: null,
    withdrawnAt: at(stamps.withdrawnAt),
    withdrawReason: null,
    closedAt: at(stamps.closedAt),
    firstContactAt: at(stamps.firstContactAt),
    updatedAt: new Date(Math.max(...times)),
  });
}

/**
 * Idempotent. Each referral tells governance, through the partners' command
 * outbox in one transaction with the referral row (as referToService does),
 * that its case is the synthetic subject's (the shared subject id, which
 * governance's seed links too) and that the partner has a relationship with
 * them; a referral that has ended (declined, withdrawn, closed) has it
 * closed at that time. The commands' ids are fixed, so a second seeding
 * writes none again.
 */
export async function seedReferrals(db: Database): Promise<void> {
  await db.dataSource.transaction(async (m) => {
    await m.createQueryBuilder().insert().into(ReferralRecord).values(SEED_REFERRALS).orIgnore().execute();
    for (const r of SEED_REFERRALS) {
      const subject = SYNTHETIC_SUBJECTS.find((s) => s.caseId === r.caseId);
      if (!subject) throw new Error(`seed referral ${r.id}: no synthetic subject for case ${r.caseId}`);
      const { subjectId } = subject;
      const relationship = { subjectId, organisation: r.partner, relationshipKind: REFERRAL_RELATIONSHIP, sourceRef: r.id };
      const commands: Parameters<typeof commandGovernance>[2][number][] = [
        { kind: "link-subject", system: SubjectSystem.GMVS_CASE, ref: r.caseId, subjectId },
        { kind: "open-relationship", ...relationship, openedAt: r.sentAt, underConsent: null },
      ];
      if (RELATIONSHIP_ENDS_AT.has(r.status)) commands.push({ kind: "close-relationship", ...relationship, closedAt: r.declinedAt ?? r.withdrawnAt ?? r.closedAt ?? r.sentAt });
      await commandGovernance(m, "partners", commands, commands.map((c) => seedCommandId("partners-seed", r.id, c.kind)));
    }
  });
}
