/** Parsing of DIDWW's CDR export files (gzipped CSV with a header row), with csv-parse. */
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { CdrRow } from './types';

/** RFC 4180 CSV → rows of cells (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
}

/** Gunzips (when gzipped) and parses a CDR export into header-keyed rows. */
export function parseCdrExport(bytes: Buffer): CdrRow[] {
  const gz = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = (gz ? gunzipSync(bytes) : bytes).toString('utf8');
  return parse(text, { bom: true, columns: true, skip_empty_lines: true, relax_column_count: true }) as CdrRow[];
}
