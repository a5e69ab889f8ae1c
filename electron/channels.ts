/** IPC channel names, shared by the main process and the preload: `rounds:<method>`. */
export const IPC_CHANNEL_PREFIX = 'rounds:';
