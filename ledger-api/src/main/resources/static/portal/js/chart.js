// Horizontal bar charts as inline SVG (no chart library: the portal loads nothing from outside). The figure's
// caption and the numbers beside each bar carry the same information as the bars, for readers who cannot see them.

import { h, svg } from './dom.js';
import { number, t } from './i18n.js';

// drawn narrow and scaled to the box, so the text stays readable on a phone-width screen
const ROW = 30;
const WIDTH = 400;

/** Room for the longest label at the chart's 16px: a Chinese character is about 16px wide, a Latin one 9px. */
function labelWidth(rows) {
  const widths = rows.map((row) => [...row.label].reduce((sum, c) => sum + (c.charCodeAt(0) > 0x2e80 ? 16 : 9), 0));
  return Math.max(40, ...widths) + 12;
}

/** rows: [{label, value}] */
export function barChart(id, caption, rows) {
  const max = Math.max(1, ...rows.map((row) => Number(row.value)));
  const label = labelWidth(rows);
  const barSpace = WIDTH - label - 50;
  const height = Math.max(ROW, rows.length * ROW);
  const summary = rows.map((row) => `${row.label} ${number(row.value)}`).join(t('list.separator'));
  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-label': `${caption}: ${summary}`, class: 'chart',
    preserveAspectRatio: 'xMinYMin meet',
  }, rows.map((row, index) => {
    const y = index * ROW;
    const width = (Number(row.value) / max) * barSpace;
    return svg('g', {},
      svg('text', { x: label - 8, y: y + 20, 'text-anchor': 'end', class: 'chart-label' }, row.label),
      svg('rect', { x: label, y: y + 5, width: Math.max(width, 1), height: ROW - 10, rx: 3, class: `bar bar-${index % 6}` }),
      svg('text', { x: label + width + 6, y: y + 20, class: 'chart-value' }, number(row.value)));
  }));
  return h('figure', { class: 'chart-figure', id }, h('figcaption', {}, caption), chart);
}
