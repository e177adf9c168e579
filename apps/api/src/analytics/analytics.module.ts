import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { AnalyticsScope } from './analytics-scope';
import { ZombiesController } from './zombies/zombies.http.controller';
import { ReversalsController } from './reversals/reversals.http.controller';
import { InfluenceController } from './influence/influence.http.controller';
import { HealthAnalyticsController } from './health/health.http.controller';
import { TrendController } from './trend/trend.http.controller';
import { PortfolioController } from './portfolio/portfolio.http.controller';
import { ForumAnalyticsController } from './forums/forum-analytics.http.controller';
import { AgainstScoreController } from './against-score/against-score.http.controller';
import { CalibrationController } from './calibration/calibration.http.controller';

/** Zombie, reversal, influence and health analytics, read from ClickHouse (chDB embedded). */
@Module({
  imports: [ItemsModule],
  controllers: [ZombiesController, ReversalsController, InfluenceController, HealthAnalyticsController, TrendController, PortfolioController, ForumAnalyticsController, AgainstScoreController, CalibrationController],
  providers: [AnalyticsScope],
})
export class AnalyticsModule {}
