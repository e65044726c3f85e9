import { registerEnumType } from "type-graphql";

/**
 * Domain enumerations shared by more than one subgraph, registered once with
 * type-graphql. Every subgraph that uses one emits the same values, which
 * federation composition requires of enums used as inputs.
 */

/** The ten metropolitan boroughs of Greater Manchester (DOMAIN.md). */
export enum Borough {
  BOLTON = "BOLTON",
  BURY = "BURY",
  MANCHESTER = "MANCHESTER",
  OLDHAM = "OLDHAM",
  ROCHDALE = "ROCHDALE",
  SALFORD = "SALFORD",
  STOCKPORT = "STOCKPORT",
  TAMESIDE = "TAMESIDE",
  TRAFFORD = "TRAFFORD",
  WIGAN = "WIGAN",
}
registerEnumType(Borough, { name: "Borough", description: "A Greater Manchester borough" });

/** Organisations that take part in the hub (DESIGN.md, DOMAIN.md). */
export enum OrganisationCode {
  GMP = "GMP",
  GMVS = "GMVS",
  PANKHURST = "PANKHURST",
  HOURGLASS = "HOURGLASS",
  CHALLENGER = "CHALLENGER",
  GMCA = "GMCA",
}
registerEnumType(OrganisationCode, { name: "OrganisationCode", description: "An organisation taking part in Casebridge" });

/**
 * Protected characteristics and demographics as the hub records them for
 * equality monitoring (victims) and reports them in aggregate (insights) (Equality Act 2010 s.4). Categories follow the ONS
 * 2021 Census high-level groups; each has PREFER_NOT_TO_SAY, as answering is
 * voluntary. Ethnicity, religion and health (disability) are special category
 * data (UK GDPR Art. 9): every field below is PROTECTED_CHARACTERISTICS.
 */
export enum AgeBand {
  UNDER_18 = "UNDER_18",
  AGE_18_24 = "AGE_18_24",
  AGE_25_34 = "AGE_25_34",
  AGE_35_44 = "AGE_35_44",
  AGE_45_54 = "AGE_45_54",
  AGE_55_64 = "AGE_55_64",
  AGE_65_74 = "AGE_65_74",
  AGE_75_PLUS = "AGE_75_PLUS",
}
registerEnumType(AgeBand, { name: "AgeBand" });

export enum Sex {
  FEMALE = "FEMALE",
  MALE = "MALE",
  PREFER_NOT_TO_SAY = "PREFER_NOT_TO_SAY",
}
registerEnumType(Sex, { name: "Sex" });

/** ONS 2021 Census ethnic group, high-level (five groups). */
export enum Ethnicity {
  ASIAN = "ASIAN",
  BLACK = "BLACK",
  MIXED = "MIXED",
  WHITE = "WHITE",
  OTHER = "OTHER",
  PREFER_NOT_TO_SAY = "PREFER_NOT_TO_SAY",
}
registerEnumType(Ethnicity, { name: "Ethnicity" });

/** ONS 2021 Census: day-to-day activities limited by a long-term condition (the Equality Act definition). */
export enum Disability {
  LIMITED_A_LOT = "LIMITED_A_LOT",
  LIMITED_A_LITTLE = "LIMITED_A_LITTLE",
  NOT_DISABLED = "NOT_DISABLED",
  PREFER_NOT_TO_SAY = "PREFER_NOT_TO_SAY",
}
registerEnumType(Disability, { name: "Disability" });

/** ONS 2021 Census religion. */
export enum Religion {
  NO_RELIGION = "NO_RELIGION",
  BUDDHIST = "BUDDHIST",
  CHRISTIAN = "CHRISTIAN",
  HINDU = "HINDU",
  JEWISH = "JEWISH",
  MUSLIM = "MUSLIM",
  SIKH = "SIKH",
  OTHER = "OTHER",
  PREFER_NOT_TO_SAY = "PREFER_NOT_TO_SAY",
}
registerEnumType(Religion, { name: "Religion" });
