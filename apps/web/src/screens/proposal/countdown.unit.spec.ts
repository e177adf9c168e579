import { countdown, refreshEvery } from './countdown';

const DEADLINE = '2026-03-10T12:00:00.000Z';
const before = (ms: number) => Date.parse(DEADLINE) - ms;
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('the deadline countdown', () => {
  it('shows days and hours while more than a day is left', () => {
    expect(countdown(DEADLINE, before(3 * D + 4 * H + 59 * M)).text).toBe('3 days 4 h left');
    expect(countdown(DEADLINE, before(1 * D + 1 * H)).text).toBe('1 day 1 h left');
    expect(countdown(DEADLINE, before(2 * D)).text).toBe('2 days left');
    expect(countdown(DEADLINE, before(2 * D)).urgent).toBe(false);
  });

  it('shows hours and minutes on the last day, and is urgent', () => {
    const c = countdown(DEADLINE, before(D - 1));
    expect(c.text).toBe('23 h 59 min left');
    expect(c.urgent).toBe(true);
    expect(countdown(DEADLINE, before(5 * H + 12 * M + 30 * S)).text).toBe('5 h 12 min left');
  });

  it('shows minutes and seconds in the last hour, seconds in the last minute (floored: never more time than there is)', () => {
    expect(countdown(DEADLINE, before(H - 1)).text).toBe('59 min 59 s left');
    expect(countdown(DEADLINE, before(4 * M + 30 * S + 999)).text).toBe('4 min 30 s left');
    expect(countdown(DEADLINE, before(12 * S + 500)).text).toBe('12 s left');
    expect(countdown(DEADLINE, before(999)).text).toBe('0 s left');
    expect(countdown(DEADLINE, before(999)).passed).toBe(false);
  });

  it('is closed at the deadline itself (the API takes no vote at or after it) and after it', () => {
    expect(countdown(DEADLINE, Date.parse(DEADLINE))).toEqual({ text: 'voting closed', passed: true, urgent: false, msLeft: 0 });
    expect(countdown(DEADLINE, Date.parse(DEADLINE) + 5 * D).passed).toBe(true);
  });

  it('says so when there is no valid deadline', () => {
    expect(countdown('not a date', 0)).toMatchObject({ text: 'no deadline', passed: false });
  });

  it('re-renders every second in the last hour, else every minute', () => {
    expect(refreshEvery(H)).toBe(S);
    expect(refreshEvery(30 * S)).toBe(S);
    expect(refreshEvery(H + 1)).toBe(M);
    expect(refreshEvery(0)).toBe(M);
  });
});
