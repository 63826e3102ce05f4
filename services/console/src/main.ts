// The console: the web app for HR, managers, employees and integrators, and the one origin
// it calls the services' public APIs through (see server.ts).
import { ConfigError } from '@talentloop/config';
import { consoleConfigFromEnv } from './console.config';
import { startConsoleServer } from './server';

const main = async () => {
  let config;
  try {
    config = consoleConfigFromEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`console: bad configuration: ${error.message}`);
    process.exit(1);
  }
  const server = await startConsoleServer(config);
  console.log(`console listening on http://127.0.0.1:${server.port} (${config.auth.mode} sign-in)`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
