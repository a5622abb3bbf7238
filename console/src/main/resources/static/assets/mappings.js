// Field mappings page (role ADMIN): per source system the write-back mapping ingestion-service uses, versioned.
// Edit the draft (saving it answers its validation, problems with line, column and field), dry-run it on a ticket's
// stored decision (the plan and the exact requests it would send; nothing is written), publish it with a reason, or
// roll back to an earlier version (with a reason, after a confirmation).
import { call, describe, el } from './api.js';

const when = (instant) => (instant ? new Date(instant).toISOString().replace('T', ' ').substring(0, 16) + ' UTC' : '–');
const fill = (node, ...children) => node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
const SOURCES = ['servicenow', 'zendesk', 'jira'];

export function mappingsPage(main) {
  const source = el('select', { id: 'mapping-source', name: 'source' },
    SOURCES.map((s) => el('option', { value: s, text: s })));
  const summary = el('p', { id: 'mapping-summary', 'aria-live': 'polite' });
  const yaml = el('textarea', { id: 'mapping-yaml', rows: 18, spellcheck: 'false', 'aria-describedby': 'mapping-help' });
  const validation = el('div', { id: 'mapping-validation', role: 'status' });
  const ticketId = el('input', { id: 'dry-run-ticket', type: 'text', autocomplete: 'off', 'aria-describedby': 'dry-run-help' });
  const dryRunResult = el('div', { id: 'dry-run', role: 'status' });
  const reason = el('input', { id: 'mapping-reason', type: 'text', autocomplete: 'off', maxlength: 1000 });
  const publishStatus = el('p', { id: 'mapping-publish-status', role: 'status' });
  const versions = el('div', { id: 'mapping-versions' });
  const rollbackVersion = el('select', { id: 'rollback-version', name: 'version', 'aria-describedby': 'rollback-help' });
  const rollbackReason = el('input', { id: 'rollback-reason', type: 'text', autocomplete: 'off', maxlength: 1000 });
  const rollbackStatus = el('p', { id: 'rollback-status', role: 'status' });
  const rollbackButton = el('button', { id: 'rollback', type: 'submit', text: 'Roll back…', disabled: true });
  let validDraft = false;
  let loading = 0; // a newer source choice makes an older load's answer stale

  const publish = el('button', { id: 'mapping-publish', type: 'submit', text: 'Publish the draft', disabled: true });

  function setValid(valid) {
    validDraft = valid;
    publish.disabled = !valid;
  }

  async function load() {
    setValid(false);
    fill(validation);
    fill(dryRunResult);
    publishStatus.textContent = '';
    rollbackStatus.textContent = '';
    const mine = ++loading;
    const answer = await call('GET', `api/mappings/${source.value}`);
    if (mine !== loading) return;
    if (!answer.ok) { summary.textContent = describe(answer.problem); return; }
    const { published, draft } = answer.body;
    summary.textContent = `${published ? `Version ${published.version} is in use, published by ${published.publishedBy} `
      + `on ${when(published.publishedAt)}.` : 'No mapping is published: write-back is off for this source.'}`
      + `${draft ? ` Draft version ${draft.version} is open (saved by ${draft.createdBy}).` : ''}`;
    yaml.value = (draft ?? published)?.yaml ?? 'levels:\n  default: suggest\n';
    await loadVersions();
  }

  async function loadVersions() {
    const answer = await call('GET', `api/mappings/${source.value}/versions`);
    if (!answer.ok) { fill(versions, el('p', { class: 'bad', text: describe(answer.problem) })); return; }
    // Only a version that was published once and is not in use can be put back (a draft never was).
    const earlier = answer.body.versions.filter((v) => v.state === 'ARCHIVED');
    fill(rollbackVersion, earlier.map((v) => el('option', { value: v.version,
      text: `Version ${v.version}${v.reason ? ` (${v.reason})` : ''}` })));
    rollbackButton.disabled = earlier.length === 0;
    const headings = ['Version', 'State', 'Saved by', 'Published', 'Reason'];
    fill(versions, answer.body.versions.length ? el('table', { id: 'mapping-versions-table' },
      el('caption', { text: `Versions of the ${source.value} mapping, newest first` }),
      el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, answer.body.versions.map((v) => el('tr', { 'data-version': v.version },
        el('th', { scope: 'row', text: String(v.version) }), el('td', { text: v.state }),
        el('td', { text: v.createdBy }),
        el('td', { text: v.publishedAt ? `${when(v.publishedAt)} by ${v.publishedBy}` : '–' }),
        el('td', { text: v.reason ?? '' })))))
      : el('p', { text: 'No version yet.' }));
  }

  const editor = el('form', { 'aria-labelledby': 'mapping-edit-title' },
    el('h2', { id: 'mapping-edit-title', text: 'Draft' }),
    el('label', { for: 'mapping-yaml', text: 'Mapping (YAML)' }), yaml,
    el('p', { id: 'mapping-help', class: 'hint', text: 'levels (suggest, preselect or automate per department), '
      + 'departments and urgencies → the source\'s fields, review, note. Saving validates it.' }),
    el('button', { type: 'submit', text: 'Save and validate' }), validation);
  editor.addEventListener('submit', async (event) => {
    event.preventDefault();
    setValid(false);
    validation.textContent = 'Validating…';
    const answer = await call('PUT', `api/mappings/${source.value}`, { yaml: yaml.value });
    if (!answer.ok) { validation.textContent = describe(answer.problem); return; }
    const r = answer.body;
    setValid(r.valid);
    fill(validation,
      el('p', { class: `status ${r.valid ? 'good' : 'bad'}`, text: r.valid
        ? `Draft version ${r.version} saved: valid.` : `Draft version ${r.version} saved, not publishable: `
          + `${r.problems.length} problem(s).` }),
      r.problems.length ? el('ul', { id: 'mapping-problems', class: 'problems' }, r.problems.map((p) => el('li', {
        text: `Line ${p.line}, column ${p.column} (${p.field}): ${p.message}` }))) : null,
      r.warnings.length ? el('ul', { class: 'warnings' }, r.warnings.map((w) => el('li', { text: w }))) : null);
    await loadVersions();
  });

  const dryRun = el('form', { 'aria-labelledby': 'dry-run-title' },
    el('h2', { id: 'dry-run-title', text: 'Dry run on a ticket' }),
    el('label', { for: 'dry-run-ticket', text: 'Ticket id' }), ticketId,
    el('p', { id: 'dry-run-help', class: 'hint', text: 'The ticket\'s stored decision under the draft (else the '
      + 'published version): what would be written back. Nothing is sent.' }),
    el('button', { type: 'submit', text: 'Dry run' }), dryRunResult);
  dryRun.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await call('POST', `api/mappings/${source.value}/dry-run`, { ticketId: ticketId.value.trim() });
    if (!answer.ok) { dryRunResult.textContent = describe(answer.problem); return; }
    const { plan, requests, version, state } = answer.body;
    const fields = Object.entries(plan.fields ?? {});
    fill(dryRunResult,
      el('p', { class: 'status', text: `Version ${version} (${state.toLowerCase()}): ${plan.level.toLowerCase()} — `
        + `${plan.department ?? 'no department'} / ${plan.urgency ?? 'no urgency'} on ${plan.externalId}.` }),
      fields.length ? el('table', { id: 'dry-run-fields' }, el('caption', { text: 'Fields it would set' }),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Field' }), el('th', { scope: 'col', text: 'Value' }))),
        el('tbody', {}, fields.map(([name, value]) => el('tr', {}, el('th', { scope: 'row', text: name }),
          el('td', { text: typeof value === 'string' ? value : JSON.stringify(value) })))))
        : el('p', { text: 'No field would be set.' }),
      plan.tags?.length ? el('p', { text: `Tags: ${plan.tags.join(', ')}` }) : null,
      el('h3', { text: 'Note' }), el('pre', { class: 'note', text: plan.note }),
      el('h3', { text: 'Requests' }),
      el('ul', { id: 'dry-run-requests' }, requests.map((r) => el('li', {}, el('code', { text: `${r.method} ${r.path}` })))));
  });

  const publisher = el('form', { 'aria-labelledby': 'mapping-publish-title' },
    el('h2', { id: 'mapping-publish-title', text: 'Publish' }),
    el('label', { for: 'mapping-reason', text: 'Reason' }), reason, publish, publishStatus);
  publisher.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!validDraft) return;
    const answer = await call('POST', `api/mappings/${source.value}/publish`, { reason: reason.value });
    if (!answer.ok) { publishStatus.textContent = describe(answer.problem); return; }
    await load();
    publishStatus.textContent = `Published version ${answer.body.version}: write-backs to ${source.value} use it now.`;
    reason.value = '';
  });

  // Rolling back: the version and a reason (ingestion-service requires one), then a confirmation dialog (modal,
  // Escape or Cancel closes it and nothing is sent; focus starts on Cancel and returns to the button).
  const confirmText = el('p', { id: 'rollback-confirm-text' });
  const cancel = el('button', { id: 'rollback-cancel', type: 'button', class: 'secondary', text: 'Cancel' });
  const confirm = el('button', { id: 'rollback-confirm', type: 'button', text: 'Roll back' });
  const dialog = el('dialog', { id: 'rollback-dialog', 'aria-labelledby': 'rollback-dialog-title',
    'aria-describedby': 'rollback-confirm-text' },
  el('h2', { id: 'rollback-dialog-title', text: 'Roll back the mapping?' }), confirmText,
  el('div', { class: 'actions' }, cancel, confirm));
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => rollbackButton.focus());
  confirm.addEventListener('click', async () => {
    const version = Number(rollbackVersion.value);
    dialog.close();
    rollbackStatus.textContent = 'Rolling back…';
    const answer = await call('POST', `api/mappings/${source.value}/rollback`,
      { version, reason: rollbackReason.value.trim() });
    if (!answer.ok) { rollbackStatus.textContent = describe(answer.problem); return; }
    await load();
    rollbackStatus.textContent = `Rolled back: version ${answer.body.version} is in use again; write-backs to `
      + `${source.value} use it now.`;
    rollbackReason.value = '';
  });
  const rollbacker = el('form', { 'aria-labelledby': 'mapping-rollback-title' },
    el('h2', { id: 'mapping-rollback-title', text: 'Roll back' }),
    el('label', { for: 'rollback-version', text: 'Earlier version' }), rollbackVersion,
    el('p', { id: 'rollback-help', class: 'hint', text: 'Puts an earlier published version in use again; the one in '
      + 'use now is archived. The draft stays as it is.' }),
    el('label', { for: 'rollback-reason', text: 'Reason' }), rollbackReason, rollbackButton, rollbackStatus, dialog);
  rollbacker.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!rollbackVersion.value) return;
    if (!rollbackReason.value.trim()) {
      rollbackStatus.textContent = 'reason: a rollback needs a reason';
      rollbackReason.focus();
      return;
    }
    rollbackStatus.textContent = '';
    confirmText.textContent = `Version ${rollbackVersion.value} of the ${source.value} mapping goes back in use, `
      + `with the reason “${rollbackReason.value.trim()}”.`;
    dialog.showModal();
    cancel.focus();
  });

  source.addEventListener('change', load);
  main.replaceChildren(el('h1', { text: 'Field mappings' }),
    el('div', { class: 'card' }, el('label', { for: 'mapping-source', text: 'Source system' }), source, summary),
    el('div', { class: 'columns' },
      el('section', { class: 'card' }, editor),
      el('div', {}, el('section', { class: 'card' }, dryRun), el('section', { class: 'card' }, publisher),
        el('section', { class: 'card' }, rollbacker),
        el('section', { class: 'card', 'aria-labelledby': 'mapping-versions-title' },
          el('h2', { id: 'mapping-versions-title', text: 'History' }), versions))));
  load();
}
