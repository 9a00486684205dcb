/**
 * Traditional Chinese folded to Simplified with OpenCC's dictionaries (`opencc-js`): Taiwan's
 * characters and its IT words (伺服器 → 服务器, 連線 → 连接, 埠 → 端口), so that one vocabulary,
 * written in Simplified Chinese, reads both. Text without Han characters is returned as it is.
 */
import { Converter } from 'opencc-js/t2cn';

const HAN = /\p{Script=Han}/u;
const toSimplified = Converter({ from: 'twp', to: 'cn' });

export function foldTraditionalChinese(text: string): string {
  return HAN.test(text) ? toSimplified(text) : text;
}
