export * from './metadata';
export * from './personal-data';
export * from './event-definition';
export * from './registry';
export * from './violation';
export * from './errors';
export {
  CheckInCadence,
  Language,
  literalsOf,
  measurementInstruments,
  robustnessOfInstrument,
  type MeasurementInstrument,
  type Robustness,
} from './events/shared.schemas';
export * from './events/assessment.events';
export * from './events/planning.events';
export * from './events/approval.events';
export * from './events/identity.events';
export * from './events/notifications.events';
export * from './check-in-length';
export * from './catalog';
export * from './streams';
export * from './topics';
export * from './envelope/cloud-event';
export * from './envelope/kafka-binding';
export * from './asyncapi/asyncapi';
