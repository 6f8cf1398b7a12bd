// The catalogue's names for the codes the ledger answers with, fetched once per page load.

import { api } from './api.js';
import { localized } from './i18n.js';

const lists = {};

function list(kind) {
  lists[kind] ??= api(`/api/v1/catalogue/${kind}?size=500`).then((page) => new Map(page.items.map((i) => [i.code, i])));
  return lists[kind];
}

export const programmes = () => list('programmes');
export const units = () => list('units');
export const institutions = () => list('institutions');
export const ladders = () => list('ladders');

/** Name lookups for a page: unit, institution and programme titles in the current language. */
export async function names() {
  const [unitMap, institutionMap, programmeMap] = await Promise.all([units(), institutions(), programmes()]);
  return {
    unit: (code) => localized(unitMap.get(code)) || code,
    institution: (code) => localized(institutionMap.get(code), 'name') || code,
    programme: (code) => localized(programmeMap.get(code)) || code,
  };
}
