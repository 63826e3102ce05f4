// The Projection contract of @talentloop/read-models, which has no public index or path
// alias yet; this is the one line to point at `@talentloop/read-models` once it has.
// eslint-disable-next-line @nx/enforce-module-boundaries
export type * from '../../../../libs/platform/read-models/src/projection';
