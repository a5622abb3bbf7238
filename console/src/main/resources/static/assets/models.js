// Models page (role ANALYST): classify-service's model versions with stage and scores, its training jobs with their
// progress (a retraining or an uploaded training file starts a job that the page polls), a version's evaluation report
// with its precision–coverage curve and confusion matrix (inline SVG, each with a table of the same numbers), the
// STAGING version's canary share and its promotion STAGING → PRODUCTION, and the versions to retire.
import { call, describe, el, send } from './api.js';
import { confusionChart, dataTable, precisionCoverageChart } from './charts.js';

const when = (instant) => (instant ? new Date(instant).toISOString().replace('T', ' ').substring(0, 16) + ' UTC' : '–');
const score = (value) => (value === null || value === undefined ? '–' : value.toFixed(3));
const percent = (value) => `${(100 * value).toFixed(1)} %`;
const POLL_MILLIS = 1000;
/** replaceChildren that skips absent parts and flattens lists. */
const fill = (node, ...children) => node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));

function progressText(job) {
  const { done, total } = job.progress ?? { done: 0, total: 0 };
  return total > 0 ? `${job.stage} ${done}/${total}` : job.stage;
}

/** The content type classify-service's POST /models/train reads the file as: by its name, else by its first line. */
function trainingType(file, text) {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'application/x-ndjson';
  return text.trimStart().startsWith('{') ? 'application/x-ndjson' : 'text/csv';
}

/** A STAGING version's share as the page shows it: the percentage, and who chose it or that it is the default. */
function canaryText(canary) {
  if (!canary) return '–';
  return `${percent(canary.share)} (${canary.setBy ? `set by ${canary.setBy}, ${when(canary.setAt)}` : 'default'})`;
}

function jobOutcome(job) {
  if (job.state === 'SUCCEEDED' && job.result) {
    return `version ${job.result.version} (${job.result.stage}), macro-F1 ${score(job.result.macroF1)}`;
  }
  if (job.state === 'FAILED' && job.error) return `${job.error.title}: ${job.error.detail}`;
  return '';
}

