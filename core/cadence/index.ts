export * from './policy.js';
export * from './state.js';
export * from './lifecycle.js';
