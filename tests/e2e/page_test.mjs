// End-to-end: indexes corpus/, starts `plenary-search serve`, and drives the page in Debian's
// headless Chromium: types a query, narrows by a facet, removes it, opens a paragraph, and
// saves screenshots at desktop and phone width.
//
// node page_test.mjs --bin BUILD_DIR --corpus DIR --out DIR [--chromium /usr/bin/chromium]
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith("--")) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const bin = args.bin, corpus = args.corpus, out = args.out || ".";
const browserPath = args.chromium || "/usr/bin/chromium";
mkdirSync(out, { recursive: true });

let failures = 0, passes = 0;
function check(ok, what) {
  if (ok) { passes++; console.log("ok   " + what); }
  else { failures++; console.log("FAIL " + what); }
}

const work = mkdtempSync(join(tmpdir(), "plenary-e2e-"));
const db = join(work, "db");
execFileSync(join(bin, "indexer/plenary-index"), ["--db", db, corpus], { stdio: "inherit" });

// --port 0: the server picks a free port and names it on its first line.
const server = spawn(join(bin, "searcher/plenary-search"), ["serve", "--db", db, "--port", "0", "--threads", "2"],
                     { stdio: ["ignore", "ignore", "pipe"] });
process.on("exit", () => { if (server.exitCode === null) server.kill("SIGTERM"); });
const base = await new Promise((resolve, reject) => {
  let seen = "";
  const timer = setTimeout(() => reject(new Error("server did not start: " + seen)), 15000);
  server.stderr.on("data", chunk => {
    seen += chunk;
    const m = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(seen);
    if (m) { clearTimeout(timer); resolve(m[1]); }
  });
  server.on("exit", code => reject(new Error("server exited with " + code + ": " + seen)));
});

