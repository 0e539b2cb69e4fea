// Writes schema/invoice.json and schema/order.json from the zod schemas (run by `build`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { invoiceJsonSchema, orderJsonSchema } from '../src/model/json-schema';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'invoice.json'), `${JSON.stringify(invoiceJsonSchema(), null, 2)}\n`);
writeFileSync(join(dir, 'order.json'), `${JSON.stringify(orderJsonSchema(), null, 2)}\n`);
console.log(`wrote ${dir}/invoice.json and order.json`);
