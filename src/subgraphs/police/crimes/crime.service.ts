import { DataSource, In } from "typeorm";
import { oneByKey } from "../../../platform/batch";
import { CrimeRecord } from "./crime.entity";

export class CrimeService {
  constructor(private readonly dataSource: DataSource) {}

  /** One statement for any number of references; results in the order asked, null where unknown. */
  async findByReferences(references: readonly string[]): Promise<(CrimeRecord | null)[]> {
    const rows = await this.dataSource.getRepository(CrimeRecord).findBy({ crimeReference: In([...references]) });
    return oneByKey(references, rows, (row) => row.crimeReference);
  }

  /** Most recently recorded first. */
  recent(first: number): Promise<CrimeRecord[]> {
    return this.dataSource.getRepository(CrimeRecord).find({ order: { recordedAt: "DESC", crimeReference: "ASC" }, take: first });
  }
}
