import { Column, Entity, PrimaryColumn } from "typeorm";
import { OrganisationCode } from "../../../platform/domain";
import { OrganisationKind } from "./organisation.types";

@Entity({ schema: "governance", name: "organisation" })
export class OrganisationRecord {
  @PrimaryColumn({ type: "text" })
  code!: OrganisationCode;

  @Column({ type: "text" })
  name!: string;

  @Column({ type: "text" })
  kind!: OrganisationKind;
}
