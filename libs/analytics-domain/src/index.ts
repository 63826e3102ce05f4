export * from './employee-facts';
export * from './facts';
export * from './queries';
