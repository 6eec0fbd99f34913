import { importTs } from './import-ts.mjs';
import { mkdtempSync } from 'node:fs';
const { Store } = await importTs('src-main/store/store.ts');
const variant = process.argv[2] ?? 'base';
const s = new Store(mkdtempSync('/tmp/wren-ins-'));
const folder = s.folders.ensureLocal(null, 'Bench', 'Bench', null);
if (variant.includes('nousesidx')) s.db.exec('DROP INDEX address_book_uses');
if (variant.includes('nolearn')) s.messages.addressBook.learn = () => {};
let rnd = 1; const r = () => (rnd = (rnd * 16807) % 2147483647) / 2147483647;
const people = Array.from({ length: 3000 }, (_, i) => ({ name: `Person ${i}`, address: `p${i}@example.com` }));
const pick = () => people[Math.floor(r() ** 2 * 3000)];
const rows = Array.from({ length: 10000 }, (_, i) => ({ uid: i + 1, uidl: null, messageId: `<m${i}.${Math.floor(r()*1e9)}@example.com>`, inReplyTo: r() < 0.3 ? `<m${Math.floor(r()*i)}@example.com>` : null, threadRoot: r() < 0.3 ? `<m${Math.floor(r()*i)}@example.com>` : null,
  subject: `Subject number ${i} about things ${Math.floor(r()*100)}`, from: pick(), to: [pick(), pick()], cc: r() < 0.3 ? [pick()] : [],
  date: 1.7e12 - Math.floor(r()*1e10), internalDate: 1.7e12, size: 5000 + Math.floor(r()*50000), flags: r() < 0.6 ? ['\\Seen'] : [], hasAttachments: r() < 0.1, structure: { type: 'text/plain', part: '1', size: 100, encoding: '7bit' }, modseq: null }));
const t = performance.now();
for (let i = 0; i < rows.length; i += 500) s.write(() => s.messages.insertHeaders(folder, rows.slice(i, i + 500)));
console.log(variant.padEnd(24), (performance.now() - t).toFixed(0), 'ms', s.db.prepare('select count(*) from address_book').pluck().get());
