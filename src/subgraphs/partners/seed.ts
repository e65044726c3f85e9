import type { Database } from "../../platform/database";

/**
 * The partners subgraph keeps no copy of partner case records: its
 * synthetic data lives in the connectors' stand-ins (connectors/pankhurst/seed.ts,
 * connectors/hourglass/fixtures, connectors/challenger/seed.sql). The MARAC
 * referrals their high-risk assessments call for are raised by the risk
 * sync at start-up (marac/marac.sync.ts), not seeded.
 */
export async function seedPartners(_db: Database): Promise<void> {}
