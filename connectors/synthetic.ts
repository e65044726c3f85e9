/**
 * GMVS case ids the synthetic partner stand-ins share with the hub's seed
 * (src/platform/synthetic.ts holds the same values; connectors import
 * nothing from src/, so they are repeated here). A partner's record holds the
 * GMVS case id it was referred under. Every one is made up.
 */
export const SYNTHETIC_GMVS_CASE_IDS = {
  /** Client M: stalking by an ex-partner (DESIGN.md, story 1). */
  clientM: "5eed0000-0000-4000-8000-000000000001",
  /** Harassment, later reclassified as stalking (DESIGN.md, story 2). */
  harassment: "5eed0000-0000-4000-8000-000000000002",
  /** Controlling or coercive behaviour in a domestic relationship. */
  coercive: "5eed0000-0000-4000-8000-000000000003",
  /** A self-referral: economic abuse of an older person. */
  selfReferral: "5eed0000-0000-4000-8000-000000000004",
  /** Modern slavery, an adult who consented to an NRM referral (police crime SYN/000109/26). */
  trafficking: "5eed0000-0000-4000-8000-000000000005",
  /** Modern slavery, a child. */
  traffickingChild: "5eed0000-0000-4000-8000-000000000006",
  /** Modern slavery, an adult who did not consent: Duty to Notify. */
  traffickingNoConsent: "5eed0000-0000-4000-8000-000000000007",
  /** Abuse of an older person by a family member. */
  olderPerson: "5eed0000-0000-4000-8000-000000000008",
  /** Economic abuse of an older person, support completed. */
  olderPersonSupported: "5eed0000-0000-4000-8000-000000000009",
} as const;
