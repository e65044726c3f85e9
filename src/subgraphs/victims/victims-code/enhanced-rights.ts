import { CrimeEnhancedRightsRule, CrimeFlagName, EnhancedRightsCategory, EnhancedRightsReason, VICTIMS_CODE_RULE_VERSIONS } from "./rules";

/** What the engine needs of a police crime record (connectors/police/types.ts PoliceCrime). */
export interface ClassifiedCrime {
  readonly recordedAt: string;
  readonly flags: { readonly [F in CrimeFlagName]?: unknown };
  /** Oldest first; each entry from the date the crime carried it. */
  readonly classificationHistory: readonly { readonly at: string; readonly homeOfficeCode: string }[];
}

/** One reason a victim is entitled to Enhanced Rights, and from when (null: for every event of the case). */
export interface EnhancedRightsBasis {
  readonly category: EnhancedRightsCategory;
  readonly reason: EnhancedRightsReason;
  readonly from: Date | null;
}

/** The rules of the newest version held: the police record is read as it stands now. */
function currentRules(): readonly CrimeEnhancedRightsRule[] {
  const newest = [...VICTIMS_CODE_RULE_VERSIONS].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  return newest?.enhancedRights.fromCrime ?? [];
}

/**
 * The Enhanced Rights a crime's record gives its victim, each from the date
 * it applies: the first time the crime was classified under one of the
 * rule's Home Office codes (so a harassment reclassified as stalking gives
 * them from the reclassification, not before), or, where only a flag says
 * so, from the crime's recording, since the police record does not date its
 * flags. A flag with no date would otherwise be today's flag applied to the
 * past, which is what the classification history is there to avoid.
 */
export function enhancedRightsFromCrime(crime: ClassifiedCrime, rules: readonly CrimeEnhancedRightsRule[] = currentRules()): EnhancedRightsBasis[] {
  const bases: EnhancedRightsBasis[] = [];
  for (const rule of rules) {
    const classified = crime.classificationHistory.filter((c) => rule.homeOfficeCodes.includes(c.homeOfficeCode)).map((c) => Date.parse(c.at));
    const from = classified.length > 0 ? Math.min(...classified) : rule.flag && crime.flags[rule.flag] ? Date.parse(crime.recordedAt) : null;
    if (from !== null && !Number.isNaN(from)) bases.push({ category: rule.category, reason: rule.reason, from: new Date(from) });
  }
  return bases;
}
