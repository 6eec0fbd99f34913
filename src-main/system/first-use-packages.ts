import type EncodingJapanese from 'encoding-japanese';
import type ICAL from 'ical.js';
import type * as HtmlToText from 'html-to-text';
import type * as ImapflowTools from 'imapflow/lib/tools.js';
import type * as Htmlparser2 from 'htmlparser2';
import type * as Libmime from 'libmime';
import type * as DkimVerify from 'mailauth/lib/dkim/verify';
import type * as Nodemailer from 'nodemailer';
import type * as PinyinPro from 'pinyin-pro';
import type AddressParser from 'nodemailer/lib/addressparser';
import type MailComposer from 'nodemailer/lib/mail-composer';
import type * as MimeFuncs from 'nodemailer/lib/mime-funcs';
import type MimeNode from 'nodemailer/lib/mime-node';
import { onFirstUse } from './on-first-use';

// The packages Wren loads at their first use (see on-first-use.ts), one handle each. Marked pure, so
// a bundle that never calls a handle leaves it, and its package, out. A package's default export is
// read as `.default`: the worker bundles resolve these calls to the packages' ES builds, as their
// importers get them (scripts/build-main.mjs), and Node's require gives their CommonJS builds, which
// carry it too.

export const nodemailer = /* @__PURE__ */ onFirstUse(() => require('nodemailer') as typeof Nodemailer);
export const mailComposer = /* @__PURE__ */ onFirstUse(() => (require('nodemailer/lib/mail-composer') as { default: typeof MailComposer }).default);
export const mimeNode = /* @__PURE__ */ onFirstUse(() => (require('nodemailer/lib/mime-node') as { default: typeof MimeNode }).default);
export const addressparser = /* @__PURE__ */ onFirstUse(() => (require('nodemailer/lib/addressparser') as { default: typeof AddressParser }).default);
export const mimeFuncs = /* @__PURE__ */ onFirstUse(() => require('nodemailer/lib/mime-funcs') as typeof MimeFuncs);
export const libmime = /* @__PURE__ */ onFirstUse(() => (require('libmime') as typeof Libmime).default);
export const htmlToText = /* @__PURE__ */ onFirstUse(() => require('html-to-text') as typeof HtmlToText);
export const htmlparser2 = /* @__PURE__ */ onFirstUse(() => require('htmlparser2') as typeof Htmlparser2);
export const encodingJapanese = /* @__PURE__ */ onFirstUse(() => require('encoding-japanese') as typeof EncodingJapanese);
// ical.js gives its module object to require (a UMD build), and as `default` to a bundle's ES import.
export const icalJs = /* @__PURE__ */ onFirstUse(() => {
  const loaded = require('ical.js') as typeof ICAL & { default?: typeof ICAL };
  return loaded.default ?? loaded;
});
// imapflow's own helpers (parseBodystructure, its limits), which the header sync's FETCH reader uses; imapflow itself is
// imported where a connection opens (imap/imap-connection.ts).
export const imapflowTools = /* @__PURE__ */ onFirstUse(() => require('imapflow/lib/tools.js') as typeof ImapflowTools);
export const dkimVerify = /* @__PURE__ */ onFirstUse(() => (require('mailauth/lib/dkim/verify') as typeof DkimVerify).dkimVerify);
// A dictionary of Han readings (about 0.3 MB), for people's names read in pinyin (store/person-name-pinyin.ts).
export const pinyinPro = /* @__PURE__ */ onFirstUse(() => require('pinyin-pro') as typeof PinyinPro);
