// End-to-end: indexes corpus/, starts `plenary-search serve`, and drives the page in Debian's
// headless Chromium: types a query, narrows by a facet, removes it, opens a paragraph, sorts,
// brushes the year timeline (mouse and keyboard), exports CSV and JSON, opens a report, reads a
// Charter paragraph beside its other language version, and saves screenshots (desktop, phone,
// the timeline, a report) in --out.
//
// node page_test.mjs --bin BUILD_DIR --corpus DIR --out DIR [--chromium /usr/bin/chromium]
//                    [--thesaurus UNBIS.lst: index with subjects, and test the subject facet]
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, mkdirSync, readFileSync, existsSync } from "node:fs";
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

// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') { field += '"'; i++; }
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else if (c !== "\r") field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

// The total the status line names ("57 paragraphs match", "1 paragraph matches").
async function shownTotal(page) {
  const m = /(\d+) paragraphs? match/.exec(await page.textContent("#status"));
  return m ? parseInt(m[1], 10) : -1;
}

// Waits until the page shows the hits the API gives for the same hash state.
async function waitForHits(page, apiQuery) {
  const want = (await getJson("api/search?" + apiQuery)).hits.map(h => h.id);
  await page.waitForFunction(ids => {
    const got = [...document.querySelectorAll("#hits li.hit")].map(li => li.dataset.id);
    return got.length === ids.length && got.every((id, i) => id === ids[i]);
  }, want);
  return want;
}

let base = "";
async function getJson(path) {
  const r = await fetch(base + path);
  if (!r.ok) throw new Error(path + ": " + r.status + " " + await r.text());
  return r.json();
}

// What corpus/ holds: "trafficking" matches dated paragraphs of several years (the seed, speeches,
// the UPR questions); English and French together are every paragraph (over 1,000, the export's cap);
// "self-defence" is Article 51 of the English Charter, whose French version is in corpus/ too.
const SORT_QUERY = "trafficking";
const BIG_FILTERS = "filter=lang%3Aen&filter=lang%3Afr";
const CHARTER_FILTER = "document:raw_un_charter_en";

let failures = 0, passes = 0;
function check(ok, what) {
  if (ok) { passes++; console.log("ok   " + what); }
  else { failures++; console.log("FAIL " + what); }
}

const work = mkdtempSync(join(tmpdir(), "plenary-e2e-"));
const db = join(work, "db");
// With the UNBIS Thesaurus (in the shared folder, read in place) English paragraphs get subjects.
const thesaurus = args.thesaurus && existsSync(args.thesaurus) ? args.thesaurus : null;
if (!thesaurus) console.log("note: no thesaurus (" + (args.thesaurus || "--thesaurus not given") + "): the subject facet is tested absent");
execFileSync(join(bin, "indexer/plenary-index"), ["--db", db, ...(thesaurus ? ["--thesaurus", thesaurus] : []), corpus], { stdio: "inherit" });

// --port 0: the server picks a free port and names it on its first line.
const server = spawn(join(bin, "searcher/plenary-search"), ["serve", "--db", db, "--port", "0", "--threads", "2"],
                     { stdio: ["ignore", "ignore", "pipe"] });
