// The demo page: pick or edit a canonical document; see every provider's create request, what it cannot
// carry and its money in the provider's own unit; send it to a provider's fake and see what came back;
// migrate invoices between fakes; scan what each provider can hold.
const $ = (selector, root = document) => root.querySelector(selector);

async function api(path, body) {
  const response = await fetch(
    path,
    body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  return response.json();
}

function el(tag, { dataset, ...props } = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  Object.assign(node.dataset, dataset);
  for (const child of children) if (child !== undefined && child !== null) node.append(child);
  return node;
}

const state = { providers: [], samples: [], cards: new Map(), document: undefined, mapSeq: 0 };

/** Screen readers hear results that appear away from the focus. */
function announce(text) {
  const announcer = $('#announcer');
  announcer.textContent = '';
  setTimeout(() => {
    announcer.textContent = text;
  }, 30);
}

const KINDS = {
  unsupported: { label: 'Not carried', mark: '–' },
  approximated: { label: 'Approximated', mark: '≈' },
  defaulted: { label: 'Defaulted', mark: '•' },
  unrecognized: { label: 'Unrecognized', mark: '?' },
};

/** Warnings grouped by kind, each group collapsed behind its count. */
function warningGroups(warnings) {
  const groups = [];
  for (const [code, kind] of Object.entries(KINDS)) {
    const items = warnings.filter((w) => w.code === code);
    if (items.length === 0) continue;
    groups.push(
      el(
        'details',
        { className: `group ${code}`, dataset: { code } },
        el(
          'summary',
          {},
          el('span', { className: `mark ${code}`, textContent: kind.mark, ariaHidden: 'true' }),
          ` ${kind.label} `,
          el('span', { className: 'count', textContent: String(items.length) }),
        ),
        el(
          'ul',
          { className: 'warnings' },
          ...items.map((w) =>
            el(
              'li',
              { dataset: { path: w.path, code: w.code } },
              el('code', { className: 'path', textContent: w.path }),
              el('span', { textContent: ` ${w.message}` }),
            ),
          ),
        ),
      ),
    );
  }
  return groups;
}

function cardState(outcome) {
  if (!outcome) return 'idle';
  if (!outcome.ok) return 'refused';
  if (outcome.warnings.some((w) => w.code === 'approximated')) return 'approximated';
  if (outcome.warnings.some((w) => w.code === 'unsupported')) return 'unsupported';
  return 'exact';
}

const PILL = {
  exact: 'exact',
  approximated: 'approximated',
  unsupported: 'fields not carried',
  refused: 'refused',
  idle: '—',
};

function verdict(outcome, warnings) {
  if (!outcome.ok) return 'Refused before sending: nothing would leave this machine.';
  const counts = Object.keys(KINDS)
    .map((code) => [code, warnings.filter((w) => w.code === code).length])
    .filter(([, n]) => n > 0)
    .map(([code, n]) => `${n} ${KINDS[code].label.toLowerCase()}`);
  return counts.length ? `Sendable; ${counts.join(', ')}.` : 'Carried exactly: every field has its place.';
}

function errorLines(error) {
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
    $('h3', card).replaceChildren(
      provider.label.replace(/ \(.*\)$/, ''),
      el('small', { textContent: provider.creates === 'order' ? ' creates orders' : ' creates invoices' }),
    );
    const send = $('.send', card);
    send.textContent = `Send to ${provider.label.replace(/ \(.*\)$/, '')} fake`;
    send.setAttribute('aria-label', `Send the document to the ${provider.label} fake`);
    send.addEventListener('click', () => sendTo(provider));
    container.append(card);
    state.cards.set(provider.name, card);
  }
}

function clearCards(message) {
  for (const card of state.cards.values()) {
    card.dataset.state = 'idle';
    $('.pill', card).textContent = PILL.idle;
    $('.verdict', card).textContent = message;
    $('.groups', card).replaceChildren();
    $('.error', card).textContent = '';
    $('.request', card).textContent = '';
    $('.request-box', card).hidden = true;
    $('.result', card).replaceChildren();
    $('.send', card).disabled = true;
  }
  $('#money').replaceChildren();
}

function setStatus(kind, text) {
  const status = $('#parse-status');
  status.className = `status ${kind}`;
  status.textContent = text;
}

/** Marks the page as showing the mapping of edit `seq` (tests wait on it). */
function mapped(seq) {
  document.body.dataset.mapped = String(seq);
}

