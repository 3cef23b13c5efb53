// Assembles the publishable package: node tools/build-pkg.mjs <wasm-bindgen out> <pkg dir>
// <out>/web and <out>/nodejs hold the wasm-bindgen outputs: one core module for
// both, and the extras module in two copies (Node's adds the `cliRun` export).
// The package's JavaScript is built from the ES modules in js/src/ by esbuild
// (see ENTRIES below); the types are the hand-written js/*.d.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const js = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [out, pkgArg] = process.argv.slice(2);
const pkg = path.resolve(pkgArg);
fs.mkdirSync(pkg, { recursive: true });

const copy = (from, to) => fs.copyFileSync(from, path.join(pkg, to));
const read = (f) => fs.readFileSync(f, 'utf8');

// The wasm-bindgen `--target nodejs` glue reads its .wasm from `__dirname`
// (`require('fs').readFileSync(...)`), which a bundle (esbuild for a Lambda,
// CDK NodejsFunction, SAM) cannot carry along. The Node glue of the package
// has the module's bytes inlined instead (base64, decoded with `Buffer`), so
// that a bundle is one self-contained file and nothing is read from disk.
function inlineWasm(glue, wasmFile) {
  const load = /^const wasmPath = `\$\{__dirname\}\/([A-Za-z0-9_]+_bg\.wasm)`;\nconst wasmBytes = require\('fs'\)\.readFileSync\(wasmPath\);$/m;
  const m = load.exec(glue);
  if (!m || m[1] !== path.basename(wasmFile)) throw new Error(`the nodejs glue for ${wasmFile} does not load it as expected (wasm-bindgen changed?)`);
  const b64 = fs.readFileSync(wasmFile).toString('base64');
  const out = glue.replace(load, () => `// ${m[1]}, inlined by js/tools/build-pkg.mjs (no file is read at run time).\nconst wasmBytes = Buffer.from('${b64}', 'base64');`);
  if (/require\(|__dirname|import\.meta/.test(out.replace(/^\s*\/\/.*$/gm, ''))) throw new Error(`the nodejs glue for ${wasmFile} still reaches for files`);
  return out;
}

// The core module's Node glue compiles and instantiates its module on the
// first call of one of its exports instead of on `require` (#12): `require`
// no longer pays for decoding the base64 and `new WebAssembly.Module` (about
// 2.5 ms on a quiet machine), which a process that never reaches the module
// (one that only requires the package, a simulateAsync worker thread, whose
// work is in the extras module, or a validate answered without crossing into
// WebAssembly) never pays at all. Every export checks that the instance is
// there first (one comparison a call); the module is still compiled once per
// process.
function deferInstance(glue, file) {
  const start = /^(const wasmBytes = Buffer\.from\('[A-Za-z0-9+/=]*', 'base64'\);)\nconst wasmModule = new WebAssembly\.Module\(wasmBytes\);\nlet wasmInstance = new WebAssembly\.Instance\(wasmModule, __wbg_get_imports\(\)\);\nlet wasm = wasmInstance\.exports;\nwasm\.__wbindgen_start\(\);$/m;
  if (!start.test(glue)) throw new Error(`the nodejs glue ${file} does not instantiate its module as expected (wasm-bindgen changed?)`);
  const names = [...glue.matchAll(/^exports\.(\w+) = (\w+);$/gm)].map((m) => (m[1] === m[2] ? m[1] : ''));
  if (names.length === 0 || names.includes('')) throw new Error(`the nodejs glue ${file} does not export its functions as expected (wasm-bindgen changed?)`);
  let out = glue.replace(
    start,
    (_, bytes) =>
      `let wasm;\n// Added by js/tools/build-pkg.mjs: the module is compiled and instantiated on the first call of an export.\nfunction __wbg_load() {\n    ${bytes}\n    const wasmModule = new WebAssembly.Module(wasmBytes);\n    wasm = new WebAssembly.Instance(wasmModule, __wbg_get_imports()).exports;\n    wasm.__wbindgen_start();\n}`,
  );
  for (const name of names) {
    const declaration = new RegExp(`^function ${name}\\(([^)]*)\\) \\{$`, 'm');
    if (!declaration.test(out)) throw new Error(`the nodejs glue ${file} does not declare its export ${name} as expected (wasm-bindgen changed?)`);
    out = out.replace(declaration, (line) => `${line}\n    if (wasm === undefined) __wbg_load();`);
  }
  return out;
}

// The core module's bytes out of index.cjs (#12): in the default build the
// core's Node glue is bundled into index.cjs, and its 480 KB of base64, though
// only decoded on the first call that needs the module, were still read and
// scanned by every `require` (about 1.5 ms of its 4). They go into a sibling
// file, `iot_jobs_policy_node_bytes.cjs`, which `__wbg_load` requires, so a
// process that never needs the module never reads them. The require is a
// plain relative one (kept external here): a bundler (esbuild for a Lambda)
// follows it, so a bundle stays self-contained.
const CORE_BYTES_FILE = 'iot_jobs_policy_node_bytes.cjs';
function externalBytes(glue, file) {
  const inlined = /^( +)const wasmBytes = Buffer\.from\('([A-Za-z0-9+/=]*)', 'base64'\);$/m;
  const m = inlined.exec(glue);
  if (!m || !/^function __wbg_load\(\) \{$/m.test(glue)) throw new Error(`the nodejs glue ${file} does not load its inlined bytes in __wbg_load as expected`);
  const bytes = `// Generated by js/tools/build-pkg.mjs: the core .wasm (${path.basename(file)}), inlined (base64), required by index.cjs on the first call that needs the module.\nmodule.exports = Buffer.from('${m[2]}', 'base64');\n`;
  const out = glue.replace(inlined, () => `${m[1]}const wasmBytes = require('#glue/core-node-bytes');`).replace('(no file is read at run time)', `(its base64 in ${CORE_BYTES_FILE}, required on first use)`);
  return { glue: out, bytes };
}

// The browsers' .wasm files, fetched by the web glue from
// `new URL('…_bg.wasm', import.meta.url)`, which webpack 5 and Vite follow.
copy(path.join(out, 'web', 'iot_jobs_policy_bg.wasm'), 'iot_jobs_policy_bg.wasm');

// simulateAsync's Web Workers (js/src/simulate-web.js) are given the
// extras module as the page compiled it: the web glue that serves as the
// extras' (the extras glue; in the one-module build the core glue) gets an
// export of it, `compiledModule()`.
const MODULE_HELD = /^let wasmModule, wasmInstance, wasm;$/m;
const MODULE_KEPT = /^\s+wasmModule = module;$/m;
/** @param {string} glue @param {string} file */
function withCompiledModule(glue, file) {
  if (!MODULE_HELD.test(glue) || !MODULE_KEPT.test(glue)) throw new Error(`the web glue ${file} does not keep its module in \`wasmModule\` (wasm-bindgen changed?)`);
  return `${glue}\n// Added by js/tools/build-pkg.mjs: the compiled module (undefined until loaded), for simulateAsync's Web Workers.\nexport function compiledModule() {\n    return wasmModule;\n}\n`;
}
// The worker: that glue, verbatim (a module worker; its exports are
// ignored), and a message handler. Sent `{module, text}` it instantiates the
// module and keeps the simulation's text; then each `{options}` is one
// `simulate(text, options)`, answered as the glue answers it (tagged JSON
// text, parsed on the page as `simulate()` parses it). What throws (a trap)
// is answered as `{error}`, and so is a message that cannot be read here
// (`messageerror`, say a module this browser cannot receive): before
// `{ready}` the page counts it as workers that cannot start, after as a
// worker's failure.
const WORKER_HANDLER = `
// Added by js/tools/build-pkg.mjs: simulateAsync's Web Worker (see js/src/simulate-web.js).
let simulationText;
self.onmessage = (e) => {
    const m = e.data;
    try {
        if (m.module !== undefined) {
            initSync({ module: m.module });
            simulationText = m.text;
            self.postMessage({ ready: true });
        } else {
            self.postMessage({ answer: simulate(simulationText, m.options) });
        }
    } catch (err) {
        self.postMessage({ error: { name: err && err.name, message: String(err && err.message) } });
    }
};
self.onmessageerror = () => {
    self.postMessage({ error: { name: 'DataCloneError', message: 'a simulation worker could not read a message from the page' } });
};
`;
const coreWebGlue = read(path.join(out, 'web', 'iot_jobs_policy.js'));

// The extras module (the transition function and schema(), built with the
// `extras` feature): its .wasm once, its web glue (imported by web.mjs with
// a dynamic import() on `initExtras()`, so bundlers split it off) and its
// nodejs glue (bytes inlined; required by index.cjs on first use, and by the
// npm bin). The opt-in document-schema build has one module with everything:
// there the extras web glue re-exports the core glue (the same exports, one
// instance, so web.mjs needs no probing), and the extras nodejs glue IS the
// one module's glue, which index.cjs requires.
const EXTRAS_FILES = ['iot_jobs_policy_extras_bg.wasm', CORE_BYTES_FILE];
const extras = fs.existsSync(path.join(out, 'web', 'iot_jobs_policy_extras_bg.wasm'));
const coreNodeWasm = path.join(out, 'nodejs', 'iot_jobs_policy_bg.wasm');
const coreNodeGlue = deferInstance(inlineWasm(read(path.join(out, 'nodejs', 'iot_jobs_policy.js')), coreNodeWasm), coreNodeWasm);
// Bundled into index.cjs (the default build): the bytes in their own file.
const coreNodeSplit = externalBytes(coreNodeGlue, coreNodeWasm);
const GENERATED = '// Generated by js/tools/build-pkg.mjs from the wasm-bindgen `--target nodejs` glue, with the .wasm inlined.';
if (extras) {
  fs.writeFileSync(path.join(pkg, CORE_BYTES_FILE), coreNodeSplit.bytes);
  copy(path.join(out, 'web', 'iot_jobs_policy_extras_bg.wasm'), 'iot_jobs_policy_extras_bg.wasm');
  const extrasNodeGlue = inlineWasm(read(path.join(out, 'nodejs', 'iot_jobs_policy_extras.js')), path.join(out, 'nodejs', 'iot_jobs_policy_extras_bg.wasm'));
  fs.writeFileSync(path.join(pkg, 'iot_jobs_policy_extras_node.cjs'), `${GENERATED}\n${extrasNodeGlue}`);
} else {
  fs.writeFileSync(path.join(pkg, 'iot_jobs_policy_web.mjs'), withCompiledModule(coreWebGlue, 'iot_jobs_policy.js'));
  fs.writeFileSync(
    path.join(pkg, 'iot_jobs_policy_extras_web.mjs'),
    "// This build has one module with everything: the extras are the core module's exports.\nexport * from './iot_jobs_policy_web.mjs';\nexport { default } from './iot_jobs_policy_web.mjs';\n",
  );
  fs.writeFileSync(path.join(pkg, 'iot_jobs_policy_extras_node.cjs'), `${GENERATED}\n${coreNodeGlue}`);
}
/** The glue with the extras' functions, as the package has it (with `compiledModule()`). */
const extrasWebGlue = extras ? withCompiledModule(read(path.join(out, 'web', 'iot_jobs_policy_extras.js')), 'iot_jobs_policy_extras.js') : withCompiledModule(coreWebGlue, 'iot_jobs_policy.js');
if (extras) {
  fs.writeFileSync(path.join(pkg, 'iot_jobs_policy_web.mjs'), coreWebGlue);
  fs.writeFileSync(path.join(pkg, 'iot_jobs_policy_extras_web.mjs'), extrasWebGlue);
}
// Whitespace and syntax minified (names kept: the handler calls the glue's
// `initSync` and `simulate`): the text is a string in a chunk, not code a
// bundler minifies.
const workerSource = (await esbuild.transform(`${extrasWebGlue}${WORKER_HANDLER}`, { loader: 'js', format: 'esm', target: 'es2022', minifyWhitespace: true, minifySyntax: true, legalComments: 'none' })).code;

// The entries, each bundled by esbuild from js/src/. An entry that imports
// another entry (or the shared shim, src/shim.js) gets the package's sibling
// file, never a copy of it: `import` and `require` share index.cjs's wasm
// instance, web.mjs and aws-sdk.web.mjs one shim. The `#glue/…` specifiers
// (declared in src/glue.d.ts) are the wasm-bindgen glue: the core's Node glue
// is bundled into index.cjs, its bytes inlined (in the one-module build it is
// the extras' Node glue, a sibling file, so that the package and the bin
// share one instance); the others stay sibling files (the extras' glue in its
// own chunk, loaded on first use or by `initExtras()`). Everything else
// under src/ is bundled into each entry that imports it.
const SRC = path.join(js, 'src');
const ENTRIES = [
  { src: 'shim.js', out: 'core.mjs', format: 'esm' },
  { src: 'shim.js', out: 'core.cjs', format: 'cjs' },
  // Node's bundle without indentation and comments (`minify`; index.mjs
  // only re-exports it): a cold start scans its text on `require` (V8
  // pre-parses every function) and again for each function the first
  // validate compiles (#12; counted by callgrind, `node --single-threaded
  // --hash-seed=42`: require 1.3 % and the first validate 5 % fewer
  // instructions), and with esbuild's shorter syntax (`minifySyntax`:
  // require 0.8 % and the first validate 6.4 % fewer; a steady-state
  // validate(object) +0.5 %) and shorter local names (`minifyIdentifiers`:
  // the first validate 2 % fewer; `keepNames` keeps every function's and
  // class's `.name`).
  { src: 'index.cjs', out: 'index.cjs', format: 'cjs', minify: true },
  { src: 'index.mjs', out: 'index.mjs', format: 'esm' },
  { src: 'web.mjs', out: 'web.mjs', format: 'esm' },
  // Imported by web.mjs on the first simulateAsync over Web Workers; what
  // it takes from the modules the shim carries comes from core.mjs.
  { src: 'simulate-web.js', out: 'simulate-web.mjs', format: 'esm', fromShim: ['core.js', 'machine.js'] },
  { src: 'aws-sdk.cjs', out: 'aws-sdk.cjs', format: 'cjs' },
  { src: 'aws-sdk.mjs', out: 'aws-sdk.mjs', format: 'esm' },
  { src: 'aws-sdk.web.mjs', out: 'aws-sdk.web.mjs', format: 'esm' },
];
/** The package file an import of `src` gives, by output format. */
const sibling = (src, format) => {
  const e = ENTRIES.filter((x) => x.src === src);
  return e.length === 0 ? undefined : `./${(e.find((x) => x.format === format) ?? e[0]).out}`;
};
const GLUE = {
  '#glue/core-node': extras ? { bundle: 'iot_jobs_policy_node.cjs', contents: coreNodeSplit.glue } : { external: './iot_jobs_policy_extras_node.cjs' },
  '#glue/core-node-bytes': { external: `./${CORE_BYTES_FILE}` },
  '#glue/extras-node': { external: './iot_jobs_policy_extras_node.cjs' },
  '#glue/core-web': { external: './iot_jobs_policy_web.mjs' },
  '#glue/extras-web': { external: './iot_jobs_policy_extras_web.mjs' },
  // simulateAsync's Web Worker: its source text, bundled into simulate-web.mjs.
  '#glue/extras-worker': { bundle: 'iot_jobs_policy_extras_worker.mjs', contents: `export default ${JSON.stringify(workerSource)};\n` },
};
/** @param {{ format: 'esm' | 'cjs', fromShim?: string[], minify?: boolean }} entry */
const packageLayout = ({ format, fromShim = [] }) => ({
  name: 'package-layout',
  setup(build) {
    build.onResolve({ filter: /^#glue\// }, (args) => {
      const glue = GLUE[args.path];
      if (glue === undefined) return { errors: [{ text: `unknown glue ${args.path} (see js/src/glue.d.ts)` }] };
      return glue.bundle ? { path: glue.bundle, namespace: 'glue' } : { path: glue.external, external: true };
    });
    build.onLoad({ filter: /.*/, namespace: 'glue' }, (args) => ({
      contents: Object.values(GLUE).find((g) => g.bundle === args.path).contents,
      loader: 'js',
    }));
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point' || path.dirname(path.resolve(args.resolveDir, args.path)) !== SRC) return undefined;
      const out = sibling(fromShim.includes(path.basename(args.path)) ? 'shim.js' : path.basename(args.path), format);
      return out === undefined ? undefined : { path: out, external: true };
    });
  },
});
for (const e of ENTRIES) {
  const result = await esbuild.build({
    absWorkingDir: path.resolve(js, '..'),
    entryPoints: [path.join(SRC, e.src)],
    outfile: path.join(pkg, e.out),
    bundle: true,
    format: e.format,
    platform: e.format === 'cjs' ? 'node' : 'neutral',
    target: 'es2022',
    charset: 'utf8',
    minifyWhitespace: e.minify === true,
    minifySyntax: e.minify === true,
    minifyIdentifiers: e.minify === true,
    // Functions and classes keep their names (`.name`), whatever esbuild
    // renames in the bundle's scope.
    keepNames: true,
    // The SDK is not a dependency: the middleware loads it when it can.
    external: ['@aws-sdk/client-iot'],
    plugins: [packageLayout(e)],
    banner: { js: `// Generated by js/tools/build-pkg.mjs (esbuild) from js/src/${e.src}; edit that instead.` },
    logLevel: 'silent',
  });
  if (result.warnings.length > 0) throw new Error(`esbuild warned on ${e.src}: ${result.warnings.map((w) => w.text).join('; ')}`);
}

