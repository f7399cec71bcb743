// The web page of `storyline serve`: storylines, their timelines, articles with the evidence of why they
// are related, and search, all read from the JSON API of docs/cli/serve.md. Each view lives in the URL
// hash (#/storyline/3, #/article/ID, #/search?q=...) so that it can be linked to and reloaded.
//
// Text from the store only ever enters the page as text nodes or attribute values (el() and svg() below),
// never as HTML, so an article cannot inject markup or script.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAGE_SIZE = 25;       // storylines per page of the list
const TIMELINE_TOP = 60;    // a storyline's chart shows its leading days (the API's ?top=)
const RELATED_LIMIT = 50;   // related articles per list
const SEARCH_LIMIT = 50;
const DAY_MS = 86400000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// ---- building nodes -------------------------------------------------------------------------------

function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') node.addEventListener(name.replace(/^on/, ''), value);
    else node.setAttribute(name, String(value));
  }
  // append() turns strings into text nodes: article text stays text.
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false)
    .map((child) => (child instanceof Node ? child : String(child))));
  return node;
}
const el = (tag, attrs = {}, ...children) => build(document.createElement(tag), attrs, children);
const svg = (tag, attrs = {}, ...children) => build(document.createElementNS(SVG_NS, tag), attrs, children);

const plural = (count, one, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const articleHref = (id) => `#/article/${encodeURIComponent(id)}`;

// Only links the reader can follow safely: a stored url is input, and could be javascript:.
function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

// ---- dates: the API gives ISO-8601 days or times; the page shows days, in UTC as stored -------------

function dayNumber(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  return match ? Date.UTC(+match[1], +match[2] - 1, +match[3]) / DAY_MS : null;
}
function formatDay(iso) {
  const day = dayNumber(iso);
  if (day === null) return 'undated';
  const date = new Date(day * DAY_MS);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
function formatRange(first, last) {
  if (!first) return 'undated';
  const from = formatDay(first);
  const to = formatDay(last || first);
  return from === to ? from : `${from} – ${to}`;
}

function formatGap(days) {
  if (days === null) return 'no time gap (undated)';
  if (days < 1) return `${plural(Math.round(days * 24), 'hour')} apart`;
  return `${plural(Math.round(days), 'day')} apart`;
}

// ---- the API ---------------------------------------------------------------------------------------

// The parsed answer, or an Error whose message says what went wrong (the API's own `error` when given).
async function api(path) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new Error(`cannot reach the server: ${error.message}`);
  }
  const body = await response.text();
  let data = null;
  try {
    data = JSON.parse(body);
  } catch {
    // Reported below, with the status.
  }
  if (!response.ok) {
    const reason = data && typeof data.error === 'string' ? data.error : response.statusText || 'no reason given';
    throw new Error(`GET ${path} failed (${response.status}): ${reason}`);
  }
  if (data === null) throw new Error(`GET ${path}: the answer is not JSON`);
  return data;
}

const errorBox = (message) => el('p', { class: 'error', role: 'alert' }, message);

// ---- storylines ------------------------------------------------------------------------------------

async function storylinesView(show, offset) {
  const data = await api(`/storylines?limit=${PAGE_SIZE}&offset=${offset}`);
  const heading = el('h1', {}, 'Storylines');
  if (data.total === 0) {
    show(heading, el('p', { class: 'empty' },
      'The store holds no articles yet. POST some to /articles (see docs/cli/serve.md) and reload.'));
    return;
  }
  if (data.storylines.length === 0) {
    show(heading, el('p', { class: 'empty' }, `There are ${data.total} storylines; this page starts past the last. `,
      el('a', { href: '#/' }, 'Back to the newest')));
    return;
  }
  const list = el('ol', { class: 'cards' }, data.storylines.map((line) => el('li', {},
    el('a', { class: 'card-title', href: `#/storyline/${line.storyline}`, 'data-storyline': line.storyline },
      line.title || `Storyline ${line.storyline}`),
    el('p', { class: 'meta' }, formatRange(line.first_published, line.last_published), ' · ',
      plural(line.stories, 'story', 'stories'), ' · ', plural(line.articles, 'article')))));
  const last = Math.min(offset + data.storylines.length, data.total);
  const pager = el('nav', { class: 'pager' },
    offset > 0 ? el('a', { href: `#/?offset=${Math.max(0, offset - PAGE_SIZE)}` }, '← Newer') : null,
    el('span', {}, `${offset + 1}–${last} of ${data.total}`),
    last < data.total ? el('a', { href: `#/?offset=${offset + PAGE_SIZE}` }, 'Older →') : null);
  show(heading, el('p', { class: 'lead' }, `${plural(data.total, 'storyline')}, newest activity first.`), list,
    pager);
}

