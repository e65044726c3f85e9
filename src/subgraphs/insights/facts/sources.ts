import { Borough } from "../../../platform/domain";
import {
  AgeBand,
  CrimeType,
  Disability,
  Entitlement,
  EntitlementFact,
  EntitlementStatus,
  Ethnicity,
  EvidenceOrderKind,
  EvidenceOrderOutcome,
  EvidenceNrmStage,
  EvidenceOutcomeArea,
  EvidenceRiskLevel,
  EvidenceRiskTool,
  EvidenceStayLength,
  EvidenceSubmissionKind,
  FactBatch,
  FactChange,
  FactContext,
  FactSource,
  ProtectiveOrderFact,
  ReferralFact,
  ReferralOutcome,
  ReferralRoute,
  ReferralStatus,
  Sex,
  SupportService,
  SurveyAnswerFact,
  SurveyRight,
} from "./facts";

/**
 * A FactSource over a list held in memory: facts are served in the order they
 * were added, the watermark is how many have been served. For tests that need
 * exact data, and for tools that already hold their facts.
 */
export class ListFactSource implements FactSource {
  private readonly changes: FactChange[] = [];

  constructor(
    readonly name: string,
    initial: readonly FactChange[] = [],
  ) {
    this.changes.push(...initial);
  }

  /** New changes, served after everything already added. */
  add(...changes: FactChange[]): void {
    this.changes.push(...changes);
  }

  async changesSince(watermark: string | null, limit: number): Promise<FactBatch> {
    const from = watermark === null ? 0 : Number(watermark);
    const facts = this.changes.slice(from, from + limit);
    const next = from + facts.length;
    return { facts, watermark: String(next), hasMore: next < this.changes.length };
  }
}

