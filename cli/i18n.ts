/** The CLI's translations: an i18next instance per set of zh-CN / en resources, English as fallback. */
import i18next, { type Resource, type TFunction } from 'i18next';
import type { Language } from '../core/model/enums.js';

export function cliTranslator(resources: Record<Language, Resource[string]['translation']>, language: Language): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: { 'zh-CN': { translation: resources['zh-CN'] }, en: { translation: resources.en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t;
}