process.on("exit", () => { if (server.exitCode === null) server.kill("SIGTERM"); });
base = await new Promise((resolve, reject) => {
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
  page.on("request", r => { if (!r.url().startsWith(base) && !r.url().startsWith("blob:" + base.replace(/\/$/, "")))
    pageErrors.push("fetched " + r.url()); });
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
  // corpus/ holds the seed and speeches of other years: the timeline spans several years.
  await page.waitForSelector("#timeline:not([hidden]) .bar");
  const years = await page.locator('#timeline-chart .bar:not(.zero)').evaluateAll(bs => bs.map(b => b.dataset.year));
  check(years.includes("2020") && years.includes("2018"), "the year timeline spans documents: " + years.join(", "));

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

  // Sort by date, both ways: the hits' dates in order; the oldest first starts in the timeline's first year.
  for (const [sort, dir] of [["date", 1], ["-date", -1]]) {
    await page.goto(base + "#q=" + SORT_QUERY);
    await page.waitForSelector("#hits li.hit");
    await page.selectOption("#sort", sort);
    await page.waitForFunction(s => location.hash.includes("sort=" + encodeURIComponent(s)), sort);
    await waitForHits(page, "q=" + SORT_QUERY + "&sort=" + encodeURIComponent(sort));
    const dates = (await page.locator("#hits li.hit").evaluateAll(ls => ls.map(l => l.dataset.date)))
      .filter(Boolean).map(d => d.length === 4 ? d + "-00-00" : d);
    const ordered = dates.every((d, i) => i === 0 || (dir > 0 ? dates[i - 1] <= d : dates[i - 1] >= d));
    check(ordered && new Set(dates).size >= 2, "sort " + sort + " gives dates in order: " + dates.join(", "));
    const spanYears = await page.locator("#timeline-chart .bar:not(.zero)").evaluateAll(bs => bs.map(b => b.dataset.year));
    const edge = dir > 0 ? spanYears[0] : spanYears[spanYears.length - 1];
    check(dates[0].startsWith(edge), "sort " + sort + " starts in the timeline's " + (dir > 0 ? "first" : "last") + " year " + edge);
    check(await page.inputValue("#sort") === sort, "the sort control shows " + sort);
  }

  // The speaker facet, by name, narrows to that speaker's paragraphs; the charter facet appears where the
  // Charter is matched; the subject facet only in an index built with the thesaurus (corpus/ is not).
  await page.goto(base + "#q=trafficking");
  await page.waitForSelector('#facet-lists button[data-facet="speaker"]');
  const speaker = page.locator('#facet-lists button[data-facet="speaker"]').first();
  const speakerValue = await speaker.getAttribute("data-value");
  const speakerLabel = await speaker.locator("span").first().textContent();
  const speakerCount = parseInt(await speaker.locator(".count").textContent(), 10);
  check(/^[A-Z]{3}$/.test(speakerValue) && speakerLabel.length > 3, "speaker facet names the country: " + speakerValue + " " + speakerLabel);
  await speaker.click();
  await page.waitForSelector('.chip[data-filter="speaker:' + speakerValue + '"]');
  await page.waitForFunction(n => document.querySelector("#status").textContent.includes(n + " paragraph"), speakerCount);
  check(await shownTotal(page) === speakerCount, "speaker facet count equals the narrowed total (" + speakerCount + ")");
  check((await page.locator("#hits li.hit").evaluateAll(ls => ls.length)) > 0, "the speaker's paragraphs are listed");
  if (thesaurus) {
    // The UNBIS subject the seed's trafficking paragraphs name narrows to exactly its count.
    await page.goto(base + "#q=trafficking");
    const subject = page.locator('#facet-lists button[data-facet="subject"][data-value="TRAFFICKING IN PERSONS"]');
    await subject.waitFor();
    const subjectCount = parseInt(await subject.locator(".count").textContent(), 10);
    await subject.click();
    await page.waitForSelector('.chip[data-filter="subject:TRAFFICKING IN PERSONS"]');
    await page.waitForFunction(n => document.querySelector("#status").textContent.includes(n + " paragraph"), subjectCount);
    check(subjectCount > 0 && await shownTotal(page) === subjectCount, "subject facet TRAFFICKING IN PERSONS narrows to its count (" + subjectCount + ")");
  } else {
    await page.goto(base + "#q=trafficking");
    await page.waitForSelector('#facet-lists button[data-facet="country"]');
    check(await page.locator('#facet-lists button[data-facet="subject"]').count() === 0 &&
          (await getJson("api/search?q=trafficking&facet=subject")).facets.subject.length === 0,
          "no subject facet where the index has no subjects");
  }
  // Subjects are given to English paragraphs only: French ones show no subject facet.
  await page.goto(base + "#q=nations&filter=lang%3Afr");
  await waitForHits(page, "q=nations&filter=lang%3Afr");
  await page.waitForSelector('#facet-lists button[data-facet="year"], #facet-lists button[data-facet="body"], #facet-lists button[data-facet="charter"]');
  check(await page.locator('#facet-lists button[data-facet="subject"]').count() === 0 &&
        (await getJson("api/search?q=nations&filter=lang%3Afr&facet=subject")).facets.subject.length === 0,
        "no subject facet where the results have no subjects");
  await page.goto(base + "#q=" + encodeURIComponent("self-defence"));
  // The new query's hits first: until they come, the facets shown are the last query's.
  await waitForHits(page, "q=" + encodeURIComponent("self-defence"));
  await page.waitForSelector('#facet-lists button[data-facet="charter"]');
  const charter = await page.locator('#facet-lists button[data-facet="charter"]').evaluateAll(bs => bs.map(b => b.dataset.value + "=" + b.querySelector("span").textContent));
  check(charter.some(c => c.startsWith("art51=Article 51")), "charter facet lists Article 51 by name: " + charter.join(", "));

  // The timeline: one bar per year of the span, counts exact from the year facet.
  await page.goto(base + "#q=trafficking");
  await page.waitForSelector("#timeline-chart .bar");
  const bars = await page.locator("#timeline-chart .bar").evaluateAll(bs => bs.map(b => ({ year: +b.dataset.year, count: +b.dataset.count })));
  check(bars.length > 2 && bars.every((b, i) => i === 0 || b.year === bars[i - 1].year + 1), "one bar per year, " + bars[0].year + "–" + bars[bars.length - 1].year);
  const yearFacet = (await getJson("api/search?q=trafficking&facet=year&facet_limit=0&limit=0")).facets.year;
  check(yearFacet.length === bars.filter(b => b.count).length && yearFacet.every(v => bars.find(b => b.year === +v.value).count === v.count),
        "bar counts equal the year facet: " + yearFacet.map(v => v.value + ":" + v.count).join(" "));
  // Brushing with the mouse from the first dated year to the last but one gives year:A..B.
  const dated = bars.filter(b => b.count);
  const from = dated[0].year, to = dated[dated.length - 2].year;
  const expected = bars.filter(b => b.year >= from && b.year <= to).reduce((n, b) => n + b.count, 0);
  const boxFrom = await page.locator(`#timeline-chart .bar[data-year="${from}"]`).boundingBox();
  const boxTo = await page.locator(`#timeline-chart .bar[data-year="${to}"]`).boundingBox();
  await page.mouse.move(boxFrom.x + boxFrom.width / 2, boxFrom.y + boxFrom.height / 2);
  await page.mouse.down();
  await page.mouse.move(boxTo.x + boxTo.width / 2, boxTo.y + boxTo.height / 2, { steps: 6 });
  check((await page.textContent("#timeline-readout")).startsWith(from + "–" + to + ": " + expected + " paragraphs"),
        "the readout names the brushed range and its count: " + await page.textContent("#timeline-readout"));
  await page.locator("#timeline").screenshot({ path: join(out, "e2e-timeline.png") });
  await page.mouse.up();
  await page.waitForSelector(`.chip[data-filter="year:${from}..${to}"]`);
  await page.waitForFunction(n => document.querySelector("#status").textContent.includes(n + " paragraph"), expected);
  check(await shownTotal(page) === expected, `brushing ${from}..${to} gives year:${from}..${to} and the year facet's sum (${expected})`);
  const highlighted = await page.locator("#timeline-chart .bar.in-filter").evaluateAll(bs => bs.map(b => +b.dataset.year));
  check(highlighted.length === to - from + 1 && highlighted[0] === from, "the timeline marks the filtered years");
  check((await page.textContent("#timeline-readout")).startsWith("In the filter (dark): " + expected + " paragraphs"),
        "the readout sums the filtered years: " + await page.textContent("#timeline-readout"));
  await page.screenshot({ path: join(out, "e2e-timeline-page.png"), fullPage: false });
  // By keyboard: End, Shift+Left twice, Enter: the last three years of the span.
  await page.goto(base + "#q=trafficking");
  await page.waitForSelector("#timeline-chart .bar");
  await page.focus("#timeline-chart");
  await page.keyboard.press("End");
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("Shift+ArrowLeft");
  const last = bars[bars.length - 1].year;
  const lastThree = bars.filter(b => b.year >= last - 2).reduce((n, b) => n + b.count, 0);
  check((await page.textContent("#timeline-readout")).startsWith((last - 2) + "–" + last + ": " + lastThree), "arrow keys choose a range");
  await page.keyboard.press("Enter");
  await page.waitForSelector(`.chip[data-filter="year:${last - 2}..${last}"]`);
  await page.waitForFunction(n => document.querySelector("#status").textContent.includes(n + " paragraph"), lastThree);
  check(await shownTotal(page) === lastThree, `the keyboard gives year:${last - 2}..${last} (${lastThree} paragraphs)`);

  // A year filter alone still has its timeline (of the filtered years).
  await page.goto(base + "#filter=year%3A2018..2020");
  await page.waitForSelector("#timeline:not([hidden]) .bar");
  const alone = await page.locator("#timeline-chart .bar").evaluateAll(bs => bs.map(b => b.dataset.year));
  check(alone.join(",") === "2018,2019,2020", "a year filter alone keeps its timeline: " + alone.join(","));

  // Export: every hit of the query (under the cap), not only the page shown.
  await page.goto(base + "#q=trafficking");
  await page.waitForSelector("#hits li.hit");
  const exportTotal = await shownTotal(page);
  const firstPage = await page.locator("#hits li.hit").evaluateAll(ls => ls.map(l => l.dataset.id));
  const [csvFile] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
  const csv = parseCsv(readFileSync(await csvFile.path(), "utf8").replace(/^\ufeff/, ""));
  const header = csv[0], rows = csv.slice(1);
  check(csvFile.suggestedFilename() === "plenary-results.csv" && header.includes("citation") && header.includes("text"),
        "CSV download with a header: " + header.join(","));
  check(rows.length === exportTotal && exportTotal > 10, "CSV rows equal the total (" + rows.length + " of " + exportTotal + ")");
  const idCol = header.indexOf("id");
  check(new Set(rows.map(r => r[idCol])).size === rows.length && firstPage.every((id, i) => rows[i][idCol] === id),
        "CSV rows are distinct paragraphs, in the page's order");
  check(rows.every(r => r.length === header.length), "every CSV row has every column");
  await page.waitForFunction(() => document.querySelector("#export-status").textContent.startsWith("Exported"));
  const [jsonFile] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
  const exported = JSON.parse(readFileSync(await jsonFile.path(), "utf8"));
  check(exported.hits.length === exportTotal && exported.total === exportTotal && exported.cap === 1000 && exported.query === "trafficking",
        "JSON export holds every hit (" + exported.hits.length + ") with the query and the cap");
  // Past the cap: the page says so and the export stops there.
  await page.goto(base + "#" + BIG_FILTERS);
  await page.waitForSelector("#hits li.hit");
  const bigTotal = await shownTotal(page);
  check(bigTotal > 1000 && (await page.textContent("#export-note")).includes("first 1,000 of " + bigTotal.toLocaleString("en")),
        "the page names the export's cap: " + await page.textContent("#export-note"));
  const [bigFile] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
  check(parseCsv(readFileSync(await bigFile.path(), "utf8")).length - 1 === 1000, "the export stops at the cap (1,000 rows)");

  // Reports: links for the current query and filters; the countries report names the results' countries.
  await page.goto(base + "#q=trafficking&filter=year%3A2018..2020");
  await page.waitForSelector('#facet-lists button[data-facet="country"]');
  const countryNames = await page.locator('#facet-lists button[data-facet="country"] span:first-child').allTextContents();
  const href = await page.getAttribute('#tools a.report[data-kind="countries"]', "href");
  check(href === "/api/report/countries?q=trafficking&filter=year%3A2018..2020&format=html", "report link carries the query and filters: " + href);
  const [report] = await Promise.all([browser.waitForEvent("page"), page.click('#tools a.report[data-kind="countries"]')]);
  await report.waitForLoadState();
  const reportText = await report.textContent("body");
  check(countryNames.length > 0 && countryNames.every(c => reportText.includes(c)), "the countries report names the results' countries: " + countryNames.join(", "));
  await report.screenshot({ path: join(out, "e2e-report.png"), fullPage: false });
  await report.locator('a[href^="/#para="]').first().click();
  await report.waitForSelector("#paragraph:not([hidden]) h2");
  check(true, "a report entry opens its paragraph on the page");
  await report.close();
  await page.selectOption("#report-format", "csv");
  const csvHref = await page.getAttribute('#tools a.report[data-kind="citations"]', "href");
  const citationsCsv = await (await fetch(base + csvHref.slice(1))).text();
  check(csvHref.endsWith("format=csv") && parseCsv(citationsCsv).length > 1, "report format choice gives the CSV report (" + (parseCsv(citationsCsv).length - 1) + " rows)");
  const subjectsHref = await page.getAttribute('#tools a.report[data-kind="subjects"]', "href");
  const subjectsCsv = parseCsv(await (await fetch(base + subjectsHref.slice(1))).text());
  if (thesaurus)
    check(subjectsCsv.some(row => row.includes("TRAFFICKING IN PERSONS")), "the subjects report puts trafficking under TRAFFICKING IN PERSONS (" + (subjectsCsv.length - 1) + " rows)");
  else
    check(subjectsCsv.length === 1, "without a thesaurus the subjects report has its header only");

  // Language versions side by side: Article 51 of the Charter in English, and the French beside it.
  await page.goto(base + "#q=" + encodeURIComponent('"self-defence"') + "&filter=" + encodeURIComponent(CHARTER_FILTER));
  await page.waitForSelector("#hits li.hit");
  await page.locator("#hits a.open-paragraph").first().click();
  await page.waitForSelector('#paragraph .versions .version[data-lang="fr"]');
  const langs2 = await page.locator("#paragraph .versions .version").evaluateAll(vs => vs.map(v => v.getAttribute("lang")));
  check(langs2.join(",") === "en,fr", "the paragraph's versions side by side, as corpus/ holds them: " + langs2.join(","));
  const fr = await page.textContent('#paragraph .versions .version[data-lang="fr"] p');
  const en = await page.textContent('#paragraph .versions .version[data-lang="en"] p');
  check(/self-defen/.test(en) && /légitime défense/.test(fr), "English and French Article 51 in columns");
  const columns = await page.locator("#paragraph .versions .version").evaluateAll(vs => vs.map(v => Math.round(v.getBoundingClientRect().top)));
  check(columns[0] === columns[1], "the versions stand side by side (same top)");
  await page.locator("#paragraph").screenshot({ path: join(out, "e2e-versions.png") });

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
