// Compliance page: the audit chain's verification with its findings, and an erasure request with its per-store
// receipts, deadline and signed certificate.
import { call, describe, el } from './api.js';

const when = (instant) => (instant ? new Date(instant).toISOString().replace('T', ' ').substring(0, 16) + ' UTC' : '–');

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
  lookup.addEventListener('submit', async (event) => {
    event.preventDefault();
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
  });

  main.replaceChildren(el('h1', { text: 'Compliance' }),
    el('div', { class: 'columns' },
      el('section', { class: 'card' }, lookup),
      el('section', { class: 'card', 'aria-labelledby': 'verify-title' },
        el('h2', { id: 'verify-title', text: 'Audit chain' }),
        el('p', { class: 'hint', text: 'Recomputes every event hash and checks the signed checkpoints.' }),
        verify, verification)));
}
