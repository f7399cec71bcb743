// The web page of `storyline serve` in a real browser: the real binary on a free port against a fresh
// store, the two seeds and tests/browser/fixtures/articles.jsonl posted to it, then Debian's chromium
// (headless, driven by playwright-core) reads the page the way a reader would.
//
//   STORYLINE_CLI_PATH=build/check/bin/storyline node --test tests/browser/
//
// Settings (environment): STORYLINE_CLI_PATH, the storyline binary (required; CTest sets it);
// STORYLINE_BROWSER_OUT, where the screenshot goes (default: the temp dir); STORYLINE_SHARED_DIR (or
// STORYLINE_SHARED), the shared data beside the repository (default ../shared); STORYLINE_CHROMIUM, the
// browser (default /usr/bin/chromium). A missing prerequisite fails the test: it never skips.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const sharedDir = process.env.STORYLINE_SHARED_DIR || process.env.STORYLINE_SHARED || path.resolve(repo, '..', 'shared');
const seedsFile = path.join(sharedDir, 'seeds', 'seeds.jsonl');
const chromiumPath = process.env.STORYLINE_CHROMIUM || '/usr/bin/chromium';
const outDir = process.env.STORYLINE_BROWSER_OUT || tmpdir();
const installHint = 'run scripts/install-deps (it installs chromium and runs npm ci in tests/browser)';

const SEED_2018 = '000_f337b9528f10e226';
const SEED_2020 = '003_4eeb0491fbd7206d';

// Shared by the tests below, which run in order as one reader's session.
let server;
let browser;
let page;
let scratch;
let base;
let posted;         // the POST /articles answer, by id
let seedsTimeline;  // GET /storylines/{the seeds' storyline}
const pageErrors = [];

// playwright-core from tests/browser/node_modules, at the version package.json pins.
async function loadPlaywright() {
  const pinned = JSON.parse(await readFile(path.join(here, 'package.json'), 'utf8')).devDependencies['playwright-core'];
  const installed = path.join(here, 'node_modules', 'playwright-core', 'package.json');
  if (!existsSync(installed)) throw new Error(`tests/browser/node_modules has no playwright-core: ${installHint}`);
  const version = JSON.parse(await readFile(installed, 'utf8')).version;
  if (version !== pinned) {
    throw new Error(`tests/browser/node_modules holds playwright-core ${version}, package.json pins ${pinned}: ${installHint}`);
  }
  return import('playwright-core');
}

// `storyline serve --db DIR/store.db --port 0`; resolves once it says which port it listens on.
function startServer(cli, dir) {
  const child = spawn(cli, ['serve', '--db', path.join(dir, 'store.db'), '--port', '0'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const listening = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`storyline serve did not listen within 60 s:\n${log}`)), 60000);
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`storyline serve exited (${code}):\n${log}`)); });
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, listening, exited, log: () => log };
}

