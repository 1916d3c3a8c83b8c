export { importPdf } from './pdf.mjs';
export { importFormio } from './formio.mjs';
export { Report } from './common.mjs';
