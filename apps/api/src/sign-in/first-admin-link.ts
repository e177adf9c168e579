import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { linkRefused } from '@ledger/domain';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../infrastructure/tokens';
import { AccessDirectory } from './access-directory';

export const FIRST_ADMIN_PREFIX = 'boot_';
export const INVITATION_PREFIX = 'inv_';

export const sha256Hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** A sign-in link's secret: a prefix saying what it opens, then 256 random bits. */
export const newLinkToken = (prefix: string): string => prefix + randomBytes(32).toString('base64url');

/** Where the web app reads the token from: the URL fragment, which browsers never send to a server or a Referer. */
export const signInLink = (origin: string, token: string): string => `${origin}/app/sign-in#token=${token}`;

/**
 * The first admin's one-time link (embedded sign-in only): while no admin has ever signed in, each start makes a
 * new secret, kept only in this process's memory (as a hash once printed), so a restart invalidates the previous
 * link. Redeeming it once starts the first admin session; the directory's decider refuses it once any admin has
 * signed in, which also covers two replicas' links.
 */
@Injectable()
export class FirstAdminLink implements OnApplicationBootstrap {
  private token: string | null = null;
  private hash: Buffer | null = null;

  constructor(
    private readonly directory: AccessDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.directory.loaded;
    if (this.config.oidc === null && !this.directory.state.adminHasSignedIn) {
      this.token = newLinkToken(FIRST_ADMIN_PREFIX);
      this.hash = createHash('sha256').update(this.token).digest();
    }
  }

  /** Whether a first-admin link is waiting to be redeemed in this process. */
  get pending(): boolean {
    return this.hash !== null && !this.directory.state.adminHasSignedIn;
  }

  /** The link, handed out once (main.ts prints it); afterwards only its hash is kept. */
  takeLink(origin: string): string | null {
    const token = this.token;
    this.token = null;
    return token && this.pending ? signInLink(origin, token) : null;
  }

  /** Throws SIGN_IN.LINK_INVALID unless `token` is this process's unredeemed first-admin secret. */
  check(token: string): void {
    const given = createHash('sha256').update(token).digest();
    if (this.hash === null || !timingSafeEqual(given, this.hash)) throw linkRefused(false);
  }

  redeemed(): void {
    this.hash = null;
    this.token = null;
  }
}
