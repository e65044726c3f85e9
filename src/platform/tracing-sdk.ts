import { Attributes, context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { ExportResult, W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, ReadableSpan, SimpleSpanProcessor, SpanExporter, TracerProvider } from "@opentelemetry/sdk-trace";
import type { Tracing, TracingOptions } from "./tracing";

/**
 * The OpenTelemetry SDK, loaded by startTracing (tracing.ts) only where
 * tracing is configured: a provider, the W3C propagator, the http, undici
 * and pg instrumentations, and one redaction every span passes on its way
 * out, to OTLP or to a test's exporter alike.
 */
export function startSdk({ serviceName, exporter }: TracingOptions): Tracing {
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
  return {
    async shutdown() {
      unregister();
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
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
