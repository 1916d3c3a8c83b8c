#!/usr/bin/env node
// civic-elements CLI: draft form definitions from a city's existing forms.
//   civic-elements import-pdf form.pdf [--slug s] [--title t] > form.json
//   civic-elements import-formio form.json [--slug s] > form.json
// The draft goes to stdout; what needs a human goes to stderr.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

const USAGE = `Usage:
  civic-elements import-pdf <form.pdf> [--slug <slug>] [--title <title>] > form.json
  civic-elements import-formio <form.json> [--slug <slug>] > form.json

Writes a draft form definition (civic-elements/form-definition.schema.json) to stdout and a
report of what needs a human (labels, signatures, code that was not carried over) to stderr.
`;

function parse(argv) {
  const [command, file, ...rest] = argv;
  const flags = {};
  for (let i = 0; i < rest.length; i++) {
    const m = /^--(slug|title|language)$/.exec(rest[i]);
    if (!m || rest[i + 1] === undefined) throw new Error(`unknown option ${rest[i]}`);
    flags[m[1]] = rest[++i];
  }
  return { command, file, flags };
}

async function main() {
  let args;
  try {
    args = parse(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err.message}\n\n${USAGE}`);
    return 2;
  }
  const { command, file, flags } = args;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!['import-pdf', 'import-formio'].includes(command) || !file) {
    process.stderr.write(USAGE);
    return 2;
  }
  let bytes;
  try {
    bytes = await readFile(file);
  } catch (err) {
    process.stderr.write(`cannot read ${file}: ${err.code ?? err.message}\n`);
    return 1;
  }
  try {
    const { importPdf, importFormio } = await import('../importers/index.mjs');
    let result;
    if (command === 'import-pdf') result = await importPdf(new Uint8Array(bytes), { fileName: basename(file), ...flags });
    else {
      let form;
      try {
        form = JSON.parse(bytes.toString('utf8'));
      } catch {
        throw new Error(`${file} is not JSON`);
      }
      result = importFormio(form, flags);
    }
    process.stdout.write(`${JSON.stringify(result.definition, null, 2)}\n`);
    process.stderr.write(result.report.toString());
    return 0;
  } catch (err) {
    process.stderr.write(`${command}: ${err.message}\n`);
    return 1;
  }
}

process.exitCode = await main();