async function mapDocument() {
  const seq = ++state.mapSeq;
  let document;
  try {
    document = JSON.parse($('#editor').value);
  } catch (error) {
    state.document = undefined;
    setStatus('bad', `Not JSON yet: ${error.message}`);
    $('#parse-issues').replaceChildren();
    clearCards('Waiting for valid JSON.');
    mapped(seq);
    return;
  }
  const result = await api('/api/map', { document });
  if (seq !== state.mapSeq) return; // a newer edit is on its way
  if (!result.parse.ok) {
    state.document = undefined;
    setStatus('bad', `Invalid: ${result.parse.issues.length} issue(s), each at its path below.`);
    renderIssues(result.parse.issues);
    clearCards('Not sent: the canonical document is invalid (issues listed with the document).');
    for (const card of state.cards.values()) {
      card.dataset.state = 'refused';
      $('.pill', card).textContent = PILL.refused;
    }
    announce(`The document is invalid: ${result.parse.issues.length} issues.`);
    mapped(seq);
    return;
  }
  state.document = document;
  setStatus('ok', `Valid canonical ${result.parse.kind}.`);
  renderIssues([]);
  renderMoney(result.parse.money, result.providers);
  for (const [name, outcome] of Object.entries(result.providers)) renderCard(state.cards.get(name), outcome);
  mapped(seq);
}