/** mulberry32: small, fast, seeded; the same seed gives the same data on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(random: () => number, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  let at = random() * total;
  for (const [value, w] of options) {
    at -= w;
    if (at < 0) return value;
  }
  return (options[options.length - 1] as readonly [T, number])[0];
}

/** Roughly by population (ONS mid-year estimates, thousands): Manchester largest, Bury smallest. */
const BOROUGHS: [Borough, number][] = [
  [Borough.BOLTON, 296],
  [Borough.BURY, 193],
  [Borough.MANCHESTER, 552],
  [Borough.OLDHAM, 242],
  [Borough.ROCHDALE, 223],
  [Borough.SALFORD, 270],
  [Borough.STOCKPORT, 294],
  [Borough.TAMESIDE, 231],
  [Borough.TRAFFORD, 235],
  [Borough.WIGAN, 330],
];
/** Each cope-and-recover area, and how often a victim's latest score beats the first. */
const OUTCOME_AREAS: [EvidenceOutcomeArea, number][] = [
  [EvidenceOutcomeArea.FEELING_SAFER, 0.7],
  [EvidenceOutcomeArea.BETTER_ABLE_TO_COPE, 0.65],
  [EvidenceOutcomeArea.BETTER_INFORMED, 0.8],
  [EvidenceOutcomeArea.IMPROVED_HEALTH_AND_WELLBEING, 0.55],
];
const ROUTES: [ReferralRoute, number][] = [
  [ReferralRoute.POLICE, 60],
  [ReferralRoute.SELF, 25],
  [ReferralRoute.PARTNER, 15],
];
const SERVICES: [SupportService, number][] = [
  [SupportService.GMVS, 55],
  [SupportService.PANKHURST_RESTORE, 10],
  [SupportService.PANKHURST_DOMESTIC_ABUSE, 15],
  [SupportService.HOURGLASS, 6],
  [SupportService.CHALLENGER, 4],
  [SupportService.OTHER, 10],
];
const CRIME_TYPES: [CrimeType, number][] = [
  [CrimeType.VIOLENCE_AND_SEXUAL_OFFENCES, 45],
  [CrimeType.PUBLIC_ORDER, 8],
  [CrimeType.BURGLARY, 7],
  [CrimeType.CRIMINAL_DAMAGE_AND_ARSON, 6],
  [CrimeType.OTHER_CRIME, 8],
  [CrimeType.ROBBERY, 3],
  [CrimeType.OTHER_THEFT, 5],
  [CrimeType.THEFT_FROM_THE_PERSON, 2],
  [CrimeType.VEHICLE_CRIME, 3],
  [CrimeType.ANTI_SOCIAL_BEHAVIOUR, 3],
];
const AGE_BANDS: [AgeBand, number][] = [
  [AgeBand.UNDER_16, 4],
  [AgeBand.AGE_16_17, 3],
  [AgeBand.AGE_18_24, 16],
  [AgeBand.AGE_25_34, 24],
  [AgeBand.AGE_35_44, 20],
  [AgeBand.AGE_45_54, 14],
  [AgeBand.AGE_55_64, 9],
  [AgeBand.AGE_65_74, 5],
  [AgeBand.AGE_75_PLUS, 3],
  [AgeBand.NOT_KNOWN, 2],
];
const SEXES: [Sex, number][] = [
  [Sex.FEMALE, 62],
  [Sex.MALE, 36],
  [Sex.OTHER, 1],
  [Sex.NOT_KNOWN, 1],
];
const ETHNICITIES: [Ethnicity, number][] = [
  [Ethnicity.WHITE_BRITISH, 68],
  [Ethnicity.WHITE_IRISH, 1],
  [Ethnicity.WHITE_OTHER, 4],
  [Ethnicity.WHITE_ROMA, 0.3],
  [Ethnicity.WHITE_GYPSY_OR_IRISH_TRAVELLER, 0.2],
  [Ethnicity.ASIAN_PAKISTANI, 7],
  [Ethnicity.ASIAN_BANGLADESHI, 2],
  [Ethnicity.ASIAN_INDIAN, 2],
  [Ethnicity.ASIAN_CHINESE, 1],
  [Ethnicity.ASIAN_OTHER, 1],
  [Ethnicity.BLACK_AFRICAN, 3],
  [Ethnicity.BLACK_CARIBBEAN, 1],
  [Ethnicity.BLACK_OTHER, 0.5],
  [Ethnicity.MIXED_WHITE_AND_BLACK_CARIBBEAN, 1],
  [Ethnicity.MIXED_WHITE_AND_BLACK_AFRICAN, 0.5],
  [Ethnicity.MIXED_WHITE_AND_ASIAN, 0.5],
  [Ethnicity.MIXED_OTHER, 0.5],
  [Ethnicity.OTHER_ARAB, 0.5],
  [Ethnicity.OTHER_ANY, 1],
  [Ethnicity.NOT_STATED, 5],
];
const DISABILITIES: [Disability, number][] = [
  [Disability.DISABLED, 18],
  [Disability.NOT_DISABLED, 65],
  [Disability.NOT_KNOWN, 17],
];
const OUTCOMES: [ReferralOutcome, number][] = [
  [ReferralOutcome.SUPPORT_COMPLETED, 55],
  [ReferralOutcome.DECLINED_SUPPORT, 20],
  [ReferralOutcome.COULD_NOT_CONTACT_SAFELY, 15],
  [ReferralOutcome.REFERRED_ON, 7],
  [ReferralOutcome.NOT_ELIGIBLE, 3],
];
/** Share satisfied per right, near the 2025 report's figures (DOMAIN.md): 85% ease of reporting … 44% kept informed. */
const SATISFIED: Record<SurveyRight, number> = {
  [SurveyRight.R1]: 0.7,
  [SurveyRight.R2]: 0.85,
  [SurveyRight.R3]: 0.55,
  [SurveyRight.R4]: 0.53,
  [SurveyRight.R5]: 0.48,
  [SurveyRight.R6]: 0.44,
  [SurveyRight.R7]: 0.6,
};

const DAY = 86_400_000;

export interface SyntheticFactOptions {
  /** How many referrals; each brings its Victims' Code entitlements and, for some, survey answers. */
  referrals: number;
  seed?: number;
  /** The last month generated (YYYY-MM); referrals spread over the twelve months up to it. */
  lastMonth?: string;
  name?: string;
}

