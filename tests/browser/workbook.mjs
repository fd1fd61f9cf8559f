// A downloaded workbook opened by a consumer nobody here wrote: LibreOffice Calc headless
// converts each sheet to CSV (as tests/support/spreadsheet.hpp does for the C++ tests), with
// text cells quoted and numbers and dates bare, so a test also sees which cells are numbers.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Sheet name → its CSV (UTF-8, cells as shown: a date as 20/10/2026). `scratch`: a directory
// of the test's own, made empty here. Throws when LibreOffice cannot open the file.
export function sheetsOf(file, scratch) {
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  const book = path.join(scratch, 'book.xlsx');
  fs.copyFileSync(file, book);
  // 44,34,76: comma, double quote, UTF-8; the 7th token true: every text cell quoted; the
  // 9th: cells as shown; the last, -1: every sheet to its own file, "book-<sheet>.csv".
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,true,false,false,-1';
  execFileSync('timeout', ['120', 'soffice', '--headless', '--norestore',
    `-env:UserInstallation=file://${path.join(scratch, 'profile')}`, '--convert-to', filter,
    '--outdir', path.join(scratch, 'csv'), book], { stdio: 'ignore' });
  const sheets = {};
  for (const name of fs.readdirSync(path.join(scratch, 'csv'))) {
    sheets[path.basename(name, '.csv').replace(/^book-/, '')] =
      fs.readFileSync(path.join(scratch, 'csv', name), 'utf8');
  }
  return sheets;
}
