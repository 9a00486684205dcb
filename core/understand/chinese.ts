/**
 * Traditional Chinese folded to Simplified with OpenCC's dictionaries (`opencc-js`): Taiwan's
 * characters and its IT words (伺服器 → 服务器, 連線 → 连接, 埠 → 端口), so that one vocabulary,
 * written in Simplified Chinese, reads both. Text without Han characters is returned as it is.
 */
import { Converter } from 'opencc-js/t2cn';

const HAN = /\p{Script=Han}/u;
/** Runs of Chinese characters: only they are converted, the rest of a message is left as it is. */
const HAN_RUN = /\p{Script=Han}+/gu;
const toSimplified = Converter({ from: 'twp', to: 'cn' });

export function foldTraditionalChinese(text: string): string {
  return HAN.test(text) ? text.replace(HAN_RUN, (run) => toSimplified(run)) : text;
}