/**
 * A seeded generator of synthetic facts standing in for the victims and
 * partners sources in the seed, the tests and the bench. Referral i is made
 * from the seed and i alone, so any page can be generated without the ones
 * before it; the watermark is the next referral's index. No real person is
 * behind any fact.
 */
export class SyntheticFactSource implements FactSource {
  readonly name: string;
  private readonly seed: number;
  private readonly lastMonth: { year: number; month: number };

  constructor(private readonly options: SyntheticFactOptions) {
    this.name = options.name ?? "synthetic";
    this.seed = options.seed ?? 20_261_001;
    const [year, month] = (options.lastMonth ?? "2026-09").split("-").map(Number) as [number, number];
    this.lastMonth = { year, month };
  }

  async changesSince(watermark: string | null, limit: number): Promise<FactBatch> {
    const from = watermark === null ? 0 : Number(watermark);
    // At most 1 referral + 2 entitlements + 7 answers + 2 risk assessments + 1 MARAC referral + 2 protective orders + 4 outcomes
    // + 1 NRM submission + 1 place-of-safety stay per referral.
    const to = Math.min(this.options.referrals, from + Math.max(1, Math.floor(limit / 21)));
    const facts: FactChange[] = [];
    for (let i = from; i < to; i++) facts.push(...this.factsOfReferral(i));
    return { facts, watermark: String(to), hasMore: to < this.options.referrals };
  }

  /** Every fact the generator will ever produce, in order (small sets only). */
  async all(): Promise<FactChange[]> {
    const facts: FactChange[] = [];
    for (let i = 0; i < this.options.referrals; i++) facts.push(...this.factsOfReferral(i));
    return facts;
  }

