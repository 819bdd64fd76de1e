export { expect, jest } from '@jest/globals';
