import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import { Borough } from "../../../platform/domain";
import { appError, ErrorCode } from "../../../platform/errors";
import type { InsightsContext } from "../context";
import { evidenceTableCsv } from "./csv";
import { Dimension } from "./dimensions";
import { EvidenceFilterValues } from "./evidence.service";
import { AreaDemandArgs, EvidenceBaseArgs, EvidenceFilter, EvidenceTable } from "./evidence.types";
import { Measure } from "./measures";

@Resolver(() => EvidenceTable)
export class EvidenceResolver {
  @Query(() => EvidenceTable, {
    description: "A needs-assessment table: a measure split by up to three dimensions, with margins, every cell under disclosure control",
  })
  evidenceBase(@Args() args: EvidenceBaseArgs, @Ctx() ctx: InsightsContext) {
    return ctx.services.evidence.table({ measure: args.measure, by: args.by, filter: filterValues(args.filter) });
  }

  @Query(() => String, { description: "The same table as CSV (RFC 4180), suppressed cells marked [c], footnotes at the end" })
  async evidenceBaseCsv(@Args() args: EvidenceBaseArgs, @Ctx() ctx: InsightsContext) {
    return evidenceTableCsv(await ctx.services.evidence.table({ measure: args.measure, by: args.by, filter: filterValues(args.filter) }));
  }

  @Query(() => EvidenceTable, {
    description:
      "The quarterly Victims' Code compliance return (as Police and Crime Commissioners report to the Ministry of Justice): each timed entitlement that arose in the quarter, met on time over those assessed, for Greater Manchester or one borough, every cell under disclosure control",
  })
  victimsCodeReturn(
    @Arg("quarter", () => String, { description: "YYYY-Qn, a calendar quarter: 2026-Q3 is July to September 2026" }) quarter: string,
    @Arg("borough", () => Borough, { nullable: true, description: "One borough; all of Greater Manchester when left out" }) borough: Borough | null,
    @Ctx() ctx: InsightsContext,
  ) {
    const { fromMonth, toMonth } = monthsOfQuarter(quarter);
    return ctx.services.evidence.table({
      measure: Measure.VICTIMS_CODE_COMPLIANCE,
      by: [],
      filter: filterValues({ fromMonth, toMonth, boroughs: borough ? [borough] : null }),
    });
  }

  @Query(() => EvidenceTable, { description: "Demand context: crimes in police.uk's street-level open data by month, borough and crime type" })
  areaDemand(@Args() args: AreaDemandArgs, @Ctx() ctx: InsightsContext) {
    return ctx.services.evidence.table({
      measure: Measure.POLICE_RECORDED_CRIME,
      by: args.by as unknown as Dimension[], // AreaDimension's values are Dimension's
      filter: filterValues({ fromMonth: args.fromMonth, toMonth: args.toMonth, boroughs: args.boroughs, crimeTypes: args.crimeTypes }),
    });
  }
}

/** A calendar quarter's first and last months, or INVALID_INPUT. */
export function monthsOfQuarter(quarter: string): { fromMonth: string; toMonth: string } {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) throw appError(ErrorCode.INVALID_INPUT, "quarter must be YYYY-Qn, n from 1 to 4", { argument: "quarter" });
  const first = (Number(match[2]) - 1) * 3 + 1;
  const month = (m: number) => `${match[1]}-${String(m).padStart(2, "0")}`;
  return { fromMonth: month(first), toMonth: month(first + 2) };
}

const yesNo = (flag: boolean | null | undefined) => (flag === null || flag === undefined ? undefined : [flag ? "YES" : "NO"]);

/** The typed filter as dimension values. */
export function filterValues(filter: EvidenceFilter | null | undefined): EvidenceFilterValues {
  if (!filter) return {};
  const values: Partial<Record<Dimension, readonly string[] | undefined>> = {
    [Dimension.BOROUGH]: filter.boroughs ?? undefined,
    [Dimension.CRIME_TYPE]: filter.crimeTypes ?? undefined,
    [Dimension.ROUTE]: filter.routes ?? undefined,
    [Dimension.SERVICE]: filter.services ?? undefined,
    [Dimension.OUTCOME]: filter.outcomes ?? undefined,
    [Dimension.RISK_TOOL]: filter.riskTools ?? undefined,
    [Dimension.RISK_LEVEL]: filter.riskLevels ?? undefined,
    [Dimension.ORDER_KIND]: filter.orderKinds ?? undefined,
    [Dimension.ORDER_OUTCOME]: filter.orderOutcomes ?? undefined,
    [Dimension.OUTCOME_AREA]: filter.outcomeAreas ?? undefined,
    [Dimension.SUBMISSION_KIND]: filter.submissionKinds ?? undefined,
    [Dimension.NRM_STAGE]: filter.nrmStages ?? undefined,
    [Dimension.STAY_LENGTH]: filter.stayLengths ?? undefined,
    [Dimension.AGE_BAND]: filter.ageBands ?? undefined,
    [Dimension.SEX]: filter.sexes ?? undefined,
    [Dimension.ETHNICITY]: filter.ethnicities ?? undefined,
    [Dimension.ETHNIC_GROUP]: filter.ethnicGroups ?? undefined,
    [Dimension.DISABILITY]: filter.disabilities ?? undefined,
    [Dimension.DOMESTIC_ABUSE]: yesNo(filter.domesticAbuse),
    [Dimension.STALKING]: yesNo(filter.stalking),
    [Dimension.HATE_CRIME]: yesNo(filter.hateCrime),
    [Dimension.MODERN_SLAVERY]: yesNo(filter.modernSlavery),
  };
  return {
    fromMonth: filter.fromMonth,
    toMonth: filter.toMonth,
    values: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as EvidenceFilterValues["values"],
  };
}
