// The demo page: pick or edit a canonical document, see every provider's create request and warnings,
// send it to a provider's fake and see what came back, run a migration between fakes.
const $ = (selector, root = document) => root.querySelector(selector);

async function api(path, body) {
  const response = await fetch(
    path,
    body === undefined
      ? {}
      : {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
  );
  return response.json();
}

function el(tag, { dataset, ...props } = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  Object.assign(node.dataset, dataset);
  for (const child of children) node.append(child);
  return node;
}

const state = { providers: [], samples: [], cards: new Map(), document: undefined };

function renderIssues(list, issues) {
  list.replaceChildren(
    ...issues.map((issue) =>
      el(
        'li',
        { dataset: { path: issue.path } },
        el('code', { className: 'path', textContent: issue.path || '(document)' }),
        ` ${issue.message}`,
      ),
    ),
  );
}

function renderWarnings(list, warnings) {
  list.replaceChildren(
    ...warnings.map((w) =>
      el(
        'li',
        { dataset: { path: w.path, code: w.code } },
        el('code', { className: 'path', textContent: w.path }),
        ` ${w.code}: ${w.message}`,
      ),
    ),
  );
}

function describeError(error) {
  const lines = [`${error.name}: ${error.message.split('\n')[0]}`];
  for (const issue of error.issues ?? []) lines.push(`• ${issue.path || '(document)'}: ${issue.message}`);
  return lines.join('\n');
}

function buildCards() {
  const container = $('#providers');
  for (const provider of state.providers) {
    const card = $('#provider-card').content.firstElementChild.cloneNode(true);
    card.dataset.provider = provider.name;
    card.dataset.testid = `provider-${provider.name}`;
    $('h3', card).textContent = provider.label;
    $('.send', card).addEventListener('click', () => send(provider.name));
    container.append(card);
    state.cards.set(provider.name, card);
  }
}

async function mapDocument() {
  let document;
  try {
    document = JSON.parse($('#editor').value);
  } catch (error) {
    $('#parse-status').textContent = `Not JSON: ${error.message}`;
    $('#parse-status').className = 'bad';
    return;
  }
  state.document = document;
  const result = await api('/api/map', { document });
  $('#parse-status').textContent = result.parse.ok
    ? `Valid canonical ${result.parse.kind}.`
    : `Invalid: ${result.parse.issues.length} issue(s), each at its path.`;
  $('#parse-status').className = result.parse.ok ? 'ok' : 'bad';
  renderIssues($('#parse-issues'), result.parse.ok ? [] : result.parse.issues);
  for (const [name, outcome] of Object.entries(result.providers)) {
    const card = state.cards.get(name);
    const badge = $('.badge', card);
    $('.result', card).replaceChildren();
    if (outcome.ok) {
      badge.textContent = outcome.warnings.length ? `${outcome.warnings.length} warning(s)` : 'exact';
      badge.className = outcome.warnings.length ? 'badge warn' : 'badge';
      renderWarnings($('.warnings', card), outcome.warnings);
      $('.error', card).textContent = '';
      $('.request', card).textContent = JSON.stringify(outcome.request, null, 2);
      $('.send', card).disabled = false;
    } else {
      badge.textContent = 'refused';
      badge.className = 'badge bad';
      renderWarnings($('.warnings', card), []);
      // An invalid canonical document is refused by all five alike: its issues are listed once, on the left.
      $('.error', card).textContent = result.parse.ok
        ? describeError(outcome.error)
        : 'Not sent: the canonical document is invalid (issues listed with the document).';
      $('.request', card).textContent = '';
      $('.send', card).disabled = true;
    }
  }
}

async function send(name) {
  const card = state.cards.get(name);
  const result = $('.result', card);
  result.textContent = 'Sending…';
  const outcome = await api('/api/send', { provider: name, document: state.document });
  if (!outcome.ok) {
    result.replaceChildren(el('div', { className: 'error', textContent: describeError(outcome.error) }));
    return;
  }
  const changed = outcome.differences.filter((d) => d.kind !== 'added');
  const summary = el('p', {
    className: changed.length ? 'changed' : 'same',
    textContent: changed.length
      ? `Created ${outcome.value.id ?? ''}; ${changed.length} field(s) came back different:`
      : `Created ${outcome.value.id ?? ''}; every field sent came back identical.`,
  });
  summary.dataset.testid = 'send-summary';
  const list = el(
    'ul',
    { className: 'warnings' },
    ...changed.map((d) =>
      el(
        'li',
        {},
        el('code', { className: 'path', textContent: d.path }),
        ` ${d.kind}: sent ${JSON.stringify(d.sent)}, got ${JSON.stringify(d.received)}`,
      ),
    ),
  );
  const back = el(
    'details',
    {},
    el('summary', { textContent: 'Mapped back to canonical' }),
    el('pre', { className: 'mapped-back', textContent: JSON.stringify(outcome.value, null, 2) }),
  );
  result.replaceChildren(summary, list, back);
  result.dataset.status = 'done';
}

function loadSample(id) {
  const sample = state.samples.find((s) => s.id === id);
  $('#sample-about').textContent = sample.about;
  $('#editor').value = JSON.stringify(sample.document, null, 2);
  return mapDocument();
}

async function runMigration(event) {
  event.preventDefault();
  const body = {
    source: $('#migration-source').value,
    target: $('#migration-target').value,
    count: Number($('#migration-count').value),
  };
  const { id, error } = await api('/api/migrations', body);
  if (error) {
    $('#migration-summary').textContent = describeError(error);
    return;
  }
  $('#migration-summary').textContent = 'Running…';
  const events = new EventSource(`/api/migrations/${id}/events`);
  events.addEventListener('progress', (message) => {
    const p = JSON.parse(message.data);
    $('#migration-progress').max = p.total;
    $('#migration-progress').value = p.done;
    $('#migration-rate').textContent = `${p.done} / ${p.total} · ${p.rate.toFixed(0)}/s`;
  });
  events.addEventListener('done', (message) => {
    events.close();
    const { summary, idMap } = JSON.parse(message.data);
    $('#migration-progress').value = $('#migration-progress').max;
    const facts = el(
      'table',
      {},
      ...Object.entries(summary.counts).map(([k, v]) =>
        el('tr', {}, el('th', { textContent: k }), el('td', { textContent: String(v) })),
      ),
    );
    const losses = el(
      'ul',
      { className: 'warnings' },
      ...summary.lostFields.map((l) =>
        el(
          'li',
          {},
          el('code', { className: 'path', textContent: l.path }),
          ` ${l.code} in ${l.documents} invoice(s)`,
        ),
      ),
    );
    const map = el(
      'details',
      {},
      el('summary', { textContent: `Source → target id map (${idMap.length} shown)` }),
      el('pre', { textContent: idMap.map(([s, t]) => `${s} → ${t}`).join('\n') }),
    );
    const heading = el('p', { textContent: `Migration finished: ${summary.counts.created} created.` });
    heading.dataset.testid = 'migration-done';
    $('#migration-summary').replaceChildren(heading, facts, losses, map);
  });
  events.addEventListener('failed', (message) => {
    events.close();
    $('#migration-summary').textContent = describeError(JSON.parse(message.data));
  });
}

function renderCapabilities(table) {
  const head = el(
    'tr',
    {},
    el('th', { textContent: 'field' }),
    ...table.providers.map((p) => el('th', { textContent: p })),
  );
  const rows = table.rows.map((row) =>
    el(
      'tr',
      {},
      el('th', { textContent: row.field }),
      ...row.support.map((s) =>
        el('td', {
          className: s,
          textContent: s === 'supported' ? '✓' : s === 'approximated' ? '≈' : '—',
          title: s,
        }),
      ),
    ),
  );
  $('#capabilities').replaceChildren(el('table', {}, head, ...rows));
}

async function start() {
  const [samples, providers, capabilities] = await Promise.all([
    api('/api/samples'),
    api('/api/providers'),
    api('/api/capabilities'),
  ]);
  state.samples = samples;
  state.providers = providers;
  buildCards();
  const picker = $('#sample');
  picker.append(...samples.map((s) => el('option', { value: s.id, textContent: s.title })));
  picker.addEventListener('change', () => loadSample(picker.value));
  let timer;
  $('#editor').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(mapDocument, 300);
  });
  for (const select of [$('#migration-source'), $('#migration-target')]) {
    select.append(...providers.map((p) => el('option', { value: p.name, textContent: p.label })));
  }
  $('#migration-target').value = providers.at(-1).name;
  $('#migration-form').addEventListener('submit', runMigration);
  renderCapabilities(capabilities);
  await loadSample(samples[0].id);
  document.body.dataset.ready = 'true';
}

start();
