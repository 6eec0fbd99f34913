import { resolveCharset, type CharsetPlan } from './charset';

/** The label an RFC 2047 word is decoded with, given the label it carries. */
export type WordCharset = (label: string) => string;

/**
 * When the reader chose a text encoding for a message (Text Encoding), the RFC 2047 words read with it too:
 * those whose label says nothing a mislabelling mailer would not put on any text, ASCII or Latin-1 (windows-1252),
 * one Wren cannot decode, and one that says what the message's text says, the label the reader just overruled.
 * A word labelled otherwise (UTF-8 or GB2312 in a message labelled ISO-8859-1) keeps its label: its sender chose it.
 */
export function chosenEncodingForWords(chosen: string, messageLabel: string | null): WordCharset {
  const overruled = messageLabel === null ? null : planName(resolveCharset(messageLabel));
  return (label) => {
    const plan = resolveCharset(label);
    const named = planName(plan);
    const saysNothing = plan.kind === 'unlabelled' || plan.kind === 'unknown' || named === 'windows-1252';
    return saysNothing || named === overruled ? chosen : label;
  };
}

function planName(plan: CharsetPlan): string {
  return plan.kind === 'iconv' ? plan.codec : plan.kind;
}