function renderIssues(issues) {
  $('#parse-issues').replaceChildren(
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

function renderCard(card, outcome) {
  const kind = cardState(outcome);
  card.dataset.state = kind;
  $('.pill', card).textContent = PILL[kind];
  $('.result', card).replaceChildren();
  const warnings = outcome.ok ? outcome.warnings : [];
  $('.verdict', card).textContent = verdict(outcome, warnings);
  $('.groups', card).replaceChildren(...warningGroups(warnings));
  $('.error', card).textContent = outcome.ok ? '' : errorLines(outcome.error);
  $('.request-box', card).hidden = !outcome.ok;
  $('.request', card).textContent = outcome.ok ? JSON.stringify(outcome.request, null, 2) : '';
  $('.send', card).disabled = !outcome.ok;
}

function renderMoney(canonical, outcomes) {
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col', textContent: 'Provider' }),
    el('th', { scope: 'col', textContent: 'Unit on the wire' }),
    el('th', { scope: 'col', textContent: 'Lines on the wire (quantity × price)' }),
    el('th', { scope: 'col', textContent: 'Total on the wire' }),
    el('th', { scope: 'col', textContent: 'Exact?' }),
  );
  const rows = state.providers.map((provider) => {
    const outcome = outcomes[provider.name];
    const label = el('th', { scope: 'row', textContent: provider.label.replace(/ \(.*\)$/, '') });
    if (!outcome?.ok) {
      return el(
        'tr',
        { dataset: { provider: provider.name, exact: 'refused' } },
        label,
        el('td', { colSpan: 3, className: 'muted', textContent: 'refused before sending' }),
        el('td', {}, el('span', { className: 'mark refused', textContent: '⊘', title: 'refused' })),
      );
    }
    const money = outcome.money;
    return el(
      'tr',
      { dataset: { provider: provider.name, exact: String(money.exact) } },
      label,
      el('td', { textContent: money.unit }),
      el(
        'td',
        {},
        el(
          'ul',
          { className: 'wire-lines' },
          ...money.lines.map((line) =>
            el(
              'li',
              {},
              el('code', { textContent: `${line.wire} = ${line.wireAmount}` }),
              el('span', { className: 'muted', textContent: ` (${line.canonical})` }),
            ),
          ),
        ),
      ),
      el('td', {}, el('code', { className: 'wire-total', textContent: money.wireTotal })),
      el(
        'td',
        {},
        money.exact
          ? el('span', { className: 'mark exact', textContent: '✓', title: 'exact' })
          : el(
              'details',
              { className: 'why' },
              el('summary', {}, el('span', { className: 'mark approximated', textContent: '≈' }), ' why'),
              el('ul', {}, ...money.reasons.map((r) => el('li', { textContent: r }))),
            ),
      ),
    );
  });
  $('#money').replaceChildren(
    el(
      'p',
      { className: 'canonical-total' },
      'Canonical total ',
      el('strong', { textContent: canonical.total, dataset: { testid: 'canonical-total' } }),
      el('span', {
        className: 'muted',
        textContent: canonical.lines.length ? ` · lines ${canonical.lines.join(' + ')}` : '',
      }),
    ),
    el(
      'div',
      { className: 'table-wrap' },
      el('table', { className: 'money-table' }, el('thead', {}, head), el('tbody', {}, ...rows)),
    ),
  );
}

const VERDICT_MARK = { added: '+', expected: '≈', 'not-echoed': '–', unexpected: '!' };

async function sendTo(provider) {
  const card = state.cards.get(provider.name);
  const result = $('.result', card);
  const button = $('.send', card);
  if (!state.document) return;
  button.disabled = true;
  result.dataset.status = 'sending';
  result.replaceChildren(el('p', { className: 'sending', textContent: 'Sending…' }));
  const outcome = await api('/api/send', { provider: provider.name, document: state.document });
  button.disabled = false;
  const name = provider.label.replace(/ \(.*\)$/, '');
  if (!outcome.ok) {
    const stage = outcome.error.stage ?? 'failed';
    result.dataset.status = stage;
    result.replaceChildren(
      el('p', {
        className: `outcome ${stage}`,
        textContent: stage === 'refused' ? `Refused before sending to ${name}.` : `${name} failed.`,
        dataset: { testid: 'send-summary' },
      }),
      el('div', { className: 'error', textContent: errorLines(outcome.error) }),
    );
    announce(stage === 'refused' ? `Refused before sending to ${name}.` : `Sending to ${name} failed.`);
    return;
  }
  const surprises = outcome.differences.filter((d) => d.verdict === 'unexpected');
  const expected = outcome.differences.filter((d) => d.verdict === 'expected');
  const added = outcome.differences.filter((d) => d.verdict === 'added');
  const quiet = outcome.differences.filter((d) => d.verdict === 'not-echoed');
  const id = outcome.value.id ?? '';
  const headline = surprises.length
    ? `Created ${id} on ${name}, but ${surprises.length} field(s) came back different without a warning.`
    : `Created ${id} on ${name}: every amount and field came back as sent${expected.length ? ', apart from what the warnings announced' : ''}.`;
  const table = el(
    'table',
    { className: 'diff-table' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col', textContent: 'Field' }),
        el('th', { scope: 'col', textContent: 'Sent' }),
        el('th', { scope: 'col', textContent: 'Stored' }),
        el('th', { scope: 'col', textContent: 'Why' }),
      ),
    ),
    el(
      'tbody',
      {},
      ...[...surprises, ...expected, ...quiet, ...added].map((d) =>
        el(
          'tr',
          { className: d.verdict, dataset: { path: d.path, verdict: d.verdict } },
          el(
            'td',
            {},
            el('span', { className: `mark ${d.verdict}`, textContent: VERDICT_MARK[d.verdict] }),
            ' ',
            el('code', { textContent: d.path }),
          ),
          el('td', {}, el('code', { textContent: d.sent === undefined ? '—' : short(d.sent) })),
          el('td', {}, el('code', { textContent: d.received === undefined ? '—' : short(d.received) })),
          el('td', { textContent: d.because }),
        ),
      ),
    ),
  );
  result.dataset.status = surprises.length ? 'failed' : 'done';
  result.replaceChildren(
    el('p', {
      className: `outcome ${surprises.length ? 'failed' : 'done'}`,
      textContent: headline,
      dataset: { testid: 'send-summary' },
    }),
    el(
      'details',
      { className: 'compare', open: surprises.length > 0 },
      el('summary', {
        textContent: `Field by field: ${surprises.length} unexpected, ${expected.length} announced, ${quiet.length} not echoed, ${added.length} added by ${name}`,
      }),
      el('div', { className: 'table-wrap' }, table),
    ),
    el(
      'details',
      {},
      el('summary', { textContent: 'What came back, mapped to canonical' }),
      el('pre', { className: 'mapped-back', textContent: JSON.stringify(outcome.value, null, 2) }),
    ),
  );
  announce(headline);
}

