import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHmac, randomBytes } from 'node:crypto';
import { dirname } from 'node:path';

/**
 * Signing secrets are derived, not stored (ADR 0015): secret = HMAC-SHA256(master key, "ledger-webhook|v1|<webhookId>").
 * The master key comes from LEDGER_WEBHOOK_KEY or a file generated in the data dir on first use; every replica
 * with the same key derives the same secret, the event log never holds one, and the API returns it only in the
 * answer to the registration.
 */
export class WebhookSecrets {
  constructor(private readonly key: Uint8Array) {
    if (key.length < 32) throw new Error('the webhook master key must be at least 32 bytes');
  }

  static fromConfig(config: { key: string | null; keyFile: string }): WebhookSecrets {
    if (config.key) return new WebhookSecrets(new TextEncoder().encode(config.key));
    mkdirSync(dirname(config.keyFile), { recursive: true });
    if (!existsSync(config.keyFile)) {
      try {
        writeFileSync(config.keyFile, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
        chmodSync(config.keyFile, 0o600);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // another process created it first
      }
    }
    return new WebhookSecrets(new TextEncoder().encode(readFileSync(config.keyFile, 'utf8').trim()));
  }

  secretOf(webhookId: string): string {
    return `whsec_${createHmac('sha256', this.key).update(`ledger-webhook|v1|${webhookId}`).digest('base64url')}`;
  }

  static hint(secret: string): string {
    return secret.slice(-4);
  }
}
