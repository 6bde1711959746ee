#!/usr/bin/env node
// The physical floor for reading a workbook in Node (issue 15): inflate the sheet XML and the
// shared strings once with node:zlib and find every <v> value tag, nothing more. Plain JavaScript,
// run as its own process, so it is timed the same way as the command. Prints the tags found.
'use strict';

const { readFileSync } = require('node:fs');
const { inflateRawSync } = require('node:zlib');

const file = readFileSync(process.argv[2]);
let end = file.length - 22;
while (end >= 0 && file.readUInt32LE(end) !== 0x06054b50) end -= 1;
const count = file.readUInt16LE(end + 10);
let at = file.readUInt32LE(end + 16);
let values = 0;
for (let i = 0; i < count; i += 1) {
  const method = file.readUInt16LE(at + 10);
  const compressed = file.readUInt32LE(at + 20);
  const nameLength = file.readUInt16LE(at + 28);
  const extraLength = file.readUInt16LE(at + 30);
  const commentLength = file.readUInt16LE(at + 32);
  const local = file.readUInt32LE(at + 42);
  const name = file.toString('utf8', at + 46, at + 46 + nameLength);
  at += 46 + nameLength + extraLength + commentLength;
  if (!/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name)) continue;
  const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
  const raw = file.subarray(start, start + compressed);
  const xml = (method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
  for (let v = xml.indexOf('<v>'); v >= 0; v = xml.indexOf('<v>', v + 3)) values += 1;
}
process.stdout.write(`${values}\n`);
