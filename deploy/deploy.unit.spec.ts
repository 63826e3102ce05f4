/**
 * The production topology cannot run here (no Docker engine, no cluster), so it is checked
 * statically: the compose file against the Compose Specification schema, the Kubernetes
 * manifests for what the cluster needs, and both against what every service and the console
 * read at start.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json';
import { ConfigError } from '@talentloop/config';
import { describeAcl, serviceAcls, servicesOnTheBus } from '@talentloop/messaging';
import { parseDocument } from 'yaml';
import {
  ANALYTICS_DEFAULT_PORT,
  analyticsConfigFromEnv,
} from '../services/analytics/src/analytics.config';
import {
  APPROVAL_DEFAULT_PORT,
  approvalConfigFromEnv,
} from '../services/approval/src/approval.config';
import {
  ASSESSMENT_DEFAULT_PORT,
  assessmentConfigFromEnv,
} from '../services/assessment/src/assessment.config';
import {
  NOTIFICATIONS_DEFAULT_PORT,
  notificationsConfigFromEnv,
} from '../services/notifications/src/notifications.config';
import {
  PLANNING_DEFAULT_PORT,
  planningConfigFromEnv,
} from '../services/planning/src/planning.config';
import {
  CONSOLE_DEFAULT_PORT,
  consoleApis,
  consoleConfigFromEnv,
} from '../services/console/src/console.config';
import {
  COMPOSE_FILE,
  composeEnvironment,
  containerEnvironment,
  hostsOf,
  objectsOfKind,
  readCompose,
  readManifests,
  recordingReads,
  ROOT,
  type ConfigMap,
  type Container,
  type Deployment,
  type Environment,
  type HttpProbe,
  type K8sObject,
  type Secret,
  type Service,
} from './topology';

interface ServiceUnderTest {
  readonly name: string;
  readonly configFromEnv: (env: NodeJS.ProcessEnv) => unknown;
  readonly defaultPort: number;
  /** Publishes its own events, so runs a relay with a checkpoint file. */
  readonly relays: boolean;
  /** Settings read only when another one is set: each variant is read too. */
  readonly variants: readonly Environment[];
}

const services: readonly ServiceUnderTest[] = [
  {
    name: 'assessment',
    configFromEnv: assessmentConfigFromEnv,
    defaultPort: ASSESSMENT_DEFAULT_PORT,
    relays: true,
    variants: [],
  },
  {
    name: 'planning',
    configFromEnv: planningConfigFromEnv,
    defaultPort: PLANNING_DEFAULT_PORT,
    relays: true,
    // The model settings are read only once a model is named.
    variants: [{ PLANNING_AI_MODEL: 'gpt-4o-mini' }],
  },
  {
    name: 'approval',
    configFromEnv: approvalConfigFromEnv,
    defaultPort: APPROVAL_DEFAULT_PORT,
    relays: true,
    variants: [],
  },
  {
    name: 'analytics',
    configFromEnv: analyticsConfigFromEnv,
    defaultPort: ANALYTICS_DEFAULT_PORT,
    relays: false,
    variants: [],
  },
  {
    name: 'notifications',
    configFromEnv: notificationsConfigFromEnv,
    defaultPort: NOTIFICATIONS_DEFAULT_PORT,
    relays: false,
    variants: [],
  },
];

/**
 * The console: built from the same Dockerfile and run beside the services, but no service of
 * the bus (no event store, Kafka or database). It serves the web app and passes
 * /api/<service>/… on to each service's API.
 */
const CONSOLE = 'console';

/** Everything the Dockerfile builds an image of and the topology runs: the services, the console. */
const applications: readonly { readonly name: string; readonly defaultPort: number }[] = [
  ...services,
  { name: CONSOLE, defaultPort: CONSOLE_DEFAULT_PORT },
];

/** The variable naming the base URL of the API the console passes /api/<api>/… on to. */
const consoleUrlVariable = (api: string) => `CONSOLE_${api.toUpperCase()}_URL`;

/** Every variable the console's config reads, given an environment. */
const consoleVariablesRead = (environment: Environment): ReadonlySet<string> => {
  const recording = recordingReads(environment);
  consoleConfigFromEnv(recording.env);
  return recording.read;
};

/** An issuer as compared by the console and the services: without trailing slashes. */
const issuerOf = (value: string | undefined) => (value ?? '').replace(/\/+$/, '');

const DOCKERFILE = readFileSync(join(ROOT, 'deploy', 'docker', 'Dockerfile'), 'utf8');

