import type { KafkaLog } from './kafka-event-source';

const LEVELS = { info: 20, warn: 30, error: 40, silent: 99 } as const;

/** JSON lines on stdout (time, level, msg, fields), the API's log format, for the relay and projector apps. */
export function jsonLineLog(minLevel: string = 'info', out: (line: string) => void = (l) => process.stdout.write(l + '\n')): KafkaLog {
  const min = LEVELS[(minLevel === 'debug' ? 'info' : minLevel) as keyof typeof LEVELS] ?? LEVELS.info;
  return (level, msg, fields = {}) => {
    if (LEVELS[level] < min) return;
    out(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
  };
}
