// The identity provider of the production sign-in suite (identity-provider-server.mjs) as a child
// process: its address is chosen first, so the system can be configured with it before the
// provider, which needs the console's redirect URI, starts.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface IdentityProvider {
  readonly issuer: string;
  readonly jwksUrl: string;
  /** Starts the provider with the console registered as a public client at `redirectUri`. */
  start(redirectUri: string): Promise<void>;
  close(): Promise<void>;
}

const freePort = async (): Promise<number> => {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
};

export const identityProvider = async (claims: {
  readonly audience: string;
  readonly tenant: string;
  readonly roles: readonly string[];
}): Promise<IdentityProvider> => {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    start: async (redirectUri) => {
      const settings = JSON.stringify({ port, redirectUri, ...claims });
      child = spawn(process.execPath, [join(__dirname, 'identity-provider-server.mjs'), settings], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let output = '';
      await new Promise<void>((resolve, reject) => {
        child?.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('ready')) resolve();
        });
        child?.once('exit', (code) => reject(new Error(`the identity provider exited (${code})`)));
      });
    },
    close: async () => {
      if (!child || child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
};
