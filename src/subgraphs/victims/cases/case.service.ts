import { DataSource, In } from "typeorm";
import { isUuid, oneByKey } from "../../../platform/batch";
import { Borough } from "../../../platform/domain";
import { CaseRecord } from "./case.entity";

export class CaseService {
  constructor(private readonly dataSource: DataSource) {}

  async findByIds(ids: readonly string[]): Promise<(CaseRecord | null)[]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await this.dataSource.getRepository(CaseRecord).findBy({ id: In(valid) }) : [];
    return oneByKey(ids, rows, (row) => row.id);
  }

  /** Newest first, optionally in one borough. */
  recent(first: number, borough?: Borough): Promise<CaseRecord[]> {
    return this.dataSource.getRepository(CaseRecord).find({
      where: borough ? { borough } : {},
      order: { openedAt: "DESC", id: "ASC" },
      take: first,
    });
  }
}
