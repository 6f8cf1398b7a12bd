// 学分转换申请: apply for a transfer into a programme, and follow every application's status.

import { announce, h } from '../dom.js';
import { api, problemText } from '../api.js';
import { names, programmes } from '../catalogue.js';
import { instant, localized, number, t } from '../i18n.js';
import { badge, heading, table } from './common.js';

export async function render({ learnerId, query, user, refresh }) {
  const own = user.learnerId === learnerId;
  const [all, named, mine] = await Promise.all([programmes(), names(),
    own ? api('/api/v1/me/transfers?size=500') : Promise.resolve({ items: [] })]);
  const open = [...all.values()].filter((p) => Number(p.transferPolicy?.maxShare) > 0);
  const selected = query.get('programme') ?? open[0]?.code;
  const feedback = h('div', { id: 'apply-feedback' });

  async function apply(event) {
    event.preventDefault();
    const button = event.submitter ?? event.target.querySelector('button');
    button.disabled = true;
    try {
      await api(`/api/v1/learners/${encodeURIComponent(learnerId)}/transfers`,
        { method: 'POST', body: { programmeCode: event.target.programme.value } });
      announce(t('transfers.applied'));
      await refresh({ notice: t('transfers.applied') });
    } catch (error) {
      feedback.replaceChildren(h('p', { class: 'message error', role: 'alert' }, problemText(error)));
      button.disabled = false;
    }
  }

  return h('section', {},
    heading(t('transfers.title')),
    own ? h('form', { class: 'card apply', onsubmit: apply, 'aria-labelledby': 'apply-title' },
      h('h2', { id: 'apply-title' }, t('transfers.apply')),
      h('p', { class: 'note' }, t('transfers.applyExplanation')),
      h('label', { for: 'programme' }, t('column.programme')),
      h('select', { id: 'programme', name: 'programme', required: true }, open.map((p) =>
        h('option', { value: p.code, selected: p.code === selected }, `${localized(p)} (${p.code})`))),
      h('button', { type: 'submit', id: 'apply' }, t('transfers.submit')),
      feedback) : h('p', { class: 'note' }, t('transfers.onlyLearner')),
    table({
      id: 'applications', caption: t('transfers.caption'), rows: mine.items,
      rowClass: (a) => `status-${a.status.toLowerCase()}`,
      columns: [
        { label: t('column.programme'), cell: (a) => h('a', { href: `/portal/transfers/${a.transferId}` }, named.programme(a.programmeCode)) },
        { label: t('column.appliedAt'), nowrap: true, cell: (a) => instant(a.appliedAt) },
        { label: t('column.status'), cell: (a) => badge('transferStatus', a.status) },
        { label: t('column.proposed'), numeric: true, cell: (a) => number(a.transferredCredits) },
        { label: t('column.approvedCourses'), cell: (a) => approvedSummary(a) },
        { label: t('review.reason'), cell: (a) => a.reason ?? '' },
      ],
    }));
}

function approvedSummary(application) {
  const approved = application.courses.filter((c) => c.approved);
  if (application.status === 'PENDING' || application.status === 'REJECTED') return '—';
  return t('transfers.approvedOf', { approved: approved.length, proposed: application.courses.length });
}