// ---- a storyline's timeline ------------------------------------------------------------------------

// Tick marks of a time axis from day `start` to day `end`: the finest calendar step giving at most 8.
function axisTicks(start, end) {
  const steps = [[1, 'day'], [2, 'day'], [7, 'day'], [14, 'day'], [1, 'month'], [2, 'month'], [3, 'month'],
    [6, 'month'], [1, 'year'], [2, 'year'], [5, 'year'], [10, 'year'], [25, 'year'], [100, 'year']];
  const length = { day: 1, month: 30.44, year: 365.25 };
  const [step, unit] = steps.find(([n, u]) => (end - start) / (n * length[u]) <= 8) || steps[steps.length - 1];
  const ticks = [];
  const first = new Date(Math.ceil(start) * DAY_MS);
  let year = first.getUTCFullYear();
  let month = first.getUTCMonth();
  let day = Math.ceil(start);
  if (unit === 'month') {
    if (first.getUTCDate() !== 1) month += 1;
    month = Math.ceil(month / step) * step;  // Date.UTC carries months past 11 into the next year
  } else if (unit === 'year') {
    if (first.getUTCDate() !== 1 || first.getUTCMonth() !== 0) year += 1;
    year = Math.ceil(year / step) * step;
  }
  for (let i = 0; i < 200; ++i) {
    let at;
    let label;
    if (unit === 'day') {
      at = day + i * step;
      const date = new Date(at * DAY_MS);
      label = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
    } else if (unit === 'month') {
      const date = new Date(Date.UTC(year, month + i * step, 1));
      at = date.getTime() / DAY_MS;
      label = `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
    } else {
      at = Date.UTC(year + i * step, 0, 1) / DAY_MS;
      label = String(year + i * step);
    }
    if (at > end) break;
    ticks.push({ at, label });
  }
  return ticks;
}

// One row per story (in date order), its circle at its date and sized by its article count, a line over
// its first-to-last days, and its date and label beside it; an axis with calendar ticks underneath.
// Rows keep the labels from overlapping however close the dates are.
function timelineChart(stories, onOpen) {
  const width = 960;
  const rowHeight = 44;
  const top = 12;
  const side = 28;
  const days = stories.flatMap((story) => [dayNumber(story.first || story.date), dayNumber(story.last || story.date)]);
  const pad = Math.max(1, (Math.max(...days) - Math.min(...days)) * 0.04);
  const start = Math.min(...days) - pad;
  const end = Math.max(...days) + pad;
  const x = (day) => side + ((day - start) / (end - start)) * (width - 2 * side);
  const axisY = top + stories.length * rowHeight + 6;
  const height = axisY + 30;
  const chart = svg('svg', {
    class: 'timeline', viewBox: `0 0 ${width} ${height}`, width, height, role: 'group',
    'aria-label': `Timeline of ${plural(stories.length, 'story', 'stories')}`,
  });
  for (const tick of axisTicks(start, end)) {
    chart.append(
      svg('line', { class: 'grid', x1: x(tick.at), x2: x(tick.at), y1: top, y2: axisY }),
      svg('text', { class: 'tick', x: x(tick.at), y: axisY + 20, 'text-anchor': 'middle' }, tick.label));
  }
  chart.append(svg('line', { class: 'axis', x1: side, x2: width - side, y1: axisY, y2: axisY }));
  stories.forEach((story, row) => {
    const cy = top + row * rowHeight + rowHeight / 2;
    const cx = x(dayNumber(story.date));
    // Area in proportion to the article count, up to what a row holds.
    const radius = Math.min(rowHeight / 2 - 3, 8 * Math.sqrt(story.articles));
    const open = () => onOpen(story);
    const group = svg('g', {
      class: 'story', tabindex: 0, role: 'link', 'data-story': story.story, 'data-date': story.date,
      onclick: open, onkeydown: (event) => { if (event.key === 'Enter') open(); },
    }, svg('title', {}, `${formatDay(story.date)}: ${story.label} (${plural(story.articles, 'article')})`));
    const first = dayNumber(story.first || story.date);
    const last = dayNumber(story.last || story.date);
    if (last > first) group.append(svg('line', { class: 'span', x1: x(first), x2: x(last), y1: cy, y2: cy }));
    group.append(svg('circle', { cx, cy, r: radius }));
    if (story.articles > 1) {
      group.append(svg('text', { class: 'count', x: cx, y: cy + 4, 'text-anchor': 'middle' }, story.articles));
    }
    // Beside the circle, on the side with more room; cut to fit (the full label is in the list below).
    const onRight = cx < width * 0.55;
    const room = onRight ? width - cx - radius - 12 : cx - radius - 12;
    const date = formatDay(story.date);
    const fits = Math.max(8, Math.floor(room / 7.4) - date.length - 2);
    const label = story.label.length > fits ? `${story.label.slice(0, fits - 1).trimEnd()}…` : story.label;
    group.append(svg('text', {
      class: 'label', x: onRight ? cx + radius + 8 : cx - radius - 8, y: cy + 5,
      'text-anchor': onRight ? 'start' : 'end',
    }, svg('tspan', { class: 'date' }, date), svg('tspan', { dx: 8 }, label)));
    chart.append(group);
  });
  return chart;
}

// The story's articles (titles, dates, sources), fetched when the reader opens the list.
function storyArticles(story) {
  const list = el('ul', { class: 'plain' });
  const details = el('details', {},
    el('summary', {}, plural(story.articles, 'article'), story.sources.length ? ` from ${story.sources.join(', ')}` : ''),
    list);
  details.addEventListener('toggle', async () => {
    if (!details.open || list.childElementCount > 0) return;
    try {
      const data = await api(`/stories/${story.story}`);
      list.append(...data.articles.map((article) => el('li', {},
        el('a', { href: articleHref(article.id) }, article.title || article.id),
        el('span', { class: 'meta' }, ` · ${formatDay(article.published)}`, article.source ? ` · ${article.source}` : ''))));
    } catch (error) {
      list.append(el('li', {}, errorBox(error.message)));
    }
  });
  return details;
}

// The days a timeline is laid out over (the API's ?since= and ?until=): two date fields, and a way back
// to the whole storyline.
function windowForm(id, since, until) {
  const field = (name, label, value) => el('label', {}, `${label} `,
    el('input', { type: 'date', name, value: value || null }));
  const form = el('form', { class: 'window', 'aria-label': 'Days shown' },
    field('since', 'From', since), field('until', 'to', until), el('button', { type: 'submit' }, 'Show'),
    since || until ? el('a', { href: `#/storyline/${encodeURIComponent(id)}` }, 'Whole storyline') : null);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const name of ['since', 'until']) {
      const value = form.elements[name].value;
      if (value) params.set(name, value);
    }
    const query = params.toString();
    location.hash = `#/storyline/${encodeURIComponent(id)}${query ? `?${query}` : ''}`;
  });
  return form;
}

