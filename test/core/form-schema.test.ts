// The field schema's validators, as data: each rule's message, in order, and what passes.
import { expect } from '@open-wc/testing';
import { translate, type MessageKey, type MessageParams } from '../../src/core/i18n.js';
import { dateFromParts, isShown, validateField, validateFields, valueText, type FieldSpec } from '../../src/core/forms/schema.js';

const t = (key: MessageKey, params?: MessageParams) => translate(key, params, 'en');
const spec = (s: Partial<FieldSpec>): FieldSpec => ({ id: 'f', type: 'text', label: 'Pole number', ...s });

describe('validateField', () => {
  it('required: empty text, unchosen choices and missing files each have their words', () => {
    expect(validateField(t, spec({ rules: [{ rule: 'required' }] }), '  ')).to.equal('Answer “Pole number”');
    expect(validateField(t, spec({ type: 'radios', rules: [{ rule: 'required' }] }), undefined)).to.equal('Select an answer for “Pole number”');
    expect(validateField(t, spec({ rules: [{ rule: 'required', message: 'formErrorEmail' }] }), '')).to.contain('correct format, like name@example.com');
  });

  it('an empty optional field passes every other rule', () => {
    expect(validateField(t, spec({ rules: [{ rule: 'email' }, { rule: 'minLength', min: 5 }] }), '')).to.equal(undefined);
  });

  it('lengths count characters, not UTF-16 units', () => {
    const s = spec({ rules: [{ rule: 'maxLength', max: 3 }] });
    expect(validateField(t, s, '😀😀😀')).to.equal(undefined);
    expect(validateField(t, s, '😀😀😀😀')).to.equal('“Pole number” must be 3 characters or fewer');
    expect(validateField(t, spec({ rules: [{ rule: 'minLength', min: 4 }] }), ' ab ')).to.equal('“Pole number” must be at least 4 characters');
  });

  it('email and phone formats', () => {
    const email = spec({ rules: [{ rule: 'email' }] });
    expect(validateField(t, email, 'ana@example.com')).to.equal(undefined);
    expect(validateField(t, email, 'ana@example')).to.contain('correct format');
    const phone = spec({ rules: [{ rule: 'phone' }] });
    expect(validateField(t, phone, '+1 (860) 555-0100')).to.equal(undefined);
    expect(validateField(t, phone, '555')).to.contain('telephone number');
    expect(validateField(t, phone, 'call me')).to.contain('telephone number');
  });

  it('numbers: decimals, a dollar sign, a decimal comma, and a range', () => {
    const money = spec({ rules: [{ rule: 'number', min: 0, max: 100, decimals: 2 }] });
    for (const ok of ['25', '25.50', '$25', '25,5']) expect(validateField(t, money, ok), ok).to.equal(undefined);
    expect(validateField(t, money, '25.555')).to.contain('must be a number');
    expect(validateField(t, money, 'ten')).to.contain('must be a number');
    expect(validateField(t, money, '101')).to.equal('“Pole number” must be between 0 and 100');
  });

  it('dates: real days only, within a range', () => {
    const d = spec({ type: 'date', rules: [{ rule: 'date', min: '2026-01-01', max: '2026-12-31' }] });
    expect(validateField(t, d, { day: '29', month: '2', year: '2026' })).to.contain('real date');
    expect(validateField(t, d, { day: '1', month: '13', year: '2026' })).to.contain('real date');
    expect(validateField(t, d, { day: '5', month: '6', year: '26' })).to.contain('real date');
    expect(validateField(t, d, { day: '5', month: '6', year: '2026' })).to.equal(undefined);
    expect(validateField(t, d, { day: '5', month: '6', year: '2027' })).to.equal('“Pole number” must be between January 1, 2026 and December 31, 2026');
    expect(dateFromParts({ day: '5', month: '6', year: '2026' })).to.equal('2026-06-05');
  });

  it('files: type, size and count', () => {
    const f = spec({ type: 'file', rules: [{ rule: 'fileType', types: ['application/pdf', 'image/*'], typesText: 'a PDF or an image' }, { rule: 'fileSize', maxBytes: 10 }, { rule: 'fileCount', max: 1 }] });
    const pdf = new File(['12345'], 'a.pdf', { type: 'application/pdf' });
    expect(validateField(t, f, [pdf])).to.equal(undefined);
    expect(validateField(t, f, [new File(['x'], 'a.png', { type: 'image/png' })])).to.equal(undefined);
    expect(validateField(t, f, [new File(['x'], 'a.exe', { type: 'application/x-msdownload' })])).to.equal('The selected file must be a PDF or an image');
    expect(validateField(t, f, [new File(['x'.repeat(11)], 'b.pdf', { type: 'application/pdf' })])).to.contain('must be smaller than');
    expect(validateField(t, f, [pdf, pdf])).to.equal('Select 1 files or fewer');
  });
});

describe('validateFields', () => {
  it('skips fields whose condition does not hold and points a date’s error at its day box', () => {
    const specs: FieldSpec[] = [
      spec({ id: 'waiver', type: 'radios', choices: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] }),
      spec({ id: 'why', label: 'Why', shownWhen: { field: 'waiver', equals: 'yes' }, rules: [{ rule: 'required' }] }),
      spec({ id: 'when', type: 'date', label: 'When', rules: [{ rule: 'required' }] }),
    ];
    expect(validateFields(t, 'step', specs, { waiver: 'no' }).map((e) => e.id)).to.deep.equal(['when-day']);
    expect(validateFields(t, 'step', specs, { waiver: 'yes' }).map((e) => e.id)).to.deep.equal(['why', 'when-day']);
    expect(isShown(specs[1]!, { waiver: 'yes' })).to.equal(true);
  });
});

describe('valueText', () => {
  it('shows choices by label, dates in the language, files by name', () => {
    expect(valueText(spec({ type: 'radios', choices: [{ value: 'p', label: 'Paper copy' }] }), 'p', 'en')).to.equal('Paper copy');
    expect(valueText(spec({ type: 'date' }), { day: '10', month: '12', year: '2026' }, 'es')).to.equal('10 de diciembre de 2026');
    expect(valueText(spec({ type: 'file' }), [new File(['x'], 'plan.pdf')], 'en')).to.equal('plan.pdf');
  });
});
