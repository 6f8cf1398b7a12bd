// 学习账户概览: accumulated credits, and charts of their split by kind and by year.

import { api } from '../api.js';
import { barChart } from '../chart.js';
import { h } from '../dom.js';
import { date, number, t } from '../i18n.js';
import { KINDS, asOfQuery, heading } from './common.js';

/** Outcomes that count in the accumulated credits: voided never, revoked not; expired certificates still do. */
const COUNTS = new Set(['VALID', 'EXPIRED']);

export async function render({ learnerId, asOf }) {
  const base = `/api/v1/learners/${encodeURIComponent(learnerId)}`;
  const [learner, balance, outcomes] = await Promise.all([
    api(base), api(`${base}/balance${asOfQuery(asOf)}`), api(`${base}/outcomes?size=500${asOfQuery(asOf, '&')}`)]);
  const active = balance.certificates.filter((c) => c.status === 'ACTIVE').length;
  return h('section', {},
    heading(t('dashboard.title', { name: learner.displayName ?? learnerId })),
    h('p', { class: 'note' }, t('asOf.note', { date: date(balance.asOf) })),
    h('div', { class: 'cards' },
      card(t('dashboard.accumulated'), number(balance.accumulatedCredits), 'accumulated-credits', t('unit.credits')),
      card(t('dashboard.outcomes'), number(balance.outcomeCount), 'outcome-count'),
      card(t('dashboard.activeCertificates'), number(active), 'active-certificates')),
    h('div', { class: 'charts' },
      barChart('chart-by-kind', t('dashboard.byKind'),
        KINDS.map((kind) => ({ label: t(`kind.${kind}`), value: balance.byKind[kind] ?? 0 }))),
      barChart('chart-by-year', t('dashboard.byYear'), creditsByYear(outcomes.items))));
}

function card(label, value, id, unit) {
  return h('div', { class: 'card' }, h('p', { class: 'card-label', id: `${id}-label` }, label),
    h('p', { class: 'card-value' }, h('span', { id, 'aria-describedby': `${id}-label` }, value),
      unit ? h('span', { class: 'card-unit' }, ` ${unit}`) : null));
}

/** The API gives the split by kind only; by year is summed here from the outcome list, by the outcome's date. */
function creditsByYear(outcomes) {
  const years = new Map();
  for (const outcome of outcomes.filter((o) => COUNTS.has(o.status))) {
    const year = outcome.date.slice(0, 4);
    years.set(year, (years.get(year) ?? 0) + Number(outcome.credits));
  }
  return [...years.entries()].sort(([a], [b]) => a.localeCompare(b))
    .map(([year, credits]) => ({ label: year, value: Math.round(credits * 100) / 100 }));
}
