import { Role } from "../../src/platform/principal";
import fc from "fast-check";
import { FieldNode, getLocation, Kind, OperationDefinitionNode, parse, SelectionSetNode, Source } from "graphql";
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { MANIFEST_PATH } from "../../src/gateway/safelist";
import { OrganisationCode } from "../../src/platform/domain";
import type { TestHub } from "../support/hub";
import { caseRec, crimeRec, ExpectedError, mayKnow, Oracle, printSelection, Rec, RenderContext, refusal, renderList, renderRecord, Sel } from "./oracle";
import { Caller, callerArb, REFERRAL_STATES, World, WorldVictim } from "./world";

/**
 * The requests the differential test sends, each with what the oracle
 * expects back: through the gateway (by id, nested, lists, persisted
 * operations) and straight at a subgraph (root fields and `_entities`).
 */

export type Target = "gateway" | "victims" | "police" | "partners";

export interface Expected {
  data: unknown;
  errors: unknown[];
  /** Records the answer shows, and records that exist but the caller may not know of. */
  shown: number;
  withheld: number;
}

export interface DiffRequest {
  kind: string;
  target: Target;
  caller: Caller;
  query: string;
  variables: Record<string, unknown>;
  /** A persisted operation: sent with its hash as Apollo's persisted-query extension. */
  persistedHash?: string;
  /** What of the answer is compared, where not all of it is the oracle's to say. */
  normalise?: (data: unknown) => unknown;
  expect(oracle: Oracle): Expected;
}

/** The one place the break-glass reason goes on a request (its header format may change). */
export function breakGlassHeaders(caller: Caller): Record<string, string> {
  return caller.breakGlass === null || !caller.roles.includes(Role.SUPERVISOR) ? {} : { "x-break-glass-reason": caller.breakGlass };
}

// ---------------------------------------------------------------------------
// Selections.

const leaf = (...names: string[]): Sel[] => names.map((name) => ({ name }));
const pick = (names: string[], min = 0) => fc.subarray(names, { minLength: min });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const CRIME_VALUES = ["recordedAt", "offenceCode", "offenceDescription", "borough", "status", "domesticAbuse", "stalking", "hateCrimeStrand", "victimRef"];
const crimeSelArb: fc.Arbitrary<Sel[]> = fc
  .record({
    values: pick(CRIME_VALUES),
    triage: fc.boolean(),
    updates: optional(pick(["kind", "occurredAt", "summary"])),
    orders: optional(pick(["kind", "status", "appliedOn", "grantedOn", "expiresOn"])),
  })
  .map(({ values, triage, updates, orders }) => [
    { name: "crimeReference" },
    ...leaf(...values),
    ...(triage ? [{ name: "stalkingTriage", sub: leaf("risk") }] : []),
    ...(updates ? [{ name: "updates", sub: leaf("id", ...updates) }] : []),
    ...(orders ? [{ name: "orders", sub: leaf("id", ...orders) }] : []),
  ]);

const PARTNER_LISTS: Record<string, string[]> = {
  episodes: ["provider", "service", "worker", "status", "startedAt", "endedAt"],
  riskAssessments: ["provider", "origin", "tool", "assessedAt", "assessor", "score", "level"],
  maracReferrals: ["provider", "assessmentId", "raisedAt", "reasons"],
  safetyPlans: ["provider", "createdAt", "nextReviewDue"],
  supportActions: ["provider", "kind", "date", "status"],
  outcomes: ["provider", "measure", "value", "recordedAt"],
  referrals: ["partner", "service", "reason", "status", "sentAt", "receivedAt", "acceptedAt", "declinedAt", "declineReason", "withdrawnAt", "closedAt"],
};
const HOURGLASS_FIELDS = ["olderVictim", "ageBand", "economicAbuse", "specialistWorker", "latestReturnMonth"];
const partnerListsArb: fc.Arbitrary<Sel[]> = fc
  .tuple(
    fc.subarray(Object.keys(PARTNER_LISTS), { minLength: 1, maxLength: 4 }).chain((lists) => fc.tuple(...lists.map((l) => pick(PARTNER_LISTS[l] as string[]).map((fields) => ({ name: l, sub: leaf("id", ...fields) }))))),
    optional(pick(HOURGLASS_FIELDS, 1)),
  )
  .map(([lists, hourglass]) => [...lists, ...(hourglass ? [{ name: "hourglass", sub: leaf(...hourglass) }] : [])]);

