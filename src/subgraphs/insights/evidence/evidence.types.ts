import { ArgsType, Field, Float, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Borough } from "../../../platform/domain";
import { NonPersonal } from "../../../policy/sensitive";
import { SuppressionReason } from "../disclosure/disclosure";
import {
  AgeBand,
  CrimeType,
  Disability,
  EthnicGroup,
  Ethnicity,
  EvidenceOrderKind,
  EvidenceOrderOutcome,
  EvidenceNrmStage,
  EvidenceOutcomeArea,
  EvidenceRiskLevel,
  EvidenceRiskTool,
  EvidenceStayLength,
  EvidenceSubmissionKind,
  ReferralOutcome,
  ReferralRoute,
  Sex,
  SupportService,
} from "../facts/facts";
import { Dimension } from "./dimensions";
import { Measure } from "./measures";

registerEnumType(SuppressionReason, { name: "SuppressionReason", description: "Why a cell's value is withheld" });
registerEnumType(ReferralRoute, { name: "EvidenceReferralRoute", description: "How a referral reached the service (police, self, or a partner agency)" });
registerEnumType(SupportService, { name: "SupportService", description: "The service a referral was made to" });
registerEnumType(AgeBand, { name: "EvidenceAgeBand", description: "Reporting age bands, 16-17 and older people apart (DOMAIN-REFERENCE.md 7.2)" });
registerEnumType(Sex, { name: "EvidenceSex", description: "Sex as reported in the evidence base" });
registerEnumType(Ethnicity, { name: "EvidenceEthnicity", description: "ONS 2021 Census ethnic categories (18+1), a group whose category was not recorded, and not stated" });
registerEnumType(EthnicGroup, { name: "EthnicGroup", description: "ONS high-level ethnic groups" });
registerEnumType(Disability, { name: "EvidenceDisability", description: "Equality Act 2010 s.6 disability, as self-declared" });
registerEnumType(CrimeType, { name: "CrimeType", description: "police.uk crime categories, and not reported to the police" });
registerEnumType(ReferralOutcome, { name: "ReferralOutcome" });
registerEnumType(EvidenceRiskTool, { name: "EvidenceRiskTool", description: "The risk tool behind an assessment: the DASH checklist (any version) or the S-DASH stalking screen" });
registerEnumType(EvidenceOrderKind, {
  name: "EvidenceOrderKind",
  description: "A protective order's kind: Stalking Protection Order, Domestic Abuse Protection Notice, Domestic Abuse Protection Order",
});
registerEnumType(EvidenceOrderOutcome, {
  name: "EvidenceOrderOutcome",
  description: "Where a protective order has got to, from its latest status on the police record: applied for, issued, or breached",
});
registerEnumType(EvidenceOutcomeArea, {
  name: "EvidenceOutcomeArea",
  description: "The Ministry of Justice cope-and-recover outcome areas a partner measures at intake and again later",
});
registerEnumType(EvidenceSubmissionKind, {
  name: "EvidenceSubmissionKind",
  description: "A National Referral Mechanism referral, or the anonymous Duty to Notify (MS1) return for an adult who does not consent",
});
registerEnumType(EvidenceNrmStage, {
  name: "EvidenceNrmStage",
  description: "How far the Competent Authority's decisions on an NRM referral have got; a Duty to Notify return is not for decision",
});
registerEnumType(EvidenceStayLength, { name: "EvidenceStayLength", description: "How long a place-of-safety stay lasted, in London calendar days; ongoing while it lasts" });
registerEnumType(EvidenceRiskLevel, { name: "EvidenceRiskLevel", description: "The level a DASH assessment reached; an S-DASH screen is not graded" });

@NonPersonal("Statistic", "one aggregate figure under disclosure control")
@ObjectType({ description: "One figure of a cell: null when suppressed (or when there is nothing to measure)" })
export class Statistic {
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field()
  suppressed!: boolean;

