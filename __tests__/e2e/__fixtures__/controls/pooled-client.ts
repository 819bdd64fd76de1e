// A library that keeps a timer on purpose: matched by the ignore rule { kind: 'timer', stack: 'pooled-client' }.
export const keepAlive = () => setTimeout(() => undefined, 10_000);