const caseSelArb = (withRemote: boolean): fc.Arbitrary<Sel[]> =>
  fc
    .record({
      reference: fc.boolean(),
      values: pick(["borough", "thematicLead", "status", "openedAt"]),
      crime: withRemote ? optional(crimeSelArb) : optional(fc.constant<Sel[]>([{ name: "crimeReference" }])),
      partners: withRemote ? optional(partnerListsArb) : fc.constant(undefined),
    })
    .map(({ reference, values, crime, partners }) => [
      { name: "id" },
      ...(reference ? leaf("caseReference") : []),
      ...leaf(...values),
      ...(crime ? [{ name: "crime", sub: crime }] : []),
      ...(partners ?? []),
    ]);

const referralSelArb: fc.Arbitrary<Sel[]> = fc
  .record({ fields: pick(PARTNER_LISTS.referrals as string[]), kase: optional(pick(["caseReference", "borough"])) })
  .map(({ fields, kase }) => [{ name: "id" }, ...leaf(...fields), ...(kase ? [{ name: "case", sub: leaf("id", ...kase) }] : [])]);

// ---------------------------------------------------------------------------
// Persisted operations, with the selection each one makes (as written in schema/operations).

const manifest = JSON.parse(readFileSync(MANIFEST_PATH, "utf8")) as Record<string, string>;
function persisted(name: string): { text: string; hash: string } {
  const entry = Object.entries(manifest).find(([, text]) => new RegExp(`^(query|mutation) ${name}\\(`, "m").test(text) && !/^fragment/.test(text));
  if (!entry) throw new Error(`no persisted operation ${name}`);
  return { hash: entry[0], text: entry[1] };
}

const SHARED_CASE: Sel[] = [
  ...leaf("id", "caseReference", "borough", "status"),
  { name: "crime", sub: [...leaf("crimeReference", "offenceDescription", "stalking", "status"), { name: "updates", sub: leaf("kind", "occurredAt") }, { name: "stalkingTriage", sub: leaf("risk") }] },
  { name: "referrals", sub: leaf("id", "partner", "service", "status", "sentAt", "receivedAt", "acceptedAt") },
  { name: "riskAssessments", sub: leaf("id", "provider", "tool", "score", "level", "maracReferralRequired") },
  { name: "maracReferrals", sub: leaf("id", "provider", "raisedAt", "reasons") },
  { name: "safetyPlans", sub: leaf("id", "provider", "nextReviewDue") },
  { name: "supportActions", sub: leaf("id", "kind", "status") },
];
const CASE_VIEW: Sel[] = [
  ...leaf("id", "caseReference", "borough", "thematicLead", "status", "openedAt"),
  { name: "crime", sub: leaf("crimeReference", "recordedAt", "offenceCode", "offenceDescription", "borough", "status", "domesticAbuse", "stalking") },
  { name: "episodes", sub: leaf("id", "provider", "service", "status", "startedAt", "endedAt") },
];
const REFERRALS_FOR_ME: Sel[] = leaf("id", "status", "service", "reason", "sentAt", "receivedAt", "withdrawnAt", "closedAt");

// ---------------------------------------------------------------------------
// Requests.

/** A case id that names no case: the same answer must come back as for one the caller may not know. */
const UNKNOWN = "unknown";
type Target1 = number | typeof UNKNOWN;

/** A case nobody recorded, as the partners subgraph sees a reference to one: an id and nothing held for it. */
function phantom(caseId: string): WorldVictim {
  return {
    caseId,
    caseReference: "",
    borough: "BURY" as WorldVictim["borough"],
    thematicLead: "GENERAL",
    openedAt: "",
    crime: { crimeReference: "", updates: [], orders: [] } as unknown as WorldVictim["crime"],
    linked: false,
    relationships: [],
    consents: [],
    pankhurst: null,
    hourglass: null,
    riskAssessments: [],
    maracReferrals: [],
    referrals: [],
  };
}

const ctxOf = (oracle: Oracle, caller: Caller, target: Target = "gateway"): RenderContext => ({ oracle, caller, errors: [], viaGateway: target === "gateway", shown: 0, withheld: 0 });
const result = (data: unknown, ctx: RenderContext) => ({ data, errors: ctx.errors, shown: ctx.shown, withheld: ctx.withheld });

