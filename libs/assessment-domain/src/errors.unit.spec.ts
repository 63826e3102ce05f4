import { EmployeeNotFound, FrameworkNotFound } from './errors';

describe('an assessment error', () => {
  it('reads in English as before and in Dutch at the edge, with the same code', () => {
    const error = new FrameworkNotFound('framework-core', 3);
    expect(error.message).toBe('competency framework framework-core version 3 is not published');
    expect(error.messageIn('nl')).toBe(
      'competentiemodel framework-core versie 3 is niet gepubliceerd',
    );
    expect(error.code).toBe('FRAMEWORK_NOT_FOUND');
    expect(new EmployeeNotFound('emp-1').messageIn('nl')).toBe(
      'medewerker emp-1 is onbekend; synchroniseer die eerst vanuit het HRIS',
    );
  });
});
