import type { Database } from "../../platform/database";
import { OrganisationCode } from "../../platform/domain";
import { SYNTHETIC_CASE_IDS } from "../../platform/synthetic";
import { ServiceEpisodeRecord } from "./episodes/episode.entity";
import { EpisodeStatus } from "./episodes/episode.types";

export const SEED_EPISODES: ServiceEpisodeRecord[] = [
  episode("5eed0000-0000-4000-8000-0000000000e1", SYNTHETIC_CASE_IDS.clientM, OrganisationCode.PANKHURST, "Restore", EpisodeStatus.ACTIVE, "2026-09-08T10:00:00Z", null),
  episode("5eed0000-0000-4000-8000-0000000000e2", SYNTHETIC_CASE_IDS.coercive, OrganisationCode.PANKHURST, "Domestic abuse support", EpisodeStatus.ACTIVE, "2026-09-15T09:30:00Z", null),
  episode("5eed0000-0000-4000-8000-0000000000e3", SYNTHETIC_CASE_IDS.selfReferral, OrganisationCode.HOURGLASS, "Economic abuse", EpisodeStatus.CLOSED, "2026-10-08T13:00:00Z", "2026-11-05T16:00:00Z"),
];

function episode(
  id: string,
  caseId: string,
  provider: OrganisationCode,
  service: string,
  status: EpisodeStatus,
  startedAt: string,
  endedAt: string | null,
): ServiceEpisodeRecord {
  return Object.assign(new ServiceEpisodeRecord(), {
    id,
    caseId,
    provider,
    service,
    status,
    startedAt: new Date(startedAt),
    endedAt: endedAt ? new Date(endedAt) : null,
  });
}

export async function seedPartners(db: Database): Promise<void> {
  await db.dataSource.createQueryBuilder().insert().into(ServiceEpisodeRecord).values(SEED_EPISODES).orIgnore().execute();
}
