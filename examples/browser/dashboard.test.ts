// The dashboard page in headless Chromium: built by Vite against the built package (its browser entry),
// served by Vite's preview server, driven by Playwright. `npm run build` first; Chromium is Debian's
// (`apt-get install chromium`), or the one CHROMIUM names.
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page, type Request } from "playwright-core";
import { build, preview, type PreviewServer } from "vite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const config = here("./vite.config.ts");
const shots = here("./screenshots/");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";

let server: PreviewServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  if (!existsSync(here("../../dist/handlers/browser.js"))) throw new Error("The browser test loads the built package: run `npm run build` first.");
  if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}: apt-get install chromium, or set CHROMIUM.`);
  mkdirSync(shots, { recursive: true });
  await build({ configFile: config });
  server = await preview({ configFile: config, preview: { host: "127.0.0.1", port: 0, strictPort: false } });
  url = server.resolvedUrls!.local[0]!;
  browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the page and waits until the dashboard has drawn; collects what reached the network and what the page logged. */
async function open(query = ""): Promise<{ page: Page; aws: Request[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const aws: Request[] = [];
  const errors: string[] = [];
  page.on("request", (r) => void (new URL(r.url()).hostname.endsWith(".amazonaws.com") && aws.push(r)));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
  await page.goto(`${url}${query}`);
  await page.waitForSelector("body[data-ready]", { timeout: 30_000 });
  return { page, aws, errors };
}

const rowOf = (page: Page, job: string) => page.locator(`tr[data-job="${job}"]`);

describe("the Deadline dashboard in Chromium", () => {
  test("msw's service worker answers the SDK's fetch: the page shows the mocked farm, its queues and jobs", async () => {
    const { page, aws, errors } = await open();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/mockServiceWorker\.js$/);
    await expect.poll(() => page.locator("section.farm h2").allTextContents()).toEqual(["Feature film"]);
    expect(await page.locator("section.queue h3").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("Lighting"), expect.stringContaining("Compositing")]));
    // The YAML job ran on the fleet to the end; the others wait in their queues.
    expect(await rowOf(page, "Shot 010 beauty").locator(".status").getAttribute("data-status")).toBe("SUCCEEDED");
    expect(await rowOf(page, "Shot 010 beauty").locator("td").nth(3).textContent()).toBe("4 succeeded");
    expect(await rowOf(page, "Shot 020 beauty").locator("td").nth(2).textContent()).toBe("60");
    expect(await rowOf(page, "Shot 010 comp").count()).toBe(1);
    // A job's steps, from its template.
    await rowOf(page, "Shot 010 comp").locator("button").click();
    await expect.poll(() => page.locator("table.steps tr[data-step] td:first-child").allTextContents()).toEqual(["Plates", "Composite"]);
    await page.screenshot({ path: `${shots}dashboard.png`, fullPage: true });

    // Every request to AWS was the SDK's, answered by the worker; the mock logged them all.
    expect(aws.length).toBeGreaterThan(10);
    expect(aws.every((r) => new URL(r.url()).hostname === "management.deadline.us-west-2.amazonaws.com" || new URL(r.url()).hostname === "deadline.us-west-2.amazonaws.com")).toBe(true);
    expect(await Promise.all(aws.map(async (r) => (await r.response())?.fromServiceWorker() ?? false))).not.toContain(false);
    const logged = await page.evaluate(() => (window as unknown as { awsMock: { calls: { operation: string }[] } }).awsMock.calls.map((c) => c.operation));
    expect(logged).toEqual(expect.arrayContaining(["deadline:CreateFarm", "deadline:CreateJob", "deadline:ListFarms", "deadline:ListJobs", "deadline:ListSteps"]));
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a planned fault shows the page's error state, and the next refresh recovers", async () => {
    const { page } = await open();
    await page.evaluate(() => (window as unknown as { awsMock: { fault(id: string, f: unknown): void } }).awsMock.fault("deadline:ListFarms", { error: "AccessDeniedException" }));
    await page.click("#refresh");
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toMatch(/^Could not load the farms\. AccessDeniedException: /);
    expect(await page.locator("section.farm").count()).toBe(0);
    await page.screenshot({ path: `${shots}dashboard-error.png`, fullPage: true });
    await page.click("#refresh");
    await expect.poll(() => page.locator("section.farm h2").allTextContents()).toEqual(["Feature film"]);
    await page.close();
  });

  test("the direct transport answers in the page with no request on the network", async () => {
    const { page, aws, errors } = await open("?transport=direct");
    expect(await page.evaluate(() => document.body.dataset.ready)).toBe("direct");
    await expect.poll(() => page.locator("section.farm h2").allTextContents()).toEqual(["Feature film"]);
    expect(await rowOf(page, "Shot 010 beauty").locator(".status").getAttribute("data-status")).toBe("SUCCEEDED");
    expect(aws).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
