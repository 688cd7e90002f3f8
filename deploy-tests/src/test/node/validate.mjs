// Validates every Kubernetes object in the JSON array on stdin against the API schemas of kubernetes-models.
// One line per object: "OK <kind>/<name>" or "FAIL <kind>/<name>: <why>". Used by SchemaValidationTest.
import { readFileSync } from "node:fs";

const objects = JSON.parse(readFileSync(0, "utf8"));
let failures = 0;
for (const o of objects) {
  const id = `${o.kind}/${o.metadata?.name}`;
  let mod;
  try {
    mod = await import(`kubernetes-models/${o.apiVersion}/${o.kind}`);
  } catch (e) {
    console.log(`FAIL ${id}: no schema for ${o.apiVersion} ${o.kind}`);
    failures++;
    continue;
  }
  try {
    new mod[o.kind](o).validate();
    console.log(`OK ${id}`);
  } catch (e) {
    console.log(`FAIL ${id}: ${String(e.message).replace(/\s+/g, " ")}`);
    failures++;
  }
}
process.exit(failures === 0 ? 0 : 1);
