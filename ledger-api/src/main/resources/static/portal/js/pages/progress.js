// 专业进度: the transfer evaluation of DOMAIN.md §5 — every course and what satisfies it, every outcome that did
// not count and why, in plain words.

import { api } from '../api.js';
import { names, programmes } from '../catalogue.js';
import { h } from '../dom.js';
import { date, localized, number, t } from '../i18n.js';
import { asOfQuery, badge, heading, learnerPath, summary, table } from './common.js';

export async function render({ learnerId, asOf, query, user, navigate }) {
  const all = await programmes();
  const code = query.get('programme') ?? defaultProgramme(all);
  const base = `/api/v1/learners/${encodeURIComponent(learnerId)}`;
  const [evaluation, named, approved, outcomes] = await Promise.all([
    api(`${base}/evaluations/${encodeURIComponent(code)}${asOfQuery(asOf)}`),
    names(), approvedCourses(user, learnerId, code), api(`${base}/outcomes?size=500${asOfQuery(asOf, '&')}`)]);
  const units = new Map(outcomes.items.map((o) => [o.outcomeId, o.unitCode]));
  const outcome = (id) => `${named.unit(units.get(id))} (${id})`;
  const byOutcome = (a, b) => a.outcomeId.localeCompare(b.outcomeId, undefined, { numeric: true });
  const programme = all.get(code);
  return h('section', {},
    heading(t('progress.title')),
    programmeChooser(all, code, (chosen) => navigate(`${learnerPath(learnerId, 'progress')}?programme=${chosen}${asOfQuery(asOf, '&')}`)),
    h('section', { id: 'evaluation', 'aria-labelledby': 'evaluation-title' },
      h('h2', { id: 'evaluation-title' }, `${localized(programme)} (${code})`),
      h('p', { class: 'note' }, t('asOf.note', { date: date(evaluation.asOf) })),
      summary([
        [t('progress.required'), number(evaluation.requiredCredits), 'required-credits'],
        [t('progress.earned'), number(evaluation.earnedCredits), 'earned-credits'],
        [t('progress.transferred'), number(evaluation.transferredCredits), 'transferred-credits'],
        [t('progress.remaining'), number(evaluation.remainingCredits), 'remaining-credits'],
        [t('progress.cap'), number(evaluation.cap), 'transfer-cap'],
      ]),
      h('p', { class: evaluation.eligibleForAward ? 'message success' : 'message', id: 'eligibility' },
        t(evaluation.eligibleForAward ? 'progress.eligible' : 'progress.notEligible')),
      table({
        id: 'courses', caption: t('progress.courses'), rows: evaluation.courses,
        rowClass: (c) => `status-${c.status.toLowerCase()}`,
        columns: [
          { label: t('column.course'), cell: (c) => [c.title, h('span', { class: 'code' }, ` ${c.courseCode}`)] },
          { label: t('column.credits'), numeric: true, cell: (c) => number(c.credits) },
          { label: t('column.compulsory'), cell: (c) => t(c.compulsory ? 'progress.compulsory' : 'progress.elective') },
          { label: t('column.status'), cell: (c) => [badge('courseStatus', c.status),
            approved.has(c.courseCode) ? [' ', h('span', { class: 'badge badge-approved' }, t('progress.approved'))] : null] },
          { label: t('column.source'), cell: (c) => source(c) },
        ],
      }),
      table({
        id: 'excluded', caption: t('progress.excluded'), rows: [...evaluation.excluded].sort(byOutcome),
        columns: [
          { label: t('column.unit'), cell: (e) => outcome(e.outcomeId) },
          { label: t('column.rule'), cell: (e) => e.ruleId ?? '—' },
          { label: t('column.reason'), cell: (e) => t(`reason.${e.reason}`) },
        ],
      })),
    user.learnerId === learnerId
      ? h('p', {}, h('a', { href: `${learnerPath(learnerId, 'transfers')}?programme=${code}`, class: 'button' }, t('transfers.apply')))
      : null);

  function source(course) {
    if (!course.outcomeId) return '—';
    return course.ruleId ? t('progress.byRule', { outcome: outcome(course.outcomeId), rule: course.ruleId, version: course.ruleVersion })
      : t('progress.byOutcome', { outcome: outcome(course.outcomeId) });
  }
}

/** The first programme that takes transfers, so a learner lands on a meaningful evaluation. */
function defaultProgramme(all) {
  const list = [...all.values()];
  return (list.find((p) => Number(p.transferPolicy?.maxShare) > 0) ?? list[0])?.code;
}

function programmeChooser(all, selected, onChange) {
  return h('form', { class: 'inline-form', onsubmit: (event) => { event.preventDefault(); onChange(event.target.programme.value); } },
    h('label', { for: 'programme' }, t('column.programme')),
    h('select', { id: 'programme', name: 'programme' }, [...all.values()].map((p) =>
      h('option', { value: p.code, selected: p.code === selected }, `${localized(p)} (${p.code})`))),
    h('button', { type: 'submit' }, t('action.show')));
}

/** Courses an institution approved for this learner in this programme (only the learner can list applications). */
async function approvedCourses(user, learnerId, programme) {
  if (user.learnerId !== learnerId) return new Set();
  const mine = await api('/api/v1/me/transfers?size=500');
  return new Set(mine.items.filter((a) => a.programmeCode === programme && ['APPROVED', 'AFFECTED'].includes(a.status))
    .flatMap((a) => a.courses.filter((c) => c.approved).map((c) => c.courseCode)));
}
