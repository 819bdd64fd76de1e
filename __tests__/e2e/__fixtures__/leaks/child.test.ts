import { spawn, type ChildProcess } from 'node:child_process';

let child: ChildProcess;
test('leaks a child process', () => {
  child = spawn('sleep', ['30']);
});
afterAll(() => {
  child.kill();
});
