export * from './smtp-receiver';
export * from './ics';
