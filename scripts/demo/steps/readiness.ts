import { DemoFailure } from '../http';
import { line, step } from '../print';
import { api } from '../run';

/** Every service answers /health/ready, or the demo stops before it starts. */
export const servicesReady = async () => {
  step('Services ready');
  for (const [name, url] of Object.entries(api.urls)) {
    const response = await fetch(`${url}/health/ready`).catch((error: Error) => {
      throw new DemoFailure(
        `${name} at ${url} does not answer (${error.message}); run \`npm start\``,
      );
    });
    if (!response.ok)
      throw new DemoFailure(`${name} is not ready: HTTP ${response.status}`, await response.text());
  }
  line(`all ${Object.keys(api.urls).length} answer /health/ready`);
};
