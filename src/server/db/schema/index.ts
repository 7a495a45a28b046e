export * from './reference';
export * from './identity';
export * from './directives';
export * from './engagements';
export * from './notifications';
export * from './workflow';
export * from './incidents';
export * from './engagement-facts';
