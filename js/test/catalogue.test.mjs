// The catalogue through npm: `rules()` (the core wasm's `rules` export,
// Rust's ffi::rules_json) equals the native CLI's `rules --format json`
// (target/debug/iot-jobs-policy, `cargo build --locked --features cli`),
// lists the validator's rules, the machine's (J, E, R-) and the reference
// entries (V-, Q-, C-) with their `kind`, and every `rule` the npm machine
// gives over the replay scenarios (examples/scenarios) is one of its ids.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, PKG } from './helpers.mjs';

const NATIVE = path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'debug', 'iot-jobs-policy');
assert.ok(fs.existsSync(NATIVE), `${NATIVE} is missing: run cargo build --locked --features cli`);

const { rules, codes, Job } = await import(path.join(PKG, 'index.mjs'));

/** Known miscitations (see KNOWN_MISCITED in tests/catalogue.rs): allowed, not required. */
const KNOWN_MISCITED = new Set(); // none today: an id here is allowed, not required

test('rules() equals the native `rules --format json`, entry for entry', () => {
  const r = spawnSync(NATIVE, ['rules', '--format', 'json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const native = JSON.parse(r.stdout);
  const npm = rules();
  assert.deepEqual(npm, native);
  // Same member order too (the JSON text as Rust wrote it).
  assert.equal(JSON.stringify(npm) + '\n', r.stdout);
});

test('rules() has every kind, unique ids, J1 and R-1 as machine rules, and each validator reference resolves', () => {
  const all = rules();
  const byId = new Map();
  for (const e of all) {
    assert.ok(!byId.has(e.id), `duplicate id ${e.id}`);
    byId.set(e.id, e);
  }
  const kinds = all.map((e) => e.kind);
  const order = ['validator', 'machine', 'reference'];
  assert.deepEqual([...new Set(kinds)], order, 'validator rules, then machine rules, then reference entries');
  for (const id of ['J1', 'J14', 'E1', 'E15', 'R-1', 'R-22']) assert.equal(byId.get(id)?.kind, 'machine', id);
  for (const id of ['V-1', 'V-36', 'Q-4', 'C-5']) assert.equal(byId.get(id)?.kind, 'reference', id);
  const known = new Set(codes());
  const provenances = new Set(['confirmed', 'documented2022', 'inferred', 'unconfirmed', 'contradictory']);
  for (const e of all) {
    if (e.kind === 'validator') {
      assert.ok(known.has(e.code), e.id);
      for (const ref of e.reference === null ? [] : e.reference.split(', ')) {
        assert.equal(byId.get(ref)?.kind, 'reference', `${e.id}: ${ref}`);
      }
    } else {
      assert.match(e.id, e.kind === 'machine' ? /^(J|E)[1-9]\d*$|^R-[1-9]\d*$/ : /^(V|Q|C)-[1-9]\d*$/);
      assert.ok(provenances.has(e.provenance), e.id);
      assert.ok(e.links.length > 0 && e.links.every((l) => l.startsWith('https://')), e.id);
      if (e.provenance !== 'confirmed' && e.provenance !== 'documented2022') assert.equal(typeof e.choice, 'string', e.id);
    }
  }
});

test('every rule the npm machine gives over the replay scenarios is in rules()', () => {
  const ids = new Set(rules().map((e) => e.id));
  const dir = path.join(ROOT, 'examples', 'scenarios');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  assert.ok(files.length > 0);
  const seen = new Set();
  for (const f of files) {
    const s = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    const { job, effects } = Job.createWithEffects(s.job, {
      things: s.things,
      groups: s.groups,
      createdAt: s.createdAt,
      api: s.options?.api,
      profile: s.options?.profile,
    });
    // A refusal of the machine's own (a bad time) carries no rule; one with a
    // rule must cite an id of rules() (as tests/catalogue.rs).
    const rulesOf = (fx, error) => [...fx.map((e) => e.rule), ...(error && 'rule' in error ? [error.rule] : [])];
    const all = rulesOf(effects);
    for (const { at, ...event } of s.events ?? []) {
      const e = event.type === 'advance' && event.to === undefined ? { ...event, to: at } : event;
      const r = job.step(at, e);
      all.push(...rulesOf(r.effects, r.error));
    }
    for (const rule of all) {
      assert.equal(typeof rule, 'string', f);
      if (KNOWN_MISCITED.has(rule)) continue;
      assert.ok(ids.has(rule), `${f}: rule ${rule} is not in rules()`);
      seen.add(rule);
    }
  }
  for (const id of ['J1', 'E1', 'R-7']) assert.ok(seen.has(id), `no scenario effect carried ${id}`);
});
