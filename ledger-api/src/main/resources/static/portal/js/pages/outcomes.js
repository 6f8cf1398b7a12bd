// 学习成果: the whole history, voided, corrected and revoked entries included and said to be so.

import { api } from '../api.js';
import { names } from '../catalogue.js';
import { h } from '../dom.js';
import { date, instant, number, t } from '../i18n.js';
import { asOfQuery, badge, heading, table } from './common.js';

export async function render({ learnerId, asOf }) {
  const base = `/api/v1/learners/${encodeURIComponent(learnerId)}/outcomes?size=500${asOfQuery(asOf, '&')}`;
  const [page, named] = await Promise.all([api(base), names()]);
  const originals = await originalValues(base, page.items);
  return h('section', {},
    heading(t('outcomes.title')),
    h('p', { class: 'note' }, t('outcomes.explanation')),
    table({
      id: 'outcomes', caption: t('outcomes.caption'), rows: page.items,
      rowClass: (o) => `status-${o.status.toLowerCase()}`,
      columns: [
        { label: t('column.outcome'), cell: (o) => o.outcomeId },
        { label: t('column.date'), nowrap: true, cell: (o) => date(o.date) },
        { label: t('column.unit'), cell: (o) => [named.unit(o.unitCode), h('span', { class: 'code' }, ` ${o.unitCode}`)] },
        { label: t('column.kind'), cell: (o) => t(`kind.${o.kind}`) },
        { label: t('column.issuer'), cell: (o) => named.institution(o.issuer) },
        { label: t('column.result'), cell: (o) => result(o) },
        { label: t('column.credits'), numeric: true, cell: (o) => credits(o) },
        { label: t('column.status'), cell: (o) => status(o, originals.get(o.outcomeId)) },
        { label: t('column.recordedAt'), nowrap: true, cell: (o) => instant(o.recordedAt) },
      ],
    }));
}

function result(outcome) {
  if (outcome.level) return outcome.level;
  if (outcome.score != null) return outcome.passed ? number(outcome.score) : t('outcomes.failed', { score: number(outcome.score) });
  return '—';
}

function credits(outcome) {
  // a voided or revoked outcome's credits are shown struck through: recorded, but not counting
  return ['VOIDED', 'REVOKED'].includes(outcome.status) ? h('del', {}, number(outcome.credits)) : number(outcome.credits);
}

function status(outcome, original) {
  const notes = [badge('outcomeStatus', outcome.status)];
  if (outcome.revokedOn) notes.push(h('span', { class: 'detail' }, t('outcomes.revokedOn', { date: date(outcome.revokedOn) })));
  if (original && corrected(outcome, original)) {
    notes.push(' ', h('span', { class: 'badge badge-corrected' }, t('outcomeStatus.CORRECTED')),
      h('span', { class: 'detail' }, t('outcomes.originally', { value: describe(original) })));
  }
  return notes;
}

function corrected(now, then) {
  return now.status !== 'VOIDED' && (now.score !== then.score || now.level !== then.level || now.date !== then.date);
}

function describe(outcome) {
  return [date(outcome.date), outcome.level, outcome.score != null ? number(outcome.score) : null].filter(Boolean).join(' · ');
}

/**
 * The outcome list does not say what a correction replaced; the ledger's transaction-time reads do: each outcome as
 * the bank knew it when it was first recorded (a millisecond later, as recordedAt is rounded to milliseconds).
 */
async function originalValues(base, items) {
  const instants = [...new Set(items.map((o) => o.recordedAt))];
  const lists = await Promise.all(instants.map((at) => api(`${base}&knownAt=${new Date(Date.parse(at) + 1).toISOString()}`)
    .catch(() => ({ items: [] }))));
  const originals = new Map();
  lists.forEach((list, index) => list.items
    .filter((o) => o.recordedAt === instants[index])
    .forEach((o) => originals.set(o.outcomeId, o)));
  return originals;
}