// A fresh profile each run (playwright passes it as --user-data-dir).
const browser = await chromium.launchPersistentContext(join(work, "profile"), {
  executablePath: browserPath,
  headless: true,
  viewport: { width: 1280, height: 900 },
  bypassCSP: true,  // the page runs under its own CSP; this lets the test poll with waitForFunction
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
}).catch(e => { server.kill("SIGTERM"); throw e; });
try {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on("pageerror", e => pageErrors.push(String(e)));
  page.on("request", r => { if (!r.url().startsWith(base)) pageErrors.push("fetched " + r.url()); });
  await page.goto(base);

  // Type a query and press Enter.
  await page.getByLabel("Search", { exact: true }).fill("trafficking");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#hits li.hit");
  const status = await page.textContent("#status");
  const total = parseInt(/(\d+) paragraphs match/.exec(status)?.[1] || "0", 10);
  check(total > 10, "query finds paragraphs: " + status);
  check(await page.locator("#hits li.hit").count() === 10, "ten hits on the first page");
  check(await page.locator("#hits mark").count() > 0, "snippets have highlighted words");
  const cites = await page.locator("#hits .cite-text").allTextContents();
  check(cites.every(c => c && !/^[0-9a-f]{12}-\d+$/.test(c)), "every hit names its document: " + cites.join(" | "));
  const seedCite = cites.find(c => c.startsWith("CTOC/COP/2020/2"));
  check(/^CTOC\/COP\/2020\/2, para\. \d+$/.test(seedCite || ""), "the seed's hit is ready to cite: " + seedCite);
  // corpus/ holds the seed and speeches of other years: the year facet has several values.
  const years = await page.locator('#facet-lists button[data-facet="year"]').evaluateAll(bs => bs.map(b => b.dataset.value));
  check(years.includes("2020") && years.includes("2018"), "the year facet spans documents: " + years.join(", "));

  // Syntax help is one click away.
  await page.click("#help summary");
  check(await page.isVisible("#help dl"), "query syntax help opens");
  await page.click("#help summary");

  // Narrow by a country facet, then remove it.
  const facet = page.locator('#facet-lists button[data-facet="country"]').first();
  const value = await facet.getAttribute("data-value");
  const count = parseInt(await facet.locator(".count").textContent(), 10);
  const label = await facet.locator("span").first().textContent();
  await facet.click();
  await page.waitForSelector(".chip");
  check(await page.getAttribute(".chip", "data-filter") === "country:" + value, "facet becomes a chip: country:" + value);
  check((await page.textContent(".chip")).startsWith("Country: " + label), "the chip names the country: " + label);
  await page.waitForFunction(n => document.querySelector("#status").textContent.includes(n + " paragraph"), count);
  check((await page.textContent("#status")).includes(count + " paragraph"), "facet count equals the narrowed total (" + count + ")");
  await page.screenshot({ path: join(out, "e2e-facet.png"), fullPage: false });

  // Open a paragraph: its citation, heading path and references.
  const opened = await page.locator("#hits .cite-text").first().textContent();
  await page.locator("#hits a.open-paragraph").first().click();
  await page.waitForSelector("#paragraph:not([hidden]) h2");
  const title = await page.textContent("#paragraph h2");
  check(title === opened, "paragraph view names the hit's document and paragraph: " + title);
  check(await page.locator("#paragraph .text").count() === 1, "paragraph text is shown");
  check(await page.locator("#paragraph .references a, #paragraph ol.headings li").count() > 0,
        "paragraph shows its heading path or references");
  await page.screenshot({ path: join(out, "e2e-desktop.png"), fullPage: true });

  // A resolution link searches for it.
  await page.goto(base + "#q=" + encodeURIComponent("trafficking") + "&filter=resolution%3AA%2FRES%2F72%2F195");
  await page.waitForSelector("#hits li.hit");
  await page.locator("#hits a.open-paragraph").first().click();
  const resolution = page.locator('#paragraph .references a', { hasText: "A/RES/72/195" }).first();
  await resolution.waitFor();
  await resolution.click();
  await page.waitForFunction(() => document.querySelector("#q").value.startsWith("resolution:"));
  await page.waitForSelector("#hits li.hit");
  check(await page.inputValue("#q") === 'resolution:"A/RES/72/195"', "resolution link searches resolution:ID");

  // Remove the chip again.
  await page.goto(base + "#q=trafficking&filter=country%3A" + value);
  await page.waitForSelector(".chip");
  await page.click(".chip");
  await page.waitForFunction(() => !document.querySelector(".chip"));
  check(await page.locator(".chip").count() === 0, "chip removes its filter");

  // The sample's languages: the Charter in English and French.
  await page.goto(base + "#q=nations");
  await page.waitForSelector('#facet-lists button[data-facet="lang"][data-value="fr"]', { timeout: 10000 }).catch(() => {});
  const langs = await page.locator('#facet-lists button[data-facet="lang"]').evaluateAll(bs => bs.map(b => b.dataset.value));
  check(langs.includes("en") && langs.includes("fr"), "the language facet has English and French: " + langs.join(", "));

  // Markup in a query stays text.
  await page.getByLabel("Search", { exact: true }).fill('"<img src=x onerror=window.__xss=1>');
  await page.keyboard.press("Enter");
  await page.waitForSelector("#error:not([hidden])");
  check(await page.locator("#results img").count() === 0, "markup in a query is not rendered");
  check(await page.evaluate(() => window.__xss === undefined), "no script ran");
  check((await page.textContent("#error")).includes("unbalanced quote"), "bad query shows the service's message");

  // Paging and phone width.
  await page.goto(base + "#q=trafficking");
  await page.waitForSelector("#hits li.hit");
  await page.click("#next");
  await page.waitForFunction(() => document.querySelector("#status").textContent.includes("showing 11"));
  check(true, "next page shows hits from 11");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(base + "#q=trafficking");
  await page.waitForSelector("#hits li.hit");
  await page.evaluate(() => window.scrollTo(0, 0));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, "no horizontal scrolling at phone width (" + overflow + " px)");
  await page.screenshot({ path: join(out, "e2e-phone.png"), fullPage: false });
  check(pageErrors.length === 0, "no script errors and no outside requests: " + pageErrors.join("; "));
} catch (e) {
  failures++;
  console.log("FAIL " + (e && e.stack || e));
} finally {
  await browser.close();
  server.kill("SIGTERM");
  const code = await new Promise(r => server.on("exit", c => r(c)));
  check(code === 0, "server stops with status 0 on SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
console.log(passes + " passed, " + failures + " failed");
process.exit(failures ? 1 : 0);
