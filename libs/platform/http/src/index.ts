export * from './bootstrap';
export * from './platform.module';
export * from './problem-details';
export * from './problem-details.filter';
export * from './validation';
export * from './actor';
export * from './validation-decorators';
export * from './clock';