/** Set for every service but read outside the config functions (Node, the OpenTelemetry SDK). */
const READ_ELSEWHERE = ['NODE_ENV', 'OTEL_SERVICE_NAME'];
const PINO_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

/** Every variable a service's config reads, over its base environment and its variants. */
const variablesRead = (service: ServiceUnderTest, environment: Environment): Set<string> => {
  const read = new Set<string>();
  for (const variant of [{}, ...service.variants]) {
    const recording = recordingReads({ ...environment, ...variant });
    service.configFromEnv(recording.env);
    for (const variable of recording.read) read.add(variable);
  }
  return read;
};

const compose = readCompose();
const manifests = readManifests();
const deployments = objectsOfKind<Deployment>(manifests, 'Deployment');
const kubernetesServices = objectsOfKind<Service>(manifests, 'Service');

const deploymentOf = (name: string): Deployment => {
  const found = deployments.find((deployment) => deployment.metadata?.name === name);
  if (!found) throw new Error(`no Deployment ${name} in deploy/k8s`);
  return found;
};
const containerOf = (name: string): Container => {
  const [container] = deploymentOf(name).spec.template.spec.containers;
  return container;
};
const k8sEnvironment = (name: string): Environment =>
  containerEnvironment(containerOf(name), manifests);
const composeEnvironmentOf = (name: string): Environment =>
  composeEnvironment(compose.services[name]);

const environments: readonly {
  readonly where: string;
  readonly of: (service: string) => Environment;
}[] = [
  { where: 'docker-compose.yml', of: composeEnvironmentOf },
  { where: 'deploy/k8s', of: k8sEnvironment },
];

describe('the services of the topology', () => {
  it('are, with the console, every folder of services/', () =>
    expect([...services.map((service) => service.name), CONSOLE].sort()).toEqual(
      readdirSync(join(ROOT, 'services')).sort(),
    ));

  it('are the five APIs the console passes calls on to', () =>
    expect([...consoleApis].sort()).toEqual(services.map((service) => service.name).sort()));

  it.each(services)('$name: the config defaults to the port in app.module.ts', async (service) => {
    const { service: description } = (await import(
      `../services/${service.name}/src/app.module`
    )) as { service: { name: string; defaultPort: number } };
    expect(description.name).toBe(service.name);
    expect(service.defaultPort).toBe(description.defaultPort);
  });
});

