import { rmSync } from "node:fs";
import { TEMPLATES_ENV } from "./store";

/** Removes the run's templates directory (global-setup.ts). */
export default async function teardown(): Promise<void> {
  const dir = process.env[TEMPLATES_ENV];
  if (dir) rmSync(dir, { recursive: true, force: true });
}
