import type { Config } from "../platform/config";
import type { OrganisationCode } from "../platform/domain";
import type { DataCategory } from "./categories";
import { AccessEvaluator, AccessOutcome } from "./access";
import type { SubjectKey } from "./governance-port";

/**
 * How the subgraphs decide access. "guarded" is the only mode a deployment
 * has. "permit-all-unaudited" allows every field and writes no audit: it
 * exists so the load benchmark (bench/load.ts) can show what authorisation
 * and audit cost, with everything else the same. It is an in-process option
 * of startHub only; no config or environment setting reaches it, and it
 * refuses to start under NODE_ENV=production.
 */
export type AccessMode = "guarded" | "permit-all-unaudited";

export class PermitAllRefusedError extends Error {
  constructor() {
    super('access mode "permit-all-unaudited" is for benchmarks only and refuses to start under NODE_ENV=production');
    this.name = "PermitAllRefusedError";
  }
}

/** Throws unless the mode may run here: permit-all never where either the process or the config says production. */
export function assertAccessModeAllowed(mode: AccessMode, config: Pick<Config, "env">, env: NodeJS.ProcessEnv = process.env): void {
  if (mode === "guarded") return;
  if (env.NODE_ENV === "production" || config.env === "production") throw new PermitAllRefusedError();
}

const ALLOW: AccessOutcome = { decision: "ALLOW", basis: "AGREEMENT", agreementId: null, consentId: null, subjectId: null, breakGlass: false };

/** Allows every field, loads no policy facts and buffers no audit: the benchmark's baseline without authorisation. */
export class PermitAllUnauditedEvaluator extends AccessEvaluator {
  override decideFor(_subject: SubjectKey | null, _holder: OrganisationCode, _category: DataCategory, _record?: string): Promise<AccessOutcome> {
    return Promise.resolve(ALLOW);
  }

  override refuseOperation(): void {
    // This mode writes no audit.
  }

  override async flush(): Promise<void> {
    // Nothing was buffered: this mode writes no audit.
  }
}
