import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { loadConfig, SUBGRAPH_NAMES } from "../src/platform/config";

/** docker-compose.yml is for users; there is no Docker engine here, so check what it says against the code. YAML merge keys (<<) as Compose reads them. */
interface Service {
  image?: string;
  command?: string[];
  healthcheck?: { test?: string[] };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
}
const compose = parse(readFileSync(join(__dirname, "..", "docker-compose.yml"), "utf8"), { merge: true }) as { services: Record<string, Service> };

describe("docker-compose.yml", () => {
  it.each(SUBGRAPH_NAMES)("runs the %s subgraph alone on its own port, after its database's migrations", (name) => {
    const service = compose.services[name];
    expect(service?.command).toEqual(["node", "dist/src/serve.js", name]);
    expect(service?.environment?.[`${name.toUpperCase()}_PORT`]).toMatch(/^\d+$/);
    const migrations = Object.entries(compose.services).find(([, job]) => job.command?.includes("dist/src/cli/migrate.js") && job.environment?.DATABASE_URL === service?.environment?.DATABASE_URL);
    expect(migrations).toBeDefined();
    expect(service?.depends_on?.[migrations![0]]?.condition).toBe("service_completed_successfully");
    const host = new URL(service!.environment!.DATABASE_URL!).host;
    expect(migrations![1].depends_on?.[host.replace(/:5432$/, "")]?.condition).toBe("service_healthy");
  });

  it("runs every subgraph but governance on a PostgreSQL database apart from governance's, reaching governance only through its interface", () => {
    const governance = loadConfig(compose.services.governance?.environment);
    for (const name of SUBGRAPH_NAMES.filter((n) => n !== "governance")) {
      const config = loadConfig(compose.services[name]?.environment);
      expect(new URL(config.databaseUrl!).host).not.toBe(new URL(governance.databaseUrl!).host);
      expect(config.subgraphUrls.governance).toBe(`http://governance:${compose.services.governance?.environment?.GOVERNANCE_PORT}/graphql`);
      expect(config.gatewayProof.signingKey).toBe(governance.gatewayProof.signingKey);
      expect(compose.services[name]?.depends_on?.governance?.condition).toBe("service_healthy");
    }
  });

  it("points the gateway at every subgraph's service and port, and publishes 4000", () => {
    const gateway = compose.services.gateway;
    expect(gateway?.command).toEqual(["node", "dist/src/serve.js", "gateway"]);
    for (const name of SUBGRAPH_NAMES) {
      const port = compose.services[name]?.environment?.[`${name.toUpperCase()}_PORT`];
      expect(gateway?.environment?.[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${port}/graphql`);
      expect(gateway?.depends_on?.[name]?.condition).toBe("service_healthy");
    }
    expect(gateway?.ports).toEqual(["4000:4000"]);
  });

  it("points insights at the victims' and partners' services, whose fact feeds it reads", () => {
    const config = loadConfig(compose.services.insights?.environment);
    for (const owner of ["victims", "partners"] as const) {
      const port = compose.services[owner]?.environment?.[`${owner.toUpperCase()}_PORT`];
      expect(config.subgraphUrls[owner]).toBe(`http://${owner}:${port}/graphql`);
    }
    expect(config.gatewayProof.signingKey).toBeDefined();
  });

  it.each([...SUBGRAPH_NAMES, "gateway", "migrate", "migrate-apart"])("gives the %s service a configuration the code accepts", (name) => {
    const environment = compose.services[name]?.environment;
    expect(environment).toBeDefined();
    expect(() => loadConfig(environment)).not.toThrow();
  });

  it("gives the gateway and every subgraph one gateway signing key, so each subgraph answers only the gateway", () => {
    const keys = [...SUBGRAPH_NAMES, "gateway"].map((name) => compose.services[name]?.environment?.GATEWAY_SIGNING_KEY);
    expect(keys[0]).toEqual(expect.any(String));
    expect(new Set(keys).size).toBe(1);
    for (const name of SUBGRAPH_NAMES) expect(loadConfig(compose.services[name]?.environment).gatewayProof.required).toBe(true);
  });

  it("migrates and serves with the programs users run, compiled (npm run build)", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(compose.services.migrate?.command).toEqual(["node", "dist/src/cli/migrate.js"]);
    expect(pkg.scripts.migrate).toMatch(/ src\/cli\/migrate\.ts$/);
    expect(pkg.scripts.serve).toMatch(/ src\/serve\.ts$/);
  });

  it("carries every piece's events through one NATS server with JetStream on, started before any piece", () => {
    const nats = compose.services.nats;
    expect(nats?.image).toMatch(/^nats:/);
    // Without -js the server has no streams: the relays' publishes would fail, not queue.
    expect(nats?.command).toContain("-js");
    // The health check asks the monitoring port, which -m opens.
    expect(nats?.command?.[nats.command.indexOf("-m") + 1]).toMatch(/^\d+$/);
    expect(nats?.healthcheck?.test?.join(" ")).toContain(`127.0.0.1:${nats?.command?.[nats.command.indexOf("-m") + 1]}/healthz`);
    for (const name of [...SUBGRAPH_NAMES, "gateway"]) {
      const service = compose.services[name];
      expect(loadConfig(service?.environment).events.natsUrl).toBe("nats://nats:4222");
      expect(service?.depends_on?.nats?.condition).toBe("service_healthy");
    }
  });
});
