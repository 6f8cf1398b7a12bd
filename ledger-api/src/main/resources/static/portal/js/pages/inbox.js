// 审核收件箱: the transfer applications to the registrar's institution's programmes; AFFECTED ones stand out.

import { api } from '../api.js';
import { names } from '../catalogue.js';
import { h } from '../dom.js';
import { instant, number, t } from '../i18n.js';
import { badge, heading, learnerPath, table } from './common.js';

const STATUSES = ['PENDING', 'AFFECTED', 'APPROVED', 'REJECTED'];

export async function render({ user, query, navigate }) {
  const status = STATUSES.includes(query.get('status')) ? query.get('status') : '';
  const institution = encodeURIComponent(user.institution);
  const [page, named] = await Promise.all([
    api(`/api/v1/institutions/${institution}/transfers?size=500${status ? `&status=${status}` : ''}`), names()]);
  const affected = page.items.filter((a) => a.status === 'AFFECTED').length;
  return h('section', {},
    heading(t('inbox.title', { institution: named.institution(user.institution) })),
    affected ? h('p', { class: 'message warning', role: 'status' }, t('inbox.affectedNotice', { count: affected })) : null,
    h('form', { class: 'inline-form', onsubmit: (event) => {
      event.preventDefault();
      const chosen = event.target.status.value;
      navigate(`/portal/inbox${chosen ? `?status=${chosen}` : ''}`);
    } },
    h('label', { for: 'status' }, t('inbox.filter')),
    h('select', { id: 'status', name: 'status' },
      h('option', { value: '' }, t('inbox.all')),
      STATUSES.map((s) => h('option', { value: s, selected: s === status }, t(`transferStatus.${s}`)))),
    h('button', { type: 'submit' }, t('action.show'))),
    table({
      id: 'inbox', caption: t('inbox.caption'), rows: page.items,
      rowClass: (a) => `status-${a.status.toLowerCase()}`,
      columns: [
        { label: t('column.application'), cell: (a) => h('a', { href: `/portal/transfers/${a.transferId}`, class: 'review-link' }, t('inbox.review', { id: a.transferId.slice(0, 8) })) },
        { label: t('column.learner'), cell: (a) => h('a', { href: learnerPath(a.learnerId, 'progress') + `?programme=${a.programmeCode}` }, a.learnerId) },
        { label: t('column.programme'), cell: (a) => named.programme(a.programmeCode) },
        { label: t('column.appliedAt'), nowrap: true, cell: (a) => instant(a.appliedAt) },
        { label: t('column.proposed'), numeric: true, cell: (a) => number(a.transferredCredits) },
        { label: t('column.status'), cell: (a) => badge('transferStatus', a.status) },
      ],
    }));
}
