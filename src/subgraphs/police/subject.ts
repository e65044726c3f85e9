import { OrganisationCode } from "../../platform/domain";
import { DataCategory } from "../../policy/categories";
import { PersonalDataDeclaration, SubjectSystem } from "../../policy/sensitive";

/**
 * Everything the police subgraph returns is about a crime's victim: GMP holds
 * it, and others see it only as agreements, consent and relationships allow.
 * Types below a Crime carry the crime reference (not a GraphQL field) to name
 * that subject. `existence`: what knowing the record exists tells (a crime:
 * offence details; an update or order: investigation updates; a triage: risk).
 */
export const aboutTheVictim = (existence: DataCategory): PersonalDataDeclaration<{ crimeReference: string }> => ({
  subject: (record) => ({ system: SubjectSystem.POLICE_CRIME, ref: record.crimeReference }),
  holder: OrganisationCode.GMP,
  existence,
});
