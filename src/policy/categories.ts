import { registerEnumType } from "type-graphql";

/**
 * Categories of personal data. Agreements and consents name categories; every
 * sensitive field declares exactly one. Health, ethnicity, religion and sex
 * life are special category data (UK GDPR Art. 9): PROTECTED_CHARACTERISTICS
 * and HEALTH.
 */
export enum DataCategory {
  IDENTITY = "IDENTITY",
  CONTACT = "CONTACT",
  ADDRESS = "ADDRESS",
  HEALTH = "HEALTH",
  OFFENCE_DETAILS = "OFFENCE_DETAILS",
  INVESTIGATION_UPDATES = "INVESTIGATION_UPDATES",
  RISK = "RISK",
  DEMOGRAPHICS = "DEMOGRAPHICS",
  PROTECTED_CHARACTERISTICS = "PROTECTED_CHARACTERISTICS",
  CASE_NOTES = "CASE_NOTES",
  SUPPORT = "SUPPORT",
}
registerEnumType(DataCategory, { name: "DataCategory", description: "A category of personal data, as agreements and consents name them" });

export const ALL_CATEGORIES = Object.values(DataCategory);
