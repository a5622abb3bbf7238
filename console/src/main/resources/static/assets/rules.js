// Rules page (analysts): edit the rule set with validation as you type, see warnings, backtest and the diff against
// the active version, publish or roll back with a reason, per-rule accuracy, and try a ticket.
import { call, describe, el } from './api.js';
import { lineDiff } from './diff.js';

const pct = (value) => (value === null || value === undefined ? '–' : `${Math.round(value * 100)} %`);

export async function rulesPage(main) {
  const editor = el('textarea', { id: 'yaml', spellcheck: 'false', rows: 22, 'aria-describedby': 'validation' });
  const validation = el('p', { id: 'validation', class: 'status', 'aria-live': 'polite' }, 'Loading the active rule set…');
  const problems = el('ul', { id: 'problems', class: 'problems' });
  const warnings = el('ul', { id: 'warnings', class: 'warnings' });
  const backtest = el('div', { id: 'backtest' });
  const diff = el('pre', { id: 'diff', class: 'diff', tabindex: 0, 'aria-label': 'Changes against the active version' });
  const reason = el('input', { id: 'publish-reason', type: 'text', required: true });
  const publish = el('button', { id: 'publish', type: 'submit', disabled: true, text: 'Publish' });
  const publishStatus = el('p', { id: 'publish-status', role: 'status' });
  const versionSelect = el('select', { id: 'rollback-version' });
  const rollbackReason = el('input', { id: 'rollback-reason', type: 'text', required: true });
  const rollbackStatus = el('p', { id: 'rollback-status', role: 'status' });
  const activeLine = el('p', { id: 'active-version' });
  const statistics = el('div', { id: 'statistics' });
  const trySubject = el('input', { id: 'try-subject', type: 'text' });
  const tryDescription = el('textarea', { id: 'try-description', rows: 3 });
  const tryResult = el('p', { id: 'try-result', role: 'status' });

  let active = { yaml: '', version: 0 };
  let valid = false;
  let pending;
  let sequence = 0;

  function jumpTo(line, column) {
    const lines = editor.value.split('\n');
    const offset = lines.slice(0, Math.max(line - 1, 0)).reduce((sum, text) => sum + text.length + 1, 0)
      + Math.max(column - 1, 0);
    editor.focus();
    editor.setSelectionRange(offset, offset);
  }

  function renderReport(report) {
    valid = report.valid;
    const warningCount = report.shadowed.length + report.conflicts.length;
    validation.textContent = report.valid
      ? `Valid${warningCount ? `, with ${warningCount} warning${warningCount > 1 ? 's' : ''}` : ''}.`
      : `${report.errors.length} error${report.errors.length > 1 ? 's' : ''}: not publishable.`;
    validation.className = `status ${report.valid ? (warningCount ? 'warn' : 'good') : 'bad'}`;
    problems.replaceChildren(...report.errors.map((e) => el('li', {},
      el('button', { type: 'button', class: 'link', onclick: () => jumpTo(e.line, e.column),
        text: `Line ${e.line}, column ${e.column}` }), ` ${e.field}${e.ruleId ? ` (${e.ruleId})` : ''}: ${e.message}`)));
    warnings.replaceChildren(
      ...report.shadowed.map((s) => el('li', { class: 'shadowed' },
        `${s.ruleId} is shadowed by ${s.shadowedBy.join(', ')}: it can never win (${s.evidence} evidence)`)),
      ...report.conflicts.map((c) => el('li', { class: 'conflict' },
        `${c.firstRuleId} (${c.firstDepartment}) and ${c.secondRuleId} (${c.secondDepartment}) both fire on `
        + `${c.tickets.length} sample ticket(s); ${c.firstRuleId} wins`)));
    const b = report.backtest;
    backtest.replaceChildren(b && b.tickets > 0
      ? el('div', {},
        el('p', { text: `Backtest on ${b.tickets} recently labelled tickets: ${b.routed} routed (${pct(b.routedShare)}), `
          + `accuracy ${pct(b.accuracy)}.` }),
        table(['Rule', 'Hits', 'Labelled', 'Correct', 'Precision'],
          b.rules.map((r) => [r.ruleId, r.hits, r.labelled, r.correct, pct(r.precision)]), 'Backtest per rule'))
      : el('p', { class: 'hint', text: 'No labelled tickets to backtest on yet.' }));
    publish.disabled = !valid;
  }

  function renderDiff() {
    const lines = lineDiff(active.yaml, editor.value).filter((d, i, all) => d.kind !== ' '
      || all.slice(Math.max(0, i - 2), i + 3).some((n) => n.kind !== ' '));
    diff.replaceChildren(...(lines.length ? lines.map((d) => el('span', { class: `d${d.kind === '+' ? 'add' : d.kind === '-' ? 'del' : 'same'}` },
      `${d.kind} ${d.line}`)) : ['No changes against the active version.']));
  }

  async function validate() {
    const mine = ++sequence;
    renderDiff();
    const answer = await call('POST', 'api/rules/validate', { yaml: editor.value });
    if (mine !== sequence) return; // a newer edit is being validated
    if (answer.ok) renderReport(answer.body);
    else if (answer.problem.errors) renderReport({ valid: false, errors: answer.problem.errors, shadowed: [], conflicts: [] });
    else {
      valid = false;
      publish.disabled = true;
      validation.textContent = describe(answer.problem);
      validation.className = 'status bad';
    }
  }

  async function loadActive() {
    const [rules, versions] = await Promise.all([call('GET', 'api/rules'), call('GET', 'api/rules/versions')]);
    if (!rules.ok) { validation.textContent = describe(rules.problem); return; }
    active = { yaml: rules.body.yaml, version: rules.body.activation.version };
    activeLine.textContent = `Active: version ${active.version}, ${rules.body.activation.action} by `
      + `${rules.body.activation.activatedBy} (“${rules.body.activation.reason}”).`;
    if (versions.ok) {
      versionSelect.replaceChildren(...versions.body.versions.filter((v) => v.version !== versions.body.active)
        .map((v) => el('option', { value: v.version, text: `v${v.version}: ${v.ruleCount} rules, “${v.reason}”` })));
    }
  }

  async function loadStatistics() {
    const answer = await call('GET', 'api/rules/statistics');
    if (!answer.ok) { statistics.replaceChildren(el('p', { text: describe(answer.problem) })); return; }
    statistics.replaceChildren(answer.body.length === 0 ? el('p', { class: 'hint', text: 'No agent feedback on rules yet.' })
      : table(['Rule', 'Correct', 'Incorrect', 'Accuracy'], answer.body.map((r) => [r.ruleId, r.correct, r.incorrect,
        el('span', { class: 'bar' }, el('span', { class: 'fill', style: null, 'data-share': r.accuracy ?? 0 }), pct(r.accuracy))]),
      'Accuracy per rule from agents’ feedback'));
    statistics.querySelectorAll('.fill').forEach((bar) => { bar.style.width = `${Number(bar.dataset.share) * 6}rem`; });
  }

  editor.addEventListener('input', () => {
    clearTimeout(pending);
    publish.disabled = true;
    pending = setTimeout(validate, 300);
  });

  const publishForm = el('form', { class: 'inline', 'aria-labelledby': 'publish-title' },
    el('h2', { id: 'publish-title', text: 'Publish' }),
    el('label', { for: 'publish-reason', text: 'Reason (kept in the version history)' }), reason, publish, publishStatus);
  publishForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await call('POST', 'api/rules/publish', { yaml: editor.value, reason: reason.value });
    publishStatus.textContent = answer.ok ? `Published as version ${answer.body.version}.` : describe(answer.problem);
    if (answer.ok) { reason.value = ''; await loadActive(); renderDiff(); }
  });

  const rollbackForm = el('form', { class: 'inline', 'aria-labelledby': 'rollback-title' },
    el('h2', { id: 'rollback-title', text: 'Roll back' }),
    el('label', { for: 'rollback-version', text: 'Version' }), versionSelect,
    el('label', { for: 'rollback-reason', text: 'Reason' }), rollbackReason,
    el('button', { type: 'submit', text: 'Roll back' }), rollbackStatus);
  rollbackForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await call('POST', 'api/rules/rollback', { version: Number(versionSelect.value), reason: rollbackReason.value });
    rollbackStatus.textContent = answer.ok ? `Version ${answer.body.active} is active again.` : describe(answer.problem);
    if (answer.ok) { rollbackReason.value = ''; await loadActive(); editor.value = active.yaml; await validate(); }
  });

  const tryForm = el('form', { 'aria-labelledby': 'try-title' },
    el('h2', { id: 'try-title', text: 'Try a ticket on the active rules' }),
    el('label', { for: 'try-subject', text: 'Subject' }), trySubject,
    el('label', { for: 'try-description', text: 'Description (sanitised text)' }), tryDescription,
    el('button', { type: 'submit', text: 'Evaluate' }), tryResult);
  tryForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await call('POST', 'api/rules/evaluate', { ticketId: 'console', subject: trySubject.value,
      description: tryDescription.value, channel: 'email' });
    tryResult.textContent = !answer.ok ? describe(answer.problem) : answer.body.matched
      ? `${answer.body.ruleId} → ${answer.body.department}, ${answer.body.urgency}, confidence ${answer.body.confidence} (version ${answer.body.ruleSetVersion})`
      : `No rule fired (version ${answer.body.ruleSetVersion}).`;
  });

  main.replaceChildren(
    el('h1', { text: 'Rules' }), activeLine,
    el('div', { class: 'columns' },
      el('section', { class: 'card', 'aria-labelledby': 'draft-title' },
        el('h2', { id: 'draft-title', text: 'Draft' }),
        el('label', { for: 'yaml', text: 'Rule set (YAML), validated as you type' }), editor, validation,
        el('h3', { text: 'Errors' }), problems, el('h3', { text: 'Warnings' }), warnings, backtest),
      el('div', {},
        el('section', { class: 'card', 'aria-labelledby': 'diff-title' },
          el('h2', { id: 'diff-title', text: 'Changes against the active version' }), diff),
        el('section', { class: 'card' }, publishForm),
        el('section', { class: 'card' }, rollbackForm),
        el('section', { class: 'card', 'aria-labelledby': 'stats-title' },
          el('h2', { id: 'stats-title', text: 'Per-rule accuracy' }), statistics),
        el('section', { class: 'card' }, tryForm))));
  await loadActive();
  editor.value = active.yaml;
  await Promise.all([validate(), loadStatistics()]);
}

function table(headings, rows, caption) {
  return el('table', {}, el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, rows.map((row) => el('tr', {}, row.map((cell) => el('td', {}, typeof cell === 'object' ? cell : String(cell)))))));
}
