import { packageTestConfig } from '../vitest.shared.ts';

// The app's own suite (app-tests/) runs as it is, next to the tests that run each script.
export default packageTestConfig({ include: ['test/**/*.test.ts', 'app-tests/**/*.test.ts'] });