describe('docker-compose.yml', () => {
  describe('given the Compose Specification schema vendored in deploy/schemas', () => {
    const schemaText = readFileSync(join(__dirname, 'schemas', 'compose-spec.json'), 'utf8');
    const schema = JSON.parse(schemaText) as { $schema: string };

    it('is the upstream schema (compose-spec/compose-spec@a08f8d5, schema/compose-spec.json)', () =>
      // sha256 of JSON.stringify of the upstream file, so reformatting does not matter.
      expect(createHash('sha256').update(JSON.stringify(schema)).digest('hex')).toBe(
        '0153d608a639930947442e99df4a4951652d4518bbb299490d97c82066b1be66',
      ));

    // The schema names draft-07 by its https address; Ajv knows it by the http one.
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addMetaSchema({ ...draft07, $id: schema.$schema });
    const validate = ajv.compile(schema);

    it('when the compose file is validated, then it conforms', () => {
      const valid = validate(compose);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    });

    it('when a service has a mistake, then the schema catches it', () => {
      const broken = {
        ...compose,
        services: {
          ...compose.services,
          planning: {
            ...compose.services['planning'],
            depends_on: { kafka: { condition: 'service_ready' } },
          },
        },
      };
      expect(validate(broken)).toBe(false);
    });
  });

  it('parses without YAML errors or warnings', () => {
    const document = parseDocument(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true });
    expect([...document.errors, ...document.warnings].map((error) => error.message)).toEqual([]);
  });

  describe.each(applications)('the $name container', (service) => {
    const definition = compose.services[service.name];
    const environment = composeEnvironmentOf(service.name);

    it('is built from the shared Dockerfile for this service', () => {
      expect(definition.build).toMatchObject({
        context: '.',
        dockerfile: 'deploy/docker/Dockerfile',
        args: { SERVICE: service.name },
      });
      expect(existsSync(join(ROOT, 'services', service.name, 'src', 'main.ts'))).toBe(true);
    });

    it('is configured by its environment only, with no env_file and no interpolation', () => {
      expect(definition.env_file).toBeUndefined();
      expect(Object.values(environment).filter((value) => value.includes('$'))).toEqual([]);
    });

    it('publishes the port it listens on and has a readiness health check', () => {
      expect(definition.ports).toEqual([`${service.defaultPort}:${environment['PORT']}`]);
      expect(JSON.stringify(definition.healthcheck?.test)).toContain('/health/ready');
    });
  });

  describe.each(services)('the $name service', (service) => {
    const definition = compose.services[service.name];
    const environment = composeEnvironmentOf(service.name);

    it('waits for a healthy server of everything it connects to', () => {
      const hosts = [
        ...hostsOf(environment['ESDB_CONNECTION_STRING'] ?? ''),
        ...hostsOf(environment['KAFKA_BROKERS'] ?? ''),
        ...(environment['READ_MODELS'] === 'mongo' || environment['KEY_STORE'] === 'mongo'
          ? hostsOf(environment['MONGODB_URI'])
          : []),
        ...hostsOf(environment['SMTP_URL'] ?? ''),
      ];
      expect(hosts.length).toBeGreaterThan(0);
      for (const host of hosts) {
        expect(Object.keys(compose.services)).toContain(host);
        expect(compose.services[host].healthcheck).toBeDefined();
      }
      // On Kafka with ACLs, the topics and ACLs are declared (kafka-setup) before it starts.
      const setup =
        environment['KAFKA_TOPICS_AT_START'] === 'false'
          ? { 'kafka-setup': { condition: 'service_completed_successfully' } }
          : {};
      expect(definition.depends_on).toEqual({
        ...Object.fromEntries(hosts.map((host) => [host, { condition: 'service_healthy' }])),
        ...setup,
      });
    });

    it('signs in to Kafka as its own user, with the password the broker gave that user', () => {
      expect(environment['KAFKA_SECURITY_PROTOCOL']).toBe('SASL_SSL');
      expect(environment['KAFKA_SASL_USERNAME']).toBe(service.name);
      const users = new Map(
        String(
          (compose.services['kafka'].environment as Record<string, unknown>)[
            'TALENTLOOP_KAFKA_USERS'
          ],
        )
          .split(',')
          .map((pair) => pair.split('=') as [string, string]),
      );
      expect(users.get(service.name)).toBe(environment['KAFKA_SASL_PASSWORD']);
    });
  });

  it('declares the topics and grants the ACLs as admin before the services start', () => {
    const setup = compose.services['kafka-setup'];
    const environment = composeEnvironment(setup);
    expect(JSON.stringify(setup.command)).toContain('kafka-topics.js');
    expect(JSON.stringify(setup.command)).toContain('kafka-acls.js');
    expect(environment['KAFKA_SASL_USERNAME']).toBe('admin');
    expect(
      String(
        (compose.services['kafka'].environment as Record<string, unknown>)['KAFKA_SUPER_USERS'],
      ),
    ).toContain('User:admin');
  });

  it('advertises to the services the Kafka listener they are given', () => {
    const advertised = String(
      (compose.services['kafka'].environment as Record<string, unknown>)[
        'KAFKA_ADVERTISED_LISTENERS'
      ],
    );
    for (const service of services)
      for (const broker of composeEnvironmentOf(service.name)['KAFKA_BROKERS'].split(','))
        expect(advertised).toContain(`//${broker}`);
  });

  describe('the mails of notifications', () => {
    const environment = composeEnvironmentOf('notifications');
    const smtp = new URL(environment['SMTP_URL']);
    const catcher = compose.services[smtp.hostname];

    it('go to the Mailpit of the compose file, on its SMTP port, a pinned version', () => {
      expect(smtp.protocol).toBe('smtp:');
      expect(catcher?.image).toMatch(/^axllent\/mailpit:v\d+\.\d+\.\d+$/);
      // Mailpit's SMTP port; it stays inside the compose network.
      expect(smtp.port).toBe('1025');
      expect((catcher?.ports ?? []).filter((port) => port.endsWith(':1025'))).toEqual([]);
    });

    it('are shown by its web UI, published on 8025, and it has a health check', () => {
      expect(catcher?.ports).toContain('8025:8025');
      expect(JSON.stringify(catcher?.healthcheck?.test)).toContain('readyz');
    });

    it('link to unsubscribe at the address notifications is published on', () => {
      const published = (compose.services['notifications'].ports ?? []).map(
        (port) => port.split(':')[0],
      );
      const publicUrl = new URL(environment['NOTIFICATIONS_PUBLIC_URL']);
      expect(publicUrl.hostname).toBe('localhost');
      expect(published).toContain(publicUrl.port);
      expect(new URL(environment['NOTIFICATIONS_APP_URL']).protocol).toMatch(/^https?:$/);
    });
  });

  describe('the console', () => {
    const definition = compose.services[CONSOLE];
    const environment = composeEnvironmentOf(CONSOLE);

    it.each([...consoleApis])(
      'passes /api/%s/… on to that compose service, on the port it listens on',
      (api) => {
        const target = new URL(environment[consoleUrlVariable(api)]);
        expect(target.protocol).toBe('http:');
        expect(target.hostname).toBe(api);
        expect(target.port).toBe(composeEnvironmentOf(api)['PORT']);
        expect(compose.services[api].healthcheck).toBeDefined();
      },
    );

    it('starts once every service it passes calls on to is healthy, and needs nothing else', () =>
      expect(definition.depends_on).toEqual(
        Object.fromEntries(consoleApis.map((api) => [api, { condition: 'service_healthy' }])),
      ));

    it('is where the mails of notifications link to', () => {
      const app = new URL(composeEnvironmentOf('notifications')['NOTIFICATIONS_APP_URL']);
      const published = (definition.ports ?? []).map((port) => port.split(':')[0]);
      expect(app.hostname).toBe('localhost');
      expect(published).toContain(app.port);
    });
  });

  it('names the replica set MongoDB runs in the analytics connection string', () => {
    const command = compose.services['mongo'].command ?? [];
    const replicaSet = command[command.indexOf('--replSet') + 1];
    expect(composeEnvironmentOf('analytics')['MONGODB_URI']).toContain(`replicaSet=${replicaSet}`);
  });
});

