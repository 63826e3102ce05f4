export {
  organisationHistory,
  organisationHistoryArray,
  type OrganisationHistoryOptions,
} from './history';
