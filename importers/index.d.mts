/** What needs a human after an import. */
export declare class Report {
  items: Array<{ where: string; what: string }>;
  add(where: string, what: string): void;
  toString(): string;
}
export interface Imported {
  /** A draft form definition (form-definition.schema.json). */
  definition: import('../src/forms/definition.js').FormDefinition;
  report: Report;
}
export declare function importPdf(bytes: Uint8Array, opts?: { fileName?: string; slug?: string; title?: string; language?: string }): Promise<Imported>;
export declare function importFormio(form: unknown, opts?: { slug?: string; language?: string }): Imported;
