// Compliance page: the audit chain's verification with its findings, an erasure request with its per-store
// receipts, deadline and signed certificate, the list of erasure requests (filtered, page by page) and the monthly
// compliance report with its charts, its CSV and HTML downloads (through the console, which holds the key) and a run
// that writes an ended month to audit-service's archive (a job the page polls).
import { call, describe, el } from './api.js';
import { barChart, dataTable } from './charts.js';

const when = (instant) => (instant ? new Date(instant).toISOString().replace('T', ' ').substring(0, 16) + ' UTC' : '–');

const fill = (node, ...children) => node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
const share = (value) => (value === null || value === undefined ? '–' : `${(100 * value).toFixed(1)} %`);

/** A day (YYYY-MM-DD, UTC) as the instant it starts, or the next day's start (an inclusive "to" date). */
function dayStart(day, next = false) {
  const start = new Date(`${day}T00:00:00Z`);
  if (next) start.setUTCDate(start.getUTCDate() + 1);
  return start.toISOString().replace('.000Z', 'Z');
}

/**
 * The list of erasure requests, newest first, with filters on status, overdue and the day made (from, to: UTC days,
 * both included), and a button for the next page.
 */
function erasureList(lookUp) {
  const status = el('select', { id: 'erasures-status', name: 'status' },
    [['', 'any status'], ['IN_PROGRESS', 'in progress'], ['COMPLETED', 'completed']]
      .map(([value, label]) => el('option', { value, text: label })));
  const overdue = el('input', { id: 'erasures-overdue', type: 'checkbox', name: 'overdue' });
  const since = el('input', { id: 'erasures-since', type: 'date', name: 'since', 'aria-describedby': 'erasures-days' });
  const until = el('input', { id: 'erasures-until', type: 'date', name: 'until', 'aria-describedby': 'erasures-days' });
  const list = el('div', { id: 'erasures', 'aria-live': 'polite' });
  const more = el('button', { id: 'erasures-more', type: 'button', class: 'secondary', text: 'More', hidden: true });
  let next = null;
  let rows = [];

  function table() {
    return el('table', { id: 'erasures-table' }, el('caption', { text: 'Erasure requests, newest first' }),
      el('thead', {}, el('tr', {}, ['Requested', 'Status', 'Due', 'Receipts (store: state)', 'Certificate']
        .map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, rows.map((r) => el('tr', { class: r.overdue ? 'bad' : '' },
        el('th', { scope: 'row' }, el('button', { type: 'button', class: 'link', text: when(r.createdAt),
          'aria-label': `Show the request of ${when(r.createdAt)} (${r.id})`, onclick: () => lookUp(r.id) })),
        el('td', { text: r.status === 'COMPLETED' ? `completed ${when(r.completedAt)}` : 'in progress' }),
        el('td', { text: `${when(r.dueAt)}${r.overdue ? ' — OVERDUE' : ''}` }),
        el('td', { text: r.receipts.map((receipt) => `${receipt.store}: ${receipt.state.toLowerCase()}`).join(', ') }),
        el('td', {}, r.status === 'COMPLETED' ? el('a', { href: `api/compliance/erasures/${r.id}/certificate`,
          text: 'certificate', 'aria-label': `Certificate of the request of ${when(r.createdAt)}` }) : '–')))));
  }

  async function load(append) {
    const query = new URLSearchParams({ limit: '20' });
    if (status.value) query.set('status', status.value);
    if (overdue.checked) query.set('overdue', 'true');
    if (since.value) query.set('since', dayStart(since.value));
    if (until.value) query.set('until', dayStart(until.value, true));
    if (append && next) query.set('after', next);
    const answer = await call('GET', `api/compliance/erasures?${query}`);
    if (!answer.ok) { fill(list, el('p', { class: 'bad', text: describe(answer.problem) })); return; }
    rows = append ? rows.concat(answer.body.items) : answer.body.items;
    next = answer.body.next;
    more.hidden = !next;
    fill(list, rows.length ? table() : el('p', { text: 'No erasure request matches.' }));
  }

  status.addEventListener('change', () => load(false));
  overdue.addEventListener('change', () => load(false));
  since.addEventListener('change', () => load(false));
  until.addEventListener('change', () => load(false));
  more.addEventListener('click', () => load(true));
  load(false);
  return el('section', { class: 'card', 'aria-labelledby': 'erasures-title' },
    el('h2', { id: 'erasures-title', text: 'Erasure requests' }),
    el('div', { class: 'filters' }, el('label', { for: 'erasures-status', text: 'Status' }), status,
      el('label', { class: 'inline', for: 'erasures-overdue' }, overdue, ' only overdue'),
      el('label', { for: 'erasures-since', text: 'Made from' }), since,
      el('label', { for: 'erasures-until', text: 'to' }), until),
    el('p', { id: 'erasures-days', class: 'hint', text: 'Days in UTC, both included.' }),
    list, more);
}

/** The monthly compliance report: volume, accuracy and abstention, per department and routing method, bias checks. */
function monthlyReport() {
  const now = new Date();
  const month = el('input', { id: 'report-month', type: 'text', inputmode: 'numeric', autocomplete: 'off',
    value: now.toISOString().substring(0, 7), 'aria-describedby': 'report-month-help' });
  const result = el('div', { id: 'monthly-report', 'aria-live': 'polite' });
  // The downloads are links to the console's own API (the session, not the page, holds the key); they follow the
  // month typed and are off while it is not a month.
  const csv = el('a', { id: 'report-csv', download: '', text: 'Download CSV' });
  const html = el('a', { id: 'report-html', download: '', text: 'Download HTML' });
  const links = () => {
    const typed = month.value.trim();
    for (const [link, format] of [[csv, 'csv'], [html, 'html']]) {
      if (/^\d{4}-(0[1-9]|1[0-2])$/.test(typed)) {
        link.setAttribute('href', `api/compliance/reports/monthly?month=${typed}&format=${format}`);
        link.removeAttribute('aria-disabled');
      } else {
        link.removeAttribute('href');
        link.setAttribute('aria-disabled', 'true');
      }
    }
  };
  month.addEventListener('input', links);
  links();
  const runStatus = el('p', { id: 'report-run', role: 'status' });
  let running = null; // the job being polled
  async function poll(id) {
    const answer = await call('GET', `api/compliance/reports/monthly/jobs/${id}`);
    if (running !== id) return;
    if (!answer.ok) { runStatus.textContent = describe(answer.problem); running = null; return; }
    const job = answer.body;
    if (job.state === 'RUNNING') {
      runStatus.textContent = `Writing ${job.month} to the archive…`;
      setTimeout(() => poll(id), 1000);
      return;
    }
    running = null;
    run.disabled = false;
    if (job.state !== 'SUCCEEDED') { runStatus.textContent = `Writing ${job.month} failed: ${job.error}`; return; }
    const r = job.result;
    runStatus.textContent = `${r.month} is in the archive (${r.location}): ${r.written.length} file(s) written, `
      + `${r.skipped.length} already there; ${r.decisions} decisions, accuracy ${share(r.accuracy)}; `
      + `${r.flaggedGroups.length ? `flagged: ${r.flaggedGroups.map((g) => `${g.attribute} ${g.group}`).join(', ')}`
        : 'no group flagged'}.`;
  }
  const run = el('button', { id: 'report-run-button', type: 'button', class: 'secondary',
    text: 'Write the month to the archive', onclick: async () => {
      run.disabled = true;
      runStatus.textContent = 'Starting…';
      const answer = await call('POST',
        `api/compliance/reports/monthly/run?month=${encodeURIComponent(month.value.trim())}`);
      if (!answer.ok) { runStatus.textContent = describe(answer.problem); run.disabled = false; return; }
      running = answer.body.id;
      poll(running);
    } });
  const form = el('form', { 'aria-labelledby': 'monthly-title' },
    el('h2', { id: 'monthly-title', text: 'Monthly compliance report' }),
    el('label', { for: 'report-month', text: 'Month' }), month,
    el('p', { id: 'report-month-help', class: 'hint', text: 'As YYYY-MM (UTC); the running month shows the figures so far.' }),
    el('button', { type: 'submit', text: 'Show the report' }),
    el('div', { class: 'downloads' }, csv, html, run), runStatus,
    el('p', { class: 'hint', text: 'Writing to the archive stores the ended month\'s HTML, CSV and JSON in '
      + 'audit-service\'s archive store (as on the 1st of each month); a month written before stays as it is.' }),
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    result.textContent = 'Computing…';
    const answer = await call('GET', `api/compliance/reports/monthly?month=${encodeURIComponent(month.value.trim())}`);
    if (!answer.ok) { result.textContent = describe(answer.problem); return; }
    const r = answer.body;
    const flagged = r.biasChecks.filter((check) => check.flagged);
    fill(result,
      el('p', { class: 'status', text: `${r.month}: ${r.decisions} decisions, ${r.judged} with feedback; accuracy `
        + `${share(r.accuracy)}, abstention ${share(r.abstentionRate)}.` }),
      el('p', { id: 'bias-summary', class: `status ${flagged.length ? 'bad' : 'good'}`, text: flagged.length
        ? `Bias check flagged: ${flagged.map((check) => `${check.attribute} (${check.flaggedGroups.join(', ') || check.reasons.join('; ')})`).join('; ')}.`
        : `No bias check flagged (gap threshold ${share(r.gapThreshold)}, groups of at least ${r.minGroupSize} judged).` }),
      el('div', { class: 'charts' },
        el('figure', {}, barChart(r.byDepartment.map((g) => ({ label: g.group, value: g.accuracy })),
          `Accuracy per department, ${r.month}`, 'accuracy'),
        el('figcaption', { text: 'Accuracy over decisions with feedback, per decided department.' })),
        el('figure', {}, barChart(r.byRoutingMethod.map((g) => ({ label: g.group, value: g.share })),
          `Share of decisions per routing method, ${r.month}`, 'share'),
        el('figcaption', { text: 'Which tier decided: rule, cache, model, LLM or review.' }))),
      dataTable(`Per department, ${r.month}`, ['Department', 'Decisions', 'Judged', 'Accuracy', 'Abstention'],
        r.byDepartment.map((g) => [g.group, g.decisions, g.judged, share(g.accuracy), share(g.abstentionRate)]),
        { id: 'report-departments' }),
      dataTable(`Per routing method, ${r.month}`, ['Method', 'Decisions', 'Share', 'Judged', 'Accuracy'],
        r.byRoutingMethod.map((g) => [g.group, g.decisions, share(g.share), g.judged, share(g.accuracy)]),
        { id: 'report-methods' }),
      r.biasChecks.map((check) => el('details', {}, el('summary', { text: `Bias check: ${check.attribute}`
        + `${check.flagged ? ' — flagged' : ''}` }),
      check.reasons.length ? el('ul', {}, check.reasons.map((reason) => el('li', { text: reason }))) : null,
      dataTable(`Groups of ${check.attribute}`, ['Group', 'Decisions', 'Judged', 'Accuracy', 'Abstention'],
        check.groups.map((g) => [g.group, g.decisions, g.judged, share(g.accuracy), share(g.abstentionRate)])))));
  });
  return el('section', { class: 'card' }, form);
}

