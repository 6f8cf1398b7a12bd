// 技能等级: where the learner stands on a grade ladder, and what the next grade still needs.

import { api } from '../api.js';
import { ladders, names } from '../catalogue.js';
import { h } from '../dom.js';
import { date, localized, number, t } from '../i18n.js';
import { asOfQuery, heading } from './common.js';

export async function render({ learnerId, asOf, query }) {
  const all = await ladders();
  const code = query.get('ladder') ?? [...all.keys()][0];
  const ladder = all.get(code);
  const [progress, named] = await Promise.all([
    api(`/api/v1/learners/${encodeURIComponent(learnerId)}/grades/${encodeURIComponent(code)}${asOfQuery(asOf)}`), names()]);
  const reached = new Set();
  for (const grade of ladder.grades) {
    reached.add(grade.name);
    if (grade.name === progress.currentGrade) break;
  }
  if (!progress.currentGrade) reached.clear();
  return h('section', {},
    heading(t('grades.title')),
    h('h2', {}, localized(ladder)),
    h('p', { class: 'note' }, t('asOf.note', { date: date(progress.asOf) })),
    h('p', { id: 'current-grade' }, t('grades.current', { grade: progress.currentGrade ?? t('grades.none') })),
    h('ol', { class: 'ladder', 'aria-label': localized(ladder) }, ladder.grades.map((grade) => {
      const state = grade.name === progress.currentGrade ? 'current' : reached.has(grade.name) ? 'reached'
        : grade.name === progress.nextGrade ? 'next' : 'ahead';
      return h('li', { class: `grade grade-${state}`, 'aria-current': state === 'current' ? 'step' : null },
        h('span', { class: 'grade-name' }, grade.name), h('span', { class: 'grade-state' }, t(`grades.state.${state}`)));
    })),
    progress.nextGrade ? h('section', { 'aria-labelledby': 'unmet-title' },
      h('h2', { id: 'unmet-title' }, t('grades.next', { grade: progress.nextGrade })),
      h('ul', { class: 'unmet', id: 'unmet' }, progress.unmet.map((u) => h('li', {}, requirement(u, named))))) : null);
}

/** CERTIFICATE_AT_LEAST:AIGC:导师级 and CREDITS_AT_LEAST:MODULE+TRAINING:6 in words, with what the learner has. */
function requirement(unmet, named) {
  const [type, subject] = unmet.requirement.split(':');
  if (type === 'CREDITS_AT_LEAST') {
    const kinds = subject.split('+').map((kind) => t(`kind.${kind}`)).join(t('list.separator'));
    const have = Number(unmet.have);
    const need = Number(unmet.need);
    return [t('grades.credits', { kinds, need: number(need), have: number(have) }),
      h('meter', { min: 0, max: need, value: Math.min(have, need), 'aria-label': t('grades.meter', { kinds }) })];
  }
  if (type === 'CERTIFICATE_AT_LEAST') {
    return t('grades.certificate', { certificate: named.unit(subject), need: unmet.need, have: unmet.have || t('grades.nothing') });
  }
  return `${unmet.requirement} (${unmet.have ?? ''} / ${unmet.need})`;
}
