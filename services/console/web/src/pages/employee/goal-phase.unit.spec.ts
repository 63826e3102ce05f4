import { type Phase } from '../../lib/goal';
import { closed, revisable } from './goal-phase';

const phases: readonly Phase[] = [
  'draft',
  'submitted',
  'rejected',
  'revised',
  'active',
  'evaluated',
  'withdrawn',
];

describe('what a goal’s phase leaves the employee to do', () => {
  it('given each phase, when asked whether the goal can still be revised, then only a draft, a rejected and a revised goal can', () => {
    // given / when
    const can = phases.filter((status) => revisable({ status }));
    // then
    expect(can).toEqual(['draft', 'rejected', 'revised']);
  });

  it('given each phase, when asked whether the goal is over, then only an evaluated and a withdrawn goal are', () => {
    // given / when
    const over = phases.filter((status) => closed({ status }));
    // then
    expect(over).toEqual(['evaluated', 'withdrawn']);
  });
});
