import type { AnswerValue, FormDefinition, PageAnswers } from '../../src/forms/definition.js';
import type { SubmissionRow } from './store.js';

/**
 * Submissions as CSV (RFC 4180) for a spreadsheet. A cell a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`.
 */

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function answerText(value: AnswerValue | PageAnswers[] | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : 'name' in v && 'size' in v ? String(v.name) : answerText(v as unknown as AnswerValue))).join('; ');
  if ('line1' in value) return [value.line1, value.line2, value.city, `${value.state} ${value.zip}`].filter((s) => s && s.trim()).join(', ');
  if ('first' in value) return `${value.first} ${value.last}`.trim();
  return '';
}

export function submissionsCsv(def: FormDefinition, rows: SubmissionRow[], language: string): string {
  const columns = def.pages.flatMap((page) => page.questions.map((q) => ({ page, q })));
  const label = (text: Record<string, string>) => text[language] ?? text.en ?? Object.values(text)[0] ?? '';
  const header = ['reference', 'submitted', 'status', 'version', 'language', ...columns.map(({ q }) => `${label(q.label)} [${q.id}]`)];
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) {
    const cells = columns.map(({ page, q }) => {
      if (!page.repeatable) return answerText(row.answers[q.id]);
      const entries = Array.isArray(row.answers[page.id]) ? (row.answers[page.id] as PageAnswers[]) : [];
      return entries.map((e) => answerText(e[q.id])).join(' | ');
    });
    lines.push([row.reference, new Date(row.submitted_at).toISOString(), row.status, String(row.version), row.language, ...cells].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
