import { Attributes, context, propagation, Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { ExportResult, suppressTracing, W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, ReadableSpan, SimpleSpanProcessor, SpanExporter, TracerProvider } from "@opentelemetry/sdk-trace";

/**
 * OpenTelemetry traces, exported by OTLP/HTTP only where
 * OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set;
 * unset, nothing is registered, no module is patched and the hub's own span
 * points (SQL statements, source calls, subgraph operations) are not even
 * installed. Spans say what ran, never about whom: operation names and types,
 * statement text with its $n placeholders (never the values), source and
 * method, HTTP method, host, path and status. Query strings and the caller's
 * network address are removed from every span before export (redactSpan),
 * whichever library made it.
 */

export interface TracingOptions {
  /** Export to the OTLP/HTTP endpoint that the standard OTEL_EXPORTER_OTLP_* variables name (the exporter reads them). */
  otlp: boolean;
  /** The resource's service.name (OTEL_SERVICE_NAME, else the piece's own name). */
  serviceName: string;
  /**
   * Tests only: every span, as it ends, to this exporter (an InMemorySpanExporter)
   * instead of OTLP, through the same redaction.
   */
  exporter?: SpanExporter;
}

export interface Tracing {
  /** Flushes what is buffered, unpatches the modules and unregisters the global provider. */
  shutdown(): Promise<void>;
}

let active = false;

/** Whether spans are being recorded: the hub installs its own span points only then. */
export function tracingActive(): boolean {
  return active;
}

/**
 * Starts tracing, or returns undefined where nothing is configured. Call it
 * before the hub's modules are loaded (main.ts imports the hub afterwards),
 * so that the pg and http modules are patched as they are first required.
 */
export function startTracing({ otlp, serviceName, exporter }: TracingOptions): Tracing | undefined {
  if (!otlp && !exporter) return undefined;
  const sink = new RedactingExporter(exporter ?? new OTLPTraceExporter());
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName }),
    spanProcessors: [exporter ? new SimpleSpanProcessor({ exporter: sink }) : new BatchSpanProcessor({ exporter: sink })],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  const probe = (path: string | undefined) => path === "/healthz" || path === "/readyz";
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // Incoming requests (the gateway's and each subgraph's), and outgoing ones made with node:http (the identity provider's key set).
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => probe(req.url?.split("?")[0]) }),
      // Node's fetch: the gateway's subgraph fetches and the REST sources (police, Pankhurst); it carries traceparent on.
      new UndiciInstrumentation({ ignoreRequestHook: (req) => probe(req.path.split("?")[0]) }),
      // Other pg clients (Challenger's database). The hub's own store is traced one level up (database.ts), so that
      // PGlite and a server look the same; its driver calls run with tracing suppressed, not traced twice.
      // Values are recorded only with enhancedDatabaseReporting, which stays off.
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  active = true;
  return {
    async shutdown() {
      active = false;
      unregister();
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

export const tracer = () => trace.getTracer("casebridge");

/**
 * Runs `fn` in a span of its own, made active for what `fn` calls, ended when
 * `fn` returns or its promise settles; `failed` names the error's type, never
 * its message, which may quote data.
 */
export function inSpan<T>(name: string, kind: SpanKind, attributes: Attributes, fn: () => T, failed: (error: unknown) => string): T {
  return tracer().startActiveSpan(name, { kind, attributes }, (span: Span) => {
    const fail = (error: unknown): never => {
      const type = failed(error);
      span.setAttribute("error.type", type);
      span.setStatus({ code: SpanStatusCode.ERROR, message: type });
      span.end();
      throw error;
    };
    try {
      const result = fn();
      if (!(result instanceof Promise)) {
        span.end();
        return result;
      }
      return result.then((value: unknown) => {
        span.end();
        return value;
      }, fail) as T;
    } catch (error) {
      return fail(error);
    }
  });
}

/** Runs `fn` with tracing suppressed: a library's own span for work already traced by the hub is not made. */
export function untraced<T>(fn: () => T): T {
  return context.with(suppressTracing(context.active()), fn);
}

/** The longest statement text a SQL span carries (bulk inserts of many rows run long). */
const MAX_STATEMENT_LENGTH = 2_000;

/**
 * A statement as a span may carry it. Values travel as $n parameters, which
 * no span records; any literal that is in the text anyway (a quoted string,
 * a dollar-quoted body, a number) is replaced by `?` in case it holds data.
 */
export function statementText(sql: string): string {
  const text = sql
    .replace(/\$([A-Za-z_][A-Za-z0-9_]*)?\$[\s\S]*?\$\1\$/g, "?")
    .replace(/[EeBbXxUu]?'(?:[^']|'')*'/g, "?")
    .replace(/(?<![\w$])-?\d+(?:\.\d+)?(?![\w$])/g, "?")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > MAX_STATEMENT_LENGTH ? `${text.slice(0, MAX_STATEMENT_LENGTH)}…` : text;
}

/** Attributes no span keeps: the caller's network address (a person's device, where a person calls). */
const DROPPED = new Set(["client.address", "network.peer.address", "network.peer.port", "net.peer.ip", "http.client_ip"]);
/** Attributes holding a URL or path, kept without its query string and with ids written `{id}`. */
const URLS = new Set(["url.full", "url.path", "http.url", "http.target", "url.original"]);
/** A UUID in a path (Pankhurst's referral actions name the referral). */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Removes from a span's attributes what may identify a person, whichever
 * library set them: query strings (a GraphQL GET's variables, a source's
 * search parameters and cursors) go, `url.query` with them, and so does the
 * caller's address. Paths stay, ids in them written `{id}`: the hub's own
 * routes are fixed, and the sources take references in request bodies.
 */
export function redactAttributes(attributes: Attributes): Attributes {
  const kept: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (DROPPED.has(key) || key === "url.query") continue;
    kept[key] = URLS.has(key) && typeof value === "string" ? value.split("?")[0].replace(UUID, "{id}") : value;
  }
  return kept;
}

function redactSpan(span: ReadableSpan): ReadableSpan {
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: span.status,
    attributes: redactAttributes(span.attributes),
    links: span.links,
    events: span.events.map((event) => (event.attributes ? { ...event, attributes: redactAttributes(event.attributes) } : event)),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/** Every span passes redactSpan on its way out, to OTLP or to a test's exporter alike. */
class RedactingExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.inner.export(spans.map(redactSpan), done);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
