/** A form as each reader starts it: what it is and where, nothing read yet. */
import type { Form } from '../types.js';

export function newForm(init: Pick<Form, 'id' | 'kind' | 'title' | 'project' | 'unit' | 'loc'> & Partial<Form>): Form {
  return {
    fundsColumns: [],
    funds: [],
    sections: [],
    indicators: [],
    total: null,
    conclusion: { rate: null, score: null },
    tasks: [],
    tasksTotal: null,
    budget: null,
    ...init,
  };
}
