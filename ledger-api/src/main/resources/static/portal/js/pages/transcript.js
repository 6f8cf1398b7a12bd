// 成绩单: a printable statement of the account on a date; the print stylesheet leaves only this.

import { api } from '../api.js';
import { names } from '../catalogue.js';
import { h } from '../dom.js';
import { date, instant, number, t } from '../i18n.js';
import { KINDS, asOfQuery, heading, summary, table } from './common.js';

export async function render({ learnerId, asOf }) {
  const base = `/api/v1/learners/${encodeURIComponent(learnerId)}`;
  const [learner, balance, outcomes, named] = await Promise.all([api(base), api(`${base}/balance${asOfQuery(asOf)}`),
    api(`${base}/outcomes?size=500${asOfQuery(asOf, '&')}`), names()]);
  // a voided outcome never happened; revoked and expired ones are listed with their status
  const listed = outcomes.items.filter((o) => o.status !== 'VOIDED');
  return h('article', { class: 'transcript' },
    h('p', { class: 'no-print' }, h('button', { type: 'button', id: 'print', onclick: () => window.print() }, t('transcript.print'))),
    h('p', { class: 'transcript-bank' }, t('app.bank')),
    heading(t('transcript.title')),
    summary([
      [t('transcript.learner'), learner.displayName ?? learnerId, 'transcript-learner'],
      [t('transcript.account'), learnerId],
      [t('transcript.asOf'), date(balance.asOf)],
      [t('transcript.knownAt'), instant(balance.knownAt)],
      [t('dashboard.accumulated'), number(balance.accumulatedCredits), 'transcript-total'],
    ]),
    table({
      id: 'transcript-outcomes', caption: t('transcript.outcomes'), rows: listed,
      columns: [
        { label: t('column.date'), nowrap: true, cell: (o) => date(o.date) },
        { label: t('column.unit'), cell: (o) => named.unit(o.unitCode) },
        { label: t('column.kind'), cell: (o) => t(`kind.${o.kind}`) },
        { label: t('column.issuer'), cell: (o) => named.institution(o.issuer) },
        { label: t('column.result'), cell: (o) => o.level ?? (o.score != null ? number(o.score) : '—') },
        { label: t('column.credits'), numeric: true, cell: (o) => (o.status === 'REVOKED' ? '—' : number(o.credits)) },
        { label: t('column.status'), cell: (o) => t(`outcomeStatus.${o.status}`) },
      ],
    }),
    table({
      id: 'transcript-kinds', caption: t('dashboard.byKind'), rows: KINDS,
      columns: [
        { label: t('column.kind'), cell: (kind) => t(`kind.${kind}`) },
        { label: t('column.credits'), numeric: true, cell: (kind) => number(balance.byKind[kind] ?? 0) },
      ],
    }),
    h('p', { class: 'note' }, t('transcript.footer')));
}
