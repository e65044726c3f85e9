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
  it.each(SUBGRAPH_NAMES)("runs the %s subgraph alone on its own port, after migrations", (name) => {
    const service = compose.services[name];
    expect(service?.command).toEqual(["node", "dist/src/serve.js", name]);
    expect(service?.environment?.[`${name.toUpperCase()}_PORT`]).toMatch(/^\d+$/);
    expect(service?.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
    expect(service?.depends_on?.migrate?.condition).toBe("service_completed_successfully");
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

  it.each([...SUBGRAPH_NAMES, "gateway", "migrate"])("gives the %s service a configuration the code accepts", (name) => {
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
