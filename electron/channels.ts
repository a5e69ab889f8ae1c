/** IPC channel names, shared by the main process and the preload: `rounds:<method>`. */
export const IPC_CHANNEL_PREFIX = 'rounds:';

/** Main process → renderer: open an item (a notification was clicked). Carries a `NavigateTarget`. */
export const NAVIGATE_CHANNEL = 'rounds:navigate';
