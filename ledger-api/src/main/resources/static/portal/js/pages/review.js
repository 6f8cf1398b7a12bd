// One transfer application: the evaluation it was made on, and for the programme's registrar the decision —
// approve all or some proposed courses, or reject with a reason.

import { api, problemText } from '../api.js';
import { names, programmes } from '../catalogue.js';
import { announce, h } from '../dom.js';
import { date, instant, number, t } from '../i18n.js';
import { badge, heading, learnerPath, summary, table } from './common.js';

export async function render({ params, user, refresh }) {
  const id = params[0];
  const application = await api(`/api/v1/transfers/${encodeURIComponent(id)}`);
  const [named, all, outcomes] = await Promise.all([names(), programmes(),
    // the names of the source outcomes; whoever may see the application may see the applicant's outcomes
    api(`/api/v1/learners/${encodeURIComponent(application.learnerId)}/outcomes?size=500`).catch(() => ({ items: [] }))]);
  const units = new Map(outcomes.items.map((o) => [o.outcomeId, o.unitCode]));
  const outcome = (outcomeId) => (units.has(outcomeId) ? `${named.unit(units.get(outcomeId))} (${outcomeId})` : outcomeId);
  const titles = new Map((all.get(application.programmeCode)?.courses ?? []).map((c) => [c.code, c.title]));
  const deciding = user.roles.includes('INSTITUTION') && user.institution === application.institution
    && application.status === 'PENDING';
  const feedback = h('div', { id: 'decision-feedback' });

  async function decide(path, body, done) {
    feedback.replaceChildren();
    try {
      await api(`/api/v1/transfers/${encodeURIComponent(id)}/${path}`, { method: 'POST', body });
      announce(done);
      await refresh({ notice: done });
    } catch (error) {
      feedback.replaceChildren(h('p', { class: 'message error', role: 'alert', id: 'error-message' }, problemText(error)));
    }
  }

  function approve(event) {
    event.preventDefault();
    const chosen = [...event.target.querySelectorAll('input[name=course]:checked')].map((box) => box.value);
    if (!chosen.length) {
      feedback.replaceChildren(h('p', { class: 'message error', role: 'alert' }, t('review.chooseCourse')));
      return;
    }
    // all proposed courses: no list, as API.md says; some: exactly those
    const body = chosen.length === application.courses.length ? {} : { courseCodes: chosen };
    decide('approve', body, t('review.approved'));
  }

  function reject(event) {
    event.preventDefault();
    decide('reject', { reason: event.target.reason.value.trim() }, t('review.rejected'));
  }

  const courses = table({
    id: 'proposed', caption: t('review.courses'), rows: application.courses,
    columns: [
      { label: t('column.course'), cell: (c) => (deciding
        ? h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'course', value: c.courseCode, checked: true }),
          ` ${titles.get(c.courseCode) ?? ''} ${c.courseCode}`)
        : [titles.get(c.courseCode) ?? '', h('span', { class: 'code' }, ` ${c.courseCode}`)]) },
      { label: t('column.credits'), numeric: true, cell: (c) => number(c.credits) },
      { label: t('column.source'), cell: (c) => t('progress.byRule', { outcome: outcome(c.outcomeId), rule: c.ruleId, version: c.ruleVersion }) },
      { label: t('column.decision'), cell: (c) => (c.approved ? badge('courseDecision', 'APPROVED')
        : application.status === 'PENDING' ? '—' : badge('courseDecision', 'NOT_APPROVED')) },
    ],
  });

  return h('section', {},
    heading(t('review.title', { programme: named.programme(application.programmeCode) })),
    application.status === 'AFFECTED' ? h('div', { class: 'message warning', role: 'status', id: 'affected' },
      h('p', {}, t('review.affected')),
      h('ul', {}, application.affectedBy.map((w) => h('li', {}, t(`review.withdrawn.${w.cause}`, { outcome: outcome(w.outcomeId), at: instant(w.at) }))))) : null,
    summary([
      [t('column.status'), badge('transferStatus', application.status), 'transfer-status'],
      [t('column.learner'), h('a', { href: `${learnerPath(application.learnerId, 'progress')}?programme=${application.programmeCode}` }, application.learnerId)],
      [t('column.appliedAt'), instant(application.appliedAt)],
      [t('review.evaluatedOn'), date(application.asOf)],
      [t('progress.earned'), number(application.earnedCredits)],
      [t('column.proposed'), number(application.transferredCredits), 'proposed-credits'],
      [t('progress.cap'), number(application.cap)],
      application.decidedAt ? [t('review.decidedAt'), instant(application.decidedAt)] : null,
      application.reason ? [t('review.reason'), application.reason, 'rejection-reason'] : null,
    ].filter(Boolean)),
    deciding ? h('form', { id: 'approve-form', onsubmit: approve, 'aria-labelledby': 'approve-title' },
      h('h2', { id: 'approve-title' }, t('review.approveTitle')), courses,
      h('button', { type: 'submit', id: 'approve' }, t('review.approve'))) : courses,
    deciding ? h('form', { id: 'reject-form', class: 'card', onsubmit: reject, 'aria-labelledby': 'reject-title' },
      h('h2', { id: 'reject-title' }, t('review.rejectTitle')),
      h('label', { for: 'reason' }, t('review.reason')),
      h('textarea', { id: 'reason', name: 'reason', rows: 3 }),
      h('button', { type: 'submit', id: 'reject', class: 'danger' }, t('review.reject'))) : null,
    feedback);
}