async function timelineView(show, id, since, until) {
  const query = new URLSearchParams({ top: String(TIMELINE_TOP) });
  if (since) query.set('since', since);
  if (until) query.set('until', until);
  const timeline = await api(`/storylines/${encodeURIComponent(id)}?${query}`);
  const stories = timeline.stories;
  const dated = stories.filter((story) => dayNumber(story.date) !== null);
  const openStory = (story) => { location.hash = articleHref(story.ids[0]); };
  const parts = [
    el('p', { class: 'crumbs' }, el('a', { href: '#/' }, '← All storylines')),
    // Named after its first story, as the list of storylines names it after its first article.
    el('h1', {}, (stories[0] && stories[0].label) || `Storyline ${timeline.storyline}`),
    el('p', { class: 'lead' }, `Storyline ${timeline.storyline} · `, formatRange(timeline.first, timeline.last), ' · ',
      plural(timeline.stories_total, 'story', 'stories'), ' · ', plural(timeline.articles, 'article'),
      ` · shown as its ${plural(stories.length, 'leading day', 'leading days')}`,
      since || until ? ` from ${since ? formatDay(since) : 'its start'} to ${until ? formatDay(until) : 'its end'}` : ''),
    windowForm(id, since, until),
  ];
  if (timeline.entities.length > 0) {
    parts.push(el('p', { class: 'chips', 'aria-label': 'Defining names' }, timeline.entities.map((entity) =>
      el('span', { class: `chip ${entity.kind}`, title: `${entity.kind}, in ${plural(entity.articles, 'article')}` },
        entity.name))));
  }
  parts.push(dated.length > 0
    ? el('figure', { class: 'chart' }, timelineChart(dated, openStory),
      el('figcaption', {}, 'Each circle is a story, placed at its date and sized by its articles; click one to read it.'))
    : el('p', { class: 'empty' }, timeline.articles === 0
      ? 'No article of this storyline was published in these days.'
      : 'No story of this storyline is dated, so there is no time axis to draw.'));
  parts.push(el('ol', { class: 'stories' }, stories.map((story) => el('li', { 'data-story': story.story },
    el('p', { class: 'meta' }, formatRange(story.first || story.date, story.last)),
    el('h2', {}, el('a', { href: articleHref(story.ids[0]) }, story.label || story.ids[0])),
    story.key_sentence ? el('p', { class: 'key' }, story.key_sentence) : null,
    storyArticles(story)))));
  show(...parts);
}

