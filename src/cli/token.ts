import "reflect-metadata";
import { parseArgs } from "node:util";
import { signDevToken } from "../platform/auth";
import { loadConfig } from "../platform/config";
import { OrganisationCode } from "../platform/domain";
import { Purpose, Role } from "../platform/principal";

const USAGE = `usage: npm run token -- --org <${Object.values(OrganisationCode).join("|")}> --role <${Object.values(Role).join("|")}> --purpose <${Object.values(Purpose).join("|")}> [--sub <id>] [--expires 8h]`;

/** `npm run token -- --org PANKHURST --role caseworker --purpose support`: a dev token signed with the local dev key pair. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      org: { type: "string" },
      role: { type: "string", multiple: true },
      purpose: { type: "string" },
      sub: { type: "string" },
      expires: { type: "string", default: "8h" },
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
  const token = await signDevToken(config.auth, { subject: values.sub ?? `dev-${org.toLowerCase()}-${roles[0]}`, organisation: org, roles, purpose }, { expiresIn: values.expires });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
