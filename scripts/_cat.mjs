import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
const files = process.argv.slice(2);
const each = files.reduce((s,f)=>s+gzipSync(readFileSync(f),{level:9}).length,0);
const all = gzipSync(Buffer.concat(files.map(f=>readFileSync(f))),{level:9}).length;
console.log(each, all, each-all);
