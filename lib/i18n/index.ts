import { zhCN, type MessageKey } from './zh-CN';
import { en } from './en';

export type Language = 'zh-CN' | 'en';
export type { MessageKey };

const TABLES: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Looks up a message and fills {placeholders}; Chinese is the fallback for a missing English line. */
export function t(lang: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = TABLES[lang][key] ?? zhCN[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
