/**
 * The only date-fns locales the app ships. `vite.config.ts` also aliases the bare `date-fns/locale`
 * import (used by antd's date-fns picker adapter, which would otherwise bundle every locale) to this file.
 */
export { zhCN } from 'date-fns/locale/zh-CN';
export { enUS } from 'date-fns/locale/en-US';