export function modelsPage(main) {
  const status = el('p', { id: 'models-status', role: 'status' });
  const versions = el('div', { id: 'versions' }, el('p', { text: 'Loading…' }));
  const jobs = el('div', { id: 'jobs' });
  const running = el('div', { id: 'running-job', 'aria-live': 'polite' });
  const report = el('section', { id: 'report', class: 'card', 'aria-labelledby': 'report-title', hidden: true });
  const retirements = el('div', { id: 'retirements' }, el('p', { text: 'Loading…' }));
  let polling = null;

  async function loadVersions() {
    const answer = await call('GET', 'api/models');
    if (!answer.ok) { versions.replaceChildren(el('p', { class: 'bad', text: describe(answer.problem) })); return; }
    const list = [...answer.body].sort((a, b) => b.version - a.version);
    if (!list.length) { versions.replaceChildren(el('p', { text: 'No model version is registered yet: train one.' })); return; }
    const headings = ['Version', 'Stage', 'Macro-F1', 'Production\'s F1 then', 'Canary share', 'Decision', 'Registered',
      'Actions'];
    fill(versions, el('table', { id: 'versions-table' },
      el('caption', { text: 'Registered versions, newest first (macro-F1 on each version\'s own test split)' }),
      el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, list.map((v) => el('tr', { 'data-version': v.version },
        el('th', { scope: 'row', text: String(v.version) }),
        el('td', {}, el('span', { class: `stage stage-${v.stage.toLowerCase()}`, text: v.stage })),
        el('td', { text: score(v.macroF1) }),
        el('td', { text: score(v.baselineF1) }),
        el('td', { class: 'canary-share', text: v.stage === 'STAGING' ? canaryText(v.canary) : '–' }),
        el('td', { text: v.decision }),
        el('td', { text: when(v.createdAt) }),
        el('td', { class: 'actions' },
          v.stage === 'RETIRED' ? null : el('button', { type: 'button', class: 'secondary report',
            'aria-label': `Report of version ${v.version}`, text: 'Report', onclick: () => showReport(v.version) }),
          v.stage === 'STAGING' ? el('button', { type: 'button', class: 'promote',
            'aria-label': `Promote version ${v.version} to production`, text: 'Promote',
            onclick: () => promote(v.version) }) : null))))),
    list.filter((v) => v.stage === 'STAGING').map(shareForm),
    list.some((v) => v.stage === 'STAGING')
      ? el('p', { id: 'canary-help', class: 'hint', text: 'The STAGING version answers the canary share of tickets, '
        + 'chosen by ticket id, until it is promoted: classify-service\'s default (triage.classify.models.canary-share, '
        + '10 % unless configured) until a share is set here, from 0 % (staged, answering nothing) up to its '
        + 'max-canary-share (50 % unless configured).' })
      : null);
  }

  /** Under the table, the STAGING version's labelled percentage and its button; Enter in the field sets it too. */
  function shareForm(v) {
    const id = `canary-${v.version}`;
    const input = el('input', { id, type: 'number', min: '0', max: '100', step: '0.1', inputmode: 'decimal',
      'aria-describedby': 'canary-help', value: v.canary ? String(Math.round(v.canary.share * 1000) / 10) : '' });
    return el('form', { class: 'share', onsubmit: (event) => { event.preventDefault(); setShare(v.version, input.value); } },
      el('label', { for: id, text: `Canary share of version ${v.version} (%)` }), input,
      el('button', { type: 'submit', class: 'set-share', 'aria-label': `Set canary share of version ${v.version}`,
        text: 'Set canary share' }));
  }

  async function setShare(version, percentText) {
    const share = percentText.trim() === '' ? NaN : Number(percentText) / 100;
    status.textContent = `Setting the canary share of version ${version}…`;
    // A field left empty is sent as no share: classify-service names the field in its answer.
    const answer = await call('PUT', `api/models/${version}/canary`,
      { share: Number.isFinite(share) ? Math.round(share * 1e6) / 1e6 : null });
    // The table (and its share field) is drawn again first, so that the status, announced last, describes what is
    // on the page and nothing typed after it is overwritten by the redraw.
    await loadVersions();
    status.textContent = answer.ok
      ? `Version ${answer.body.version} answers ${percent(answer.body.share)} of tickets now (set by ${answer.body.setBy}).`
      : describe(answer.problem);
    document.getElementById(`canary-${version}`)?.focus();
  }

  async function loadRetirements() {
    const answer = await call('GET', 'api/models/retirements');
    if (!answer.ok) { retirements.replaceChildren(el('p', { class: 'bad', text: describe(answer.problem) })); return; }
    retirements.replaceChildren(answer.body.length ? dataTable('Versions trained on an erased customer\'s text',
      ['Version', 'State', 'Flagged', 'Retire by', 'Erasures', 'Replaced by', 'Retired'],
      answer.body.map((r) => [r.modelVersion, r.overdue ? `${r.state} (overdue)` : r.state, when(r.flaggedAt),
        when(r.retireBy), r.erasures, r.replacedBy ?? '–', when(r.retiredAt)]), { id: 'retirements-table' })
      : el('p', { text: 'No version learnt from an erased customer\'s text.' }));
  }

  async function loadJobs() {
    const answer = await call('GET', 'api/models/jobs?limit=10');
    if (!answer.ok) { jobs.replaceChildren(el('p', { class: 'bad', text: describe(answer.problem) })); return; }
    jobs.replaceChildren(answer.body.length ? dataTable('Recent training jobs, newest first',
      ['Accepted', 'Trigger', 'State', 'Stage', 'Outcome'],
      answer.body.map((job) => [when(job.createdAt), job.trigger, job.state, progressText(job), jobOutcome(job)]),
      { id: 'jobs-table' }) : el('p', { text: 'No training job yet.' }));
  }

  function showJob(job) {
    const { done, total } = job.progress ?? { done: 0, total: 0 };
    const finished = job.state === 'SUCCEEDED' || job.state === 'FAILED';
    fill(running,
      el('p', { class: `status ${job.state === 'FAILED' ? 'bad' : job.state === 'SUCCEEDED' ? 'good' : ''}`,
        text: `Job ${job.id.substring(0, 8)}: ${job.state.toLowerCase()}${finished ? '' : `, ${progressText(job)}`}`
          + `${jobOutcome(job) ? ` — ${jobOutcome(job)}` : ''}` }),
      finished ? null : el('progress', { id: 'job-progress', 'aria-label': 'Progress of the current stage',
        max: total > 0 ? total : null, value: total > 0 ? done : null }));
  }

  async function poll(id) {
    const answer = await call('GET', `api/models/jobs/${id}`);
    if (!answer.ok) { running.replaceChildren(el('p', { class: 'bad', text: describe(answer.problem) })); return; }
    showJob(answer.body);
    if (answer.body.state === 'SUCCEEDED' || answer.body.state === 'FAILED') {
      polling = null;
      starting(false);
      await Promise.all([loadVersions(), loadJobs()]);
      return;
    }
    polling = setTimeout(() => poll(id), POLL_MILLIS);
  }

  /** One job at a time from this page: both ways to start one wait for the running one. */
  function starting(busy) {
    retrain.disabled = busy;
    upload.disabled = busy;
  }

  /** Starts a job with the request (a call answering 202 with the job) and polls it; a refusal is shown. */
  async function startJob(request) {
    starting(true);
    const answer = await request();
    if (!answer.ok) {
      running.replaceChildren(el('p', { class: 'bad', text: describe(answer.problem) }));
      starting(false);
      return;
    }
    showJob(answer.body);
    await loadJobs();
    polling = setTimeout(() => poll(answer.body.id), POLL_MILLIS);
  }

  const retrain = el('button', { id: 'retrain', type: 'button', text: 'Retrain from validated tickets',
    'aria-describedby': 'retrain-help', onclick: () => startJob(() => call('POST', 'api/models/retrain')) });

  const file = el('input', { id: 'training-file', type: 'file', 'aria-describedby': 'upload-help',
    accept: '.csv,.jsonl,.ndjson,text/csv,application/x-ndjson' });
  const columns = el('input', { id: 'training-columns', type: 'text', autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'columns-help' });
  const upload = el('button', { id: 'upload', type: 'submit', text: 'Train from file' });
  const uploadForm = el('form', { id: 'upload-form', 'aria-labelledby': 'upload-title', onsubmit: async (event) => {
    event.preventDefault();
    const chosen = file.files[0];
    if (!chosen) {
      running.replaceChildren(el('p', { class: 'bad', text: 'Choose a training file first.' }));
      file.focus();
      return;
    }
    const text = await chosen.text();
    const query = columns.value.split(/[\s,]+/).filter(Boolean).map((c) => `column=${encodeURIComponent(c)}`).join('&');
    await startJob(() => send('POST', `api/models/train${query ? `?${query}` : ''}`, text,
      `${trainingType(chosen, text)}; charset=utf-8`));
  } },
  el('h3', { id: 'upload-title', text: 'Train from a file' }),
  el('label', { for: 'training-file', text: 'Labelled training file (CSV or JSON Lines)' }), file,
  el('p', { id: 'upload-help', class: 'hint', text: 'A text column (or subject and description) and any of department, '
    + 'urgency and sentiment; up to 1 MiB. classify-service checks it at once and names the line at fault; training '
    + 'runs as a job like a retraining.' }),
  el('label', { for: 'training-columns', text: 'Column renames (optional)' }), columns,
  el('p', { id: 'columns-help', class: 'hint', text: 'source=head, separated by commas, e.g. category=department for '
    + 'a file whose label column is called category.' }),
  upload);

  async function promote(version) {
    status.textContent = `Promoting version ${version}…`;
    const answer = await call('POST', `api/models/${version}/promote`);
    await loadVersions();
    status.textContent = answer.ok
      ? `Version ${answer.body.version} is in production now; the previous production version is archived.`
      : describe(answer.problem);
    document.getElementById('models-title').focus();
  }

  async function showReport(version) {
    report.hidden = false;
    report.replaceChildren(el('h2', { id: 'report-title', tabindex: '-1', text: `Evaluation report of version ${version}` }),
      el('p', { text: 'Loading…' }));
    const answer = await call('GET', `api/models/${version}/report`);
    if (!answer.ok) {
      report.replaceChildren(report.firstChild, el('p', { class: 'bad', text: describe(answer.problem) }));
      return;
    }
    const r = answer.body;
    fill(report, report.firstChild,
      el('p', { text: `Model ${r.model}; ${r.examples} examples (${r.trainExamples} train, ${r.validationExamples} `
        + `validation, ${r.testExamples} test); thresholds for precision ${percent(r.targetPrecision)}; `
        + `trained in ${(r.trainingMillis / 1000).toFixed(1)} s.` }),
      r.warnings.length ? el('ul', { class: 'warnings' }, r.warnings.map((w) => el('li', { text: w }))) : null,
      r.heads.map((head) => headReport(head, r.targetPrecision)));
    report.firstChild.focus();
  }

  main.replaceChildren(el('h1', { id: 'models-title', tabindex: '-1', text: 'Models' }), status,
    el('div', { class: 'columns' },
      el('section', { class: 'card', 'aria-labelledby': 'versions-title' },
        el('h2', { id: 'versions-title', text: 'Versions' }), versions),
      el('section', { class: 'card', 'aria-labelledby': 'training-title' },
        el('h2', { id: 'training-title', text: 'Training' }),
        el('p', { id: 'retrain-help', class: 'hint', text: 'Trains on the validated tickets as a job; a version '
          + 'that beats production by the promotion margin becomes STAGING.' }),
        retrain, uploadForm, running, jobs)),
    report,
    el('section', { class: 'card', 'aria-labelledby': 'retirements-title' },
      el('h2', { id: 'retirements-title', text: 'Retirements' }),
      el('p', { class: 'hint', text: 'Versions that learnt from the text of a customer since erased: each is retrained '
        + 'without it and retired (its artifact deleted) by its due date.' }),
      retirements));
  loadVersions();
  loadJobs();
  loadRetirements();
  window.addEventListener('hashchange', () => { if (polling) clearTimeout(polling); }, { once: true });
}

