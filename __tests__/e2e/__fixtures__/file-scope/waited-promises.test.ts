// Promises that code waits on and that can still settle: leaks.
const replies = new Map<number, (reply: string) => void>();
const request = (id: number) => new Promise<string>((resolve) => replies.set(id, resolve));

const inbox: Array<(message: string) => void> = [];
const nextMessage = () => new Promise<string>((resolve) => inbox.push(resolve));

async function workerLoop(handle: (message: string) => void): Promise<void> {
  for (;;) handle(await nextMessage());
}

test('starts a floating worker loop', () => {
  void workerLoop(() => undefined);
});

test('waits on a reply that never comes', () => {
  void request(7).then((reply) => reply.toUpperCase());
});

test('a clean test after them', async () => {
  await expect(Promise.resolve(1)).resolves.toBe(1);
});
