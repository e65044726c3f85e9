import { DataSource, In } from "typeorm";
import { isUuid, manyByKey, oneByKey } from "../../../platform/batch";
import { ServiceEpisodeRecord } from "./episode.entity";

export class EpisodeService {
  constructor(private readonly dataSource: DataSource) {}

  async findByIds(ids: readonly string[]): Promise<(ServiceEpisodeRecord | null)[]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await this.dataSource.getRepository(ServiceEpisodeRecord).findBy({ id: In(valid) }) : [];
    return oneByKey(ids, rows, (row) => row.id);
  }

  /** All episodes for many cases in one statement, oldest first within each case. */
  async findByCaseIds(caseIds: readonly string[]): Promise<ServiceEpisodeRecord[][]> {
    const valid = caseIds.filter(isUuid);
    const rows = valid.length
      ? await this.dataSource
          .getRepository(ServiceEpisodeRecord)
          .find({ where: { caseId: In(valid) }, order: { startedAt: "ASC", id: "ASC" } })
      : [];
    return manyByKey(caseIds, rows, (row) => row.caseId);
  }
}