  @Field(() => SuppressionReason, { nullable: true })
  suppressionReason!: SuppressionReason | null;
}

@NonPersonal("CellCoordinate", "a dimension value of an aggregate cell")
@ObjectType({ description: "Where a cell sits on one dimension" })
export class CellCoordinate {
  @Field(() => Dimension)
  dimension!: Dimension;

  @Field(() => String, { nullable: true, description: "The dimension's value; null in a total (every value)" })
  value!: string | null;

  @Field()
  label!: string;
}

@NonPersonal("EvidenceCell", "an aggregate over at least the disclosure threshold, or suppressed")
@ObjectType({ description: "One cell of an evidence-base table: its headline value, and each figure with its own suppression" })
export class EvidenceCell {
  @Field(() => [CellCoordinate])
  coordinates!: CellCoordinate[];

  @Field({ description: "A margin: at least one coordinate is every value" })
  isTotal!: boolean;

  @Field(() => Float, { nullable: true, description: "The measure's headline: the count, the median wait or the rate; null when suppressed" })
  value!: number | null;

  @Field()
  suppressed!: boolean;

  @Field(() => SuppressionReason, { nullable: true })
  suppressionReason!: SuppressionReason | null;

  @Field(() => Statistic, { description: "How many facts are behind the cell (see the table's countUnit)" })
  count!: Statistic;

  @Field(() => Statistic, { nullable: true, description: "Wait measures: median whole days" })
  median!: Statistic | null;

  @Field(() => Statistic, { nullable: true, description: "Wait measures: 90th percentile whole days" })
  p90!: Statistic | null;

  @Field(() => Statistic, { nullable: true, description: "Rate measures: numerator over count, 0 to 1" })
  rate!: Statistic | null;
}

@NonPersonal("DisclosureRuleInfo", "the rule a table was protected under")
@ObjectType({ description: "The disclosure-control rule applied, as versioned data" })
export class DisclosureRuleInfo {
  @Field()
  id!: string;

  @Field()
  effectiveFrom!: string;

  @Field(() => Int)
  minimumCount!: number;

  @Field()
  showZeros!: boolean;

  @Field(() => Int)
  minimumForStatistics!: number;

  @Field(() => Int, {
    description:
      "The largest perturbation a count can get from the cell-key method: a published count is within this of the true count (0: counts are not perturbed). The same facts always get the same perturbation.",
  })
  maximumPerturbation!: number;

  @Field(() => Float, { description: "The variance of the cell-key perturbation of a count large enough to take it (0: not perturbed)" })
  perturbationVariance!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "The narrowest interval a caller may pin a protected (small) count to from every table they can ask together, as the disclosure auditor checks; null where the rule makes no claim across tables",
  })
  minimumIntervalWidth?: number | null;

  @Field()
  source!: string;
}

@NonPersonal("EvidenceTable", "aggregates only, every cell under disclosure control")
@ObjectType({ description: "An evidence-base table: body cells, then margins, each under disclosure control" })
export class EvidenceTable {
  @Field(() => Measure)
  measure!: Measure;

  @Field(() => [Dimension], { description: "The dimensions split by, including any the measure always splits by" })
  by!: Dimension[];

  @Field()
  description!: string;

  @Field()
  countUnit!: string;

  @Field()
  valueUnit!: string;

  @Field(() => DisclosureRuleInfo)
  rule!: DisclosureRuleInfo;

  @Field(() => Date, { nullable: true, description: "When the evidence base last finished a refresh" })
  refreshedAt!: Date | null;

  @Field(() => [EvidenceCell])
  cells!: EvidenceCell[];

  @Field(() => [String])
  footnotes!: string[];
}

@InputType({ description: "Which facts a table covers; every list narrows, an absent one does not" })
export class EvidenceFilter {
  @Field(() => String, { nullable: true, description: "YYYY-MM, inclusive" })
  fromMonth?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM, inclusive" })
  toMonth?: string | null;

