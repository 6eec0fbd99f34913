/**
 * Mail to train and test the junk filter on, in both languages a Wren user reads: advertising and phishing
 * as Chinese providers' users receive it, and ordinary work and family mail. The last of each kind is kept
 * out of training, to be scored.
 */
export interface CorpusMessage {
  from: string;
  subject: string;
  text: string;
}

export const JUNK_MAIL: CorpusMessage[] = [
  { from: 'promo@deals.example.cn', subject: '恭喜您获得免费大奖', text: '尊敬的用户：恭喜您被抽中获得免费iPhone一部，请立即点击链接领取奖品 http://prize.deals.example.cn/claim 限时优惠，过期作废！' },
  { from: 'service@bank-secure.example.top', subject: '您的账户存在异常，请立即验证', text: '您的银行账户存在异常登录，请在24小时内点击 http://verify.bank-secure.example.top 验证身份，否则账户将被冻结。免费客服热线。' },
  { from: 'winner@lottery.example.net', subject: 'You are a WINNER - claim your free prize now', text: 'Congratulations! You have been selected to receive a FREE prize. Click http://claim.lottery.example.net now, limited time offer, act today!' },
  { from: 'sales@pills.example.biz', subject: 'Cheap meds, free shipping, limited offer', text: 'Best prices online, free shipping worldwide, limited time offer. Click http://shop.pills.example.biz to order now and claim your discount!' },
  { from: 'invoice@fapiao.example.cn', subject: '代开发票 优惠 点击咨询', text: '本公司长期代开各类发票，价格优惠，免费咨询，点击链接 http://fapiao.example.cn 立即领取优惠，限时活动！' },
  { from: 'hr@job-offer.example.top', subject: '在家兼职日赚500元 免费领取名额', text: '恭喜您获得兼职名额，在家轻松日赚500元，免费培训，点击链接 http://join.job-offer.example.top 立即领取，限时优惠！' },
  // Scored, never trained:
  { from: 'gift@award.example.top', subject: '恭喜您中奖 免费领取礼品', text: '尊敬的用户，恭喜您获得免费礼品，请立即点击链接 http://gift.award.example.top 领取奖品，限时优惠，过期作废！' },
];

export const GOOD_MAIL: CorpusMessage[] = [
  { from: 'zhang.wei@example.com', subject: '明天下午的项目会议', text: '大家好，明天下午三点在三楼会议室开会，讨论季度报告和下个月的项目计划，请提前准备好各自的进度。谢谢！张伟' },
  { from: 'li.na@example.com', subject: '季度报告初稿', text: '张伟你好，季度报告的初稿已经放在共享目录里，请看一下第三部分的数据，有问题我们会议上再讨论。李娜' },
  { from: 'mum@family.example.org', subject: '周末回家吃饭吗', text: '儿子，这个周末回家吃饭吗？你爸爸做了红烧肉，记得带上上次借的书。妈妈' },
  { from: 'alice@example.com', subject: 'Notes from the planning meeting', text: 'Hi all, attached are my notes from the planning meeting. Please review the quarterly report draft before Thursday and send me your comments. Thanks, Alice' },
  { from: 'bob@example.com', subject: 'Re: quarterly report draft', text: 'Thanks Alice, I reviewed the draft report. The numbers in section three need another look; let us discuss at the meeting on Thursday. Bob' },
  { from: 'wang.fang@example.com', subject: '会议纪要', text: '各位好，附上今天项目会议的纪要，下周三前请把季度报告的修改意见发给我。王芳' },
  // Scored, never trained:
  { from: 'chen.jie@example.com', subject: '关于下周的项目会议', text: '大家好，下周一上午十点开项目会议，讨论季度报告的修改意见，请准备好进度。陈杰' },
];

/** Those to train on, and the one of each kind to score. */
export const trainingJunk = JUNK_MAIL.slice(0, -1);
export const trainingGood = GOOD_MAIL.slice(0, -1);
export const unseenJunk = JUNK_MAIL[JUNK_MAIL.length - 1]!;
export const unseenGood = GOOD_MAIL[GOOD_MAIL.length - 1]!;

/** A corpus message as a source to seed by IMAP APPEND: UTF-8 headers encoded (RFC 2047), its body base64. */
export function corpusSource(message: CorpusMessage, n: number, to = 'bob@example.test'): string {
  const date = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toUTCString().replace('GMT', '+0000');
  return [
    `From: <${message.from}>`,
    `To: ${to}`,
    `Subject: =?UTF-8?B?${Buffer.from(message.subject).toString('base64')}?=`,
    `Date: ${date}`,
    `Message-ID: <corpus-${n}@example.test>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(message.text).toString('base64').replace(/.{76}/g, '$&\r\n'),
    '',
  ].join('\r\n');
}
