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
