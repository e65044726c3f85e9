import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { readManifest } from "../src/gateway/persisted-manifest";
import { MANIFEST_PATH } from "../src/gateway/safelist";
import { OrganisationCode } from "../src/platform/domain";
import { Purpose, Role } from "../src/platform/principal";
import { graphql, startTestHub, TestHub } from "./support/hub";

/**
 * The commissioner's page in a real browser: Debian's Chromium, driven by
 * playwright-core, against a hub on loopback with the operations safelist on
 * (as in production) and the synthetic evidence base. CI installs Chromium
 * (.ci/run) and sets CASEBRIDGE_BROWSER_TESTS=required, so there a missing
 * browser fails; elsewhere the file says so and skips.
 * UPDATE_SCREENSHOTS=1 writes the page as docs/commissioner-page.png.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const required = process.env.CASEBRIDGE_BROWSER_TESTS === "required";
const available = existsSync(CHROMIUM);
if (!available && !required) console.warn(`commissioner page: no Chromium at ${CHROMIUM} (apt-get install chromium); the browser test is skipped`);
const describeInBrowser = available || required ? describe : describe.skip;

let hub: TestHub;
let browser: Browser;
let commissioner: string;

beforeAll(async () => {
  if (!available) throw new Error(`CASEBRIDGE_BROWSER_TESTS=required but there is no Chromium at ${CHROMIUM}`);
  [hub, browser] = await Promise.all([
    startTestHub({ INSIGHTS_FACT_SOURCES: "synthetic", OPERATIONS_SAFELIST: "true" }),
    chromium.launch({
      executablePath: CHROMIUM,
      // As root in a container; and no calls home, which this machine's network refuses.
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    }),
  ]);
  commissioner = await hub.token({ organisation: OrganisationCode.GMCA, roles: [Role.COMMISSIONER], purpose: Purpose.COMMISSIONING });
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

const origin = () => hub.url.replace(/\/graphql$/, "");

/** Every request a page made anywhere but the hub's origin (the page must work offline): checked as each test closes its page. */
const offSite = new WeakMap<Page, string[]>();

async function openPage(token: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1300 }, acceptDownloads: true });
  const elsewhere: string[] = [];
  offSite.set(page, elsewhere);
  page.on("request", (request) => {
    if (!request.url().startsWith(origin()) && !request.url().startsWith("blob:")) elsewhere.push(request.url());
  });
  await page.goto(`${origin()}/commissioner`);
  await page.waitForSelector("body[data-state=ready]");
  await page.fill("input[name=token]", token);
  return page;
}

