// Word and name pools per language, with the charsets real senders use for each.
// Kept small: variety in size and encoding matters for the bench, not literary value.
import type { Rng } from './prng';

export type Charset = 'us-ascii' | 'utf-8' | 'gbk' | 'big5' | 'iso-2022-jp';

export interface Language {
  code: string;
  /** Charsets seen in the wild for this language, most common first. */
  charsets: Charset[];
  names: string[];
  domains: string[];
  subjects: string[];
  sentences: string[];
  /** Joins sentences: CJK text has no spaces. */
  joiner: string;
}

const english: Language = {
  code: 'en',
  charsets: ['us-ascii', 'utf-8'],
  names: ['Alice Johnson', 'Bob Smith', 'Carol Williams', 'David Brown', 'Emma Davis', 'Frank Miller', 'Grace Wilson', 'Henry Moore', 'Isabel Taylor', 'Jack Anderson', 'Karen Thomas', 'Liam Jackson'],
  domains: ['example.com', 'example.org', 'mail.example.net', 'corp.example.com'],
  subjects: [
    'Quarterly report for Q{n}', 'Meeting notes from Tuesday', 'Invoice #{n} is due', 'Your order {n} has shipped',
    'Re: project timeline', 'Lunch on Friday?', 'Updated slides for the review', 'Action required: confirm your address',
    'Weekly status update', 'Question about the contract', 'Travel plans for the conference', 'Draft proposal v{n}',
  ],
  sentences: [
    'Thanks for sending this over so quickly.', 'I have attached the latest numbers for your review.',
    'Could we move the call to Thursday afternoon instead?', 'The build is green again after the fix went in this morning.',
    'Please let me know if anything in the summary looks off.', 'We are still waiting on legal to sign off on the final wording.',
    'The shipment left the warehouse yesterday and should arrive within three business days.',
    'I spoke with the vendor and they agreed to extend the deadline by a week.',
    'Attendance was good and most of the questions were about pricing.', 'Let us keep this thread for the budget discussion only.',
    'As discussed, the migration window is Saturday from 02:00 to 06:00 UTC.', 'I will be out of the office until Monday with limited access to email.',
    'The customer reported the issue again, this time with a screenshot.', 'Our team reviewed the document and left a few comments in the margin.',
  ],
  joiner: ' ',
};

const european: Language = {
  code: 'de-fr-es',
  charsets: ['utf-8'],
  names: ['Jürgen Müller', 'Zoë Brontë', 'François Dupont', 'José García', 'Søren Kierkegård', 'Ångström Łukasz', 'Hélène Côté', 'Björn Ødegård'],
  domains: ['example.de', 'example.fr', 'example.es', 'example.dk'],
  subjects: [
    'Grüße aus München', 'Réunion de lundi — ordre du jour', 'Presupuesto año {n}', 'Änderungen am Vertrag', 'Café et croissants à 9h',
    'Überweisung Nr. {n} bestätigt', 'Crème brûlée recipe 🍮', 'Fête de fin d’année 🎉',
  ],
  sentences: [
    'Vielen Dank für die schnelle Rückmeldung, das hilft uns sehr weiter.', 'Können wir das Gespräch auf Donnerstag verschieben?',
    'Merci pour votre message, je reviens vers vous dès que possible.', 'Le rapport détaillé se trouve en pièce jointe.',
    'Gracias por la información, la revisaré mañana por la mañana.', 'La reunión será en la sala de conferencias del tercer piso.',
    'Die Lieferung ist unterwegs und sollte übermorgen eintreffen. 🚚', 'Nous avons reçu votre commande n° 4711 — merci !',
  ],
  joiner: ' ',
};

const simplifiedChinese: Language = {
  code: 'zh-Hans',
  charsets: ['gbk', 'utf-8'],
  names: ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄丽'],
  domains: ['example.cn', 'mail.example.cn', 'corp.example.com.cn'],
  subjects: ['关于第{n}季度报告', '会议纪要：项目进度', '发票 #{n} 请查收', '周五聚餐通知', '合同修改意见', '请确认您的收货地址', '回复：技术方案讨论'],
  sentences: [
    '感谢您的及时回复，我们会尽快处理。', '附件是最新的数据，请您审阅。', '我们可以把会议改到周四下午吗？', '货物已经从仓库发出，预计三天内到达。',
    '如果有任何问题，请随时与我联系。', '客户再次反馈了这个问题，并附上了截图。', '我们团队已经审阅了文件，并在页边留下了一些意见。', '迁移窗口定在周六凌晨两点到六点。',
  ],
  joiner: '',
};

const traditionalChinese: Language = {
  code: 'zh-Hant',
  charsets: ['big5', 'utf-8'],
  names: ['陳志明', '林美玲', '黃建國', '張雅婷', '李宗翰', '王淑芬'],
  domains: ['example.tw', 'mail.example.com.tw', 'example.hk'],
  subjects: ['關於第{n}季度報告', '會議記錄：專案進度', '發票 #{n} 請查收', '週五聚餐通知', '合約修改意見', '回覆：技術方案討論'],
  sentences: [
    '感謝您的及時回覆，我們會盡快處理。', '附件是最新的資料，請您審閱。', '我們可以把會議改到週四下午嗎？', '貨物已經從倉庫發出，預計三天內到達。',
    '如果有任何問題，請隨時與我聯繫。', '客戶再次反映了這個問題，並附上了截圖。', '我們團隊已經審閱了文件，並留下了一些意見。',
  ],
  joiner: '',
};

const japanese: Language = {
  code: 'ja',
  charsets: ['iso-2022-jp', 'utf-8'],
  names: ['田中太郎', '鈴木花子', '佐藤健', '高橋美咲', '山本直樹', '中村由美'],
  domains: ['example.jp', 'mail.example.co.jp', 'example.ne.jp'],
  subjects: ['第{n}四半期の報告書について', '会議の議事録', '請求書 #{n} のご確認', '金曜日の懇親会のお知らせ', '契約書の修正について', 'Re: 技術的な検討事項'],
  sentences: [
    'いつもお世話になっております。', '早速のご返信ありがとうございます。', '最新の資料を添付いたしましたので、ご確認ください。',
    '会議を木曜日の午後に変更してもよろしいでしょうか。', '商品は昨日倉庫から発送され、三日以内に到着する予定です。',
    'ご不明な点がございましたら、お気軽にお問い合わせください。', '引き続きよろしくお願いいたします。',
  ],
  joiner: '',
};

/** Weights: mostly English, a good share of CJK, as in an international inbox. */
export const LANGUAGES: Array<{ language: Language; weight: number }> = [
  { language: english, weight: 0.45 },
  { language: european, weight: 0.15 },
  { language: simplifiedChinese, weight: 0.16 },
  { language: traditionalChinese, weight: 0.1 },
  { language: japanese, weight: 0.14 },
];

export const ENGLISH = english;

/** A language by the weights above: the same roll of the same PRNG gives the same language, so the same bytes. */
export function pickLanguage(rng: Rng): Language {
  let roll = rng.next();
  for (const { language, weight } of LANGUAGES) {
    if (roll < weight) return language;
    roll -= weight;
  }
  return ENGLISH;
}
