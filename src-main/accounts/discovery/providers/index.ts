import { QQ_MAIL } from './qq';
import { NETEASE_163 } from './netease-163';
import { NETEASE_126 } from './netease-126';
import { SINA_MAIL } from './sina';
import { ALIYUN_MAIL } from './aliyun';
import { GMAIL } from './gmail';
import { OUTLOOK } from './outlook';
import { ICLOUD } from './icloud';
import { YAHOO } from './yahoo';
import { FASTMAIL } from './fastmail';

/**
 * The bundled offline list, in the ISPDB format (config-v1.1.xml), with the
 * host names and ports each provider publishes. Looked at first, before any
 * network request; each file names the domains it covers.
 */
export const BUNDLED_PROVIDER_CONFIGS: readonly string[] = [QQ_MAIL, NETEASE_163, NETEASE_126, SINA_MAIL, ALIYUN_MAIL, GMAIL, OUTLOOK, ICLOUD, YAHOO, FASTMAIL];