describeInBrowser("the commissioner's page", () => {
  it("shows a chart and the table with hidden cells marked and explained, and downloads the same table as CSV", async () => {
    const page = await openPage(commissioner);
    await page.selectOption("select[name=measure]", "REFERRALS");
    await page.selectOption("select[name=by1]", "BOROUGH");
    await page.selectOption("select[name=by2]", "DISABILITY");
    await page.selectOption("select[name=filterField]", "routes");
    await page.selectOption("select[name=filterValues]", ["POLICE", "SELF"]);
    await page.click("button[type=submit]");
    await page.waitForSelector("body[data-state=shown]");

    // The table: a row per borough and a total; every figure a number or a marked, explained [c].
    const rows = await page.$$eval("#table tbody tr", (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows.length).toBe(11);
    expect(rows.at(-1)?.[0]).toBe("All");
    const figures = rows.flatMap((r) => r.slice(1));
    expect(figures.every((f) => f === "[c]" || /^\d+$/.test(f ?? ""))).toBe(true);
    expect(figures.filter((f) => /^\d+$/.test(f ?? "") && Number(f) > 0).length).toBeGreaterThan(5);
    const hidden = await page.$$eval("#table td.suppressed", (tds) => tds.map((td) => [td.getAttribute("data-reason"), (td as HTMLElement).title]));
    expect(hidden.length).toBeGreaterThan(0);
    for (const [reason, title] of hidden) {
      expect(reason).toMatch(/^(PRIMARY_SMALL_COUNT|SECONDARY_COMPLEMENTARY)$/);
      expect(title?.length).toBeGreaterThan(20);
    }
    const explained = await page.textContent("#reasons");
    expect(explained).toContain("within 5 of the true count");
    for (const reason of new Set(hidden.map(([r]) => r))) expect(explained).toContain(`[c] ${reason}`);

    // The chart: Chart.js drew bars on the canvas (not a blank one).
    const drawn = await page.$eval("#chart", (canvas) => {
      const c = canvas as HTMLCanvasElement;
      const pixels = c.getContext("2d")?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      let coloured = 0;
      for (let i = 0; i < pixels.length; i += 4) if ((pixels[i + 3] as number) > 0 && !(pixels[i] === pixels[i + 1] && pixels[i + 1] === pixels[i + 2])) coloured++;
      return coloured;
    });
    expect(drawn).toBeGreaterThan(1000);

    // The download: the same table as the API's CSV, from the plain URL the page shows.
    const csvUrl = await page.textContent("#csvUrl");
    expect(csvUrl).toBe(`${origin()}/evidence-base.csv?measure=REFERRALS&by=BOROUGH&by=DISABILITY&routes=POLICE%2CSELF`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
    expect(download.suggestedFilename()).toBe("evidence-base-referrals-borough-disability.csv");
    const downloaded = readFileSync((await download.path()) as string, "utf8");
    const persisted = Object.values(readManifest(MANIFEST_PATH)).find((text) => text.startsWith("query EvidenceBaseCsv(")) as string;
    const { body } = await graphql<{ evidenceBaseCsv: string }>(
      hub.url,
      persisted,
      { measure: "REFERRALS", by: ["BOROUGH", "DISABILITY"], filter: { routes: ["POLICE", "SELF"] } },
      { authorization: `Bearer ${commissioner}` },
    );
    expect(body.errors).toBeUndefined();
    expect(downloaded).toBe(body.data?.evidenceBaseCsv);
    expect(downloaded).toContain("[c]");

    if (process.env.UPDATE_SCREENSHOTS === "1") await page.screenshot({ path: join(__dirname, "..", "docs", "commissioner-page.png"), fullPage: true });
    else await page.screenshot({ path: join(mkdtempSync(join(tmpdir(), "casebridge-page-")), "commissioner-page.png"), fullPage: true });
    expect(offSite.get(page)).toEqual([]);
    await page.close();
  });

  it("shows a refused role the API's refusal and no figures, and its CSV is refused too", async () => {
    const caseworker = await hub.token({ organisation: OrganisationCode.PANKHURST, roles: [Role.CASEWORKER], purpose: Purpose.SUPPORT });
    const page = await openPage(caseworker);
    await page.selectOption("select[name=measure]", "REFERRALS");
    await page.selectOption("select[name=by1]", "BOROUGH");
    await page.click("button[type=submit]");
    await page.waitForSelector("body[data-state=error]");
    expect(await page.textContent("#error")).toMatch(/ROLE_NOT_PERMITTED/);
    expect(await page.isHidden("#result")).toBe(true);
    expect(await page.isDisabled("#download")).toBe(true);
    expect(offSite.get(page)).toEqual([]);
    await page.close();

    const refused = await fetch(`${origin()}/evidence-base.csv?measure=REFERRALS&by=BOROUGH`, { headers: { authorization: `Bearer ${caseworker}` } });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/ROLE_NOT_PERMITTED/);
    const anonymous = await fetch(`${origin()}/evidence-base.csv?measure=REFERRALS&by=BOROUGH`);
    expect(anonymous.status).toBe(401);
  });

  it("answers a bad CSV request with 400 and what was wrong", async () => {
    const headers = { authorization: `Bearer ${commissioner}` };
    for (const [query, message] of [
      ["by=BOROUGH", /measure is required/],
      ["measure=REFERRALS&colour=red", /unknown parameter colour/],
      ["measure=REFERRALS&by=SHOE_SIZE", /SHOE_SIZE/],
      ["measure=REFERRALS&fromMonth=2026-13", /fromMonth/],
      ["measure=REFERRALS&domesticAbuse=maybe", /domesticAbuse: true or false/],
    ] as const) {
      const response = await fetch(`${origin()}/evidence-base.csv?${query}`, { headers });
      expect([query, response.status]).toEqual([query, 400]);
      expect(await response.text()).toMatch(message);
    }
  });
});
