// A Form.io form or wizard (its JSON schema) → a draft form definition, with a report of what
// needs a human. A wizard's root panels become pages; a flat form gets one question a page.
// Simple conditionals (`{show, when, eq}`, or one `isEqual` condition) on a choice become
// routing; JavaScript (customConditional, calculateValue, validate.custom, logic) and JSONLogic
// are reported and never carried over.
import { Report, draftDefinition, humanise, idMaker, options, text, toId, toSlug } from './common.mjs';

const LAYOUT = new Set(['panel', 'fieldset', 'well', 'container', 'columns', 'table', 'tabs']);
const DROPPED = { hidden: 'a hidden field', password: 'a password field', button: 'a button', signature: 'a signature' };
const MIME = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', heic: 'image/heic', txt: 'text/plain', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
const SIZE_UNITS = { b: 1, kb: 1024, mb: 1024 * 1024, gb: 1024 * 1024 * 1024 };

/** Child components of a layout component, in order (columns and tabs hold theirs one level down). */
function children(c) {
  if (Array.isArray(c.columns)) return c.columns.flatMap((col) => col.components ?? []);
  if (Array.isArray(c.rows)) return c.rows.flat().flatMap((cell) => cell.components ?? []);
  if (c.type === 'tabs' && Array.isArray(c.components)) return c.components.flatMap((tab) => tab.components ?? []);
  return c.components ?? [];
}

function acceptOf(pattern, where, report) {
  const types = new Set();
  for (const raw of String(pattern ?? '').split(',')) {
    const p = raw.trim().toLowerCase();
    if (!p || p === '*') continue;
    const known = Object.values(MIME);
    if (p === 'image/*') ['image/jpeg', 'image/png', 'image/heic'].forEach((t) => types.add(t));
    else if (known.includes(p)) types.add(p);
    else if (MIME[p.replace(/^\./, '')]) types.add(MIME[p.replace(/^\./, '')]);
    else report.add(where, `file type "${p}" is not one a form can take: left out`);
  }
  if (types.size === 0) {
    report.add(where, 'no file types given: the draft accepts PDF, JPEG and PNG');
    return ['application/pdf', 'image/jpeg', 'image/png'];
  }
  return [...types];
}

function bytesOf(size) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(String(size ?? ''));
  return m ? Math.min(Math.round(Number(m[1]) * SIZE_UNITS[(m[2] ?? 'b').toLowerCase()]), 26214400) : 10 * 1024 * 1024;
}

const num = (v) => (v === '' || v === null || v === undefined || Number.isNaN(Number(v)) ? undefined : Number(v));

/**
 * @param {object} form a Form.io form JSON (`{ title, name, display, components }`)
 * @param {{ slug?: string, language?: string }} [opts]
 * @returns {{ definition: object, report: Report }}
 */
