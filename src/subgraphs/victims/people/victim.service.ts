import { DataSource, In } from "typeorm";
import { isUuid, oneByKey } from "../../../platform/batch";
import { VictimRecord } from "./victim.entity";

export class VictimService {
  constructor(private readonly dataSource: DataSource) {}

  /** One statement for any number of ids; key order, null where unknown. */
  async findByIds(ids: readonly string[]): Promise<(VictimRecord | null)[]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await this.dataSource.getRepository(VictimRecord).findBy({ id: In(valid) }) : [];
    return oneByKey(ids, rows, (row) => row.id);
  }
}
