import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { AppConfig } from './config/config';
import { AdaptersModule, type AdapterOverrides } from './infrastructure/adapters.module';
import { AuthGuard } from './auth/auth.guard';
import { IdempotencyInterceptor } from './http/idempotency';
import { Drain } from './http/drain';
import { LedgerIndexProjector } from './read-model/ledger-index.projector';
import { ItemsModule } from './items/items.module';
import { BacklogsModule } from './backlogs/backlogs.module';
import { ReadsModule } from './reads.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { ForumsModule } from './forums/forums.module';
import { SignInModule } from './sign-in/sign-in.module';
import { HealthController } from './health/health.http.controller';
import { ProjectionLag } from './health/projection-lag';
import { MetricsController } from './metrics/metrics.http.controller';
import { MetricsListener } from './metrics/metrics-listener';

@Module({})
export class AppModule {
  static forConfig(config: AppConfig, overrides: AdapterOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [AdaptersModule.forConfig(config, overrides), CqrsModule.forRoot(), ItemsModule, BacklogsModule, ReadsModule, AnalyticsModule, WebhooksModule, ForumsModule, SignInModule],
      // Operations (ADR 0028): probes, metrics, and the projection lag both report.
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        LedgerIndexProjector,
        Drain,
        ProjectionLag,
        MetricsListener,
      ],
    };
  }
}
