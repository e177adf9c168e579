/** jest globalSetup (int project): names this run, so the Kafka specs' broker marker can be found at teardown. */
export default async function setup(): Promise<void> {
  process.env.LEDGER_JEST_RUN_ID = String(process.pid);
}
