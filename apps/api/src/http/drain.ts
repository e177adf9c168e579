import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';

/**
 * Set when shutdown begins (before the HTTP server stops accepting): responses then carry
 * `Connection: close`, so keep-alive clients let go and the server can finish without waiting
 * for their keep-alive timeout.
 */
@Injectable()
export class Drain implements BeforeApplicationShutdown {
  draining = false;

  beforeApplicationShutdown(): void {
    this.draining = true;
  }
}