  factsOfReferral(i: number): FactChange[] {
    const random = seededRandom(Math.imul(this.seed, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b));
    const monthsBack = Math.floor(random() * 12);
    const monthStart = Date.UTC(this.lastMonth.year, this.lastMonth.month - 1 - monthsBack, 1);
    const month = new Date(monthStart).toISOString().slice(0, 7);
    const route = weighted(random, ROUTES);
    const service = weighted(random, SERVICES);
    const domesticAbuse = service === SupportService.PANKHURST_DOMESTIC_ABUSE || random() < 0.25;
    const context: FactContext = {
      month,
      borough: weighted(random, BOROUGHS),
      crimeType: route === ReferralRoute.SELF && random() < 0.4 ? CrimeType.NOT_REPORTED_TO_POLICE : weighted(random, CRIME_TYPES),
      flags: {
        domesticAbuse,
        stalking: service === SupportService.PANKHURST_RESTORE || random() < 0.06,
        hateCrime: random() < 0.06,
        modernSlavery: service === SupportService.CHALLENGER,
        fraud: random() < 0.04,
      },
      ageBand: service === SupportService.HOURGLASS ? weighted(random, [[AgeBand.AGE_65_74, 2], [AgeBand.AGE_75_PLUS, 1]] as const) : weighted(random, AGE_BANDS),
      sex: weighted(random, SEXES),
      ethnicity: weighted(random, ETHNICITIES),
      disability: weighted(random, DISABILITIES),
    };
    const sentAt = new Date(monthStart + Math.floor(random() * 28) * DAY + Math.floor(random() * 10 + 8) * 3_600_000);
    // Waits in days: most within a few days, a long tail; partner services wait longer.
    const slow = service === SupportService.GMVS ? 1 : 2.5;
    const daysToContact = Math.floor(-Math.log(1 - random()) * 2.5 * slow);
    const daysToAccept = daysToContact + Math.floor(-Math.log(1 - random()) * 4 * slow);
    const status = weighted(random, [
      [ReferralStatus.WAITING, monthsBack === 0 ? 16 : 4],
      [ReferralStatus.CONTACTED, 6],
      [ReferralStatus.ACCEPTED, 24],
      [ReferralStatus.CLOSED, 64],
    ] as const);
    const outcome = status === ReferralStatus.CLOSED ? weighted(random, OUTCOMES) : null;
    const contacted = status !== ReferralStatus.WAITING && outcome !== ReferralOutcome.COULD_NOT_CONTACT_SAFELY;
    const accepted =
      status === ReferralStatus.ACCEPTED || outcome === ReferralOutcome.SUPPORT_COMPLETED || outcome === ReferralOutcome.REFERRED_ON;
    const sourceKey = `SYN-REF-${String(i + 1).padStart(7, "0")}`;
    const referral: ReferralFact = {
      ...context,
      kind: "referral",
      sourceKey,
      route,
      service,
      status,
      outcome,
      sentAt,
      receivedAt: sentAt,
      firstContactAt: contacted ? new Date(sentAt.getTime() + daysToContact * DAY + 3_600_000) : null,
      acceptedAt: contacted && accepted ? new Date(sentAt.getTime() + daysToAccept * DAY + 7_200_000) : null,
    };

    const facts: FactChange[] = [referral];
    if (route === ReferralRoute.POLICE) {
      const enhancedRights = domesticAbuse || context.flags.hateCrime || context.flags.stalking || context.disability === Disability.DISABLED;
      const entitlement = (kind: Entitlement, status: EntitlementStatus): EntitlementFact => ({
        ...context,
        kind: "entitlement",
        sourceKey: `${sourceKey}:${kind}`,
        entitlement: kind,
        status,
        enhancedRights,
      });
      facts.push(
        entitlement(
          Entitlement.R4_REFERRAL_TO_SUPPORT_SERVICES,
          weighted(random, [
            [EntitlementStatus.MET, 85],
            [EntitlementStatus.LATE, 8],
            [EntitlementStatus.MISSED, 4],
            [EntitlementStatus.NOT_APPLICABLE, 3],
          ] as const),
        ),
      );
      if (random() < 0.4) {
        facts.push(
          entitlement(
            Entitlement.R6_TOLD_OF_KEY_DECISION,
            weighted(random, [
              [EntitlementStatus.MET, 70],
              [EntitlementStatus.LATE, 15],
              [EntitlementStatus.MISSED, 10],
              [EntitlementStatus.PENDING, 5],
            ] as const),
          ),
        );
      }
    }
    if (status === ReferralStatus.CLOSED && random() < 0.3) {
      for (const right of Object.values(SurveyRight)) {
        const satisfied = random() < SATISFIED[right];
        const answer: SurveyAnswerFact = {
          ...context,
          kind: "survey",
          sourceKey: `${sourceKey}:survey:${right}`,
          right,
          score: satisfied ? 4 + Math.floor(random() * 2) : 1 + Math.floor(random() * 3),
        };
        facts.push(answer);
      }
    }
    // Drawn last, so the facts above are the same as before risk facts were generated.
    if (service === SupportService.PANKHURST_DOMESTIC_ABUSE || service === SupportService.PANKHURST_RESTORE) {
      if (random() < 0.7) {
        const level = weighted(random, [
          [EvidenceRiskLevel.STANDARD, 40],
          [EvidenceRiskLevel.MEDIUM, 35],
          [EvidenceRiskLevel.HIGH, 25],
        ] as const);
        facts.push({ ...context, kind: "risk_assessment", sourceKey: `${sourceKey}:dash`, tool: EvidenceRiskTool.DASH, level });
        // A high DASH raises a MARAC referral (DOMAIN.md, Risk).
        if (level === EvidenceRiskLevel.HIGH) facts.push({ ...context, kind: "marac_referral", sourceKey: `${sourceKey}:marac` });
      }
      if (context.flags.stalking && random() < 0.6) {
        facts.push({ ...context, kind: "risk_assessment", sourceKey: `${sourceKey}:sdash`, tool: EvidenceRiskTool.S_DASH, level: EvidenceRiskLevel.NOT_GRADED });
      }
    }
    // Drawn after the risk facts, so those are unchanged too. Orders are on police-reported crimes only: a DAPN
    // given by the police, often followed by an application for a DAPO (Domestic Abuse Act 2021 Part 3), and
    // SPOs for stalking (Stalking Protection Act 2019); some still awaiting the court, some breached.
    if (route === ReferralRoute.POLICE) {
      const order = (orderKind: EvidenceOrderKind, outcome: EvidenceOrderOutcome, n: number): ProtectiveOrderFact => ({
        ...context,
        kind: "protective_order",
        sourceKey: `${sourceKey}:order:${n}`,
        orderKind,
        outcome,
      });
      const courtOrder = () =>
        weighted(random, [
          [EvidenceOrderOutcome.APPLIED, monthsBack === 0 ? 30 : 8],
          [EvidenceOrderOutcome.ISSUED, 72],
          [EvidenceOrderOutcome.BREACHED, 20],
        ] as const);
      if (domesticAbuse && random() < 0.15) {
        facts.push(order(EvidenceOrderKind.DAPN, random() < 0.05 ? EvidenceOrderOutcome.BREACHED : EvidenceOrderOutcome.ISSUED, 0));
        if (random() < 0.6) facts.push(order(EvidenceOrderKind.DAPO, courtOrder(), 1));
      } else if (context.flags.stalking && random() < 0.2) {
        facts.push(order(EvidenceOrderKind.SPO, courtOrder(), 0));
      }
    }
    // Drawn after the orders, so those are unchanged too. A partner measures cope-and-recover outcomes of the
    // victims it supports at intake and again later, so an outcome's month is a month or three after the referral.
    if (service !== SupportService.GMVS && service !== SupportService.OTHER && contacted && accepted && random() < 0.6) {
      const later = Math.max(0, monthsBack - 1 - Math.floor(random() * 3));
      const measuredIn = new Date(Date.UTC(this.lastMonth.year, this.lastMonth.month - 1 - later, 1)).toISOString().slice(0, 7);
      for (const [area, improves] of OUTCOME_AREAS) {
        if (random() < 0.75) facts.push({ ...context, month: measuredIn, kind: "cope_recover", sourceKey: `${sourceKey}:outcome:${area}`, area, improved: random() < improves });
      }
    }
    // Drawn after the outcomes, so every fact above is unchanged. Challenger submits for most survivors it
    // accepts, in the referral's month: a child always to the NRM; an adult by Duty to Notify when they do not
    // consent. A reasonable-grounds decision comes within days or weeks, a conclusive one many months later.
    if (service === SupportService.CHALLENGER && contacted && accepted) {
      if (random() < 0.85) {
        const child = context.ageBand === AgeBand.UNDER_16 || context.ageBand === AgeBand.AGE_16_17 || context.ageBand === AgeBand.UNDER_18_NOT_BANDED;
        const submissionKind = !child && random() < 0.3 ? EvidenceSubmissionKind.DUTY_TO_NOTIFY : EvidenceSubmissionKind.NRM;
        const rgDecided = monthsBack > 0 || random() < 0.5;
        const rgPositive = random() < 0.9;
        const cgDecided = monthsBack >= 3 + Math.floor(random() * 9);
        const stage =
          submissionKind === EvidenceSubmissionKind.DUTY_TO_NOTIFY
            ? EvidenceNrmStage.NOT_FOR_DECISION
            : !rgDecided
              ? EvidenceNrmStage.AWAITING_REASONABLE_GROUNDS
              : !rgPositive
                ? EvidenceNrmStage.NEGATIVE_REASONABLE_GROUNDS
                : !cgDecided
                  ? EvidenceNrmStage.POSITIVE_REASONABLE_GROUNDS
                  : random() < 0.9
                    ? EvidenceNrmStage.POSITIVE_CONCLUSIVE_GROUNDS
                    : EvidenceNrmStage.NEGATIVE_CONCLUSIVE_GROUNDS;
        facts.push({ ...context, kind: "nrm_submission", sourceKey: `${sourceKey}:nrm`, submissionKind, stage });
      }
      if (random() < 0.5) {
        const length = weighted(random, [
          [EvidenceStayLength.UNDER_1_WEEK, 50],
          [EvidenceStayLength.ONE_TO_2_WEEKS, 30],
          [EvidenceStayLength.TWO_WEEKS_OR_MORE, 15],
          [EvidenceStayLength.ONGOING, monthsBack === 0 ? 20 : 0],
        ] as const);
        facts.push({ ...context, kind: "place_of_safety_stay", sourceKey: `${sourceKey}:stay`, length });
      }
    }
    return facts;
  }
}
