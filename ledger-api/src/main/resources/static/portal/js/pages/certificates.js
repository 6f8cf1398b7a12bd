// 证书: every certificate with its level, validity and status on the chosen date.

import { api } from '../api.js';
import { names } from '../catalogue.js';
import { h } from '../dom.js';
import { date, t } from '../i18n.js';
import { asOfQuery, badge, heading, table } from './common.js';

export async function render({ learnerId, asOf }) {
  const [balance, named] = await Promise.all([
    api(`/api/v1/learners/${encodeURIComponent(learnerId)}/balance${asOfQuery(asOf)}`), names()]);
  return h('section', {},
    heading(t('certificates.title')),
    h('p', { class: 'note' }, t('asOf.note', { date: date(balance.asOf) })),
    table({
      id: 'certificates', caption: t('certificates.caption'), rows: balance.certificates,
      rowClass: (c) => `status-${c.status.toLowerCase()}`,
      columns: [
        { label: t('column.certificate'), cell: (c) => named.unit(c.unitCode) },
        { label: t('column.level'), cell: (c) => c.level },
        { label: t('column.awardedOn'), nowrap: true, cell: (c) => date(c.awardedOn) },
        { label: t('column.validUntil'), nowrap: true, cell: (c) => date(c.validUntil) },
        { label: t('column.status'), cell: (c) => badge('certificateStatus', c.status) },
        { label: t('column.outcome'), cell: (c) => c.outcomeId },
      ],
    }));
}
