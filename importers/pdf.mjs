// A fillable PDF's AcroForm fields → a draft form definition, with a report of what needs a
// human. Text, checkbox, radio group, dropdown and list fields become questions; labels come
// from the tooltip (/TU), else the field name made readable; signatures, buttons, read-only and
// unlabelled fields are reported.
import { PDFButton, PDFCheckBox, PDFDict, PDFDocument, PDFDropdown, PDFHexString, PDFName, PDFOptionList, PDFRadioGroup, PDFSignature, PDFString, PDFTextField } from 'pdf-lib';
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
    if (!tip && generic) report.add(where, `no label: the draft calls it "${label}"; write the question a resident should read`);
    const q = { id: nextId(toId(tip && generic ? tip : humanise(name) || tip, 'question')), label: text(language, label), ...(field.isRequired() ? { required: true } : {}) };
    let question;
    if (field instanceof PDFTextField) {
      const guessed = guessTextType(label, name);
      const max = field.getMaxLength();
      if (guessed) question = { ...q, type: guessed };
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
      const opt = options(values.map((v) => ({ value: v, label: v })), language);
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