async function waitForHealth(url) {
  let last = '';
  for (let attempt = 0; attempt < 100; ++attempt) {
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return response.json();
      last = `status ${response.status}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`GET /health never answered 200 (${last})`);
}

async function getJson(route) {
  const response = await fetch(`${base}${route}`);
  assert.equal(response.status, 200, `GET ${route}: ${await response.clone().text()}`);
  return response.json();
}

async function postArticles(articles) {
  const response = await fetch(`${base}/articles`, { method: 'POST', body: JSON.stringify(articles) });
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  return body;
}

const readJsonLines = async (file) => (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));

before(async () => {
  const cli = process.env.STORYLINE_CLI_PATH;
  if (!cli || !existsSync(cli)) {
    throw new Error(`set STORYLINE_CLI_PATH to the storyline binary (CTest does); got ${cli || 'nothing'}`);
  }
  if (!existsSync(chromiumPath)) throw new Error(`no browser at ${chromiumPath}: ${installHint}`);
  if (!existsSync(seedsFile)) {
    throw new Error(`no seeds at ${seedsFile}: put the shared data beside the repository or set STORYLINE_SHARED_DIR`);
  }
  const { chromium } = await loadPlaywright();

  scratch = await mkdtemp(path.join(tmpdir(), 'storyline-browser-'));
  server = startServer(cli, scratch);
  base = `http://127.0.0.1:${await server.listening}`;
  assert.equal((await waitForHealth(base)).articles, 0);

  const articles = [...await readJsonLines(seedsFile), ...await readJsonLines(path.join(here, 'fixtures', 'articles.jsonl'))];
  const answer = await postArticles(articles);
  assert.equal(answer.added, articles.length);
  posted = Object.fromEntries(answer.articles.map((item) => [item.id, item]));
  // What the seeds' README expects of the engine; the page is checked against it below.
  assert.equal(posted[SEED_2018].storyline, posted[SEED_2020].storyline, 'the seeds share a storyline');
  assert.notEqual(posted[SEED_2018].story, posted[SEED_2020].story, 'the seeds are different stories');
  seedsTimeline = await getJson(`/storylines/${posted[SEED_2018].storyline}`);

  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.setDefaultTimeout(15000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

after(async () => {
  await browser?.close();
  if (server) {
    server.child.kill('SIGTERM');
    const { code } = await server.exited;
    assert.equal(code, 0, `storyline serve did not stop cleanly:\n${server.log()}`);
  }
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const storyOf = (id) => seedsTimeline.stories.find((story) => story.ids.includes(id));
const text = async (selector) => (await page.locator(selector).textContent()).trim();

test('the front page lists the storylines, newest activity first', async () => {
  const listing = await getJson('/storylines');
  await page.goto(`${base}/`);
  const links = page.locator('ol.cards a.card-title');
  await links.first().waitFor();
  const shown = await links.evaluateAll((nodes) => nodes.map((node) => Number(node.dataset.storyline)));
  assert.deepEqual(shown, listing.storylines.map((line) => line.storyline));
  assert.equal(await text(`a[data-storyline="${seedsTimeline.storyline}"]`), listing.storylines
    .find((line) => line.storyline === seedsTimeline.storyline).title);
  assert.match(await text('main .lead'), new RegExp(`^${listing.total} storylines`));
});

test("the seeds' storyline opens as a timeline of dated stories", async () => {
  await page.click(`a[data-storyline="${seedsTimeline.storyline}"]`);
  await page.locator('svg.timeline').waitFor();
  assert.equal(new URL(page.url()).hash, `#/storyline/${seedsTimeline.storyline}`);
  // One circle per story, a row each, in date order down the rows.
  assert.equal(await page.locator('svg.timeline g.story circle').count(), seedsTimeline.stories.length);
  const rowDates = await page.locator('svg.timeline g.story').evaluateAll((nodes) => nodes.map((node) => node.dataset.date));
  assert.deepEqual(rowDates, seedsTimeline.stories.map((story) => story.date));
  assert.deepEqual(rowDates, [...rowDates].sort());
  const expected = [[SEED_2018, '2018-09-22', '22 Sep 2018'], [SEED_2020, '2020-07-08', '8 Jul 2020']];
  const centres = [];
  for (const [seed, day, shownDay] of expected) {
    const story = storyOf(seed);
    assert.equal(story.date, day);
    const group = page.locator(`svg.timeline g.story[data-story="${story.story}"]`);
    assert.equal(await group.getAttribute('data-date'), day);
    const label = await group.locator('text.label').textContent();
    assert.ok(label.startsWith(shownDay), `chart label "${label}" starts with its date`);
    // The chart cuts long labels; the list under it has them whole, with the key sentence.
    assert.ok(story.label.startsWith(label.slice(shownDay.length).replace(/…$/, '').trim()), label);
    const entry = page.locator(`ol.stories > li[data-story="${story.story}"]`);
    assert.equal((await entry.locator('h2').textContent()).trim(), story.label);
    assert.equal((await entry.locator('p.key').textContent()).trim(), story.key_sentence);
    assert.match(await entry.locator('p.meta').first().textContent(), new RegExp(shownDay));
    centres.push(Number(await group.locator('circle').getAttribute('cx')));
  }
  assert.ok(centres[0] < centres[1], 'the 2018 story is left of the 2020 story on the time axis');
  const ticks = await page.locator('svg.timeline text.tick').allTextContents();
  assert.ok(ticks.some((tick) => tick.includes('2019')), `axis ticks name their dates: ${ticks}`);
  // Larger stories draw larger circles.
  const radius = async (seed) => Number(await page.locator(`g.story[data-story="${storyOf(seed).story}"] circle`).getAttribute('r'));
  if (storyOf(SEED_2018).articles > storyOf(SEED_2020).articles) assert.ok(await radius(SEED_2018) > await radius(SEED_2020));

  await mkdir(outDir, { recursive: true });
  await page.screenshot({ path: path.join(outDir, 'seeds-timeline.png'), fullPage: true });
});

test('a story opens its article, with related coverage and the evidence why', async () => {
  const story = storyOf(SEED_2018);
  await page.click(`svg.timeline g.story[data-story="${story.story}"]`);
  await page.locator('article.reader h1').waitFor();
  assert.equal(new URL(page.url()).hash, `#/article/${encodeURIComponent(story.ids[0])}`);
  const article = await getJson(`/articles/${encodeURIComponent(story.ids[0])}`);
  assert.equal(await text('article.reader h1'), article.title);

  const related = await getJson(`/articles/${encodeURIComponent(story.ids[0])}/related`);
  const listed = await page.locator('.coverage ul.related > li').evaluateAll((nodes) => nodes.map((node) => node.dataset.id));
  assert.deepEqual(listed, [...related.same_story, ...related.same_storyline].map((item) => item.id));
  const other = story.ids[0] === SEED_2018 ? SEED_2020 : SEED_2018;
  assert.ok(listed.includes(other), `the other seed is related coverage: ${listed}`);

  // The first of each list explains itself (once its /similar answers); the other seed on a click.
  await page.waitForFunction(() => document.querySelector('.coverage .why .loading') === null);
  const item = page.locator(`.coverage li[data-id="${other}"]`);
  if (await item.locator('.evidence').count() === 0) await item.getByRole('button', { name: 'Why related?' }).click();
  const evidence = item.locator('.evidence');
  await evidence.waitFor();
  const why = await getJson(`/similar?a=${encodeURIComponent(story.ids[0])}&b=${other}`);
  assert.equal(await evidence.locator('.verdict').textContent(), why.verdict.replace(/_/g, ' '));
  assert.equal(why.verdict, 'same_storyline');
  const names = await evidence.locator('dd .chip').allTextContents();
  for (const name of ['Mike Pompeo', 'Donald Trump', 'North Korea', 'Singapore']) {
    assert.ok(names.includes(name), `shared names include ${name}: ${names}`);
  }
  assert.match(await evidence.textContent(), /\d+ days apart/);
  assert.equal(await evidence.locator('.chip.term').count(), why.evidence.shared_terms.length);
});

test('search finds the article that names the word', async () => {
  await page.fill('#search-input', 'Hanoi');
  await page.press('#search-input', 'Enter');
  const hits = page.locator('ol.results > li');
  await hits.first().waitFor();
  assert.equal(new URL(page.url()).hash, '#/search?q=Hanoi');
  const ids = await hits.evaluateAll((nodes) => nodes.map((node) => node.dataset.id));
  assert.ok(ids.includes('summit-2019-02-hanoi'), `results: ${ids}`);
  assert.ok(!ids.some((id) => id.startsWith('tram-')), `no tram article names Hanoi: ${ids}`);
  await hits.locator('a.card-title', { hasText: 'Trump and Kim summit in Hanoi ends without a deal' }).click();
  await page.locator('article.reader h1').waitFor();
  assert.equal(await text('article.reader h1'), 'Trump and Kim summit in Hanoi ends without a deal');
});

test('a window of days lays the timeline out over those days only', async () => {
  const id = seedsTimeline.storyline;
  const expected = await getJson(`/storylines/${id}?top=60&since=2020-01-01`);
  assert.ok(expected.stories.length > 0 && expected.stories.length < seedsTimeline.stories.length);
  await page.goto(`${base}/#/storyline/${id}`);
  await page.locator('svg.timeline g.story').first().waitFor();
  await page.fill('form.window input[name="since"]', '2020-01-01');
  await page.click('form.window button[type="submit"]');
  await page.waitForFunction((count) => document.querySelectorAll('svg.timeline g.story').length === count,
    expected.stories.length);
  assert.equal(new URL(page.url()).hash, `#/storyline/${id}?since=2020-01-01`);
  const dates = await page.locator('svg.timeline g.story').evaluateAll((nodes) => nodes.map((node) => node.dataset.date));
  assert.deepEqual(dates, expected.stories.map((story) => story.date));
  assert.ok(dates.every((day) => day >= '2020-01-01'), `${dates}`);
  assert.match(await text('main .lead'), /from 1 Jan 2020 to its end/);
  assert.equal(await page.inputValue('form.window input[name="since"]'), '2020-01-01');
  // Days with no article of the storyline say so; the link leads back to the whole storyline.
  await page.goto(`${base}/#/storyline/${id}?until=1990-01-01`);
  await page.locator('main .empty', { hasText: 'No article of this storyline was published in these days.' }).waitFor();
  await page.click('form.window a');
  await page.locator('svg.timeline g.story').first().waitFor();
  assert.equal(await page.locator('svg.timeline g.story').count(), seedsTimeline.stories.length);
});

test("the API's errors are shown, and links lead straight to a view", async () => {
  await page.goto(`${base}/#/storyline/999`);
  await page.locator('main .error', { hasText: 'no storyline 999' }).waitFor();
  assert.match(await text('main .error'), /\(404\)/);
  await page.goto(`${base}/#/article/${encodeURIComponent('no such/article')}`);
  await page.locator('main .error', { hasText: "no article 'no such/article'" }).waitFor();
  // A fresh load of a view's address shows that view.
  await page.goto('about:blank');
  await page.goto(`${base}/#/storyline/${seedsTimeline.storyline}`);
  await page.locator('svg.timeline g.story').first().waitFor();
  assert.equal(await page.locator('svg.timeline g.story').count(), seedsTimeline.stories.length);
});

test("an article's markup is shown as text, never run", async () => {
  const title = '<img src=x onerror="window.injected=1"> <b>Quay</b> & co';
  await postArticles([{ id: 'markup-1', title, published: '2024-01-05T10:00:00Z', source: '<i>Wire</i>',
    text: 'Harbour officials said <script>window.injected=2</script> nothing happened at the quay.' }]);
  await page.goto(`${base}/#/article/markup-1`);
  await page.locator('article.reader h1').waitFor();
  assert.equal(await text('article.reader h1'), title);
  assert.match(await text('article.reader p.meta'), /<i>Wire<\/i>/);
  assert.match(await page.locator('article.reader').textContent(), /<script>window\.injected=2<\/script>/);
  assert.equal(await page.locator('main img, main b, main i, main script').count(), 0);
  assert.equal(await page.evaluate(() => window.injected), undefined);
  assert.deepEqual(pageErrors, []);
});