function headReport(head, targetPrecision) {
  const id = `head-${head.head}`;
  const points = head.operatingPoints ?? [];
  return el('section', { class: 'head', 'aria-labelledby': id },
    el('h3', { id, text: `${head.head}: accuracy ${percent(head.accuracy)}, macro-F1 ${score(head.macroF1)} `
      + `on ${head.testExamples} test tickets` }),
    el('div', { class: 'charts' },
      el('figure', {}, precisionCoverageChart(head.precisionCoverage, targetPrecision,
        `Precision against coverage, ${head.head}`),
      el('figcaption', { text: 'Precision of the answers kept as the threshold lowers and more tickets are answered; '
        + 'dashed: the target precision.' })),
      el('figure', {}, confusionChart(head.labels, head.confusion, `Confusion matrix, ${head.head}`),
        el('figcaption', { text: 'Rows: the true label; columns: the predicted one. Darker: a larger share of the row.' }))),
    dataTable(`Operating points, ${head.head}`, ['Target precision', 'Coverage', 'Precision'],
      points.map((p) => [percent(p.targetPrecision), percent(p.coverage), percent(p.precision)]), { class: 'operating' }),
    el('details', {}, el('summary', { text: `Confusion matrix of ${head.head} as a table` }),
      dataTable(`Confusion matrix, ${head.head} (rows: true label, columns: predicted)`, ['True \\ predicted', ...head.labels],
        head.labels.map((label, i) => [label, ...head.confusion[i]]), { class: 'confusion' })),
    el('details', {}, el('summary', { text: `Per-class scores of ${head.head}` }),
      dataTable(`Per-class scores, ${head.head}`, ['Label', 'Precision', 'Recall', 'F1', 'Support'],
        head.perClass.map((c) => [c.label, score(c.precision), score(c.recall), score(c.f1), c.support]))));
}
