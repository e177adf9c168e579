import { DomainError } from '@ledger/kernel';
import { isTrivial, optionalText, requireText } from './rationale';

function codeOf(fn: () => unknown): { code: string; kind: string; details: Record<string, unknown> } | null {
  try {
    fn();
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    const d = e as DomainError;
    return { code: d.code, kind: d.kind, details: d.details };
  }
}

describe('requireText', () => {
  it('returns the trimmed text', () => {
    expect(requireText('  Customers churn at checkout  ', 'rationale', 'DECISION.RATIONALE_REQUIRED')).toBe(
      'Customers churn at checkout',
    );
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['not a string', 42],
    ['blank', '   '],
    ['too short', 'because'],
    ['too short once trimmed', '   short     '],
    ['one repeated letter', 'aaaaaaaaaa'],
    ['dots', '..........'],
    ['punctuation only', '-- !! ?? -- ..'],
    ['repeated unit', 'abababababab'],
    ['repeated word with spaces', 'blah blah blah blah'],
  ])('rejects %s text', (_label, value) => {
    expect(codeOf(() => requireText(value, 'rationale', 'DECISION.RATIONALE_REQUIRED'))).toEqual({
      code: 'DECISION.RATIONALE_REQUIRED',
      kind: 'validation',
      details: expect.objectContaining({ field: 'rationale' }),
    });
  });

  it.each([
    ['ITEM.KILL_REASON_REQUIRED', 'reason'],
    ['ITEM.ANTI_BACKLOG_REASON_REQUIRED', 'reason'],
    ['ESCALATION.REASON_REQUIRED', 'reason'],
    ['ESCALATION.WANTED_REQUIRED', 'wanted'],
  ])('raises the code it is given (%s)', (code, field) => {
    expect(codeOf(() => requireText('', field, code))?.code).toBe(code);
  });

  it('honours a custom minimum length', () => {
    expect(requireText('ok go', 'x', 'X', 3)).toBe('ok go');
    expect(codeOf(() => requireText('ok', 'x', 'X', 3))?.code).toBe('X');
  });

  it('accepts real text in any script', () => {
    expect(isTrivial('Réduire le churn de 5 %')).toBe(false);
    expect(isTrivial('顧客の解約率を下げるため')).toBe(false);
    expect(isTrivial('abcdeabcde')).toBe(false);
  });
});

describe('optionalText', () => {
  it('trims and maps blank to null', () => {
    expect(optionalText('  x ')).toBe('x');
    expect(optionalText('   ')).toBeNull();
    expect(optionalText(undefined)).toBeNull();
  });
});
