// The wasm-bindgen glue as the shim sees it (JSON text in, tagged JSON text
// out; see src/ffi/wasm.rs), for `tsc --checkJs` over js/src/. The `#glue/…`
// specifiers exist only in the sources: js/tools/build-pkg.mjs maps them to
// the generated glue of the build (bundled, or a sibling file of the
// package), so these declarations are the one place that names what the
// shim calls. Every build has these exports; the opt-in document-schema
// build adds `validateWithDocumentSchema`, Node's extras copy adds `cliRun`
// (the npm bin's, not the shim's).

declare module '#glue/types' {
  /** The core module: the validator. */
  export interface CoreGlue {
    validate(operation: string, request: string, options: string): string;
    /** `validate` with the report as one flat list (see src/ffi/wasm.rs). */
    validateCompact(operation: string, request: string, options: string, positions: boolean): string;
    isValid(operation: string, request: string, options: string): string;
    rules(): string;
    codes(): string;
    /** Only in the opt-in document-schema build. */
    validateWithDocumentSchema?: (operation: string, request: string, options: string, schema: string) => string;
  }
  /** The extras module: the transition function and the JSON Schema export. */
  export interface ExtrasGlue {
    schema(operation: string, options: string): string;
    schemaInfo(): string;
    machineCreate(input: string): string;
    machineApply(snapshot: string, at: number, event: string): string;
    machineStep(snapshot: string, at: number, event: string): string;
    machineAdvance(snapshot: string, to: number): string;
    machineDescribe(snapshot: string): string;
    machineInspect(snapshot: string): string;
    machineExecution(snapshot: string, thing: string): string;
    machineListExecutionsForJob(snapshot: string, args: string): string;
    machineListExecutionsForThing(snapshot: string, args: string): string;
    replay(scenario: string): string;
    simulate(simulation: string, options: string): string;
    simulateMerge(shards: string): string;
  }
  /** What `makeApi` and `makeMachine` are given: both modules' functions. */
  export type Glue = CoreGlue & ExtrasGlue;
  /** Where a web glue's `init` loads its `.wasm` from. */
  export type WasmSource = URL | string | Response | BufferSource | WebAssembly.Module;
  /** The loaders of a `--target web` glue. */
  export interface WebLoaders {
    default(input?: { module_or_path: WasmSource | Promise<WasmSource> }): Promise<unknown>;
    initSync(input: { module: BufferSource | WebAssembly.Module }): unknown;
  }
}

/** The core module's `--target nodejs` glue, its `.wasm` inlined (bundled into index.cjs). */
declare module '#glue/core-node' {
  import type { CoreGlue } from '#glue/types';
  export const validate: CoreGlue['validate'];
  export const validateCompact: CoreGlue['validateCompact'];
  export const isValid: CoreGlue['isValid'];
  export const rules: CoreGlue['rules'];
  export const codes: CoreGlue['codes'];
  export const validateWithDocumentSchema: CoreGlue['validateWithDocumentSchema'];
}

/** The extras module's `--target nodejs` glue (iot_jobs_policy_extras_node.cjs, required on first use). */
declare module '#glue/extras-node' {
  import type { ExtrasGlue } from '#glue/types';
  export const schema: ExtrasGlue['schema'];
  export const schemaInfo: ExtrasGlue['schemaInfo'];
  export const machineCreate: ExtrasGlue['machineCreate'];
  export const machineApply: ExtrasGlue['machineApply'];
  export const machineStep: ExtrasGlue['machineStep'];
  export const machineAdvance: ExtrasGlue['machineAdvance'];
  export const machineDescribe: ExtrasGlue['machineDescribe'];
  export const machineInspect: ExtrasGlue['machineInspect'];
  export const machineExecution: ExtrasGlue['machineExecution'];
  export const machineListExecutionsForJob: ExtrasGlue['machineListExecutionsForJob'];
  export const machineListExecutionsForThing: ExtrasGlue['machineListExecutionsForThing'];
  export const replay: ExtrasGlue['replay'];
  export const simulate: ExtrasGlue['simulate'];
  export const simulateMerge: ExtrasGlue['simulateMerge'];
}

/** What a `--target web` glue adds: its loaders (for the declarations below only; no build maps it). */
declare module '#glue/web-loaders' {
  import type { WebLoaders } from '#glue/types';
  const init: WebLoaders['default'];
  export default init;
  export const initSync: WebLoaders['initSync'];
}

/** The core module's `--target web` glue (iot_jobs_policy_web.mjs). */
declare module '#glue/core-web' {
  export * from '#glue/core-node';
  export { default, initSync } from '#glue/web-loaders';
}

/** The extras module's `--target web` glue (iot_jobs_policy_extras_web.mjs, a chunk of its own). */
declare module '#glue/extras-web' {
  export * from '#glue/extras-node';
  export { default, initSync } from '#glue/web-loaders';
  /** The compiled module once loaded (added by js/tools/build-pkg.mjs, for simulateAsync's Web Workers). */
  export function compiledModule(): WebAssembly.Module;
}

/** The source text of simulateAsync's Web Worker (the extras web glue and a message handler; bundled into simulate-web.mjs). */
declare module '#glue/extras-worker' {
  const source: string;
  export default source;
}
