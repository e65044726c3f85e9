import { OrganisationCode } from "../../platform/domain";
import { PersonalDataDeclaration, SubjectSystem } from "../../policy/sensitive";

/**
 * Everything the police subgraph returns is about a crime's victim: GMP holds
 * it, and others see it only as agreements, consent and relationships allow.
 * Types below a Crime carry the crime reference (not a GraphQL field) to name
 * that subject.
 */
export const ABOUT_THE_VICTIM: PersonalDataDeclaration<{ crimeReference: string }> = {
  subject: (record) => ({ system: SubjectSystem.POLICE_CRIME, ref: record.crimeReference }),
  holder: OrganisationCode.GMP,
};
