/**
 * Identifiers the synthetic seed data shares across subgraphs, the way real
 * systems share keys: a partner's record holds the GMVS case id it was
 * referred under. Every one is made up; no real person is behind any of them.
 */
export const SYNTHETIC_CASE_IDS = {
  clientM: "5eed0000-0000-4000-8000-000000000001",
  harassment: "5eed0000-0000-4000-8000-000000000002",
  coercive: "5eed0000-0000-4000-8000-000000000003",
  selfReferral: "5eed0000-0000-4000-8000-000000000004",
} as const;
