import { Attributes, context, Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { suppressTracing } from "@opentelemetry/core";

/**
 * OpenTelemetry traces, exported by OTLP/HTTP only where
 * OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set;
 * unset, the SDK and its instrumentations are not even loaded
 * (tracing-sdk.ts is imported only then), no module is patched and the
 * hub's own span points (SQL statements, source calls, subgraph operations)
 * are not installed. Spans say what ran, never about whom: operation names
 * and types, statement text with its $n placeholders (never the values),
 * source and method, HTTP method, host, path and status. Query strings and
 * the caller's network address are removed from every span before export
 * (tracing-sdk.ts), whichever library made it.
 */

export interface TracingOptions {
  /** Export to the OTLP/HTTP endpoint that the standard OTEL_EXPORTER_OTLP_* variables name (the exporter reads them). */
  otlp: boolean;
  /** The resource's service.name (OTEL_SERVICE_NAME, else the piece's own name). */
  serviceName: string;
  /**
   * Tests only: every span, as it ends, to this exporter (an InMemorySpanExporter
   * from @opentelemetry/sdk-trace) instead of OTLP, through the same redaction.
   */
  exporter?: import("@opentelemetry/sdk-trace").SpanExporter;
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
export async function startTracing(options: TracingOptions): Promise<Tracing | undefined> {
  if (!options.otlp && !options.exporter) return undefined;
  const { startSdk } = await import("./tracing-sdk");
  const sdk = startSdk(options);
  active = true;
  return {
    async shutdown() {
      active = false;
      await sdk.shutdown();
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
