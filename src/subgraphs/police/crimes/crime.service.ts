import type { PoliceApiClient } from "../../../../connectors/police/client";
import type { Borough as PoliceBorough, InvestigationUpdate as PoliceUpdate, PoliceCrime, ProtectiveOrder as PoliceOrder } from "../../../../connectors/police/types";
import { Borough } from "../../../platform/domain";
import { fromSource } from "../../../platform/errors";
import { InvestigationUpdate, ProtectiveOrder } from "../investigation/investigation.types";
import { Classification, Crime, OffenceClassification, StalkingTriage } from "./crime.types";

/**
 * Crimes, their investigation updates and protective orders, read from the
 * police records API (the police system is the record; the hub keeps no
 * copy). Each method is one connector call for a whole batch, which is what
 * the per-request DataLoaders call. A source that cannot answer becomes
 * SOURCE_UNAVAILABLE (fromSource).
 */
export class CrimeService {
  constructor(private readonly police: PoliceApiClient) {}

  /** In the order asked, null where police know no such crime. */
  async findByReferences(references: readonly string[]): Promise<(Crime | null)[]> {
    const crimes = await fromSource(() => this.police.fetchByKeys(references));
    return crimes.map((crime) => (crime ? toCrime(crime) : null));
  }

  /** Each crime's updates, oldest first, in the order asked. */
  async updatesFor(references: readonly string[]): Promise<InvestigationUpdate[][]> {
    const updates = await fromSource(() => this.police.updatesForCrimes(references));
    return updates.map((list) => list.map(toUpdate));
  }

  /** Each crime's protective orders, in the order asked. */
  async ordersFor(references: readonly string[]): Promise<ProtectiveOrder[][]> {
    const orders = await fromSource(() => this.police.ordersForCrimes(references));
    return orders.map((list) => list.map(toOrder));
  }

  /** Most recently recorded first, optionally in one borough: one search call. */
  async recent(first: number, borough: Borough | null): Promise<Crime[]> {
    const page = await fromSource(() => this.police.search(borough ? { borough: borough as string as PoliceBorough } : {}, { first }));
    return page.items.map(toCrime);
  }
}

export function toCrime(source: PoliceCrime): Crime {
  const { crimeReference, flags } = source;
  return Object.assign(new Crime(), {
    crimeReference,
    recordedAt: new Date(source.recordedAt),
    offence: Object.assign(new OffenceClassification(), { code: source.offence.homeOfficeCode, description: source.offence.description, crimeReference }),
    offenceCode: source.offence.homeOfficeCode,
    offenceDescription: source.offence.description,
    classificationHistory: source.classificationHistory.map((c) =>
      Object.assign(new Classification(), { at: new Date(c.at), code: c.homeOfficeCode, description: c.description, reason: c.reason, crimeReference }),
    ),
    // The API's boroughs are the hub's, value for value (connectors/police/types.ts).
    borough: source.borough as string as Borough,
    status: source.status,
    outcome: source.outcome,
    domesticAbuse: flags.domesticAbuse,
    stalking: flags.stalking,
    harassment: flags.harassment,
    controllingOrCoercive: flags.controllingOrCoercive,
    hateCrimeStrand: flags.hateCrimeStrand,
    modernSlavery: flags.modernSlavery,
    fraud: flags.fraud,
    stalkingTriage: source.stalkingTriage
      ? Object.assign(new StalkingTriage(), { ...source.stalkingTriage, reviewedAt: new Date(source.stalkingTriage.reviewedAt), crimeReference })
      : null,
    victimRef: source.victimRef,
    suspectRef: source.suspectRef,
  });
}

function toUpdate(source: PoliceUpdate): InvestigationUpdate {
  return Object.assign(new InvestigationUpdate(), { ...source, occurredAt: new Date(source.occurredAt) });
}

function toOrder(source: PoliceOrder): ProtectiveOrder {
  return Object.assign(new ProtectiveOrder(), source);
}
