import "reflect-metadata";
import { parseArgs } from "node:util";
import { signDevToken } from "../platform/auth";
import { loadConfig } from "../platform/config";
import { OrganisationCode } from "../platform/domain";
import { Purpose, Role } from "../platform/principal";

const USAGE = `usage: npm run token -- --org <${Object.values(OrganisationCode).join("|")}> --role <${Object.values(Role).join("|")}> --purpose <${Object.values(Purpose).join("|")}> [--sub <id>] [--expires <seconds, or e.g. 90m, 8h>]`;

/** "3600", "90m", "8h", "1d" as seconds; undefined for anything else. */
function seconds(duration: string): number | undefined {
  const match = /^(\d+)(s|m|h|d)?$/.exec(duration.trim());
  return match ? Number(match[1]) * { s: 1, m: 60, h: 3_600, d: 86_400 }[(match[2] ?? "s") as "s" | "m" | "h" | "d"] : undefined;
}

/**
 * `npm run token -- --org PANKHURST --role caseworker --purpose support`: a dev
 * token signed with the local dev key pair, living as long as this
 * environment's hub accepts (AUTH_DEV_MAX_TOKEN_LIFETIME outside production,
 * AUTH_MAX_TOKEN_LIFETIME in it) unless --expires asks for less.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      org: { type: "string" },
      role: { type: "string", multiple: true },
      purpose: { type: "string" },
      sub: { type: "string" },
      expires: { type: "string" },
    },
  });
  const org = values.org as OrganisationCode;
  const roles = (values.role ?? []) as Role[];
  const purpose = values.purpose as Purpose;
  const problems = [
    !Object.values(OrganisationCode).includes(org) && `--org must be one of ${Object.values(OrganisationCode).join(", ")}`,
    (roles.length === 0 || roles.some((r) => !Object.values(Role).includes(r))) && `--role must be one of ${Object.values(Role).join(", ")}`,
    !Object.values(Purpose).includes(purpose) && `--purpose must be one of ${Object.values(Purpose).join(", ")}`,
  ].filter(Boolean);
  if (problems.length) {
    process.stderr.write(`${problems.join("\n")}\n${USAGE}\n`);
    process.exit(2);
  }
  const config = loadConfig();
  if (config.auth.jwksUrl) {
    process.stderr.write("AUTH_JWKS_URL is set: tokens come from the identity provider, not from here.\n");
    process.exit(2);
  }
  const max = config.auth.maxTokenLifetimeSeconds;
  const lifetime = values.expires === undefined ? max : seconds(values.expires);
  if (lifetime === undefined || lifetime < 1 || lifetime > max) {
    process.stderr.write(`--expires must be a duration of at most ${max} seconds here (the hub refuses longer-lived tokens)\n${USAGE}\n`);
    process.exit(2);
  }
  const token = await signDevToken(config.auth, { subject: values.sub ?? `dev-${org.toLowerCase()}-${roles[0]}`, organisation: org, roles, purpose }, { expiresIn: `${lifetime}s` });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
