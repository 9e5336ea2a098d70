// Local Nx plugin: every lib (libs/<name>/src/index.ts) and service (services/<name>/src/main.ts) is a
// project with the same targets, so a new lib or service needs no project file:
//   build      swc, file by file, to dist/<root> (tools/build-project.js); libs first (^build)
//   typecheck  strict tsc over the project's files (tools/typecheck-project.js)
//   test       the project's unit tests (jest project `unit`; no server needed)
//   integration the project's integration tests (jest project `integration`; servers via Testcontainers)
//   lint       ESLint with type-checked rules, zero warnings
const { dirname, basename } = require('path');
const { createNodesFromFiles } = require('nx/src/devkit-exports');

const SOURCES = ['{projectRoot}/**/*', '!{projectRoot}/**/*.md'];
const PRODUCTION = [
  '{projectRoot}/src/**/*',
  '{projectRoot}/seed/**/*',
  '{projectRoot}/package.json',
  '!{projectRoot}/**/*.{spec,int-spec,e2e-spec}.ts',
];

function targetsFor(root) {
  return {
    build: {
      command: `node tools/build-project.js ${root}`,
      cache: true,
      // No ^build: each file is compiled on its own and never reads another project's output; the project graph
      // also has cycles through test folders (service-kit's tests use @cem/testing, which uses service-kit).
      inputs: [...PRODUCTION, '^production', '{workspaceRoot}/.swcrc', '{workspaceRoot}/tools/build-project.js'],
      outputs: [`{workspaceRoot}/dist/${root}`],
    },
    typecheck: {
      command: `node tools/typecheck-project.js ${root}`,
      cache: true,
      inputs: [...SOURCES, '^production', '{workspaceRoot}/tsconfig.base.json', '{workspaceRoot}/tools/typecheck-project.js'],
    },
    test: {
      command: `jest --ci --selectProjects unit --passWithNoTests ${root}/`,
      cache: true,
      inputs: [...SOURCES, '^production', '{workspaceRoot}/jest.config.js', '{workspaceRoot}/.swcrc'],
    },
    integration: {
      command: `jest --ci --selectProjects integration --runInBand --passWithNoTests ${root}/`,
      cache: false,
    },
    lint: {
      command: `eslint --max-warnings=0 ${root}`,
      cache: true,
      inputs: [...SOURCES, '^production', '{workspaceRoot}/eslint.config.mjs', '{workspaceRoot}/tsconfig.base.json'],
    },
  };
}

module.exports.createNodesV2 = [
  '{libs,services}/*/src/{index,main}.ts',
  (files, _options, context) => {
    // Edges between services are dropped so that `^build` stays acyclic: councils' e2e spec imports reporting,
    // whose audit replays the other contexts' deciders. A build compiles file by file and never reads another
    // project's output, so no ordering between services is needed.
    const services = files.filter((f) => f.startsWith('services/') && f.endsWith('main.ts')).map((f) => basename(dirname(dirname(f))));
    return createNodesFromFiles(
      (file) => {
        const root = dirname(dirname(file));
        const kind = root.startsWith('libs/') ? 'lib' : 'service';
        if (kind === 'lib' && !file.endsWith('index.ts')) return {};
        if (kind === 'service' && !file.endsWith('main.ts')) return {};
        const project = {
          root,
          projectType: kind === 'lib' ? 'library' : 'application',
          tags: [`type:${kind}`],
          targets: targetsFor(root),
        };
        // Libs are named by their package.json (@cem/<name>); services by their folder.
        if (kind === 'service') {
          project.name = basename(root);
          project.implicitDependencies = services.filter((s) => s !== project.name).map((s) => `!${s}`);
        }
        return { projects: { [root]: project } };
      },
      files,
      _options,
      context,
    );
  },
];
