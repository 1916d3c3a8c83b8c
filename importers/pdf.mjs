// A fillable PDF's AcroForm fields → a draft form definition, with a report of what needs a
// human. Text, checkbox, radio group, dropdown and list fields become questions; labels come
// from the tooltip (/TU), else the field name made readable; signatures, buttons, read-only,
// hidden, calculated and unlabelled fields are reported. A text field's Acrobat format
// (AFDate_FormatEx, AFNumber_Format, AFSpecial_Format, AFRange_Validate in its /AA actions) gives
// its answer type: the JavaScript is read as text for those calls, never run.
import { AnnotationFlags, PDFButton, PDFCheckBox, PDFDict, PDFDocument, PDFDropdown, PDFHexString, PDFName, PDFOptionList, PDFRadioGroup, PDFRawStream, PDFSignature, PDFString, PDFTextField, decodePDFRawStream } from 'pdf-lib';
import { Report, draftDefinition, humanise, idMaker, isGenericName, options, text, toId, toSlug } from './common.mjs';

const MAX_PER_PAGE = 8;

function tooltip(field) {
  const tu = field.acroField.dict.lookup(PDFName.of('TU'));
  return tu instanceof PDFString || tu instanceof PDFHexString ? tu.decodeText().replace(/\s+/g, ' ').trim() : '';
}

/** The page index and top-left position of a field's first widget, for reading order. */
function placeOf(doc, field) {
  const pages = doc.getPages();
  const widget = field.acroField.getWidgets()[0];
  if (!widget) return { page: 0, y: 0, x: 0 };
  const rect = widget.getRectangle();
  const ref = widget.P();
  let page = ref ? pages.findIndex((p) => p.ref === ref) : -1;
  if (page < 0) {
    const widgetRef = doc.context.getObjectRef(widget.dict);
    page = pages.findIndex((p) => p.node.Annots()?.asArray().some((a) => a === widgetRef));
  }
  return { page: Math.max(0, page), y: rect.y + rect.height, x: rect.x };
}

const textOf = (o) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : '');

/** A JavaScript action's source (a text string or a stream), as text. */
function scriptOf(js) {
  if (js instanceof PDFRawStream) {
    try {
      return new TextDecoder('latin1').decode(decodePDFRawStream(js).decode());
    } catch {
      return '';
    }
  }
  return textOf(js);
}

/**
 * The JavaScript of a field's additional actions (PDF 32000-1 §12.6.3: K keystroke, F format,
 * V validate, C calculate), from the field and its widgets.
 */
function actionsOf(field) {
  const out = {};
  for (const dict of [field.acroField.dict, ...field.acroField.getWidgets().map((w) => w.dict)]) {
    const aa = dict.lookup(PDFName.of('AA'));
    if (!(aa instanceof PDFDict)) continue;
    for (const key of ['K', 'F', 'V', 'C']) {
      const action = aa.lookup(PDFName.of(key));
      const src = action instanceof PDFDict && action.lookup(PDFName.of('S')) === PDFName.of('JavaScript') ? scriptOf(action.lookup(PDFName.of('JS'))).trim() : '';
      if (src && !out[key]) out[key] = src;
    }
  }
  return out;
}

