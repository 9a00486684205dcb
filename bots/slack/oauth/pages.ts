/**
 * The short pages a person's browser shows at the end of an install, in the browser's language
 * (`Accept-Language`, mapped like any client locale). Texts are in `locales/<lng>/install.json`,
 * bundled at build time, so a language missing a key fails to compile. The workspace's name comes
 * from Slack and is escaped like any text from outside.
 */
import type { ServerResponse } from 'node:http';
import { type Locale, localeFromAcceptLanguage } from '../../../core';
import en from '../../../locales/en/install.json';
import es from '../../../locales/es/install.json';
import it from '../../../locales/it/install.json';
import pl from '../../../locales/pl/install.json';
import ptBR from '../../../locales/pt-BR/install.json';
import zhCN from '../../../locales/zh-CN/install.json';

type InstallContent = typeof en;

const CONTENT: Record<Locale, InstallContent> = { en, es, 'pt-BR': ptBR, 'zh-CN': zhCN, it, pl };

export type InstallOutcome =
  | { kind: 'installed'; workspace: string }
  | { kind: 'failed'; status: number }
  | { kind: 'cancelled' };

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);

function page(locale: Locale, title: string, body: string, link?: { href: string; text: string }): string {
  const action = link ? `\n<p><a href="${link.href}">${escapeHtml(link.text)}</a></p>` : '';
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(body)}</p>${action}
</body>
</html>
`;
}

/** Writes the page for `outcome`, in the language the browser prefers. */
export function sendInstallPage(
  response: ServerResponse,
  acceptLanguage: string | undefined,
  outcome: InstallOutcome,
  installPath: string,
): void {
  const locale = localeFromAcceptLanguage(acceptLanguage);
  const text = CONTENT[locale];
  const retry = { href: installPath, text: text.retry };
  const [status, html] =
    outcome.kind === 'installed'
      ? [
          200,
          page(
            locale,
            text.installed.title,
            text.installed.body.replace('{{workspace}}', () => outcome.workspace),
          ),
        ]
      : outcome.kind === 'cancelled'
        ? [200, page(locale, text.cancelled.title, text.cancelled.body, retry)]
        : [outcome.status, page(locale, text.failed.title, text.failed.body, retry)];
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'content-language': locale,
  });
  response.end(html);
}
