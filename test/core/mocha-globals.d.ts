// web-test-runner runs the tests with Mocha's BDD globals; @types/mocha is not installed, so
// declare the few the tests use (function declarations merge if another file declares them too).
type CivicTestDone = (error?: unknown) => void;
type CivicTestBody = (() => void | Promise<unknown>) | ((done: CivicTestDone) => void);
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body?: CivicTestBody): void;
declare function before(body: CivicTestBody): void;
declare function after(body: CivicTestBody): void;
declare function beforeEach(body: CivicTestBody): void;
declare function afterEach(body: CivicTestBody): void;
