/**
 * A translator for code outside the renderer (exporters, CLI, server messages, notifications): an i18next
 * instance over the same resources the screens use, so a figure has one name everywhere. i18next is plain
 * JavaScript; this module stays free of Node and the DOM.
 */
import i18next, { type TFunction } from 'i18next';
import type { Language } from '../model/enums.js';
import { NAMESPACES, RESOURCES, type Namespace } from './resources.js';

const instances = new Map<Language, ReturnType<typeof i18next.createInstance>>();

function instanceFor(language: Language): ReturnType<typeof i18next.createInstance> {
  let instance = instances.get(language);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: language,
      fallbackLng: 'en',
      supportedLngs: ['zh-CN', 'en'],
      resources: RESOURCES,
      ns: [...NAMESPACES],
      defaultNS: 'common',
      interpolation: { escapeValue: false }, // callers escape for their format (HTML, CSV, PDF)
      returnNull: false,
      initAsync: false,
    });
    instances.set(language, instance);
  }
  return instance;
}

/** `t` in `language`; keys are `ns:key.path` or, with `namespace`, plain `key.path`. */
export function translator(language: Language, namespace: Namespace = 'common'): TFunction {
  return instanceFor(language).getFixedT(language, namespace);
}
