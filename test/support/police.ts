import type { PoliceStandIn } from "../../connectors/police/stand-in";
import { Borough, CrimeFlags, InvestigationStatus, PoliceCrime } from "../../connectors/police/types";
import type { Hub } from "../../src/hub";

/** The police records API stand-in the hub started (tests run without a real police API). */
export function policeStandIn(hub: Hub): PoliceStandIn {
  const standIn = hub.sources.standIns.police;
  if (!standIn) throw new Error("this hub was configured with a real police API; tests need the stand-in");
  return standIn;
}

export interface SyntheticCrime {
  crimeReference: string;
  /** Home Office Counting Rules code and description, e.g. 8Q Stalking. */
  homeOfficeCode: string;
  description: string;
  borough: Borough;
  status?: InvestigationStatus;
  recordedAt?: Date;
  flags?: Partial<CrimeFlags>;
}

/** A synthetic crime as the police records API holds it: one classification, an opaque victim reference; `more` sets the rest. */
export function syntheticCrime(crime: SyntheticCrime, more: Partial<PoliceCrime> = {}): PoliceCrime {
  const recordedAt = (crime.recordedAt ?? new Date()).toISOString();
  return {
    crimeReference: crime.crimeReference,
    recordedAt,
    offence: { homeOfficeCode: crime.homeOfficeCode, description: crime.description },
    flags: {
      domesticAbuse: false,
      stalking: false,
      harassment: false,
      controllingOrCoercive: false,
      hateCrimeStrand: null,
      modernSlavery: false,
      fraud: false,
      ...crime.flags,
    },
    borough: crime.borough,
    status: crime.status ?? InvestigationStatus.UNDER_INVESTIGATION,
    outcome: null,
    classificationHistory: [{ at: recordedAt, homeOfficeCode: crime.homeOfficeCode, description: crime.description, reason: "Classified on recording" }],
    stalkingTriage: null,
    victimRef: `SYN-VICTIM-${crime.crimeReference}`,
    suspectRef: null,
    ...more,
  };
}

/** Records a synthetic crime in the hub's police stand-in, as GMP recording it would. */
export function recordCrime(hub: Hub, crime: SyntheticCrime, more: Partial<PoliceCrime> = {}): PoliceCrime {
  const record = syntheticCrime(crime, more);
  policeStandIn(hub).recordChange(record);
  return record;
}
