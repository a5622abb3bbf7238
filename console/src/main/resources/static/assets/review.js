// Review queue (agents): NEEDS_REVIEW tickets (sanitised text) with the top three candidates and the explanation.
// Keyboard only: j / k move between tickets, 1 / 2 / 3 pick a candidate, Enter records it as the correct department.
import { call, describe, el } from './api.js';

export async function reviewPage(main) {
  const list = el('ol', { id: 'queue', class: 'queue', 'aria-label': 'Tickets to review' });
  const status = el('p', { id: 'review-status', role: 'status' });
  let items = [];
  let current = 0;
  const chosen = new Map();

  function focusItem(index) {
    if (!items.length) return;
    current = Math.max(0, Math.min(index, items.length - 1));
    list.children[current]?.focus();
  }

  async function record(index, department) {
    const item = items[index];
    const answer = await call('POST', 'api/review/feedback', { decisionId: item.decisionId, department });
    if (!answer.ok) { status.textContent = describe(answer.problem); return; }
    status.textContent = `Recorded: ticket ${item.ticketId.substring(0, 8)} goes to ${department}.`;
    items.splice(index, 1);
    render();
    focusItem(index);
  }

  function render() {
    list.replaceChildren(...items.map((item, index) => {
      const pick = chosen.get(item.ticketId) ?? 0;
      const buttons = item.candidates.map((c, n) => el('li', {}, el('button', {
        type: 'button', class: n === pick ? 'candidate picked' : 'candidate', 'aria-pressed': String(n === pick),
        onclick: () => record(index, c.department),
        text: `${n + 1}. ${c.department} (${Math.round(c.confidence * 100)} %)` })));
      return el('li', { class: 'card item', tabindex: -1, 'data-index': index,
        'aria-label': `Ticket ${index + 1} of ${items.length}` },
        el('p', { class: 'meta', text: `${item.source} · ticket ${item.ticketId.substring(0, 8)}` }),
        el('p', { class: 'ticket-text', text: item.text }),
        el('p', { class: 'explanation', text: `Why: ${item.explanation}` }),
        el('ul', { class: 'candidates', 'aria-label': 'Candidates' }, buttons));
    }));
    if (!items.length) list.replaceChildren(el('li', { class: 'hint', text: 'Nothing to review.' }));
  }

  list.addEventListener('keydown', (event) => {
    const item = items[current];
    if (event.key === 'j') { focusItem(current + 1); event.preventDefault(); }
    else if (event.key === 'k') { focusItem(current - 1); event.preventDefault(); }
    else if (item && ['1', '2', '3'].includes(event.key) && item.candidates[Number(event.key) - 1]) {
      chosen.set(item.ticketId, Number(event.key) - 1);
      render();
      focusItem(current);
      event.preventDefault();
    } else if (item && event.key === 'Enter' && event.target === list.children[current]) {
      record(current, item.candidates[chosen.get(item.ticketId) ?? 0].department);
      event.preventDefault();
    }
  });
  list.addEventListener('focusin', (event) => {
    const li = event.target.closest('li.item');
    if (li) current = Number(li.dataset.index);
  });

  main.replaceChildren(el('h1', { text: 'Review queue' }),
    el('p', { class: 'hint', id: 'review-keys',
      text: 'Keys: j / k next and previous ticket, 1 / 2 / 3 pick a candidate, Enter confirms the picked one.' }),
    status, list);
  const answer = await call('GET', 'api/review');
  if (!answer.ok) { status.textContent = describe(answer.problem); return; }
  items = answer.body.items;
  render();
  focusItem(0);
}
