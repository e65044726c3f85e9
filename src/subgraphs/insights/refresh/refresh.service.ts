import { DataSource } from "typeorm";
import { RefreshRunRecord } from "./refresh.entity";

export class RefreshService {
  constructor(private readonly dataSource: DataSource) {}

  /** The most recent refresh, finished or not. */
  latest(): Promise<RefreshRunRecord | null> {
    return this.dataSource.getRepository(RefreshRunRecord).findOne({ where: {}, order: { startedAt: "DESC", id: "DESC" } });
  }
}
