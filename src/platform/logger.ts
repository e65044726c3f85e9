import pino, { Logger } from "pino";

export type { Logger };

/** Structured JSON logs on stdout; one logger per process, children per request. */
export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { service: "casebridge", ...bindings },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Tokens and personal data never belong in a log line.
    redact: { paths: ["req.headers.authorization", "headers.authorization"], censor: "[redacted]" },
  });
}