// ---- an article, its related coverage and the evidence --------------------------------------------

function evidencePanel(verdict) {
  const evidence = verdict.evidence;
  const kinds = [['people', 'People'], ['places', 'Places'], ['organisations', 'Organisations'], ['other', 'Other names']];
  const names = kinds.filter(([kind]) => evidence.shared_entities[kind].length > 0);
  const gap = evidence.time_gap_days;
  return el('div', { class: 'evidence' },
    el('p', {},
      el('span', { class: `verdict ${verdict.verdict}` }, verdict.verdict.replace(/_/g, ' ')),
      ` score ${verdict.score.toFixed(2)} (1 = same events, 4 = unrelated) · `,
      formatGap(gap)),
    names.length > 0 ? null : el('p', { class: 'meta' }, 'No shared names.'),
    evidence.shared_terms.length > 0 ? null : el('p', { class: 'meta' }, 'No shared key terms.'),
    el('dl', {},
      names.flatMap(([kind, title]) => [el('dt', {}, title),
        el('dd', { class: 'chips' }, evidence.shared_entities[kind].map((name) => el('span', { class: 'chip' }, name)))]),
      evidence.shared_terms.length > 0
        ? [el('dt', {}, 'Shared terms'),
          el('dd', { class: 'chips' }, evidence.shared_terms.map((term) => el('span', { class: 'chip term' }, term)))]
        : null),
    el('p', { class: 'meta' }, `word-pair overlap ${evidence.jaccard.toFixed(3)} · term cosine ${evidence.cosine.toFixed(3)}`));
}

// One related article, with a button that asks /similar why it is related to `id`.
function relatedItem(id, other) {
  const slot = el('div', { class: 'why' });
  const button = el('button', { type: 'button', class: 'link' }, 'Why related?');
  const explain = async () => {
    button.disabled = true;
    slot.replaceChildren(el('p', { class: 'loading' }, 'Comparing…'));
    try {
      const verdict = await api(`/similar?a=${encodeURIComponent(id)}&b=${encodeURIComponent(other.id)}`);
      slot.replaceChildren(evidencePanel(verdict));
      button.remove();
    } catch (error) {
      slot.replaceChildren(errorBox(error.message));
      button.disabled = false;
    }
  };
  button.addEventListener('click', explain);
  const item = el('li', { 'data-id': other.id },
    el('a', { href: articleHref(other.id) }, other.title || other.id),
    el('p', { class: 'meta' }, formatDay(other.published), other.source ? ` · ${other.source}` : '',
      other.duplicate_of ? ' · a copy' : '', ' ', button),
    slot);
  return { item, explain };
}

function relatedList(id, title, items, total) {
  if (items.length === 0) return [el('h2', {}, title), el('p', { class: 'meta' }, 'None.')];
  const entries = items.map((other) => relatedItem(id, other));
  // The first one's evidence at once: the reader sees the "why" without a click.
  entries[0].explain();
  return [el('h2', {}, `${title} (${total})`), el('ul', { class: 'related' }, entries.map((entry) => entry.item)),
    total > items.length ? el('p', { class: 'meta' }, `and ${total - items.length} more`) : null];
}