describe('the Kubernetes manifests in deploy/k8s', () => {
  it.each(manifests.map((manifest) => [manifest.file, manifest] as const))(
    '%s parses into objects with apiVersion, kind and metadata.name',
    (_file, manifest) => {
      expect(manifest.errors).toEqual([]);
      expect(manifest.objects.length).toBeGreaterThan(0);
      for (const object of manifest.objects) {
        expect(typeof object.apiVersion).toBe('string');
        expect(typeof object.kind).toBe('string');
        expect(typeof object.metadata?.name).toBe('string');
      }
    },
  );

  it('lists every manifest in the kustomization, and nothing else', () => {
    const [kustomization] = objectsOfKind<K8sObject & { resources: string[] }>(
      manifests,
      'Kustomization',
    );
    expect([...kustomization.resources].sort()).toEqual(
      manifests.map((manifest) => manifest.file).filter((file) => file !== 'kustomization.yaml'),
    );
  });

  it('puts every object in the talentloop namespace', () => {
    const namespaced = manifests
      .flatMap((manifest) => manifest.objects)
      .filter((object) => object.kind !== 'Namespace' && object.kind !== 'Kustomization');
    expect(namespaced.filter((object) => object.metadata?.namespace !== 'talentloop')).toEqual([]);
    expect(objectsOfKind(manifests, 'Namespace').map((n) => n.metadata?.name)).toEqual([
      'talentloop',
    ]);
  });

  it('gives ConfigMap and Secret values as strings, as the API server requires', () => {
    const values = [
      ...objectsOfKind<ConfigMap>(manifests, 'ConfigMap').flatMap((map) =>
        Object.values(map.data ?? {}),
      ),
      ...objectsOfKind<Secret>(manifests, 'Secret').flatMap((secret) =>
        Object.values(secret.stringData ?? {}),
      ),
    ];
    expect(values.length).toBeGreaterThan(0);
    expect(values.filter((value) => typeof value !== 'string')).toEqual([]);
  });

  it('has exactly one Deployment per service, and one for the console', () =>
    expect(deployments.map((deployment) => deployment.metadata?.name).sort()).toEqual(
      applications.map((application) => application.name).sort(),
    ));

  describe.each(applications)('the $name Deployment', (service) => {
    const deployment = deploymentOf(service.name);
    const { template } = deployment.spec;
    const container = containerOf(service.name);
    const environment = k8sEnvironment(service.name);
    const portOf = (probe: HttpProbe | undefined) => {
      const port = probe?.httpGet?.port;
      return typeof port === 'number'
        ? port
        : container.ports?.find((candidate) => candidate.name === port)?.containerPort;
    };

    it('selects the pods of its template', () =>
      expect(template.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels));

    it('probes start-up and liveness on /health/live and readiness on /health/ready, on the port it listens on', () => {
      expect(container.startupProbe?.httpGet?.path).toBe('/health/live');
      expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
      expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
      expect(portOf(container.startupProbe)).toBe(Number(environment['PORT']));
      expect(portOf(container.livenessProbe)).toBe(Number(environment['PORT']));
      expect(portOf(container.readinessProbe)).toBe(Number(environment['PORT']));
    });

    it('gives each variable of its env a string value or a reference', () =>
      expect(
        (container.env ?? []).filter(
          (variable) => typeof variable.value !== 'string' && variable.valueFrom === undefined,
        ),
      ).toEqual([]));

    it('requests and limits CPU and memory', () => {
      expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
    });

    it('runs as a numeric non-root user without privilege escalation', () => {
      const pod = template.spec.securityContext ?? {};
      const own = container.securityContext ?? {};
      expect(own.runAsNonRoot ?? pod.runAsNonRoot).toBe(true);
      expect(own.runAsUser ?? pod.runAsUser).toBeGreaterThan(0);
      expect(own.allowPrivilegeEscalation).toBe(false);
      expect(own.capabilities?.drop).toContain('ALL');
    });

    it('mounts no service account token', () =>
      expect(template.spec.automountServiceAccountToken).toBe(false));

    it('is selected by a Service whose target port is the container port', () => {
      const selecting = kubernetesServices.filter((candidate) =>
        Object.entries(candidate.spec.selector).every(
          ([label, value]) => template.metadata.labels[label] === value,
        ),
      );
      expect(selecting.map((candidate) => candidate.metadata?.name)).toEqual([service.name]);
      const targets = selecting[0].spec.ports.map((port) => port.targetPort);
      expect(
        targets.map((target) =>
          typeof target === 'number'
            ? target
            : container.ports?.find((port) => port.name === target)?.containerPort,
        ),
      ).toEqual([Number(environment['PORT'])]);
    });
  });

  it.each(services)(
    'the $name Deployment asks Prometheus to scrape /metrics on its port',
    (service) =>
      expect(deploymentOf(service.name).spec.template.metadata.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/path': '/metrics',
        'prometheus.io/port': k8sEnvironment(service.name)['PORT'],
      }),
  );

  describe('the console Deployment, beyond what every Deployment has', () => {
    const { template } = deploymentOf(CONSOLE).spec;
    const container = containerOf(CONSOLE);
    const environment = k8sEnvironment(CONSOLE);

    it.each([...consoleApis])(
      'passes /api/%s/… on to the Service of that name, on a port it serves',
      (api) => {
        const target = new URL(environment[consoleUrlVariable(api)]);
        expect(target.protocol).toBe('http:');
        expect(target.hostname).toBe(api);
        const service = kubernetesServices.find((candidate) => candidate.metadata?.name === api);
        expect(service?.spec.ports.map((port) => port.port)).toContain(Number(target.port || '80'));
      },
    );

    it('has nothing of the bus: no Kafka user, no Kafka settings, no CA mounted', () => {
      expect(
        objectsOfKind(manifests, 'KafkaUser').map((user) => user.metadata?.name),
      ).not.toContain(CONSOLE);
      expect(Object.keys(environment).filter((variable) => variable.startsWith('KAFKA_'))).toEqual(
        [],
      );
      expect(template.spec.volumes ?? []).toEqual([]);
      expect(container.volumeMounts ?? []).toEqual([]);
    });

    it('is not scraped by Prometheus, since it serves no /metrics', () =>
      expect(
        Object.keys(template.metadata.annotations ?? {}).filter((key) =>
          key.startsWith('prometheus.io/'),
        ),
      ).toEqual([]));

    it('is where the mails of notifications link to: a public https address', () =>
      expect(new URL(k8sEnvironment('notifications')['NOTIFICATIONS_APP_URL']).protocol).toBe(
        'https:',
      ));
  });

  describe('the mails of notifications', () => {
    const container = containerOf('notifications');
    const secretRefOf = (name: string) =>
      container.env?.find((variable) => variable.name === name)?.valueFrom?.secretKeyRef;

    it.each(['SMTP_URL', 'NOTIFICATIONS_UNSUBSCRIBE_SECRET'])(
      '%s comes from a Secret, required (not optional)',
      (variable) => {
        const ref = secretRefOf(variable);
        expect(ref).toMatchObject({ name: 'talentloop-notifications-mail', key: variable });
        expect(ref?.optional ?? false).toBe(false);
        // Not also set by a ConfigMap (envFrom), where it would be readable by more people.
        const configMapKeys = objectsOfKind<ConfigMap>(manifests, 'ConfigMap').flatMap((map) =>
          Object.keys(map.data ?? {}),
        );
        expect(configMapKeys).not.toContain(variable);
      },
    );

    it('are sent over SMTP to a relay, and link to public https addresses', () => {
      const environment = k8sEnvironment('notifications');
      expect(environment['SMTP_URL']).toMatch(/^smtps?:\/\/\S+$/);
      expect(new URL(environment['NOTIFICATIONS_PUBLIC_URL']).protocol).toBe('https:');
      expect(new URL(environment['NOTIFICATIONS_APP_URL']).protocol).toBe('https:');
    });
  });

  it('has no Service that selects no Deployment', () => {
    const selectsSome = (candidate: Service) =>
      deployments.some((deployment) =>
        Object.entries(candidate.spec.selector).every(
          ([label, value]) => deployment.spec.template.metadata.labels[label] === value,
        ),
      );
    expect(kubernetesServices.filter((candidate) => !selectsSome(candidate))).toEqual([]);
  });
});

