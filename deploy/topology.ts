/**
 * Reads the production topology as its runtimes would: the compose file with its YAML merge
 * keys resolved, and the Kubernetes manifests with each container's environment assembled
 * from envFrom and env (ConfigMaps and Secrets). For deploy/deploy.unit.spec.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export const ROOT = join(__dirname, '..');
export const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');
export const K8S_DIR = join(__dirname, 'k8s');

export type Environment = Readonly<Record<string, string>>;

// ---------------------------------------------------------------- compose

export interface ComposeService {
  readonly image?: string;
  readonly build?: { readonly context: string; readonly args?: Record<string, unknown> };
  readonly command?: readonly string[];
  readonly environment?: Record<string, unknown> | readonly string[];
  readonly env_file?: unknown;
  readonly ports?: readonly string[];
  readonly volumes?: readonly string[];
  readonly healthcheck?: { readonly test: readonly string[] | string };
  readonly depends_on?: Record<string, { readonly condition: string }> | readonly string[];
}

export interface ComposeFile {
  readonly services: Record<string, ComposeService>;
  readonly volumes?: Record<string, unknown>;
}

/** The compose file as Compose reads it: merge keys (`<<`) resolved. */
export const readCompose = (): ComposeFile =>
  parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as ComposeFile;

/**
 * The environment Compose gives a service's container: a map or KEY=VALUE list, values as
 * strings. A variable without a value (passed through from the shell) is not set by the file.
 */
export const composeEnvironment = (service: ComposeService): Environment => {
  const { environment } = service;
  if (environment === undefined) return {};
  const entries: [string, unknown][] = Array.isArray(environment)
    ? (environment as readonly string[]).map((line) => {
        const at = line.indexOf('=');
        return at < 0 ? [line, null] : [line.slice(0, at), line.slice(at + 1)];
      })
    : Object.entries(environment);
  return Object.fromEntries(
    entries
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([name, value]) => [name, String(value)]),
  );
};

// ---------------------------------------------------------------- Kubernetes

export interface K8sObject {
  readonly apiVersion?: unknown;
  readonly kind?: unknown;
  readonly metadata?: {
    readonly name?: unknown;
    readonly namespace?: unknown;
    readonly labels?: Record<string, string>;
    readonly annotations?: Record<string, string>;
  };
  readonly [field: string]: unknown;
}

export interface ParsedManifest {
  readonly file: string;
  readonly errors: readonly string[];
  readonly objects: readonly K8sObject[];
}

/** Every YAML file of deploy/k8s, each document parsed. */
export const readManifests = (): ParsedManifest[] =>
  readdirSync(K8S_DIR)
    .filter((file) => file.endsWith('.yaml') || file.endsWith('.yml'))
    .sort()
    .map((file) => {
      const documents = parseAllDocuments(readFileSync(join(K8S_DIR, file), 'utf8'));
      const list = Array.isArray(documents) ? documents : [];
      return {
        file,
        errors: list.flatMap((document) =>
          [...document.errors, ...document.warnings].map((error) => error.message),
        ),
        objects: list
          .map((document) => document.toJS() as unknown)
          .filter((object): object is K8sObject => object !== null && object !== undefined),
      };
    });

export interface HttpProbe {
  readonly httpGet?: { readonly path?: string; readonly port?: string | number };
}

export interface EnvVar {
  readonly name: string;
  /** The API server accepts only a string here. */
  readonly value?: string;
  readonly valueFrom?: {
    readonly configMapKeyRef?: {
      readonly name: string;
      readonly key: string;
      readonly optional?: boolean;
    };
    readonly secretKeyRef?: {
      readonly name: string;
      readonly key: string;
      readonly optional?: boolean;
    };
  };
}

export interface EnvFromSource {
  readonly prefix?: string;
  readonly configMapRef?: { readonly name: string };
  readonly secretRef?: { readonly name: string };
}

export interface SecurityContext {
  readonly runAsNonRoot?: boolean;
  readonly runAsUser?: number;
  readonly allowPrivilegeEscalation?: boolean;
  readonly readOnlyRootFilesystem?: boolean;
  readonly capabilities?: { readonly drop?: readonly string[] };
}

export interface Container {
  readonly name: string;
  readonly image?: string;
  readonly ports?: readonly { readonly name?: string; readonly containerPort: number }[];
  readonly env?: readonly EnvVar[];
  readonly envFrom?: readonly EnvFromSource[];
  readonly startupProbe?: HttpProbe;
  readonly livenessProbe?: HttpProbe;
  readonly readinessProbe?: HttpProbe;
  readonly resources?: {
    readonly requests?: Record<string, unknown>;
    readonly limits?: Record<string, unknown>;
  };
  readonly securityContext?: SecurityContext;
  readonly volumeMounts?: readonly { readonly name: string; readonly mountPath: string }[];
}

