// Pieces every page uses: headings, status badges, accessible tables, links that keep the chosen date.

import { h } from '../dom.js';
import { t } from '../i18n.js';

export const KINDS = ['COURSE', 'MODULE', 'TRAINING', 'EXAM', 'CERTIFICATE'];

export function heading(text) {
  return h('h1', { id: 'page-title', tabindex: '-1' }, text);
}

/** A status as a word with a colour that never carries the meaning alone. */
export function badge(group, value) {
  return h('span', { class: `badge badge-${String(value).toLowerCase()}` }, t(`${group}.${value}`));
}

/** A table whose first column heads its row; wrapped so that it scrolls sideways on a narrow screen. */
export function table({ id, caption, columns, rows, rowClass }) {
  const captionId = `${id}-caption`;
  const body = rows.length
    ? rows.map((row) => h('tr', { class: rowClass?.(row) }, columns.map((column, index) => (index === 0
      ? h('th', { scope: 'row', class: cellClass(column) }, column.cell(row))
      : h('td', { class: cellClass(column) }, column.cell(row))))))
    : [h('tr', {}, h('td', { colspan: columns.length }, t('table.empty')))];
  return h('div', { class: 'table-wrap', role: 'region', 'aria-labelledby': captionId, tabindex: '0' },
    h('table', { id },
      h('caption', { id: captionId }, caption),
      h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col', class: column.numeric ? 'num' : null }, column.label)))),
      h('tbody', {}, body)));
}

function cellClass(column) {
  return [column.numeric ? 'num' : null, column.nowrap ? 'nowrap' : null].filter(Boolean).join(' ') || null;
}

/** A query string with the page's asOf date, when one was chosen. */
export function asOfQuery(asOf, first = '?') {
  return asOf ? `${first}asOf=${asOf}` : '';
}

export function learnerPath(learnerId, section = '') {
  return `/portal/learners/${encodeURIComponent(learnerId)}${section ? `/${section}` : ''}`;
}

export function summary(items) {
  return h('dl', { class: 'summary' }, items.map(([label, value, id]) => h('div', {},
    h('dt', {}, label), h('dd', { id }, value))));
}