describe.each(environments)('what the services read, given the environment of $where', (given) => {
  describe.each(services)('$name', (service) => {
    const environment = given.of(service.name);

    it('when its config is read, then it starts with that environment', () => {
      const config = service.configFromEnv(environment) as Record<string, unknown>;
      expect(config).toMatchObject({
        port: 3000,
        host: '0.0.0.0',
        eventStore: { kind: 'esdb', connectionString: environment['ESDB_CONNECTION_STRING'] },
        bus: { kind: 'kafka', brokers: environment['KAFKA_BROKERS'].split(',') },
        logging: { level: environment['LOG_LEVEL'] },
        telemetry: {
          traces: environment['OTEL_TRACES_EXPORTER'],
          metrics: environment['OTEL_METRICS_EXPORTER'],
        },
      });
      // Every service's read side, and the relays' checkpoints and leases, live in MongoDB.
      expect(config['readModels']).toEqual({
        kind: 'mongo',
        uri: environment['MONGODB_URI'],
        dbName: environment['MONGODB_DB'],
      });
    });

    it('when its config is read, then every variable it reads is set explicitly', () => {
      const read = variablesRead(service, environment);
      expect(read.size).toBeGreaterThan(0);
      expect([...read].filter((variable) => !(variable in environment))).toEqual([]);
    });

    it('then every variable set is one it reads (no typo, nothing stale)', () => {
      const read = variablesRead(service, environment);
      expect(
        Object.keys(environment).filter(
          (variable) => !read.has(variable) && !READ_ELSEWHERE.includes(variable),
        ),
      ).toEqual([]);
    });

    it('then logs at a pino level and names itself for tracing', () => {
      expect(PINO_LEVELS).toContain(environment['LOG_LEVEL']);
      expect(environment['OTEL_SERVICE_NAME']).toBe(service.name);
    });
  });
});