export function importFormio(form, opts = {}) {
  if (!form || typeof form !== 'object' || !Array.isArray(form.components)) throw new Error('not a Form.io form: it needs a "components" list');
  const language = opts.language ?? 'en';
  const report = new Report();
  const title = String(form.title || humanise(form.name || form.path || '') || 'Imported form');
  const nextQuestion = idMaker();
  const nextPage = idMaker();
  /** Form.io key → { id, valueMap, type } of the question it became. */
  const keys = new Map();
  /** Draft pages, each with the Form.io condition under which it shows. */
  const pages = [];

  function reportCode(c, where) {
    if (c.customConditional && String(c.customConditional).trim()) report.add(where, 'a JavaScript condition (customConditional): not carried over, the question always shows; write the routing by hand');
    if (c.conditional?.json && Object.keys(c.conditional.json).length) report.add(where, 'a JSONLogic condition: not carried over; write the routing by hand');
    if (c.calculateValue && String(c.calculateValue).trim()) report.add(where, 'a calculated value (JavaScript): not carried over');
    if (c.customDefaultValue && String(c.customDefaultValue).trim()) report.add(where, 'a JavaScript default value: not carried over');
    if (c.validate?.custom && String(c.validate.custom).trim()) report.add(where, 'a JavaScript validation (validate.custom): not carried over');
    if (Array.isArray(c.logic) && c.logic.length) report.add(where, 'advanced logic (actions run by triggers): not carried over');
    if (c.validate?.pattern) report.add(where, `a pattern (${c.validate.pattern}): not carried over; the question's type checks its format`);
  }

  /** The simple condition of a component, as `{ key, eq, show }`, or undefined. */
  function simpleCondition(c, where) {
    const cond = c.conditional;
    if (!cond || typeof cond !== 'object') return undefined;
    if (cond.when && cond.eq !== undefined && cond.eq !== '' && cond.show !== '' && cond.show !== null && cond.show !== undefined)
      return { key: String(cond.when), eq: String(cond.eq), show: cond.show === true || cond.show === 'true' };
    if (Array.isArray(cond.conditions) && cond.conditions.length > 0) {
      const [first] = cond.conditions;
      if (cond.conditions.length === 1 && first.operator === 'isEqual' && first.component) return { key: String(first.component).split('.').pop(), eq: String(first.value), show: cond.show !== false && cond.show !== 'false' };
      report.add(where, 'a condition with several parts or another operator: not carried over; write the routing by hand');
    }
    return undefined;
  }

  function question(c, where) {
    const label = String(c.label || humanise(c.key) || c.key);
    const hint = c.description || c.tooltip;
    const base = {
      id: nextQuestion(toId(c.key || label)),
      label: text(language, label),
      ...(hint ? { hint: text(language, String(hint).replace(/<[^>]*>/g, '')) } : {}),
      ...(c.validate?.required ? { required: true } : {}),
    };
    const v = c.validate ?? {};
    let q;
    let valueMap;
    const choice = (items, extra) => {
      const opt = options(items.map((i) => ({ value: i.value, label: i.label })), language);
      valueMap = opt.map;
      return { ...base, type: 'selection', options: opt.list, ...extra };
    };
    switch (c.type) {
      case 'textfield':
      case 'url':
      case 'time':
        q = { ...base, type: 'text', ...(num(v.minLength) ? { min_length: num(v.minLength) } : {}), ...(num(v.maxLength) ? { max_length: num(v.maxLength) } : {}) };
        if (c.type !== 'textfield') report.add(where, `a ${c.type} field, drafted as short text`);
        break;
      case 'textarea':
        q = { ...base, type: 'textarea', ...(num(v.minLength) ? { min_length: num(v.minLength) } : {}), ...(num(v.maxLength) ? { max_length: num(v.maxLength) } : {}) };
        break;
      case 'number':
      case 'currency':
        q = {
          ...base,
          type: 'number',
          ...(num(v.min) !== undefined ? { min: num(v.min) } : {}),
          ...(num(v.max) !== undefined ? { max: num(v.max) } : {}),
          ...(c.type === 'currency' ? { decimals: 2 } : num(c.decimalLimit) !== undefined ? { decimals: Math.min(num(c.decimalLimit), 6) } : {}),
        };
        break;
      case 'email':
        q = { ...base, type: 'email' };
        break;
      case 'phoneNumber':
        q = { ...base, type: 'phone' };
        break;
      case 'datetime':
      case 'day':
        q = { ...base, type: 'date' };
        if (c.type === 'datetime' && c.enableTime !== false) report.add(where, 'a date and time: the draft asks for the date only');
        break;
      case 'address':
        q = { ...base, type: 'address' };
        break;
      case 'checkbox':
        q = { ...base, type: 'yes_no' };
        valueMap = new Map([
          ['true', 'yes'],
          ['false', 'no'],
        ]);
        break;
      case 'radio':
        q = choice(c.values ?? [], { display: 'radios' });
        break;
      case 'selectboxes':
        q = choice(c.values ?? [], { multiple: true, display: 'checkboxes' });
        break;
      case 'select': {
        const items = c.data?.values ?? [];
        if (c.dataSrc && c.dataSrc !== 'values') report.add(where, `a select whose choices come from "${c.dataSrc}": copy its choices into the draft`);
        if (items.length === 0) return undefined;
        q = choice(items, c.multiple ? { multiple: true, display: 'checkboxes' } : { display: items.length > 6 ? 'select' : 'radios' });
        break;
      }
      case 'file':
        q = { ...base, type: 'file', accept: acceptOf(c.filePattern, where, report), max_bytes: bytesOf(c.fileMaxSize), ...(c.multiple ? { max_files: 5 } : {}) };
        if (c.storage && c.storage !== 'base64') report.add(where, `files were stored in "${c.storage}": this backend stores them itself`);
        break;
      default:
        return undefined;
    }
    if (q.type === 'selection' && q.options.length === 0) return undefined;
    keys.set(c.key, { id: q.id, valueMap, type: q.type });
    return q;
  }

  /** Walks components in order, adding questions to `page` and pages for conditional and repeated parts. */
  function walk(components, page, trail) {
    for (const c of components) {
      if (!c || typeof c !== 'object') continue;
      const where = `${trail}${c.key ? `"${c.key}"` : c.type}`;
      reportCode(c, where);
      if (LAYOUT.has(c.type)) {
        const cond = simpleCondition(c, where);
        if (cond) {
          const sub = newPage(c.title || c.legend || c.label, cond, c.key);
          walk(children(c), sub, `${where} › `);
          page = newPage(undefined, undefined, `${c.key || 'part'}_after`, true);
        } else page = walk(children(c), page, `${where} › `);
        continue;
      }
      if (c.type === 'datagrid' || c.type === 'editgrid') {
        const sub = newPage(c.label, simpleCondition(c, where), c.key);
        sub.repeatable = { max: Math.min(num(c.validate?.maxLength) ?? 10, 50), item: text(language, humanise(c.key) || 'Entry'), add_another: text(language, `Do you need to add another ${String(humanise(c.key) || 'entry').toLowerCase()}?`) };
        if (num(c.validate?.minLength)) sub.repeatable.min = num(c.validate.minLength);
        walk(children(c), sub, `${where} › `);
        report.add(where, 'a repeating grid, drafted as an "add another" page: check its item name and question');
        page = newPage(undefined, undefined, `${c.key || 'grid'}_after`, true);
        continue;
      }
      if (c.type === 'htmlelement' || c.type === 'content') {
        const words = String(c.html ?? c.content ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
        if (words) {
          page.guidance = text(language, page.guidance ? `${page.guidance[language]}\n\n${words}` : words);
          report.add(where, 'HTML content, kept as plain guidance text: restore its emphasis and links in Markdown');
        }
        continue;
      }
      if (DROPPED[c.type]) {
        if (c.type !== 'button' || (c.action && c.action !== 'submit')) report.add(where, `${DROPPED[c.type]}: left out${c.type === 'signature' ? '; the draft adds a declaration instead' : ''}`);
        if (c.type === 'signature') signature = true;
        continue;
      }
      const cond = simpleCondition(c, where);
      const q = question(c, where);
      if (!q) {
        report.add(where, `a "${c.type}" component: no question type matches it, left out`);
        continue;
      }
      if (cond) {
        // A question shown on a condition gets its own page, reached by routing.
        const sub = newPage(undefined, cond, c.key);
        sub.questions.push(q);
        page = newPage(undefined, undefined, `${c.key}_after`, true);
      } else if (flat && page.questions.length > 0 && !page.repeatable) {
        // One question a page, except a grid's columns: an entry is answered on one page.
        page = newPage(undefined, undefined, c.key);
        page.questions.push(q);
      } else page.questions.push(q);
    }
    return page;
  }

  function newPage(heading, condition, key, generated = false) {
    const page = { id: nextPage(toId(key || 'page', 'page')), ...(heading ? { heading: text(language, String(heading)) } : {}), questions: [], condition, generated };
    pages.push(page);
    return page;
  }

  let signature = false;
  const wizard = form.display === 'wizard';
  const flat = !wizard;
  if (wizard) {
    for (const c of form.components) {
      if (c?.type === 'panel') {
        reportCode(c, `panel "${c.key}"`);
        const page = newPage(c.title || c.label, simpleCondition(c, `panel "${c.key}"`), c.key);
        walk(children(c), page, `panel "${c.key}" › `);
      } else walk([c], pages.at(-1) ?? newPage(undefined, undefined, 'start', true), '');
    }
  } else walk(form.components, newPage(undefined, undefined, 'start', true), '');

  // Pages without questions (a layout that held only conditional parts) go; their guidance moves on.
  const kept = [];
  for (const p of pages) {
    if (p.questions.length > 0) kept.push(p);
    else if (p.guidance && kept.length) kept.at(-1).guidance ??= p.guidance;
  }
  if (kept.length === 0) throw new Error('no component of this form can become a question');
  // A page the importer had to open (after a conditional part) takes its first question's id.
  const pageIds = new Set(kept.map((p) => p.id));
  for (const p of kept) {
    if (!p.generated || p.questions.length === 0 || pageIds.has(p.questions[0].id)) continue;
    pageIds.delete(p.id);
    p.id = p.questions[0].id;
    pageIds.add(p.id);
  }
  for (const p of kept) delete p.generated;

  // Conditions → routing: from each page, a route to each conditional page that follows it, until
  // the next page that always shows, which is where the page goes otherwise.
  const questionPage = new Map(kept.flatMap((p) => p.questions.map((q) => [q.id, p.id])));
  const resolved = kept.map((p) => {
    const c = p.condition;
    if (!c) return undefined;
    const target = keys.get(c.key);
    const where = `page "${p.id}"`;
    if (!target || (target.type !== 'selection' && target.type !== 'yes_no')) {
      report.add(where, `shown when "${c.key}" is "${c.eq}", but that is not a choice question before it: the page always shows; write the routing by hand`);
      return undefined;
    }
    const value = target.valueMap?.get(c.eq) ?? target.valueMap?.get(String(c.eq).toLowerCase());
    if (!value) {
      report.add(where, `shown when "${c.key}" is "${c.eq}", which is not one of its choices: the page always shows`);
      return undefined;
    }
    if (!c.show) report.add(where, `hidden when "${c.key}" is "${c.eq}": drafted as shown for its other answers; check what an unanswered "${c.key}" should do`);
    return { question: target.id, value, show: c.show, page: questionPage.get(target.id) };
  });
  const allValues = (id) => {
    for (const p of kept) for (const q of p.questions) if (q.id === id) return q.type === 'yes_no' ? ['yes', 'no'] : q.options.map((o) => o.value);
    return [];
  };
  kept.forEach((page, i) => {
    const routes = [];
    let j = i + 1;
    for (; j < kept.length && resolved[j]; j++) {
      const r = resolved[j];
      const before = kept.findIndex((p) => p.id === r.page);
      if (before < 0 || before > i) break;
      const anyOf = r.show ? [r.value] : allValues(r.question).filter((v) => v !== r.value);
      // The first route that holds wins: a later one with the same condition would never be taken.
      if (!routes.some((x) => x.when.question === r.question && x.when.any_of.join() === anyOf.join())) routes.push({ when: { question: r.question, any_of: anyOf }, goto: kept[j].id });
    }
    if (routes.length) {
      page.routes = routes;
      page.next = kept[j]?.id ?? 'check-answers';
    }
    // A conditional page goes on to the next page that always shows, past its conditional siblings.
    if (resolved[i] && !page.next) {
      let k = i + 1;
      while (k < kept.length && resolved[k] && resolved[k].question === resolved[i].question) k++;
      if (k !== i + 1) page.next = kept[k]?.id ?? 'check-answers';
    }
  });
  for (const p of kept) delete p.condition;

  const definition = draftDefinition({
    slug: opts.slug ?? toSlug(form.name || form.path || title),
    title,
    language,
    pages: kept,
    declaration: signature ? 'By submitting this form I confirm that the information I have given is true and complete.' : undefined,
    report,
  });
  return { definition, report };
}
