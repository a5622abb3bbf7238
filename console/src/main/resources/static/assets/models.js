// Models page (role ANALYST): classify-service's model versions with stage and scores, its training jobs with their
// progress (a retraining starts a job that the page polls), a version's evaluation report with its precision–coverage
// curve and confusion matrix (inline SVG, each with a table of the same numbers), and promotion STAGING → PRODUCTION.
import { call, describe, el } from './api.js';
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
  let polling = null;

  async function loadVersions() {
    const answer = await call('GET', 'api/models');
    if (!answer.ok) { versions.replaceChildren(el('p', { class: 'bad', text: describe(answer.problem) })); return; }
    const list = [...answer.body].sort((a, b) => b.version - a.version);
    if (!list.length) { versions.replaceChildren(el('p', { text: 'No model version is registered yet: train one.' })); return; }
    const headings = ['Version', 'Stage', 'Macro-F1', 'Production\'s F1 then', 'Decision', 'Registered', 'Actions'];
    fill(versions, el('table', { id: 'versions-table' },
      el('caption', { text: 'Registered versions, newest first (macro-F1 on each version\'s own test split)' }),
      el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, list.map((v) => el('tr', { 'data-version': v.version },
        el('th', { scope: 'row', text: String(v.version) }),
        el('td', {}, el('span', { class: `stage stage-${v.stage.toLowerCase()}`, text: v.stage })),
        el('td', { text: score(v.macroF1) }),
        el('td', { text: score(v.baselineF1) }),
        el('td', { text: v.decision }),
        el('td', { text: when(v.createdAt) }),
        el('td', { class: 'actions' },
          v.stage === 'RETIRED' ? null : el('button', { type: 'button', class: 'secondary report',
            'aria-label': `Report of version ${v.version}`, text: 'Report', onclick: () => showReport(v.version) }),
          v.stage === 'STAGING' ? el('button', { type: 'button', class: 'promote',
            'aria-label': `Promote version ${v.version} to production`, text: 'Promote',
            onclick: () => promote(v.version) }) : null))))),
    list.some((v) => v.stage === 'STAGING')
      ? el('p', { class: 'hint', text: 'The STAGING version answers the canary share of tickets (classify-service\'s '
        + 'triage.classify.models.canary-share, 10 % by default), chosen by ticket id, until it is promoted.' }) : null);
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
      retrain.disabled = false;
      await Promise.all([loadVersions(), loadJobs()]);
      return;
    }
    polling = setTimeout(() => poll(id), POLL_MILLIS);
  }

  const retrain = el('button', { id: 'retrain', type: 'button', text: 'Retrain from validated tickets',
    'aria-describedby': 'retrain-help', onclick: async () => {
      retrain.disabled = true;
      const answer = await call('POST', 'api/models/retrain');
      if (!answer.ok) {
        running.replaceChildren(el('p', { class: 'bad', text: describe(answer.problem) }));
        retrain.disabled = false;
        return;
      }
      showJob(answer.body);
      await loadJobs();
      polling = setTimeout(() => poll(answer.body.id), POLL_MILLIS);
    } });

  async function promote(version) {
    status.textContent = `Promoting version ${version}…`;
    const answer = await call('POST', `api/models/${version}/promote`);
    status.textContent = answer.ok
      ? `Version ${answer.body.version} is in production now; the previous production version is archived.`
      : describe(answer.problem);
    await loadVersions();
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
        retrain, running, jobs)),
    report);
  loadVersions();
  loadJobs();
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