describe.each(environments)('what the console reads, given the environment of $where', (given) => {
  const environment = given.of(CONSOLE);

  it('when its config is read, then it serves the web app the image holds and the five APIs', () => {
    const config = consoleConfigFromEnv(environment);
    expect(config.port).toBe(CONSOLE_DEFAULT_PORT);
    expect(config.apis).toEqual(
      Object.fromEntries(
        consoleApis.map((api) => [api, environment[consoleUrlVariable(api)].replace(/\/+$/, '')]),
      ),
    );
    // Where the Dockerfile puts the built web app, and the same as its ENV.
    expect(config.webDir).toBe(/^ENV CONSOLE_WEB_DIR=(\S+)$/m.exec(DOCKERFILE)?.[1]);
  });

  it('when its config is read, then every variable it reads is set explicitly', () => {
    const read = consoleVariablesRead(environment);
    expect(read.size).toBeGreaterThan(0);
    expect([...read].filter((variable) => !(variable in environment))).toEqual([]);
  });

  it('then every variable set is one it reads (no typo, nothing stale)', () => {
    const read = consoleVariablesRead(environment);
    expect(Object.keys(environment).filter((variable) => !read.has(variable))).toEqual([]);
  });

  it('then people sign in at an https identity provider, the issuer the services trust', () => {
    const { auth } = consoleConfigFromEnv(environment);
    expect(auth.mode).toBe('production');
    if (auth.mode !== 'production') return;
    expect(new URL(auth.issuer).protocol).toBe('https:');
    expect(auth.clientId).not.toBe('');
    for (const service of services)
      expect(issuerOf(given.of(service.name)['AUTH_ISSUER'])).toBe(issuerOf(auth.issuer));
  });
});

