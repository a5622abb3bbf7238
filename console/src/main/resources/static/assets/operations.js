// Operations page (role OPS): per source its lag, failed pulls and write-backs, and the dead-lettered write-backs
// with a Replay button each. Only numbers, ids, states and failure kinds are shown: never ticket text, never a plan.
import { call, describe, el } from './api.js';

const when = (instant) => (instant ? new Date(instant).toISOString().replace('T', ' ').substring(0, 16) + ' UTC' : '–');

function lag(seconds) {
  if (seconds === null || seconds === undefined) return 'not seen yet';
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

function sourcesTable(sources) {
  const headings = ['Source', 'Lag', 'Last successful pull', 'Pulls failed', 'Write-backs failed', 'Dead letters'];
  return el('table', { id: 'sources' }, el('caption', { text: 'Per source, as the answering ingestion-service replica sees it' }),
    el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, sources.map((s) => el('tr', {},
      el('th', { scope: 'row', text: s.source }),
      el('td', { class: s.lagSeconds > 7200 ? 'bad' : '', text: lag(s.lagSeconds) }),
      el('td', { text: when(s.lastSuccessfulPull) }),
      el('td', { class: s.pullsFailed ? 'bad' : '', text: `${s.pullsFailed} of ${s.pullsFailed + s.pullsSucceeded}` }),
      el('td', { class: s.writeBacksFailed ? 'warn' : '', text: String(s.writeBacksFailed) }),
      el('td', { class: s.deadLetters ? 'bad' : '', text: String(s.deadLetters) })))));
}

export function operationsPage(main) {
  const health = el('div', { id: 'health', 'aria-live': 'polite' }, el('p', { text: 'Loading…' }));
  const status = el('p', { id: 'operations-status', role: 'status' });
  const filter = el('select', { id: 'dead-letter-source', name: 'source' },
    ['', 'servicenow', 'zendesk', 'jira'].map((s) => el('option', { value: s, text: s || 'every source' })));
  const letters = el('div', { id: 'dead-letters' });

  async function loadHealth() {
    const answer = await call('GET', 'api/operations/sources');
    health.replaceChildren(answer.ok ? sourcesTable(answer.body.sources) : el('p', { class: 'bad', text: describe(answer.problem) }));
  }

  async function replay(letter, row) {
    status.textContent = `Replaying the write-back to ${letter.source.toLowerCase()} ticket ${letter.externalId}…`;
    const answer = await call('POST', `api/operations/dead-letters/${encodeURIComponent(letter.id)}/replay`);
    if (!answer.ok) { status.textContent = describe(answer.problem); return; }
    status.textContent = `Replayed: the write-back to ${letter.source.toLowerCase()} ticket ${letter.externalId} is ${answer.body.state.toLowerCase()} again.`;
    // Focus goes to the next row's Replay button (or the filter), not to the page's start.
    const next = row.nextElementSibling?.querySelector('button') ?? row.previousElementSibling?.querySelector('button') ?? filter;
    row.remove();
    next.focus();
    loadHealth();
  }

  async function loadDeadLetters() {
    const query = filter.value ? `?source=${encodeURIComponent(filter.value)}` : '';
    const answer = await call('GET', `api/operations/dead-letters${query}`);
    if (!answer.ok) { letters.replaceChildren(el('p', { class: 'bad', text: describe(answer.problem) })); return; }
    if (!answer.body.length) { letters.replaceChildren(el('p', { class: 'hint', text: 'No dead letters.' })); return; }
    const headings = ['Source', 'Ticket', 'Failed', 'Attempts', 'Last status', 'Why', 'Mapping', ''];
    letters.replaceChildren(el('table', {}, el('caption', { text: 'Dead-lettered write-backs, newest first' }),
      el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, answer.body.map((letter) => {
        const row = el('tr', {}, [letter.source.toLowerCase(), letter.externalId, when(letter.completedAt ?? letter.updatedAt),
          letter.attempts, letter.lastStatus ?? 'I/O', letter.lastError ?? '–', `v${letter.mappingVersion}`]
          .map((cell) => el('td', { text: String(cell) })));
        row.append(el('td', {}, el('button', { type: 'button', class: 'replay', text: 'Replay',
          'aria-label': `Replay the write-back to ${letter.source.toLowerCase()} ticket ${letter.externalId}`,
          onclick: () => replay(letter, row) })));
        return row;
      }))));
  }

  filter.addEventListener('change', loadDeadLetters);
  main.replaceChildren(el('h1', { text: 'Operations' }),
    el('section', { class: 'card', 'aria-labelledby': 'health-title' },
      el('h2', { id: 'health-title', text: 'Sources' }),
      el('p', { class: 'hint', text: 'Lag: how old the newest ticket seen from the source is. Counts since the replica started.' }),
      health,
      el('button', { id: 'refresh', type: 'button', text: 'Refresh', onclick: () => { loadHealth(); loadDeadLetters(); } })),
    el('section', { class: 'card', 'aria-labelledby': 'dead-letters-title' },
      el('h2', { id: 'dead-letters-title', text: 'Dead letters' }),
      el('p', { class: 'hint', id: 'replay-help',
        text: 'A replay plans the write-back again with the field mapping published now, and writes it to the source.' }),
      el('label', { for: 'dead-letter-source', text: 'Source' }), filter,
      status, letters));
  loadHealth();
  loadDeadLetters();
}
