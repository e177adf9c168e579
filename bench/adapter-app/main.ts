/**
 * A minimal Nest 11 app for comparing HTTP adapters (BENCH_ADAPTER=fastify|express): one controller,
 * a POST validated by a class-validator DTO through the same global ValidationPipe options as the real
 * app, answering a decision-shaped JSON body, and a GET. No database: this isolates adapter + Nest cost.
 * Binds 127.0.0.1 on PORT (0 = ephemeral) and prints "running on http://…".
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Module, Param, Post, ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

const TRIGGERS = ['routine', 'stakeholder-request', 'review', 'new-evidence'] as const;

export class MoveRequestDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  toPosition?: number;

  @IsOptional()
  @IsUUID()
  before?: string;

  @IsOptional()
  @IsIn(TRIGGERS)
  trigger?: (typeof TRIGGERS)[number];

  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  rationale: string;
}

let revision = 0;

@Controller('items')
class ItemsController {
  @Post(':itemId/reprioritize')
  @HttpCode(200)
  reprioritize(@Param('itemId') itemId: string, @Body() body: MoveRequestDto) {
    revision += 1;
    return { id: itemId, revision, position: body.toPosition ?? 1, eventIds: [randomUUID()] };
  }

  @Get(':itemId')
  get(@Param('itemId') itemId: string) {
    return { id: itemId, title: 'Bench item', kind: 'story', status: 'open', rank: 'i', estimate: 3, revision };
  }
}

@Module({ controllers: [ItemsController] })
class BenchModule {}

async function main() {
  const which = process.env.BENCH_ADAPTER ?? 'fastify';
  let app: INestApplication;
  if (which === 'fastify') {
    const { FastifyAdapter } = await import('@nestjs/platform-fastify');
    app = await NestFactory.create(BenchModule, new FastifyAdapter(), { logger: false });
  } else if (which === 'express') {
    const { ExpressAdapter } = await import('@nestjs/platform-express');
    app = await NestFactory.create(BenchModule, new ExpressAdapter(), { logger: false });
  } else {
    throw new Error(`BENCH_ADAPTER must be fastify or express, got ${which}`);
  }
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
    }),
  );
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  process.stdout.write(`adapter bench app (${which}) running on http://127.0.0.1:${port}\n`);
}

main().catch((e) => {
  process.stderr.write(`adapter bench app failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