// What an entry takes from the shim's modules (`fromShim`) is imported from
// core.mjs by name, which esbuild does not check: each name must be one
// that core.mjs exports (src/shim.js).
const shimExports = new Set(Object.keys(await import(pathToFileURL(path.join(pkg, 'core.mjs')).href)));
for (const e of ENTRIES.filter((x) => x.fromShim)) {
  for (const m of read(path.join(pkg, e.out)).matchAll(/^import \{([^}]*)\} from "\.\/core\.mjs";$/gm)) {
    for (const name of m[1].split(',').map((x) => x.trim().split(/\s+as\s+/)[0])) {
      if (!shimExports.has(name)) throw new Error(`${e.out} imports ${name} from core.mjs, which src/shim.js does not export`);
    }
  }
}

// The npm bin (js/bin/) goes into the package as it is.
fs.cpSync(path.join(js, 'bin'), path.join(pkg, 'bin'), { recursive: true });

for (const f of ['aws-sdk.d.ts', 'README.md']) copy(path.join(js, f), f);

// ES-module copies of the hand-written types, so that TypeScript sees
// ES-module types for the ES-module entries (not CommonJS "masquerading").
// The generated request/response interfaces (js/requests.d.ts) are
// appended to the main types in place of the import that js/index.d.ts has
// for them (for tsc over js/), so the published types need no extra file.
const REQUESTS_IMPORT = /^import type \{[^}]*\} from '\.\/requests\.js';\n/m;
const ownTypes = read(path.join(js, 'index.d.ts'));
if (!REQUESTS_IMPORT.test(ownTypes)) throw new Error("js/index.d.ts lacks its `import type { … } from './requests.js'`");
const indexTypes = `${ownTypes.replace(REQUESTS_IMPORT, '')}\n${read(path.join(js, 'requests.d.ts'))}`;
fs.writeFileSync(path.join(pkg, 'index.d.ts'), indexTypes);
fs.writeFileSync(path.join(pkg, 'index.d.mts'), indexTypes);
copy(path.join(js, 'aws-sdk.d.ts'), 'aws-sdk.d.mts');

