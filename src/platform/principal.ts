import { registerEnumType } from "type-graphql";
import { OrganisationCode } from "./domain";

/** What a person does in their organisation; decides which categories they may see at all. */
export enum Role {
  CASEWORKER = "caseworker",
  SUPERVISOR = "supervisor",
  ANALYST = "analyst",
  COMMISSIONER = "commissioner",
  ADMIN = "admin",
}
registerEnumType(Role, { name: "Role" });

/** Why the data is asked for; agreements name the purposes they cover. */
export enum Purpose {
  SUPPORT = "support",
  SAFEGUARDING = "safeguarding",
  INVESTIGATION = "investigation",
  COMMISSIONING = "commissioning",
}
registerEnumType(Purpose, { name: "Purpose" });

/** The verified caller: from a JWT the gateway and every subgraph check for themselves. */
export interface Principal {
  subject: string;
  organisation: OrganisationCode;
  roles: Role[];
  purpose: Purpose;
}
