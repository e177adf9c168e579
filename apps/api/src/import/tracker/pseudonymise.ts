import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Person } from './tracker-issue';

/** The salt of the pseudonyms, kept in the data directory: the same person gets the same pseudonym on every run. */
export const SALT_FILE = 'pseudonym-salt';

export function loadOrCreateSalt(dataDir: string): string {
  const file = join(dataDir, SALT_FILE);
  if (existsSync(file)) {
    const salt = readFileSync(file, 'utf8').trim();
    if (salt.length >= 32) return salt;
    throw new Error(`${file} holds no usable salt (at least 32 characters); restore it from a backup, or delete it to start new pseudonyms`);
  }
  mkdirSync(dataDir, { recursive: true });
  const salt = randomBytes(32).toString('hex');
  writeFileSync(file, salt + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return salt;
}

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/**
 * Stable pseudonyms (`person-<10 hex>`, an HMAC of the person's id under the salt) for everyone the history
 * names: their id, display name, e-mail and other names all become the same pseudonym, in actor ids and in
 * free text (titles, rationales) alike; any other e-mail address in text gets one of its own.
 */
export class Pseudonymiser {
  private readonly byName = new Map<string, string>();
  private pattern: RegExp | null = null;

  constructor(private readonly salt: string) {}

  pseudonymOf(id: string): string {
    return `person-${createHmac('sha256', this.salt).update(id, 'utf8').digest('hex').slice(0, 10)}`;
  }

  register(person: Person): void {
    const pseudonym = this.pseudonymOf(person.id);
    for (const name of [person.id, person.displayName, person.email, ...person.aliases]) {
      if (name && name.trim().length >= 2 && !this.byName.has(name)) {
        this.byName.set(name, pseudonym);
        this.pattern = null;
      }
    }
  }

  /** An actor id: the person's pseudonym (ids no one registered are hashed too). */
  id(id: string): string {
    return this.byName.get(id) ?? this.pseudonymOf(id);
  }

  text(text: string): string {
    if (this.byName.size > 0) {
      // Longest names first, so "Ann Lee" is replaced before "Ann".
      // Whole names only: "Jo" is not replaced inside "Join".
      this.pattern ??= new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${[...this.byName.keys()]
          .sort((a, b) => b.length - a.length)
          .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('|')})(?![\\p{L}\\p{N}])`,
        'gu',
      );
      text = text.replace(this.pattern, (m) => this.byName.get(m) ?? m);
    }
    return text.replace(EMAIL_RE, (m) => this.pseudonymOf(m.toLowerCase()));
  }
}