// The published manifest: js/package.json without the development fields,
// the version taken from Cargo.toml so the crate and the package agree.
// js/package.json is the development manifest (no "exports", so that files
// under js/ resolve `iot-jobs-policy` to node_modules/iot-jobs-policy, the
// link to pkg/, and never to js/ itself); js/package.publish.json holds the
// published entry points.
const dev = JSON.parse(fs.readFileSync(path.join(js, 'package.json'), 'utf8'));
const publish = JSON.parse(fs.readFileSync(path.join(js, 'package.publish.json'), 'utf8'));
const { name, description, license, keywords } = dev;
const manifest = { name, version: '', description, license, keywords, ...publish };
const cargo = fs.readFileSync(path.join(js, '..', 'Cargo.toml'), 'utf8');
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version) throw new Error('no version in Cargo.toml');
manifest.version = version;
// Files this build lacks are not published: the extras .wasm and the core's
// bytes file in the one-module build (its one glue has its bytes inlined).
const gone = new Set(EXTRAS_FILES.filter((f) => !fs.existsSync(path.join(pkg, f))));
manifest.files = manifest.files.filter((f) => !gone.has(f));
fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

// Every file the exports map names must exist.
const targets = [];
const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
walk(manifest.exports);
const bins = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin || {});
for (const t of new Set([...targets, ...manifest.files, ...bins, manifest.main, manifest.types])) {
  if (!fs.existsSync(path.join(pkg, t))) throw new Error(`exports names ${t}, which the package lacks`);
}
console.log(`assembled ${pkg} (version ${version})`);