export function compliancePage(main) {
  const verification = el('div', { id: 'verification', role: 'status' });
  const verify = el('button', { id: 'verify', type: 'button', text: 'Verify the audit chain', onclick: async () => {
    verification.textContent = 'Verifying…';
    const answer = await call('GET', 'api/compliance/verification');
    if (!answer.ok) { verification.textContent = describe(answer.problem); return; }
    const r = answer.body;
    verification.replaceChildren(
      el('p', { class: `status ${r.valid ? 'good' : 'bad'}`, text: r.valid
        ? `Intact: ${r.eventsChecked} events (seq ${r.from}–${r.to}) and ${r.checkpointsChecked} checkpoints verified.`
        : `Broken at event ${r.firstBrokenSeq}: ${r.findings.length} finding(s).` }),
      r.findings.length ? el('ul', { id: 'findings' },
        r.findings.map((f) => el('li', { text: `Event ${f.seq}: ${f.kind} — ${f.detail}` }))) : null);
  } });

  const requestId = el('input', { id: 'erasure-id', type: 'text', required: true, 'aria-describedby': 'erasure-help',
    autocomplete: 'off' });
  const erasure = el('div', { id: 'erasure', role: 'status' });
  const lookup = el('form', { 'aria-labelledby': 'erasure-title' },
    el('h2', { id: 'erasure-title', text: 'Erasure request' }),
    el('label', { for: 'erasure-id', text: 'Request id' }), requestId,
    el('p', { id: 'erasure-help', class: 'hint', text: 'The id gdpr-service answered when the erasure was requested.' }),
    el('button', { type: 'submit', text: 'Look up' }), erasure);
  const showRequest = async () => {
    const answer = await call('GET', `api/compliance/erasures/${encodeURIComponent(requestId.value.trim())}`);
    if (!answer.ok) { erasure.textContent = describe(answer.problem); return; }
    const r = answer.body;
    erasure.replaceChildren(
      el('p', { class: `status ${r.overdue ? 'bad' : r.status === 'COMPLETED' ? 'good' : 'warn'}`,
        text: `${r.status === 'COMPLETED' ? `Completed ${when(r.completedAt)}` : 'In progress'}; due ${when(r.dueAt)}`
          + `${r.overdue ? ' — OVERDUE' : ''}. Requested by ${r.requestedBy} on ${when(r.createdAt)}.` }),
      el('table', {}, el('caption', { text: 'Receipt per store' }),
        el('thead', {}, el('tr', {}, ['Store', 'State', 'Records deleted', 'Received', 'Attempts', 'Last error']
          .map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, r.receipts.map((receipt) => el('tr', {}, [receipt.store, receipt.state,
          receipt.deletedRecords ?? '–', when(receipt.receivedAt), receipt.attempts, receipt.lastError ?? '']
          .map((cell) => el('td', { text: String(cell) })))))),
      r.status === 'COMPLETED'
        ? el('p', {}, el('a', { id: 'certificate', href: `api/compliance/erasures/${r.id}/certificate`,
          text: 'Signed erasure certificate (JSON, Ed25519)' }))
        : el('p', { class: 'hint', text: 'The certificate is issued once every store has confirmed.' }));
  };
  lookup.addEventListener('submit', (event) => { event.preventDefault(); showRequest(); });
  const lookUp = (id) => { requestId.value = id; showRequest(); requestId.focus(); };

  main.replaceChildren(el('h1', { text: 'Compliance' }),
    el('div', { class: 'columns' },
      el('section', { class: 'card' }, lookup),
      el('section', { class: 'card', 'aria-labelledby': 'verify-title' },
        el('h2', { id: 'verify-title', text: 'Audit chain' }),
        el('p', { class: 'hint', text: 'Recomputes every event hash and checks the signed checkpoints.' }),
        verify, verification)),
    erasureList(lookUp), monthlyReport());
}
