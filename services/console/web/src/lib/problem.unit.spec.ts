import { messagesByField } from './problem';

describe('a validation problem’s messages at the form’s fields', () => {
  it('given messages for named fields, when placed, then each lands on its field and several for one are joined', () => {
    // given
    const fields = [
      { field: 'answers.whatIsNext', message: 'Too short.' },
      { field: 'title', message: 'Required.' },
      { field: 'title', message: 'Too long.' },
    ];
    // when
    const byField = messagesByField(fields, (field) => field.replace(/^answers\./, ''));
    // then
    expect(byField).toEqual({ whatIsNext: 'Too short.', title: 'Required. Too long.' });
  });

  it('given a message for a field the form does not have, when placed, then it is left out', () => {
    // given
    const fields = [{ field: 'tenantId', message: 'Unknown.' }];
    // when
    const byField = messagesByField(fields, (field) => (field === 'title' ? field : undefined));
    // then
    expect(byField).toEqual({});
  });
});