describe('the image of deploy/docker/Dockerfile', () => {
  const workdir = /^WORKDIR (\S+)$/m.exec(DOCKERFILE.split(/^FROM .* AS runtime$/m)[1])?.[1];

  it('builds the console web app before the dev dependencies (Vite) are pruned', () => {
    const build = DOCKERFILE.indexOf('node scripts/build-console.js');
    expect(build).toBeGreaterThan(0);
    expect(build).toBeLessThan(DOCKERFILE.indexOf('npm prune'));
  });

  it("moves it into the console's own dist folder, which only SERVICE=console copies on", () => {
    const webDir = /^ENV CONSOLE_WEB_DIR=(\S+)$/m.exec(DOCKERFILE)?.[1] ?? '';
    expect(webDir.startsWith(`${workdir}/dist/services/${CONSOLE}/`)).toBe(true);
    expect(DOCKERFILE).toContain(`mv "$1" ${webDir.slice(`${workdir}/`.length)}`);
    expect(DOCKERFILE).toContain(
      'COPY --from=deps /app/dist/services/${SERVICE} ./dist/services/${SERVICE}',
    );
  });

  it('runs as the non-root user node, checking its health on /health/ready', () => {
    expect(DOCKERFILE).toMatch(/^USER node$/m);
    expect(DOCKERFILE).toMatch(/^HEALTHCHECK [^]*\/health\/ready/m);
  });
});

describe("Kubernetes' Kafka users", () => {
  const users = objectsOfKind<
    K8sObject & {
      spec: {
        authentication: {
          type: string;
          password: { valueFrom: { secretKeyRef: { name: string; key: string } } };
        };
        authorization: {
          acls: {
            resource: { type: string; name: string; patternType: string };
            operations: string[];
            host: string;
          }[];
        };
      };
    }
  >(manifests, 'KafkaUser');

  it('are one SCRAM-SHA-512 user per service, each with the ACLs of topology/acls.ts', () => {
    expect(users.map((user) => user.metadata?.name).sort()).toEqual(
      services.map((service) => service.name).sort(),
    );
    for (const user of users) {
      expect(user.spec.authentication.type).toBe('scram-sha-512');
      const granted = user.spec.authorization.acls
        .flatMap(({ resource, operations, host }) =>
          operations.map(
            (operation) =>
              describeAcl({
                principal: `User:${String(user.metadata?.name)}`,
                resource: resource.type as 'topic',
                pattern: resource.patternType === 'prefix' ? 'prefixed' : 'literal',
                name: resource.name,
                operation: operation.toLowerCase() as 'read',
              }) + (host === '*' ? '' : ` from ${host}`),
          ),
        )
        .sort();
      const name = user.metadata?.name as keyof typeof servicesOnTheBus;
      expect(granted).toEqual(
        serviceAcls({ name, ...servicesOnTheBus[name] })
          .map(describeAcl)
          .sort(),
      );
    }
  });

  it('give each service the password its Deployment signs in with', () => {
    for (const service of services) {
      const user = users.find((each) => each.metadata?.name === service.name);
      const { name, key } = user!.spec.authentication.password.valueFrom.secretKeyRef;
      const password = containerOf(service.name).env?.find(
        (variable) => variable.name === 'KAFKA_SASL_PASSWORD',
      )?.valueFrom?.secretKeyRef;
      expect(password).toEqual({ name, key });
      expect(k8sEnvironment(service.name)['KAFKA_SASL_USERNAME']).toBe(service.name);
    }
  });
});

it.each(applications)('compose and Kubernetes set the same variables for $name', (service) =>
  expect(Object.keys(k8sEnvironment(service.name)).sort()).toEqual(
    Object.keys(composeEnvironmentOf(service.name)).sort(),
  ),
);

