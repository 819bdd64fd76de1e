// The global `expect` and `jest` of @types/jest, handed to the shared calls.
const globalExpect = expect;
const globalJest = jest;
export { globalExpect as expect, globalJest as jest };
