import { resolveCommand, usage } from './ledger.cli';

describe('ledger CLI dispatcher', () => {
  it('finds multi-word commands and passes the rest as arguments', () => {
    const found = resolveCommand(['projections', 'rebuild', '--batch-size', '5000']);
    expect(found?.args).toEqual(['--batch-size', '5000']);
    expect(found?.command.summary).toMatch(/analytics/);
  });

  it('tells the tracker imports from the NDJSON import by their second word', () => {
    expect(resolveCommand(['import', 'jira', 'exports/'])?.command.summary).toMatch(/Jira/);
    expect(resolveCommand(['import', 'jira', 'exports/'])?.args).toEqual(['exports/']);
    expect(resolveCommand(['import', 'github', '--repo', 'a/b'])?.args).toEqual(['--repo', 'a/b']);
    expect(resolveCommand(['import', 'xes', 'log.xes'])?.command.summary).toMatch(/XES/);
    const ndjson = resolveCommand(['import', 'history.ndjson']);
    expect(ndjson?.command.summary).toMatch(/NDJSON/);
    expect(ndjson?.args).toEqual(['history.ndjson']);
  });

  it('finds nothing for unknown or partial commands', () => {
    expect(resolveCommand(['projections'])).toBeNull();
    expect(resolveCommand(['rebuild', 'projections'])).toBeNull();
    expect(resolveCommand([])).toBeNull();
  });

  it('lists every command in the usage', () => {
    expect(usage()).toContain('npm run ledger -- <command>');
    expect(usage()).toContain('projections rebuild');
    for (const command of ['backup', 'restore', 'verify']) expect(resolveCommand([command, 'x'])?.args).toEqual(['x']);
    expect(usage()).toMatch(/backup .*also while the API runs/);
  });
});