describe('a bad or missing setting stops a service with a ConfigError naming the variable', () => {
  const cases: readonly (readonly [string, Environment, string])[] = [
    ['assessment', { BUS: 'rabbit' }, 'BUS'],
    ['planning', { KAFKA_BROKERS: '' }, 'KAFKA_BROKERS'],
    ['approval', { EVENT_STORE: 'postgres' }, 'EVENT_STORE'],
    ['analytics', { ESDB_CONNECTION_STRING: 'http://kurrentdb:2113' }, 'ESDB_CONNECTION_STRING'],
    ['analytics', { MONGODB_URI: ' ' }, 'MONGODB_URI'],
    ['analytics', { READ_MODELS: 'redis' }, 'READ_MODELS'],
    ['analytics', { ANALYTICS_PRIVACY_THRESHOLD: '2' }, 'ANALYTICS_PRIVACY_THRESHOLD'],
    ['approval', { APPROVAL_OVERDUE_AFTER_DAYS: '0' }, 'APPROVAL_OVERDUE_AFTER_DAYS'],
    ['planning', { PLANNING_DEADLINE_MAX_MONTHS: '2' }, 'PLANNING_DEADLINE_MAX_MONTHS'],
    ['planning', { PLANNING_MAX_ACTIVE_GOALS: '{"acme":5}' }, 'PLANNING_MAX_ACTIVE_GOALS'],
    ['planning', { PLANNING_AI_DRAFTING: '{"acme":"yes"}' }, 'PLANNING_AI_DRAFTING'],
    ['assessment', { ASSESSMENT_PRIORITY_WEIGHTING: 'not json' }, 'ASSESSMENT_PRIORITY_WEIGHTING'],
    ['planning', { PORT: '70000' }, 'PORT'],
    ['approval', { AUTH_ALGORITHMS: 'HS256' }, 'AUTH_ALGORITHMS'],
    ['assessment', { AUTH_MODE: 'development', AUTH_DEV_SECRET: 'x'.repeat(32) }, 'AUTH_MODE'],
    ['analytics', { AUTH_ISSUER: '' }, 'AUTH_ISSUER'],
    ['planning', { AUTH_PUBLIC_KEY: 'not a key', AUTH_JWKS_URL: '' }, 'AUTH_PUBLIC_KEY'],
    ['assessment', { PRIVACY_KEK: '' }, 'PRIVACY_KEK'],
    ['approval', { PRIVACY_KEK: 'c2hvcnQ=' }, 'PRIVACY_KEK'],
    ['analytics', { PRIVACY_KEK_ID: '' }, 'PRIVACY_KEK_ID'],
    ['planning', { PRIVACY_KEK_PREVIOUS: 'old' }, 'PRIVACY_KEK_PREVIOUS'],
    [
      'notifications',
      { NOTIFICATIONS_DELIVERY_CONCURRENCY: '0' },
      'NOTIFICATIONS_DELIVERY_CONCURRENCY',
    ],
    ['notifications', { NOTIFICATIONS_RETRY_GIVE_UP_MS: '100' }, 'NOTIFICATIONS_RETRY_GIVE_UP_MS'],
    ['notifications', { AUTH_AUDIENCE: '' }, 'AUTH_AUDIENCE'],
    ['notifications', { SMTP_URL: 'mailpit:1025' }, 'SMTP_URL'],
    ['notifications', { MAIL_FROM: 'Talentloop' }, 'MAIL_FROM'],
    ['notifications', { NOTIFICATIONS_PUBLIC_URL: 'localhost:3005' }, 'NOTIFICATIONS_PUBLIC_URL'],
    ['notifications', { NOTIFICATIONS_APP_URL: 'app.example.com' }, 'NOTIFICATIONS_APP_URL'],
    [
      'notifications',
      { NOTIFICATIONS_UNSUBSCRIBE_SECRET: 'too-short' },
      'NOTIFICATIONS_UNSUBSCRIBE_SECRET',
    ],
    ['notifications', { NOTIFICATIONS_DIGEST_HOUR_UTC: '24' }, 'NOTIFICATIONS_DIGEST_HOUR_UTC'],
    ['console', { CONSOLE_WEB_DIR: '' }, 'CONSOLE_WEB_DIR'],
    ['console', { CONSOLE_PLANNING_URL: 'planning:3000' }, 'CONSOLE_PLANNING_URL'],
    ['console', { OIDC_ISSUER: 'http://idp.example.com/' }, 'OIDC_ISSUER'],
    ['console', { OIDC_CLIENT_ID: '' }, 'OIDC_CLIENT_ID'],
    ['console', { AUTH_MODE: 'development' }, 'AUTH_DEV_SECRET'],
  ];
  const configFromEnvOf = (name: string) =>
    name === CONSOLE
      ? consoleConfigFromEnv
      : services.find((candidate) => candidate.name === name)?.configFromEnv;

  it.each(cases)('%s given %j: %s', (name, change, variable) => {
    const environment = { ...composeEnvironmentOf(name), ...change };
    let thrown: unknown;
    try {
      configFromEnvOf(name)?.(environment);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(thrown).toMatchObject({ variable, name: 'ConfigError' });
    expect((thrown as ConfigError).message).toMatch(
      new RegExp(`^${variable} .*(must|is required)`),
    );
  });

  it('KAFKA_BROKERS missing altogether with BUS=kafka', () => {
    const environment: Record<string, string> = { ...k8sEnvironment('approval') };
    delete environment['KAFKA_BROKERS'];
    expect(() => approvalConfigFromEnv(environment)).toThrow(
      new ConfigError('KAFKA_BROKERS', 'is required when BUS=kafka'),
    );
  });
});
