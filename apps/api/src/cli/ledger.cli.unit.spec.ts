import { resolveCommand, usage } from './ledger.cli';

describe('ledger CLI dispatcher', () => {
  it('finds multi-word commands and passes the rest as arguments', () => {
    const found = resolveCommand(['projections', 'rebuild', '--batch-size', '5000']);
    expect(found?.args).toEqual(['--batch-size', '5000']);
    expect(found?.command.summary).toMatch(/analytics/);
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