export interface Deployment extends K8sObject {
  readonly spec: {
    readonly replicas?: number;
    readonly selector: { readonly matchLabels: Record<string, string> };
    readonly template: {
      readonly metadata: {
        readonly labels: Record<string, string>;
        readonly annotations?: Record<string, string>;
      };
      readonly spec: {
        readonly automountServiceAccountToken?: boolean;
        readonly securityContext?: SecurityContext;
        readonly containers: readonly Container[];
        readonly volumes?: readonly { readonly name: string }[];
      };
    };
  };
}

export interface Service extends K8sObject {
  readonly spec: {
    readonly selector: Record<string, string>;
    readonly ports: readonly { readonly port: number; readonly targetPort?: string | number }[];
  };
}

export interface ConfigMap extends K8sObject {
  readonly data?: Record<string, unknown>;
}

export interface Secret extends K8sObject {
  readonly data?: Record<string, unknown>;
  readonly stringData?: Record<string, unknown>;
}

export const objectsOfKind = <T extends K8sObject>(
  manifests: readonly ParsedManifest[],
  kind: string,
): T[] => manifests.flatMap((manifest) => manifest.objects).filter((o): o is T => o.kind === kind);

const named = <T extends K8sObject>(objects: readonly T[], name: string, what: string): T => {
  const found = objects.find((object) => object.metadata?.name === name);
  if (!found) throw new Error(`no ${what} named ${name} in deploy/k8s`);
  return found;
};

/** A Secret's values: `data` is base64, `stringData` plain (and wins, as in the API server). */
const secretValues = (secret: Secret): Record<string, string> => ({
  ...Object.fromEntries(
    Object.entries(secret.data ?? {}).map(([key, value]) => [
      key,
      Buffer.from(String(value), 'base64').toString('utf8'),
    ]),
  ),
  ...Object.fromEntries(
    Object.entries(secret.stringData ?? {}).map(([key, value]) => [key, String(value)]),
  ),
});

/**
 * The environment the kubelet gives a container: envFrom sources in order, then env entries
 * (which win). A reference to a missing ConfigMap, Secret or key throws, as the pod would not
 * start.
 */
export const containerEnvironment = (
  container: Container,
  manifests: readonly ParsedManifest[],
): Environment => {
  const configMaps = objectsOfKind<ConfigMap>(manifests, 'ConfigMap');
  const secrets = objectsOfKind<Secret>(manifests, 'Secret');
  const configMapValues = (name: string) =>
    Object.fromEntries(
      Object.entries(named(configMaps, name, 'ConfigMap').data ?? {}).map(([key, value]) => [
        key,
        String(value),
      ]),
    );
  const environment: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const values = source.configMapRef
      ? configMapValues(source.configMapRef.name)
      : source.secretRef
        ? secretValues(named(secrets, source.secretRef.name, 'Secret'))
        : {};
    for (const [key, value] of Object.entries(values))
      environment[`${source.prefix ?? ''}${key}`] = value;
  }
  const keyOf = (values: Record<string, string>, key: string, where: string): string => {
    if (!(key in values)) throw new Error(`${where} has no key ${key}`);
    return values[key];
  };
  for (const variable of container.env ?? []) {
    const { configMapKeyRef, secretKeyRef } = variable.valueFrom ?? {};
    environment[variable.name] = configMapKeyRef
      ? keyOf(
          configMapValues(configMapKeyRef.name),
          configMapKeyRef.key,
          `ConfigMap ${configMapKeyRef.name}`,
        )
      : secretKeyRef
        ? keyOf(
            secretValues(named(secrets, secretKeyRef.name, 'Secret')),
            secretKeyRef.key,
            `Secret ${secretKeyRef.name}`,
          )
        : (variable.value ?? '');
  }
  return environment;
};

// ---------------------------------------------------------------- reading

/**
 * The environment wrapped so that every variable a reader looks up is recorded, whether it is
 * set or not.
 */
export const recordingReads = (
  environment: Environment,
): { readonly env: NodeJS.ProcessEnv; readonly read: ReadonlySet<string> } => {
  const read = new Set<string>();
  const env = new Proxy<NodeJS.ProcessEnv>(
    { ...environment },
    {
      get(target, property, receiver) {
        if (typeof property === 'string') read.add(property);
        return Reflect.get(target, property, receiver) as unknown;
      },
      has(target, property) {
        if (typeof property === 'string') read.add(property);
        return Reflect.has(target, property);
      },
      getOwnPropertyDescriptor(target, property) {
        if (typeof property === 'string') read.add(property);
        return Reflect.getOwnPropertyDescriptor(target, property);
      },
    },
  );
  return { env, read };
};

/** The host names of `host:port` lists and of URLs such as esdb://, mongodb://, smtp://. */
export const hostsOf = (value: string): string[] => {
  const authority = value.includes('://') ? value.split('://')[1].split(/[/?]/)[0] : value;
  // user:password@ of a URL's authority is no host.
  const hosts = authority.slice(authority.lastIndexOf('@') + 1);
  return hosts
    .split(',')
    .map((address) => address.trim().split(':')[0])
    .filter(Boolean);
};
