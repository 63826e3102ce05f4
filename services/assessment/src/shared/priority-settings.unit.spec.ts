import { defaultWeighting } from '@talentloop/assessment-domain';
import { WEIGHTING_VARIABLE, weightingsFromEnv } from './priority-settings';

describe('the prioritisation weighting per organisation', () => {
  it('fills what a tenant leaves out from the default', () =>
    expect(
      weightingsFromEnv({ [WEIGHTING_VARIABLE]: '{"acme":{"energy":0.5}}' }).get('acme'),
    ).toEqual({ ...defaultWeighting, energy: 0.5 }));

  it('is empty when not configured', () => expect(weightingsFromEnv({}).size).toBe(0));

  it.each(['not json', '{"acme":{"impact":-1}}', '{"acme":{"impact":0,"potential":0,"energy":0}}'])(
    'stops the service on %s, naming the variable',
    (value) =>
      expect(() => weightingsFromEnv({ [WEIGHTING_VARIABLE]: value })).toThrow(WEIGHTING_VARIABLE),
  );
});