export function requestArb(world: World): fc.Arbitrary<DiffRequest> {
  const victims = world.victims;
  const which: fc.Arbitrary<Target1> = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: victims.length - 1 }) }, { weight: 1, arbitrary: fc.constant(UNKNOWN) });
  const allReferrals = victims.flatMap((v) => v.referrals.map((r) => ({ victim: v, id: r.id })));
  const referralWhich = allReferrals.length ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...allReferrals) }, { weight: 1, arbitrary: fc.constant(null) }) : fc.constant(null);
  const victimAt = (t: Target1) => (t === UNKNOWN ? null : (victims[t] as WorldVictim));

  const gatewayCase = fc.tuple(callerArb, which, caseSelArb(true)).map(([caller, t, sel]): DiffRequest => {
    const v = victimAt(t);
    const id = v?.caseId ?? randomUUID();
    return {
      kind: "gateway case(id)",
      target: "gateway",
      caller,
      query: `query($id: ID!) { case(id: $id) { ${printSelection(sel)} } }`,
      variables: { id },
      expect: (oracle) => {
        const ctx = ctxOf(oracle, caller);
        return result({ case: renderRecord(ctx, v && caseRec(v), sel, ["case"]) }, ctx);
      },
    };
  });

  const gatewayCrime = fc.tuple(callerArb, which, crimeSelArb).map(([caller, t, sel]): DiffRequest => {
    const v = victimAt(t);
    return {
      kind: "gateway crime(crimeReference)",
      target: "gateway",
      caller,
      query: `query($ref: ID!) { crime(crimeReference: $ref) { ${printSelection(sel)} } }`,
      variables: { ref: v?.crime.crimeReference ?? `SYN/X${randomUUID().slice(0, 8)}/26` },
      expect: (oracle) => {
        const ctx = ctxOf(oracle, caller);
        return result({ crime: renderRecord(ctx, v && crimeRec(v), sel, ["crime"]) }, ctx);
      },
    };
  });

  const referralById = (target: Target) =>
    fc.tuple(callerArb, referralWhich, referralSelArb).map(([caller, which, sel]): DiffRequest => {
      // Straight at the partners subgraph the case is a stub: its id only.
      const selection = target === "gateway" ? sel : sel.map((s) => (s.name === "case" ? { name: "case", sub: leaf("id") } : s));
      const rec = (oracle: Oracle): Rec | null => {
        if (!which) return null;
        const r = which.victim.referrals.find((x) => x.id === which.id)!;
        void oracle;
        return caller.organisation === OrganisationCode.GMVS || r.partner === caller.organisation ? { type: "Referral", victim: which.victim, data: { ...r } } : null;
      };
      return {
        kind: `${target} referral(id)`,
        target,
        caller,
        query: `query($id: ID!) { referral(id: $id) { ${printSelection(selection)} } }`,
        variables: { id: which?.id ?? randomUUID() },
        expect: (oracle) => {
          const ctx = ctxOf(oracle, caller, target);
          return result({ referral: renderRecord(ctx, rec(oracle), selection, ["referral"]) }, ctx);
        },
      };
    });

  const referralsForMe = fc
    .tuple(callerArb, fc.option(fc.constantFrom(...REFERRAL_STATES), { nil: null }), fc.boolean(), referralSelArb)
    .map(([caller, status, usePersisted, sel]): DiffRequest => {
      const op = persisted("ReferralsForMe");
      const selection = usePersisted ? REFERRALS_FOR_ME : sel;
      return {
        kind: usePersisted ? "persisted ReferralsForMe" : "gateway referralsForMe",
        target: "gateway",
        caller,
        query: usePersisted ? op.text : `query($status: ReferralStatus) { referralsForMe(first: 50, status: $status) { ${printSelection(selection)} } }`,
        persistedHash: usePersisted ? op.hash : undefined,
        variables: usePersisted ? { status, first: 50 } : { status },
        expect: (oracle) => {
          const ctx = ctxOf(oracle, caller);
          if (!caller.roles.some((r) => r === "caseworker" || r === "supervisor")) {
            ctx.errors.push(refusal(ctx, "ROLE_NOT_PERMITTED", "Only caseworker, supervisor may use this field", ["referralsForMe"], "partners"));
            return result(null, ctx);
          }
          const addressed = victims
            .flatMap((v) => v.referrals.map((r) => ({ type: "Referral" as const, victim: v, data: { ...r } as Record<string, unknown> })))
            .filter((r) => r.data.partner === caller.organisation && (status === null || r.data.status === status))
            .sort((a, b) => String(b.data.sentAt).localeCompare(String(a.data.sentAt)) || String(b.data.id).localeCompare(String(a.data.id)));
          return result({ referralsForMe: renderList(ctx, addressed, selection, ["referralsForMe"]) }, ctx);
        },
      };
    });

  const persistedCase = fc.tuple(callerArb, which, fc.constantFrom("SharedCase", "CaseView")).map(([caller, t, name]): DiffRequest => {
    const v = victimAt(t);
    const op = persisted(name);
    const sel = name === "SharedCase" ? SHARED_CASE : CASE_VIEW;
    return {
      kind: `persisted ${name}`,
      target: "gateway",
      caller,
      query: op.text,
      persistedHash: op.hash,
      variables: { id: v?.caseId ?? randomUUID() },
      expect: (oracle) => {
        const ctx = ctxOf(oracle, caller);
        return result({ case: renderRecord(ctx, v && caseRec(v), sel, ["case"]) }, ctx);
      },
    };
  });

  const victimsCase = fc.tuple(callerArb, which, caseSelArb(false), fc.boolean()).map(([caller, t, sel, asEntity]): DiffRequest => {
    const v = victimAt(t);
    const id = v?.caseId ?? randomUUID();
    return asEntity
      ? {
          kind: "victims _entities(Case)",
          target: "victims",
          caller,
          query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { ${printSelection(sel)} } } }`,
          variables: { r: [{ __typename: "Case", id }] },
          expect: (oracle) => {
            const ctx = ctxOf(oracle, caller, "victims");
            return result({ _entities: [renderRecord(ctx, v && caseRec(v), sel, ["_entities", 0])] }, ctx);
          },
        }
      : {
          kind: "victims case(id)",
          target: "victims",
          caller,
          query: `query($id: ID!) { case(id: $id) { ${printSelection(sel)} } }`,
          variables: { id },
          expect: (oracle) => {
            const ctx = ctxOf(oracle, caller, "victims");
            return result({ case: renderRecord(ctx, v && caseRec(v), sel, ["case"]) }, ctx);
          },
        };
  });

  // Several representations at once, known and unknown, as the gateway would send them (or a hostile caller would).
  const partnersEntities = fc.tuple(callerArb, fc.array(which, { minLength: 1, maxLength: 3 }), partnerListsArb).map(([caller, targets, sel]): DiffRequest => {
    const reps = targets.map((t) => victimAt(t) ?? phantom(randomUUID()));
    const selection = [{ name: "id" }, ...sel];
    return {
      kind: "partners _entities(Case)",
      target: "partners",
      caller,
      query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { ${printSelection(selection)} } } }`,
      variables: { r: reps.map((v) => ({ __typename: "Case", id: v.caseId })) },
      expect: (oracle) => {
        const ctx = ctxOf(oracle, caller, "partners");
        // The partners subgraph keeps no list of cases: a reference to one is known where a case with that id may be known.
        return result({ _entities: reps.map((v, i) => renderRecord(ctx, caseRec(v), selection, ["_entities", i])) }, ctx);
      },
    };
  });

  const policeEntities = fc.tuple(callerArb, fc.array(which, { minLength: 1, maxLength: 3 }), crimeSelArb).map(([caller, targets, sel]): DiffRequest => {
    const reps = targets.map((t) => victimAt(t));
    const refs = reps.map((v) => v?.crime.crimeReference ?? `SYN/X${randomUUID().slice(0, 8)}/26`);
    return {
      kind: "police _entities(Crime)",
      target: "police",
      caller,
      query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Crime { ${printSelection(sel)} } } }`,
      variables: { r: refs.map((crimeReference) => ({ __typename: "Crime", crimeReference })) },
      expect: (oracle) => {
        const ctx = ctxOf(oracle, caller, "police");
        return result({ _entities: reps.map((v, i) => renderRecord(ctx, v && crimeRec(v), sel, ["_entities", i])) }, ctx);
      },
    };
  });

  const partnersReferralEntity = fc.tuple(callerArb, referralWhich, referralSelArb).map(([caller, which, sel]): DiffRequest => {
    const selection = sel.map((s) => (s.name === "case" ? { name: "case", sub: leaf("id") } : s));
    return {
      kind: "partners _entities(Referral)",
      target: "partners",
      caller,
      query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Referral { ${printSelection(selection)} } } }`,
      variables: { r: [{ __typename: "Referral", id: which?.id ?? randomUUID() }] },
      expect: (oracle) => {
        const ctx = ctxOf(oracle, caller, "partners");
        const r = which && which.victim.referrals.find((x) => x.id === which.id)!;
        const party = r && (caller.organisation === OrganisationCode.GMVS || r.partner === caller.organisation);
        const rec: Rec | null = r && party ? { type: "Referral", victim: which!.victim, data: { ...r } } : null;
        return result({ _entities: [renderRecord(ctx, rec, selection, ["_entities", 0])] }, ctx);
      },
    };
  });

  // explainAccess: only for a caller who may know the case exists; anyone else gets what an unknown id gets. The
  // rows themselves (each holder and category, with the agreement and consent behind it) are the access tests' to
  // check: here, that there are rows, and nothing else.
  // A case governance holds no subject link for is one explainAccess cannot find, even for GMVS whose case it is
  // (bench/oracle-findings.md): asked only with ORACLE_FINDINGS=1 until that is settled.
  const explainable = process.env.ORACLE_FINDINGS === "1" ? which : which.filter((t) => t === UNKNOWN || (victims[t] as WorldVictim).linked);
  const explain = fc.tuple(callerArb, explainable, fc.boolean()).map(([caller, t, usePersisted]): DiffRequest => {
    const v = victimAt(t);
    const op = persisted("ExplainAccess");
    return {
      kind: usePersisted ? "persisted ExplainAccess" : "gateway explainAccess",
      target: "gateway",
      caller,
      query: usePersisted ? op.text : `query($caseId: ID!) { explainAccess(caseId: $caseId) { holder category decision reason } }`,
      persistedHash: usePersisted ? op.hash : undefined,
      variables: { caseId: v?.caseId ?? randomUUID() },
      normalise: (data) => {
        const rows = (data as { explainAccess?: unknown } | null)?.explainAccess;
        return Array.isArray(rows) && rows.length > 0 ? { explainAccess: "rows" } : data;
      },
      expect: (oracle) => {
        const ctx = ctxOf(oracle, caller);
        if (v && mayKnow(ctx, caseRec(v))) return result({ explainAccess: "rows" }, ctx);
        ctx.errors.push({ message: "No such case", path: ["explainAccess"], extensions: { code: "NOT_FOUND", argument: "caseId", serviceName: "governance" } } as unknown as ExpectedError);
        return result(null, ctx);
      },
    };
  });

  return fc.oneof(
    { weight: 2, arbitrary: explain },
    { weight: 6, arbitrary: gatewayCase },
    { weight: 2, arbitrary: gatewayCrime },
    { weight: 2, arbitrary: referralById("gateway") },
    { weight: 1, arbitrary: referralById("partners") },
    { weight: 2, arbitrary: referralsForMe },
    { weight: 3, arbitrary: persistedCase },
    { weight: 2, arbitrary: victimsCase },
    { weight: 3, arbitrary: partnersEntities },
    { weight: 2, arbitrary: policeEntities },
    { weight: 1, arbitrary: partnersReferralEntity },
  );
}

