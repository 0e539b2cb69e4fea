// The sink: a plain node:http server in its own process. The first path segment names the provider
// (/paid/..., /whop/...); it reads each request body to the end, then answers POST with that provider's
// canned create answer and GET with its canned read. Usage: node sink.mjs <canned.json>; prints its port.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const canned = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const answers = new Map();
for (const [provider, { status, text }] of Object.entries(canned.create)) {
  answers.set(`POST ${provider}`, { status, body: Buffer.from(text) });
}
answers.set('GET flowglad', { status: 200, body: Buffer.from(canned.flowgladGet) });
// ChargeOver's client reads the account's currency table once before its first create.
answers.set('GET chargeover', { status: 200, body: Buffer.from(canned.chargeoverCurrencies) });

const server = createServer((req, res) => {
  const segment = req.url.split('/', 2)[1];
  const answer = answers.get(`${req.method} ${segment}`);
  req.on('data', () => {});
  req.on('end', () => {
    if (!answer) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"no route"}');
      return;
    }
    res.writeHead(answer.status, {
      'content-type': 'application/json',
      'content-length': answer.body.length,
      'x-request-id': 'req_sink',
    });
    res.end(answer.body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('disconnect', () => process.exit(0));