async function articleView(show, id) {
  const path = encodeURIComponent(id);
  const [article, related] = await Promise.all([api(`/articles/${path}`),
    api(`/articles/${path}/related?limit=${RELATED_LIMIT}`)]);
  const url = article.url ? safeUrl(article.url) : null;
  const paragraphs = article.text.split(/\n\s*\n|\n/).filter((line) => line.trim() !== '');
  show(
    el('p', { class: 'crumbs' }, el('a', { href: `#/storyline/${article.storyline}` }, `← Storyline ${article.storyline}`)),
    el('div', { class: 'article-layout' }, el('article', { class: 'reader' },
      el('h1', {}, article.title || article.id),
      el('p', { class: 'meta' }, formatDay(article.published), article.source ? ` · ${article.source}` : '',
        article.lang ? ` · ${article.lang}` : '', ` · story ${article.story}`,
        article.duplicate_of ? [' · a copy of ', el('a', { href: articleHref(article.duplicate_of) }, article.duplicate_of)] : '',
        url ? [' · ', el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, 'original')] : ''),
      paragraphs.map((text) => el('p', {}, text))),
    el('section', { class: 'coverage', 'aria-label': 'Related coverage' },
      ...relatedList(article.id, 'Same story', related.same_story, related.same_story_total),
      ...relatedList(article.id, 'Same storyline, other stories', related.same_storyline, related.same_storyline_total))));
}

// ---- search ----------------------------------------------------------------------------------------

async function searchView(show, query) {
  document.getElementById('search-input').value = query;
  if (query.trim() === '') {
    show(el('h1', {}, 'Search'), el('p', { class: 'empty' }, 'Type words to look for in titles and texts.'));
    return;
  }
  const data = await api(`/search?q=${encodeURIComponent(query)}&limit=${SEARCH_LIMIT}`);
  const heading = el('h1', {}, `Search: ${query}`);
  if (data.results.length === 0) {
    show(heading, el('p', { class: 'empty' }, 'No article matches.'));
    return;
  }
  show(heading, el('p', { class: 'lead' }, plural(data.results.length, 'result'), ', best first.'),
    el('ol', { class: 'cards results' }, data.results.map((hit) => el('li', { 'data-id': hit.id },
      el('a', { class: 'card-title', href: articleHref(hit.id) }, hit.title || hit.id),
      el('p', { class: 'meta' }, formatDay(hit.published), hit.source ? ` · ${hit.source}` : '', ' · ',
        el('a', { href: `#/storyline/${hit.storyline}` }, `storyline ${hit.storyline}`),
        typeof hit.score === 'number' ? ` · score ${hit.score.toFixed(2)}` : '')))));
}

// ---- navigation ------------------------------------------------------------------------------------

let navigation = 0;

async function route() {
  // A slow answer for a view the reader has left must not replace the view they are on.
  const token = ++navigation;
  const view = document.getElementById('view');
  const show = (...nodes) => {
    if (token !== navigation) return;
    view.replaceChildren(...nodes);
    const heading = view.querySelector('h1');
    document.title = heading ? `${heading.textContent} · storyline` : 'storyline';
  };
  const hash = location.hash.replace(/^#/, '') || '/';
  const cut = hash.indexOf('?');
  const path = cut < 0 ? hash : hash.slice(0, cut);
  const params = new URLSearchParams(cut < 0 ? '' : hash.slice(cut + 1));
  view.replaceChildren(el('p', { class: 'loading' }, 'Loading…'));
  window.scrollTo(0, 0);
  try {
    let match;
    if (path === '/' || path === '') {
      await storylinesView(show, Math.max(0, Number.parseInt(params.get('offset'), 10) || 0));
    } else if ((match = /^\/storyline\/([^/]+)$/.exec(path))) {
      await timelineView(show, decodeURIComponent(match[1]), params.get('since'), params.get('until'));
    } else if ((match = /^\/article\/(.+)$/.exec(path))) {
      await articleView(show, decodeURIComponent(match[1]));
    } else if (path === '/search') {
      await searchView(show, params.get('q') || '');
    } else {
      show(el('h1', {}, 'Not found'), errorBox(`This page has no view ${path}.`), el('p', {}, el('a', { href: '#/' }, 'All storylines')));
    }
  } catch (error) {
    show(el('h1', {}, 'Something went wrong'), errorBox(error.message), el('p', {}, el('a', { href: '#/' }, 'All storylines')));
  }
}

document.getElementById('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const query = document.getElementById('search-input').value.trim();
  if (query === '') return;
  const target = `#/search?q=${encodeURIComponent(query)}`;
  // The same search again changes no hash, so no hashchange: run it directly.
  if (location.hash === target) route();
  else location.hash = target;
});
window.addEventListener('hashchange', route);
route();