// ---------------------------------------------------------------------------
// Sending, and comparing.

export interface Response {
  status: number;
  body: { data?: unknown; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };
}

export async function send(hub: TestHub, request: DiffRequest, tokens: (caller: Caller) => Promise<string>): Promise<Response> {
  const url = request.target === "gateway" ? hub.url : hub.subgraphs[request.target].url;
  const body: Record<string, unknown> = { query: request.query, variables: request.variables };
  if (request.persistedHash) body.extensions = { persistedQuery: { version: 1, sha256Hash: request.persistedHash } };
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await tokens(request.caller)}`, ...breakGlassHeaders(request.caller) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Response["body"] };
}

/** JSON with object keys sorted, so two answers that differ only in key order print alike. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The response as compared: status, data and errors, errors in a fixed order; request ids are not part of it. */
export function comparable(status: number, data: unknown, errors: readonly unknown[]): string {
  const sorted = errors.map(canonical).sort();
  return canonical({ status, data, errors: sorted.map((e) => JSON.parse(e)) });
}


/** Where the field an error is about sits in the query text: a subgraph answering directly names it (the gateway leaves it out). */
export function locationOf(query: string, path: readonly (string | number)[]): { line: number; column: number } {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  const find = (set: SelectionSetNode | undefined, name: string): FieldNode | undefined => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD && (s.alias?.value ?? s.name.value) === name) return s;
      if (s.kind === Kind.INLINE_FRAGMENT) {
        const inner = find(s.selectionSet, name);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  let set: SelectionSetNode | undefined = operation.selectionSet;
  let node: FieldNode | undefined;
  for (const key of path) {
    if (typeof key === "number") continue;
    node = find(set, key);
    set = node?.selectionSet;
  }
  if (!node?.loc) throw new Error(`no field at ${path.join(".")} in ${query}`);
  return getLocation(new Source(query), node.loc.start);
}
