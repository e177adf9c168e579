import { ApiError, fieldErrorsOf } from '../api/problem';
import { catchUpDelay, retryWhileCatchingUp } from '../api/retry';
import { bodyOf, validate, type FieldSpec } from './decision-form';

describe('the decision form', () => {
  const fields: FieldSpec[] = [
    { name: 'toPosition', label: 'Move to position', type: 'number', required: true, min: 1, max: 4 },
    { name: 'trigger', label: 'Trigger', type: 'select', options: [{ value: 'routine', label: 'Routine' }] },
    { name: 'moved', label: 'Moved', type: 'checkbox' },
  ];
  const rationale = { name: 'rationale', label: 'Why? (rationale)' };

  it('requires the rationale and the required fields, within their ranges', () => {
    expect(validate({ rationale: '' }, fields, rationale)).toEqual({
      toPosition: 'Move to position is required.',
      rationale: 'Why? is required: say why this decision is taken.',
    });
    expect(validate({ toPosition: '9', rationale: 'Because the review said so.' }, fields, rationale)).toEqual({ toPosition: 'Move to position must be at most 4.' });
    expect(validate({ toPosition: '2', rationale: 'Because the review said so.' }, fields, rationale)).toEqual({});
  });

  it('sends numbers as numbers, checkboxes as booleans, the rationale trimmed, and leaves empty optional fields out', () => {
    expect(bodyOf({ toPosition: '2', trigger: '', moved: true, rationale: '  Because the review said so. ' }, fields, 'rationale')).toEqual({
      toPosition: 2,
      moved: true,
      rationale: 'Because the review said so.',
    });
  });

  it('nests dotted fields (score inputs) as the API names them, and leaves an empty one out', () => {
    const inputs: FieldSpec[] = [
      { name: 'estimate', label: 'Estimate', type: 'number' },
      { name: 'scoreInputs.reach', label: 'Reach', type: 'number', step: 'any', nested: true },
      { name: 'scoreInputs.confidence', label: 'Confidence', type: 'number', step: 'any', nested: true },
      { name: 'scoreInputs.effort', label: 'Effort', type: 'number', step: 'any', nested: true },
    ];
    expect(bodyOf({ estimate: '', 'scoreInputs.reach': '400', 'scoreInputs.confidence': '0.8', 'scoreInputs.effort': ' ', rationale: 'New reach figures from the survey.' }, inputs, 'rationale')).toEqual({
      scoreInputs: { reach: 400, confidence: 0.8 },
      rationale: 'New reach figures from the survey.',
    });
    expect(bodyOf({ estimate: '3', rationale: 'Sized in refinement today.' }, inputs, 'rationale')).toEqual({ estimate: 3, rationale: 'Sized in refinement today.' });
    expect(validate({ 'scoreInputs.confidence': 'x', rationale: 'Sized in refinement today.' }, inputs, rationale)).toEqual({ 'scoreInputs.confidence': 'Confidence must be a number.' });
  });

  it('keeps a dotted name that is not nested as one name (the webhook form\'s `event:item.killed` checkboxes)', () => {
    const events: FieldSpec[] = [{ name: 'event:item.killed', label: 'item.killed', type: 'checkbox' }, { name: 'url', label: 'Receiver URL', type: 'text' }];
    expect(bodyOf({ 'event:item.killed': true, url: 'https://hooks.example.com', rationale: 'The channel hears every kill.' }, events, 'rationale')).toEqual({
      'event:item.killed': true,
      url: 'https://hooks.example.com',
      rationale: 'The channel hears every kill.',
    });
  });

  it("puts the API's field problems next to their fields, aliases resolved; the rest above the form", () => {
    const problem = (errors: { field: string; code: string; message: string }[] | undefined, detail = 'the request is invalid') =>
      new ApiError(422, { type: 't', title: 'x', status: 422, code: 'VALIDATION.FAILED', detail, errors }, null);
    expect(fieldErrorsOf(problem([{ field: 'rationale', code: 'X', message: 'say why' }]), ['rationale'])).toEqual({ rationale: 'say why' });
    expect(fieldErrorsOf(problem([{ field: 'placement.position', code: 'X', message: 'bad position' }]), ['toPosition'], { 'placement.position': 'toPosition' })).toEqual({
      toPosition: 'bad position',
    });
    expect(fieldErrorsOf(problem([{ field: 'other', code: 'X', message: 'no' }]), ['rationale'])).toEqual({ '': 'other: no' });
    expect(fieldErrorsOf(problem(undefined, 'The item is already at this position.'), ['rationale'])).toEqual({ '': 'The item is already at this position.' });
  });

  it('retries reads only while the API is catching up (503), as long as Retry-After says', () => {
    const catching = new ApiError(503, null, 3);
    expect(retryWhileCatchingUp(1, catching)).toBe(true);
    expect(retryWhileCatchingUp(30, catching)).toBe(false);
    expect(retryWhileCatchingUp(1, new ApiError(500, null, null))).toBe(false);
    expect(retryWhileCatchingUp(1, new ApiError(404, null, null))).toBe(false);
    expect(catchUpDelay(1, catching)).toBe(3000);
    expect(catchUpDelay(1, new ApiError(503, null, null))).toBe(1000);
    expect(catchUpDelay(1, new ApiError(503, null, 3600))).toBe(10_000);
  });
});
