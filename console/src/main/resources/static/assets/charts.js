// Charts as inline SVG (no library, nothing fetched at run time). Each chart is an image with a title and a
// description for screen readers; the pages put a table with the same numbers next to it.
import { el } from './api.js';

const NS = 'http://www.w3.org/2000/svg';
let charts = 0;

/** An SVG element with attributes and children (strings become text nodes). */
export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

/** The chart's frame: role img, named by its title and described by its description. */
function frame(width, height, title, description, ...children) {
  const id = `chart-${++charts}`;
  return svg('svg', { role: 'img', viewBox: `0 0 ${width} ${height}`, width, height, class: 'chart',
    'aria-labelledby': `${id}-title ${id}-desc` },
  svg('title', { id: `${id}-title`, text: title }), svg('desc', { id: `${id}-desc`, text: description }), children);
}

const percent = (value) => `${(100 * value).toFixed(1)} %`;

/**
 * Precision against coverage (share of tickets answered), as a line; the target precision as a dashed line.
 * points: [{coverage, precision}], both 0..1.
 */
export function precisionCoverageChart(points, targetPrecision, title) {
  const width = 360; const height = 240; const left = 48; const bottom = 36; const top = 12; const right = 12;
  const plotW = width - left - right; const plotH = height - top - bottom;
  const floor = Math.min(targetPrecision - 0.05, ...points.map((p) => p.precision)) - 0.02;
  const low = Math.max(0, Math.floor(floor * 20) / 20);
  const x = (coverage) => left + coverage * plotW;
  const y = (precision) => top + (1 - (precision - low) / (1 - low)) * plotH;
  const sorted = [...points].sort((a, b) => a.coverage - b.coverage);
  const path = sorted.map((p, i) => `${i ? 'L' : 'M'}${x(p.coverage).toFixed(1)},${y(p.precision).toFixed(1)}`).join(' ');
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const yTicks = [low, low + (1 - low) / 2, 1];
  const atTarget = sorted.filter((p) => p.precision >= targetPrecision).pop();
  const description = `Precision from ${percent(sorted[0]?.precision ?? 0)} to ${percent(sorted.at(-1)?.precision ?? 0)}`
    + ` as coverage goes from ${percent(sorted[0]?.coverage ?? 0)} to ${percent(sorted.at(-1)?.coverage ?? 0)}.`
    + (atTarget ? ` At precision ${percent(targetPrecision)} or better, up to ${percent(atTarget.coverage)} of tickets are answered.` : '');
  return frame(width, height, title, description,
    svg('g', { class: 'axis' },
      svg('line', { x1: left, y1: top + plotH, x2: left + plotW, y2: top + plotH }),
      svg('line', { x1: left, y1: top, x2: left, y2: top + plotH }),
      ticks.map((t) => svg('text', { x: x(t), y: top + plotH + 14, 'text-anchor': 'middle', text: `${t * 100}` })),
      yTicks.map((t) => svg('text', { x: left - 4, y: y(t) + 4, 'text-anchor': 'end', text: (t * 100).toFixed(0) })),
      svg('text', { x: left + plotW / 2, y: height - 4, 'text-anchor': 'middle', text: 'coverage (%)' }),
      svg('text', { x: 12, y: top + plotH / 2, transform: `rotate(-90 12 ${top + plotH / 2})`, 'text-anchor': 'middle',
        text: 'precision (%)' })),
    svg('line', { class: 'target', x1: left, x2: left + plotW, y1: y(targetPrecision), y2: y(targetPrecision) }),
    svg('path', { class: 'curve', d: path }));
}

/**
 * The confusion matrix as a heat map: rows are the true labels, columns the predicted ones, each cell shaded by its
 * share of the row. Counts are written in the cells while they fit.
 */
export function confusionChart(labels, matrix, title) {
  const n = labels.length;
  const cell = Math.max(6, Math.min(40, Math.floor(320 / Math.max(n, 1))));
  const named = n <= 12;
  const margin = named ? 130 : 8;
  const width = margin + n * cell + (named ? 90 : 8); const height = margin + n * cell + 8;
  const cells = [];
  let correct = 0; let total = 0;
  matrix.forEach((row, i) => {
    const rowTotal = row.reduce((a, b) => a + b, 0);
    row.forEach((count, j) => {
      total += count;
      if (i === j) correct += count;
      const share = rowTotal ? count / rowTotal : 0;
      const x = margin + j * cell; const y = margin + i * cell;
      cells.push(svg('rect', { x, y, width: cell, height: cell, class: i === j ? 'hit' : 'miss',
        'fill-opacity': (0.08 + 0.92 * share).toFixed(3) }));
      if (named && count > 0) {
        cells.push(svg('text', { x: x + cell / 2, y: y + cell / 2 + 4, 'text-anchor': 'middle',
          class: share > 0.5 ? 'on-dark' : 'on-light', text: String(count) }));
      }
    });
  });
  const axisLabels = named ? [
    labels.map((label, i) => svg('text', { x: margin - 4, y: margin + i * cell + cell / 2 + 4, 'text-anchor': 'end',
      text: label.length > 18 ? `${label.substring(0, 17)}…` : label })),
    labels.map((label, j) => svg('text', { x: margin + j * cell + cell / 2, y: margin - 4,
      transform: `rotate(-45 ${margin + j * cell + cell / 2} ${margin - 4})`,
      text: label.length > 18 ? `${label.substring(0, 17)}…` : label })),
  ] : [];
  const description = `${n} labels; ${correct} of ${total} test tickets on the diagonal (predicted as labelled).`
    + ' Rows are the true label, columns the predicted one.';
  return frame(width, height, title, description, svg('g', { class: 'axis' }, axisLabels), cells);
}

/**
 * Horizontal bars of shares (0..1), one per label; a missing value (null) is drawn as no bar and said in words.
 * bars: [{label, value}].
 */
export function barChart(bars, title, measure) {
  const row = 22; const labelWidth = 150; const barWidth = 200; const top = 6;
  const width = labelWidth + barWidth + 60; const height = top + Math.max(bars.length, 1) * row + 6;
  const clip = (label) => (label.length > 22 ? `${label.substring(0, 21)}…` : label);
  const description = bars.length ? bars.map((b) => `${b.label}: ${b.value === null || b.value === undefined
    ? `no ${measure}` : percent(b.value)}`).join('; ') + '.' : 'Nothing to show.';
  return frame(width, height, title, description, bars.map((b, i) => {
    const y = top + i * row;
    const known = b.value !== null && b.value !== undefined;
    return svg('g', {},
      svg('text', { x: labelWidth - 6, y: y + 15, 'text-anchor': 'end', text: clip(b.label) }),
      known ? svg('rect', { class: 'bar', x: labelWidth, y: y + 3, height: row - 8,
        width: Math.max(1, b.value * barWidth).toFixed(1) }) : null,
      svg('text', { x: labelWidth + (known ? b.value * barWidth : 0) + 4, y: y + 15,
        text: known ? percent(b.value) : '–' }));
  }));
}

/** A table with the same numbers as a chart, for reading them exactly (and for screen readers). */
export function dataTable(caption, headings, rows, attributes = {}) {
  return el('table', attributes, el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, rows.map((row) => el('tr', {},
      el('th', { scope: 'row', text: String(row[0]) }), row.slice(1).map((cell) => el('td', { text: String(cell) }))))));
}