const num = (s) => (s !== undefined && Number.isFinite(Number(s)) ? Number(s) : undefined);
const ACROBAT_CALLS = /\bAF(?:Date|Time|Number|Percent|Special|Range)_\w+\s*\((?:[^()"']|"[^"]*"|'[^']*')*\)\s*;?/g;

/**
 * What a text field's Acrobat format, keystroke and validate scripts say it holds:
 * `{ type?, number?, notes[] }`. Only the Acrobat form functions are understood (as text); any
 * other script is reported, never carried over.
 */
function acrobatFormat(actions) {
  const src = [actions.F, actions.K, actions.V].filter(Boolean).join('\n');
  const notes = [];
  let type;
  let number;
  let time;
  const date = /AFDate_(?:Format|Keystroke)(Ex)?\s*\(\s*(?:"([^"]*)"|'([^']*)'|(\d+))/.exec(src);
  const numeric = /AF(Number|Percent)_(?:Format|Keystroke)\s*\(\s*(\d+)\s*(?:,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(?:"([^"]*)"|'([^']*)'))?/.exec(src);
  const special = /AFSpecial_(?:Format|Keystroke)\s*\(\s*([0-3])\s*\)/.exec(src);
  const mask = /AFSpecial_KeystrokeEx\s*\(\s*(?:"([^"]*)"|'([^']*)')/.exec(src);
  if (date) {
    const pattern = date[2] ?? date[3];
    // Acrobat's d, m and y are the date; H, h, M, s and t alone are a time of day.
    if (pattern !== undefined && !/[dmy]/.test(pattern)) notes.push(`a time of day in the PDF ("${pattern}"): drafted as text`);
    else {
      type = 'date';
      notes.push(`a date in the PDF${pattern ? ` ("${pattern}")` : ''}: the online form asks for day, month and year`);
    }
  } else if ((time = /AFTime_(?:Format|Keystroke)(?:Ex)?\s*\(\s*(?:"([^"]*)"|'([^']*)')?/.exec(src))) {
    const pattern = time[1] ?? time[2];
    notes.push(`a time of day in the PDF${pattern ? ` ("${pattern}")` : ''}: drafted as text`);
  } else if (numeric) {
    type = 'number';
    // The definition allows 0–6 digits after the point.
    number = { decimals: Math.min(Number(numeric[2]), 6) };
    const currency = numeric[6] ?? numeric[7];
    if (numeric[1] === 'Percent') notes.push('a percentage in the PDF: say so in its label or hint');
    else if (currency) notes.push(`an amount of money in the PDF ("${currency}"): say so in its label or hint`);
  } else if (special) {
    const kind = Number(special[1]);
    if (kind === 2) type = 'phone';
    else if (kind === 3) notes.push('a Social Security number: ask for it only if the law requires it, and say why on the page');
    else notes.push(`a ZIP code${kind === 1 ? ' + 4' : ''} in the PDF: drafted as text; an address question asks for the whole address`);
  } else if (mask) notes.push(`typed to the pattern "${mask[1] ?? mask[2]}" in the PDF: drafted as text; say the pattern in its hint`);
  const range = /AFRange_Validate\s*\(\s*(true|false)\s*,\s*(-?[\d.]+)\s*,\s*(true|false)\s*,\s*(-?[\d.]+)/.exec(src);
  if (range && type === 'number') {
    const min = range[1] === 'true' ? num(range[2]) : undefined;
    const max = range[3] === 'true' ? num(range[4]) : undefined;
    // A range the wrong way round (a PDF mistake) is reported, not carried into a draft that would not validate.
    if (min !== undefined && max !== undefined && min > max) notes.push(`a range from ${min} to ${max} in the PDF, the wrong way round: left out`);
    else Object.assign(number, min === undefined ? {} : { min }, max === undefined ? {} : { max });
  }
  // What is left once Acrobat's own calls are taken out was written by someone: reported.
  const own = [actions.F, actions.K, actions.V].some((js) => js && js.replace(ACROBAT_CALLS, '').trim() !== '');
  if (own) notes.push('has JavaScript of its own (format, keystroke or validate): not carried over; check what it enforced');
  return { type, number, notes };
}

function guessTextType(label, name) {
  const s = `${label} ${name}`.toLowerCase();
  if (/e-?mail/.test(s)) return 'email';
  if (/phone|tel\b|telephone|cell|mobile/.test(s)) return 'phone';
  if (/\bdate\b|\bdob\b|birth/.test(s)) return 'date';
  return undefined;
}

/**
 * @param {Uint8Array} bytes the PDF
 * @param {{ fileName?: string, slug?: string, title?: string, language?: string }} [opts]
 * @returns {Promise<{ definition: object, report: Report }>}
 */
export async function importPdf(bytes, opts = {}) {
  const language = opts.language ?? 'en';
  const report = new Report();
  const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  // Encrypted (often only an owner password that forbids editing): its names and labels are
  // ciphertext to a reader without the key, so a draft would be nonsense.
  if (doc.isEncrypted)
    throw new Error('this PDF is encrypted (password protection or editing restrictions): save a copy without its security (in Acrobat: File › Properties › Security › No Security; or qpdf --decrypt form.pdf open.pdf) and import that');
  const acroForm = doc.catalog.lookup(PDFName.of('AcroForm'));
  const xfa = acroForm instanceof PDFDict && acroForm.has(PDFName.of('XFA'));
  // Ours to read, not pdf-lib's to warn about (it drops XFA, in memory, when the form opens).
  if (xfa) acroForm.delete(PDFName.of('XFA'));
  const fields = doc.getForm().getFields();
  if (fields.length === 0 && xfa)
    throw new Error('this PDF is an XFA (LiveCycle) form, whose fields only Adobe software reads: save it from Acrobat or LiveCycle Designer as a static fillable PDF (AcroForm) and import that');
  if (fields.length === 0) throw new Error('this PDF has no form fields (it is not a fillable PDF): build the form by hand from its text');
  if (xfa) report.add('xfa', "the PDF also carries an XFA form: the draft comes from its AcroForm fields; check it against the form as Acrobat shows it");
  const title = opts.title ?? (doc.getTitle()?.trim() || humanise(toSlug(opts.fileName ?? 'Imported form').replace(/-/g, ' ')) || 'Imported form');
  const nextId = idMaker();
  const byPage = new Map();
  let signatures = 0;

  const placed = fields.map((field) => ({ field, place: placeOf(doc, field) }));
  placed.sort((a, b) => a.place.page - b.place.page || b.place.y - a.place.y || a.place.x - b.place.x);

  // Checkboxes under one parent (`days.monday`, `days.tuesday`) are one question with several answers.
  const parentOf = (field) => (field.getName().includes('.') ? field.getName().slice(0, field.getName().lastIndexOf('.')) : undefined);
  const groups = new Map();
  for (const { field } of placed) if (field instanceof PDFCheckBox && parentOf(field)) groups.set(parentOf(field), [...(groups.get(parentOf(field)) ?? []), field]);
  for (const [parent, members] of groups) if (members.length < 2) groups.delete(parent);

  for (const { field, place } of placed) {
    const group = field instanceof PDFCheckBox ? groups.get(parentOf(field)) : undefined;
    if (group) {
      if (group[0] !== field) continue;
      const parent = parentOf(field);
      const where = `checkboxes "${parent}.*" (page ${place.page + 1})`;
      const opt = options(group.map((f) => ({ value: f.getName().split('.').pop(), label: tooltip(f) || humanise(f.getName()) })), language);
      const label = humanise(parent) || parent;
      if (isGenericName(parent)) report.add(where, `no label: the draft calls it "${label}"; write the question a resident should read`);
      report.add(where, `${group.length} checkboxes drafted as one question with several answers: check its wording`);
      if (!byPage.has(place.page)) byPage.set(place.page, []);
      byPage.get(place.page).push({ id: nextId(toId(label, 'question')), label: text(language, label), type: 'selection', multiple: true, display: 'checkboxes', options: opt.list });
      continue;
    }
    const name = field.getName();
    const where = `field "${name}" (page ${place.page + 1})`;
    const tip = tooltip(field);
    const generic = isGenericName(name);
    const label = tip || humanise(name) || name;
    if (field instanceof PDFSignature) {
      signatures += 1;
      report.add(where, 'a signature: an online form has no signature box; the draft adds a declaration instead, check its words');
      continue;
    }
    if (field instanceof PDFButton) {
      report.add(where, 'a push button (print, reset, submit): left out');
      continue;
    }
    if (field.isReadOnly()) {
      report.add(where, 'read-only (filled in by the city or calculated): left out');
      continue;
    }
    const widgets = field.acroField.getWidgets();
    if (widgets.length > 0 && widgets.every((w) => w.hasFlag(AnnotationFlags.Hidden) || w.hasFlag(AnnotationFlags.NoView))) {
      report.add(where, 'hidden in the PDF (a helper field no one fills in): left out');
      continue;
    }
    const actions = actionsOf(field);
    if (actions.C) {
      report.add(where, 'calculated in the PDF (a total or a copy of another answer): left out; the online form does not calculate');
      continue;
    }
    if (!tip && generic) report.add(where, `no label: the draft calls it "${label}"; write the question a resident should read`);
    const q = { id: nextId(toId(tip && generic ? tip : humanise(name) || tip, 'question')), label: text(language, label), ...(field.isRequired() ? { required: true } : {}) };
    let question;
    if (field instanceof PDFTextField) {
      const format = acrobatFormat(actions);
      for (const note of format.notes) report.add(where, note);
      const guessed = format.type ? undefined : guessTextType(label, name);
      const max = field.getMaxLength();
      if (format.type === 'number') question = { ...q, type: 'number', ...format.number };
      else if (format.type) question = { ...q, type: format.type };
      else if (guessed) question = { ...q, type: guessed };
      else if (field.isMultiline()) question = { ...q, type: 'textarea', ...(max ? { max_length: max } : {}) };
      else question = { ...q, type: 'text', ...(max ? { max_length: max } : {}) };
      if (guessed) report.add(where, `read as ${guessed === 'date' ? 'a date' : `an ${guessed === 'email' ? 'email address' : 'phone number'}`} from its name: check`);
      if (field.isPassword?.()) report.add(where, 'a password field: never ask for a password in a form');
    } else if (field instanceof PDFCheckBox) {
      question = { ...q, type: 'yes_no' };
      report.add(where, 'a checkbox, drafted as a yes/no question: several checkboxes that belong together should become one selection with "multiple": true');
    } else if (field instanceof PDFRadioGroup) {
      const values = field.getOptions();
      if (values.length === 0) {
        report.add(where, 'a radio group without options: left out');
        continue;
      }
      const opt = options(values.map((v) => ({ value: v, label: humanise(v) || v })), language);
      question = { ...q, type: 'selection', options: opt.list };
      report.add(where, `radio choices labelled from their export values (${values.join(', ')}): write the words a resident should read`);
    } else if (field instanceof PDFDropdown || field instanceof PDFOptionList) {
      const values = field.getOptions();
      if (values.length === 0) {
        report.add(where, 'a choice list without options: left out');
        continue;
      }
      const multiple = field.isMultiselect();
      // An /Opt entry may be a pair [export value, the text shown]: the value the city's office
      // reads, and the words the resident reads.
      const pairs = field.acroField.getOptions();
      const items = pairs.length === values.length ? pairs.map((o, i) => ({ value: textOf(o.value) || values[i], label: (o.display ? textOf(o.display) : '') || values[i] })) : values.map((v) => ({ value: v, label: v }));
      const opt = options(items, language);
      question = { ...q, type: 'selection', options: opt.list, display: multiple ? 'checkboxes' : values.length > 6 ? 'select' : 'radios', ...(multiple ? { multiple: true } : {}) };
      if (field instanceof PDFDropdown && field.isEditable()) report.add(where, 'a combo box that also takes typed text: only its listed options are kept');
    } else {
      report.add(where, `an unknown kind of field (${field.constructor.name}): left out`);
      continue;
    }
    if (!byPage.has(place.page)) byPage.set(place.page, []);
    byPage.get(place.page).push(question);
  }

  const pages = [];
  for (const [pdfPage, questions] of [...byPage.entries()].sort((a, b) => a[0] - b[0])) {
    for (let i = 0; i < questions.length; i += MAX_PER_PAGE) {
      const part = questions.slice(i, i + MAX_PER_PAGE);
      const id = nextId(`page_${pdfPage + 1}${questions.length > MAX_PER_PAGE ? `_${i / MAX_PER_PAGE + 1}` : ''}`);
      pages.push({ id, ...(part.length > 1 ? { heading: text(language, `${title}: part ${pages.length + 1}`) } : {}), questions: part });
    }
  }
  if (pages.length === 0) throw new Error('no field of this PDF can become a question (only signatures, buttons or read-only fields)');
  if (pages.some((p) => p.heading)) report.add('pages', `the draft groups the PDF's fields by page, at most ${MAX_PER_PAGE} a page: name each page, or split it to one question a page`);
  const definition = draftDefinition({
    slug: opts.slug ?? toSlug(opts.fileName ?? title),
    title,
    language,
    pages,
    declaration: signatures > 0 ? 'By submitting this form I confirm that the information I have given is true and complete.' : undefined,
    report,
  });
  return { definition, report };
}
