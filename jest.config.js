// One Jest run for the whole workspace; test tiers are told apart by file name.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    `<rootDir>/${target}`,
  ]),
);

const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const tier = (displayName, pattern, extra = {}) => ({
  displayName,
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testMatch: [`<rootDir>/{libs,services,deploy,bench,scripts}/**/${pattern}`],
  // dist/ holds the compiled services (scripts/build.js), never tests or modules to map.
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  ...extra,
});

module.exports = {
  projects: [
    tier('unit', '*.unit.spec.ts'),
    tier('int', '*.int.spec.ts', { slowTestThreshold: 30 }),
    tier('e2e', '*.e2e.spec.ts', { slowTestThreshold: 60 }),
  ],
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
