import { z } from "zod";
import {
  Borough,
  HateCrimeStrand,
  InvestigationStatus,
  InvestigationUpdateKind,
  PoliceCrime,
  PoliceHealth,
  InvestigationUpdate,
  ProtectiveOrder,
  ProtectiveOrderKind,
  ProtectiveOrderStatus,
  TriageRisk,
} from "./types";

/**
 * Response validation. Each schema is annotated with the type it must
 * produce, so the compiler keeps it in step with types.ts. Objects are not
 * strict: a field the source adds later is dropped, not an error.
 */

const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();

export const crimeSchema: z.ZodType<PoliceCrime> = z.object({
  crimeReference: z.string().min(1),
  recordedAt: instant,
  offence: z.object({ homeOfficeCode: z.string().min(1), description: z.string() }),
  flags: z.object({
    domesticAbuse: z.boolean(),
    stalking: z.boolean(),
    harassment: z.boolean(),
    controllingOrCoercive: z.boolean(),
    hateCrimeStrand: z.enum(HateCrimeStrand).nullable(),
    modernSlavery: z.boolean(),
    fraud: z.boolean(),
  }),
  borough: z.enum(Borough),
  status: z.enum(InvestigationStatus),
  outcome: z.string().nullable(),
  classificationHistory: z.array(
    z.object({ at: instant, homeOfficeCode: z.string().min(1), description: z.string(), reason: z.string() }),
  ),
  stalkingTriage: z
    .object({
      reviewedAt: instant,
      risk: z.enum(TriageRisk),
      linesOfEnquiry: z.array(z.string()),
      spoConsidered: z.boolean(),
      legacyCase: z.boolean(),
    })
    .nullable(),
  victimRef: z.string().min(1),
  suspectRef: z.string().min(1).nullable(),
});

export const investigationUpdateSchema: z.ZodType<InvestigationUpdate> = z.object({
  id: z.string().min(1),
  crimeReference: z.string().min(1),
  kind: z.enum(InvestigationUpdateKind),
  occurredAt: instant,
  summary: z.string(),
});

export const protectiveOrderSchema: z.ZodType<ProtectiveOrder> = z.object({
  id: z.string().min(1),
  crimeReference: z.string().min(1),
  kind: z.enum(ProtectiveOrderKind),
  status: z.enum(ProtectiveOrderStatus),
  appliedOn: day,
  grantedOn: day.nullable(),
  expiresOn: day.nullable(),
});

export const itemsSchema = <T>(item: z.ZodType<T>) => z.object({ items: z.array(item) });

export const crimePageSchema = z.object({ items: z.array(crimeSchema), nextCursor: z.string().min(1).optional() });

export const changeBatchSchema = z.object({ items: z.array(crimeSchema), cursor: z.string().min(1), hasMore: z.boolean() });

export const healthSchema: z.ZodType<PoliceHealth> = z.object({ status: z.enum(["UP", "DEGRADED"]) });
