export * from './localize.js';
export * from './plural.js';
export * from './translation.js';
export { default as en } from './en.js';
export { default as pl } from './pl.js';
