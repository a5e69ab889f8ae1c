/**
 * The command line's words: the `cli` namespace of the locale resources (core/i18n), the one source the
 * app's screens read too, in the language of the environment (LC_ALL, LC_MESSAGES, LANG).
 */
import type { TFunction } from 'i18next';
import { translator } from '../core/i18n/translator.js';
import { defaultLanguage } from '../host/environment.js';

export const cliText = (env: NodeJS.ProcessEnv): TFunction => translator(defaultLanguage(env), 'cli');
