import type { Database } from "../../platform/database";
import { RefreshRunRecord } from "./refresh/refresh.entity";

/** Records that the (empty) evidence base was built at seed time, once. */
export async function seedInsights(db: Database): Promise<void> {
  const repository = db.dataSource.getRepository(RefreshRunRecord);
  if ((await repository.count()) > 0) return;
  const now = new Date();
  await repository.insert({ startedAt: now, finishedAt: now, factsWritten: 0 });
}
