export * from './pareto.js';
