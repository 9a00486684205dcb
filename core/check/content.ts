/**
 * The live check's texts in every language (`locales/<lng>/check.json`), bundled at build time like
 * the rest of the content, so a language missing a key fails to compile.
 */
import en from '../../locales/en/check.json';
import es from '../../locales/es/check.json';
import it from '../../locales/it/check.json';
import pl from '../../locales/pl/check.json';
import ptBR from '../../locales/pt-BR/check.json';
import zhCN from '../../locales/zh-CN/check.json';
import type { Locale } from '../locales';

export type CheckContent = typeof en;

export const CHECK_CONTENT: Record<Locale, CheckContent> = {
  en,
  es,
  'pt-BR': ptBR,
  'zh-CN': zhCN,
  it,
  pl,
};
