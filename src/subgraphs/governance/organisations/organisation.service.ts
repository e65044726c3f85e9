import { DataSource, In } from "typeorm";
import { oneByKey } from "../../../platform/batch";
import { OrganisationCode } from "../../../platform/domain";
import { OrganisationRecord } from "./organisation.entity";

export class OrganisationService {
  constructor(private readonly dataSource: DataSource) {}

  all(): Promise<OrganisationRecord[]> {
    return this.dataSource.getRepository(OrganisationRecord).find({ order: { code: "ASC" } });
  }

  async findByCodes(codes: readonly OrganisationCode[]): Promise<(OrganisationRecord | null)[]> {
    const rows = await this.dataSource.getRepository(OrganisationRecord).findBy({ code: In([...codes]) });
    return oneByKey(codes, rows, (row) => row.code);
  }
}
