// The read floor of a text file (bench/cli-files.mjs): its bytes read in 256 KiB pieces, decoded as
// UTF-8 and its lines counted, which any reader of the file does at the least.
//
//   node bench/read-floor.mjs input.csv        prints { lines }
import { createReadStream } from 'node:fs';

const [file] = process.argv.slice(2);
const decoder = new TextDecoder('utf-8', { fatal: true });
let lines = 0;
for await (const chunk of createReadStream(file, { highWaterMark: 1 << 18 })) {
  const text = decoder.decode(chunk, { stream: true });
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
}
decoder.decode();
console.log(JSON.stringify({ lines }));
