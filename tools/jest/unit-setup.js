// Unit project's time limit for every test and hook. Several unit specs start PGlite (PostgreSQL compiled to
// WebAssembly) or build the four apps' OpenAPI documents: a second or two on an idle machine, but more than jest's
// 5 s default when a full run shares the cores with the browser tests. One generous limit here, instead of a
// per-file patch, keeps a hung test failing while no test asserts a time (none may).
jest.setTimeout(60_000);