  @Field(() => [Borough], { nullable: true })
  boroughs?: Borough[] | null;

  @Field(() => [CrimeType], { nullable: true })
  crimeTypes?: CrimeType[] | null;

  @Field(() => [ReferralRoute], { nullable: true })
  routes?: ReferralRoute[] | null;

  @Field(() => [SupportService], { nullable: true })
  services?: SupportService[] | null;

  @Field(() => [ReferralOutcome], { nullable: true })
  outcomes?: ReferralOutcome[] | null;

  @Field(() => [EvidenceRiskTool], { nullable: true, description: "RISK_ASSESSMENTS only" })
  riskTools?: EvidenceRiskTool[] | null;

  @Field(() => [EvidenceRiskLevel], { nullable: true, description: "RISK_ASSESSMENTS only" })
  riskLevels?: EvidenceRiskLevel[] | null;

  @Field(() => [EvidenceOrderKind], { nullable: true, description: "PROTECTIVE_ORDERS only" })
  orderKinds?: EvidenceOrderKind[] | null;

  @Field(() => [EvidenceOrderOutcome], { nullable: true, description: "PROTECTIVE_ORDERS only" })
  orderOutcomes?: EvidenceOrderOutcome[] | null;

  @Field(() => [EvidenceOutcomeArea], { nullable: true, description: "COPE_AND_RECOVER only" })
  outcomeAreas?: EvidenceOutcomeArea[] | null;

  @Field(() => [EvidenceSubmissionKind], { nullable: true, description: "NRM_SUBMISSIONS only" })
  submissionKinds?: EvidenceSubmissionKind[] | null;

  @Field(() => [EvidenceNrmStage], { nullable: true, description: "NRM_SUBMISSIONS only" })
  nrmStages?: EvidenceNrmStage[] | null;

  @Field(() => [EvidenceStayLength], { nullable: true, description: "PLACE_OF_SAFETY_STAYS only" })
  stayLengths?: EvidenceStayLength[] | null;

  @Field(() => [AgeBand], { nullable: true })
  ageBands?: AgeBand[] | null;

  @Field(() => [Sex], { nullable: true })
  sexes?: Sex[] | null;

  @Field(() => [Ethnicity], { nullable: true })
  ethnicities?: Ethnicity[] | null;

  @Field(() => [EthnicGroup], { nullable: true })
  ethnicGroups?: EthnicGroup[] | null;

  @Field(() => [Disability], { nullable: true })
  disabilities?: Disability[] | null;

  @Field(() => Boolean, { nullable: true })
  domesticAbuse?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  stalking?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  hateCrime?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  modernSlavery?: boolean | null;
}

@ArgsType()
export class EvidenceBaseArgs {
  @Field(() => Measure)
  measure!: Measure;

  @Field(() => [Dimension], { defaultValue: [], description: `Up to 3; margins (totals) come with every split` })
  by!: Dimension[];

  @Field(() => EvidenceFilter, { nullable: true })
  filter?: EvidenceFilter | null;
}

/** police.uk area demand: by month, borough and crime type only. */
export enum AreaDimension {
  MONTH = "MONTH",
  BOROUGH = "BOROUGH",
  CRIME_TYPE = "CRIME_TYPE",
}
registerEnumType(AreaDimension, { name: "AreaDimension", description: "What police.uk area demand can be split by" });

@ArgsType()
export class AreaDemandArgs {
  @Field(() => [AreaDimension], { defaultValue: [AreaDimension.MONTH, AreaDimension.BOROUGH] })
  by!: AreaDimension[];

  @Field(() => String, { nullable: true, description: "YYYY-MM, inclusive" })
  fromMonth?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM, inclusive" })
  toMonth?: string | null;

  @Field(() => [Borough], { nullable: true })
  boroughs?: Borough[] | null;

  @Field(() => [CrimeType], { nullable: true })
  crimeTypes?: CrimeType[] | null;
}
