/**
 * bench/results.md is written by two commands: `npm run bench` (the load
 * run, the whole file) and `npm run audit:disclosure` (its own section).
 * This is where the section's heading lives, so each keeps the other's.
 */
export const AUDITOR_HEADING = "## Disclosure auditor";

/** The auditor's section of a results file as it stands, or "" where there is none: for a writer of the rest of the file to keep. */
export function auditorSection(markdown: string): string {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.trim() === AUDITOR_HEADING);
  if (start < 0) return "";
  const end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  return lines.slice(start, end < 0 ? lines.length : end).join("\n").replace(/\n*$/, "\n");
}

