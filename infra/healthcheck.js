// Container health check (node only: the slim image has no curl).
//   HEALTH_URL=http://127.0.0.1:3000/health/ready → healthy when it answers 2xx within 4 s (the api's readiness:
//                                                   store reachable, read models caught up; docker-compose.yml)
//   HEALTH_TCP=eventstoredb:2113,kafka:9092        → healthy when every host:port accepts a TCP connection
// HEALTH_URL wins when both are set; with neither, it checks the API's liveness on 127.0.0.1:$PORT/health/live
// (the image's default HEALTHCHECK: an orchestrator that restarts unhealthy containers must not restart an api
// that is only catching up after a restart).
'use strict';
const net = require('node:net');

const TIMEOUT_MS = 4000;

async function checkUrl(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
}

function checkTcp(target) {
  const [host, port] = target.trim().split(':');
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port: Number(port), timeout: TIMEOUT_MS });
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error(`${target}: timeout`));
    });
    socket.once('error', (err) => reject(new Error(`${target}: ${err.message}`)));
  });
}

async function main() {
  const url = process.env.HEALTH_URL;
  const tcp = process.env.HEALTH_TCP;
  if (url || !tcp) await checkUrl(url || `http://127.0.0.1:${process.env.PORT || 3000}/health/live`);
  else await Promise.all(tcp.split(',').filter(Boolean).map(checkTcp));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`unhealthy: ${err.message}`);
    process.exit(1);
  },
);