function short(value) {
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function loadSample(id) {
  const sample = state.samples.find((s) => s.id === id);
  $('#sample-about').textContent = sample.about;
  $('#editor').value = JSON.stringify(sample.document, null, 2);
  return mapDocument();
}

// ---- Migration ------------------------------------------------------------------------------------

const OUTCOME_LABELS = {
  created: 'Created',
  skipped: 'Skipped (already on the target)',
  failed: 'Failed',
  ambiguous: 'Ambiguous (reconcile before resending)',
  invalid: 'Invalid source documents',
  missingReferences: 'Missing references (no id on the target)',
};

function drawChart(samples) {
  const svg = $('#migration-chart');
  if (samples.length < 2) {
    svg.replaceChildren();
    return;
  }
  const width = 600;
  const height = 160;
  const rates = [];
  for (let i = 1; i < samples.length; i++) {
    const dt = samples[i].t - samples[i - 1].t;
    rates.push({ t: samples[i].t, rate: dt > 0 ? ((samples[i].done - samples[i - 1].done) * 1000) / dt : 0 });
  }
  const maxT = samples.at(-1).t || 1;
  const maxRate = Math.max(1, ...rates.map((r) => r.rate));
  const x = (t) => (t / maxT) * (width - 8) + 4;
  const y = (rate) => height - 8 - (rate / maxRate) * (height - 24);
  const points = rates.map((r) => `${x(r.t).toFixed(1)},${y(r.rate).toFixed(1)}`).join(' ');
  const ns = 'http://www.w3.org/2000/svg';
  const line = document.createElementNS(ns, 'polyline');
  line.setAttribute('points', points);
  line.setAttribute('class', 'rate-line');
  const area = document.createElementNS(ns, 'polygon');
  area.setAttribute(
    'points',
    `${x(rates[0].t).toFixed(1)},${height - 8} ${points} ${x(rates.at(-1).t).toFixed(1)},${height - 8}`,
  );
  area.setAttribute('class', 'rate-area');
  svg.replaceChildren(area, line);
  // The SVG stretches to the panel's width, so its words live in the caption, not inside it.
  $('#migration-caption').textContent = `Invoices per second over the run · peak ${Math.round(maxRate)}/s`;
}

function outcomeBars(counts, total) {
  return el(
    'ul',
    { className: 'outcomes', dataset: { testid: 'migration-outcomes' } },
    ...Object.entries(OUTCOME_LABELS).map(([key, label]) => {
      const value = counts[key] ?? 0;
      const share = total > 0 ? (value / total) * 100 : 0;
      return el(
        'li',
        { className: `outcome-${key}`, dataset: { outcome: key } },
        el('span', { className: 'outcome-label', textContent: label }),
        el(
          'span',
          { className: 'bar', ariaHidden: 'true' },
          el('span', { style: `width:${share.toFixed(2)}%` }),
        ),
        el('strong', { className: 'outcome-count', textContent: String(value) }),
      );
    }),
  );
}

async function runMigration(event) {
  event.preventDefault();
  const button = $('[data-testid="migration-run"]');
  const body = {
    source: $('#migration-source').value,
    target: $('#migration-target').value,
    count: Number($('#migration-count').value),
  };
  button.disabled = true;
  button.textContent = 'Running…';
  const finish = () => {
    button.disabled = false;
    button.textContent = 'Run migration';
  };
  const progress = $('#migration-progress');
  progress.max = Math.max(1, body.count);
  progress.value = 0;
  $('#migration-rate').textContent = '';
  $('#migration-live').hidden = false;
  drawChart([]);
  const { id, error } = await api('/api/migrations', body);
  if (error) {
    $('#migration-summary').replaceChildren(
      el('div', { className: 'error', textContent: errorLines(error) }),
    );
    finish();
    return;
  }
  $('#migration-summary').replaceChildren(
    el('p', { className: 'muted', textContent: 'Filling the source fake and migrating…' }),
  );
  const samples = [{ t: 0, done: 0 }];
  const events = new EventSource(`/api/migrations/${id}/events`);
  events.addEventListener('progress', (message) => {
    const p = JSON.parse(message.data);
    progress.max = p.total;
    progress.value = p.done;
    samples.push({ t: p.elapsedMs, done: p.done });
    $('#migration-rate').textContent = `${p.done} of ${p.total} · ${Math.round(p.rate)} invoices/s`;
    drawChart(samples);
  });
  events.addEventListener('done', (message) => {
    events.close();
    finish();
    const { summary, idMap, idMapTotal } = JSON.parse(message.data);
    progress.value = progress.max;
    const heading = el('p', {
      className: `outcome ${summary.counts.created === body.count ? 'done' : 'failed'}`,
      textContent: `Migration finished: ${summary.counts.created} created.`,
      dataset: { testid: 'migration-done' },
    });
    const losses = summary.lostFields.length
      ? el(
          'details',
          {},
          el('summary', {
            textContent: `What the target could not hold (${summary.lostFields.length} field(s))`,
          }),
          el(
            'ul',
            { className: 'warnings' },
            ...summary.lostFields.map((l) =>
              el(
                'li',
                {},
                el('code', { className: 'path', textContent: l.path }),
                ` ${KINDS[l.code]?.label.toLowerCase() ?? l.code} in ${l.documents} invoice(s)`,
              ),
            ),
          ),
        )
      : el('p', {
          className: 'muted',
          textContent: 'Every field of every invoice had a place on the target.',
        });
    const verify = summary.verify
      ? el('p', {
          className: `outcome ${summary.verify.mismatched === 0 ? 'done' : 'failed'}`,
          dataset: { testid: 'migration-verify' },
          textContent: `Verified on the target: ${summary.verify.matched} match, ${summary.verify.mismatched} differ.`,
        })
      : undefined;
    const map = el(
      'details',
      {},
      el('summary', { textContent: `Source → target id map (${idMap.length} of ${idMapTotal} shown)` }),
      el('pre', { textContent: idMap.map(([s, t]) => `${s} → ${t}`).join('\n') }),
    );
    $('#migration-summary').replaceChildren(
      heading,
      outcomeBars(summary.counts, body.count),
      verify ?? '',
      losses,
      map,
    );
    announce(`Migration finished: ${summary.counts.created} of ${body.count} created.`);
  });
  events.addEventListener('failed', (message) => {
    events.close();
    finish();
    const error = JSON.parse(message.data);
    $('#migration-summary').replaceChildren(
      el('div', { className: 'error', textContent: errorLines(error) }),
    );
    announce('The migration failed.');
  });
}

// ---- Webhook events ------------------------------------------------------------------------------

function money(total, currency) {
  if (total === undefined || !currency) return '';
  const digits = { JPY: 0, KRW: 0, KWD: 3, BHD: 3, JOD: 3, OMR: 3, TND: 3 }[currency] ?? 2;
  const text = String(Math.abs(total)).padStart(digits + 1, '0');
  const major = digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  return `${total < 0 ? '-' : ''}${major} ${currency}`;
}

function listenForWebhooks() {
  const list = $('#events');
  const events = new EventSource('/api/events');
  events.addEventListener('webhook', (message) => {
    const event = JSON.parse(message.data);
    $('.empty', list)?.remove();
    const label =
      state.providers.find((p) => p.name === event.provider)?.label.replace(/ \(.*\)$/, '') ?? event.provider;
    list.prepend(
      el(
        'li',
        { dataset: { provider: event.provider, type: event.type } },
        el('span', { className: 'mark exact', textContent: '✓', title: 'signature verified' }),
        el('strong', { textContent: ` ${label}` }),
        el('code', { className: 'event-type', textContent: event.type }),
        el('span', {
          className: 'muted',
          textContent: [event.invoiceId && `invoice ${event.invoiceId}`, money(event.total, event.currency)]
            .filter(Boolean)
            .join(' · '),
        }),
      ),
    );
    while (list.children.length > 12) list.lastElementChild.remove();
  });
}

// ---- Capabilities ---------------------------------------------------------------------------------

function renderCapabilities(table) {
  const marks = {
    supported: ['exact', '✓'],
    approximated: ['approximated', '≈'],
    unsupported: ['unsupported', '–'],
  };
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col', textContent: 'Canonical field' }),
    ...table.providers.map((p) => el('th', { scope: 'col', textContent: p })),
  );
  let group = '';
  const rows = [];
  for (const row of table.rows) {
    const top = row.field.split('.')[0];
    if (top !== group && (top === 'lines' || top === 'customer')) {
      rows.push(
        el(
          'tr',
          { className: 'group-row' },
          el('th', {
            colSpan: table.providers.length + 1,
            scope: 'colgroup',
            textContent: top === 'lines' ? 'Each line' : 'Customer',
          }),
        ),
      );
    }
    group = top;
    rows.push(
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, el('code', { textContent: row.field })),
        ...row.support.map((s, i) =>
          el(
            'td',
            { className: s, title: `${table.providers[i]}: ${s}` },
            el('span', { className: `mark ${marks[s][0]}`, textContent: marks[s][1] }),
            el('span', { className: 'visually-hidden', textContent: s }),
          ),
        ),
      ),
    );
  }
  $('#capabilities').replaceChildren(
    el('table', { className: 'matrix' }, el('thead', {}, head), el('tbody', {}, ...rows)),
  );
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
    timer = setTimeout(mapDocument, 250);
  });
  for (const select of [$('#migration-source'), $('#migration-target')]) {
    select.append(...providers.map((p) => el('option', { value: p.name, textContent: p.label })));
  }
  $('#migration-target').value = providers.at(-1).name;
  $('#migration-form').addEventListener('submit', runMigration);
  renderCapabilities(capabilities);
  listenForWebhooks();
  await loadSample(samples[0].id);
  document.body.dataset.ready = 'true';
}

start();
