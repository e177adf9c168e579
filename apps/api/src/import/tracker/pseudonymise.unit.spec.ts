import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSalt, Pseudonymiser, SALT_FILE } from './pseudonymise';

describe('pseudonyms', () => {
  const olga = { id: 'olga.owner', displayName: 'Olga Owner', email: 'olga@example.com', aliases: ['JIRAUSER10001'], bot: false };
  const jo = { id: 'jo', displayName: 'Jo', email: null, aliases: [], bot: false };

  it('are stable for a salt, differ between salts, and every name of a person becomes the same one', () => {
    const a = new Pseudonymiser('a'.repeat(64));
    a.register(olga);
    const p = a.id('olga.owner');
    expect(p).toMatch(/^person-[0-9a-f]{10}$/);
    const again = new Pseudonymiser('a'.repeat(64));
    again.register(olga);
    expect(again.id('olga.owner')).toBe(p);
    expect(new Pseudonymiser('b'.repeat(64)).id('olga.owner')).not.toBe(p);
    expect(a.text('Olga Owner (olga@example.com, JIRAUSER10001) moved it')).toBe(`${p} (${p}, ${p}) moved it`);
  });

  it('replace whole names only, and any other e-mail address in text', () => {
    const p = new Pseudonymiser('c'.repeat(64));
    p.register(jo);
    const jop = p.id('jo');
    expect(p.text('Jo asked to join; mail ann.other@corp.example')).toMatch(new RegExp(`^${jop} asked to join; mail person-[0-9a-f]{10}$`));
  });

  it('keep their salt in the data directory, readable by the owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'salt-'));
    try {
      const salt = loadOrCreateSalt(dir);
      expect(salt).toMatch(/^[0-9a-f]{64}$/);
      expect(loadOrCreateSalt(dir)).toBe(salt);
      expect(readFileSync(join(dir, SALT_FILE), 'utf8').trim()).toBe(salt);
      expect(statSync(join(dir, SALT_FILE)).mode & 0o077).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
