// The worker of off-thread-json.ts: decodes and parses large JSON bodies so the main thread never does.
// Plain JavaScript with Node's built-ins only: it runs as it is under tsx, the tests and the bundle in dist/.
import { parentPort } from "node:worker_threads";

parentPort.on("message", ({ id, bytes }) => {
  let json;
  try {
    json = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
  } catch {
    parentPort.postMessage({ id, ok: false });
    return;
  }
  parentPort.postMessage({ id, ok: true, json });
});
