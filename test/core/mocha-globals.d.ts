// web-test-runner runs the tests with Mocha's BDD globals; @types/mocha is not installed, so
// declare the few the tests use (function declarations merge if another file declares them too).
type MochaDone = (error?: unknown) => void;
type MochaBody = (() => void | Promise<unknown>) | ((done: MochaDone) => void);
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body?: MochaBody): void;
declare function before(body: MochaBody): void;
declare function after(body: MochaBody): void;
declare function beforeEach(body: MochaBody): void;
declare function afterEach(body: MochaBody): void;
