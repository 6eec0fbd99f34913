// Generated mail for the junk bench, labelled: good mail from the generator's languages (what the sync bench
// seeds), junk from the pools below (English and Chinese advertising and phishing, the kind Wren's users get),
// each junk message with a third of ordinary sentences mixed in so the two are not told apart by one word.
import { pickLanguage } from '../generator/languages';
import { rngFor } from '../generator/prng';

export interface LabelledMessage {
  index: number;
  junk: boolean;
  from: string;
  subject: string;
  text: string;
}

const JUNK_EN = {
  subjects: ['You have WON a free {n} prize', 'Limited offer: {n}% off today only', 'Your account will be suspended', 'Claim your reward #{n} now', 'Cheap meds, free shipping', 'Work from home, earn ${n} a day'],
  sentences: [
    'Click the link below to claim your free gift before it expires.', 'This limited time offer ends tonight, act now!',
    'Your account has been flagged, verify your identity within 24 hours.', 'Congratulations, you have been selected as our lucky winner.',
    'Order today and get free shipping worldwide with no prescription needed.', 'Earn thousands from home with this one simple trick.',
    'Unsubscribe is not required, you are receiving this as a valued customer.', 'Reply with your bank details to receive the transfer.',
  ],
  domains: ['deals.example.top', 'promo.example.biz', 'secure-verify.example.net', 'lucky.example.xyz'],
  joiner: ' ',
};

const JUNK_ZH = {
  subjects: ['恭喜您获得免费大奖{n}', '限时优惠 全场{n}折', '您的账户存在异常，请立即验证', '代开发票 价格优惠', '在家兼职日赚{n}元', '免费领取礼品名额'],
  sentences: [
    '尊敬的用户，恭喜您被抽中获得免费大奖，请立即点击链接领取。', '本活动限时优惠，过期作废，先到先得！',
    '您的银行账户存在异常登录，请在二十四小时内点击链接验证身份。', '本公司长期代开各类发票，价格优惠，欢迎来电咨询。',
    '在家轻松兼职，日赚五百元，免费培训，名额有限。', '回复您的银行卡号即可领取奖金，无需任何手续费。',
    '点击下方链接立即领取您的专属优惠券。', '退订请回复，您收到此邮件是因为您是我们的尊贵会员。',
  ],
  domains: ['prize.example.cn', 'fapiao.example.top', 'bank-secure.example.cn', 'youhui.example.xyz'],
  joiner: '',
};

/** Message `index` of the seed: junk when `junk`, otherwise good; the same seed and index give the same message. */
export function labelledMessage(seed: number, index: number, junk: boolean): LabelledMessage {
  const rng = rngFor(seed, index);
  const ordinary = pickLanguage(rng);
  const number = String(rng.int(1, 999));
  if (!junk) {
    const sentences = Array.from({ length: rng.int(4, 20) }, () => rng.pick(ordinary.sentences));
    return {
      index, junk, from: `${index % 97}@${rng.pick(ordinary.domains)}`,
      subject: rng.pick(ordinary.subjects).replace('{n}', number), text: sentences.join(ordinary.joiner),
    };
  }
  const pool = ordinary.code.startsWith('zh') || rng.chance(0.3) ? JUNK_ZH : JUNK_EN;
  const sentences = Array.from({ length: rng.int(4, 14) }, () => (rng.chance(0.33) ? rng.pick(ordinary.sentences) : rng.pick(pool.sentences)));
  const domain = rng.pick(pool.domains);
  return {
    index, junk, from: `offer${index % 53}@${domain}`,
    subject: rng.pick(pool.subjects).replace('{n}', number),
    text: `${sentences.join(pool.joiner)}\nhttp://${rng.pick(['www', 'go', 'claim'])}.${domain}/${number}`,
  };
}

/** The message as a file bogofilter reads: RFC 5322 with a UTF-8 subject (RFC 2047) and an 8-bit UTF-8 body. */
export function messageFile(message: LabelledMessage): string {
  return [
    `From: <${message.from}>`,
    'To: <me@example.test>',
    `Subject: =?UTF-8?B?${Buffer.from(message.subject).toString('base64')}?=`,
    `Message-ID: <junk-bench-${message.index}@example.test>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    message.text,
    '',
  ].join('\n');
}
