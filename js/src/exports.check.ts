// For tsc only (make lint; never built): every entry of the package exports
// exactly what its declared types say, each export assignable to its
// declared type, none missing, none undeclared.

type Declared = typeof import('../index.d.ts');
type DeclaredSdk = typeof import('../aws-sdk.d.ts');

/** `true` when the keys of `Impl` (a CommonJS module's `default` aside) are exactly those of `Decl`. */
type SameKeys<Impl, Decl> = [Exclude<keyof Impl, keyof Decl | 'default'>, Exclude<keyof Decl, keyof Impl>] extends [never, never] ? true : false;

declare const node: typeof import('./index.cjs');
declare const esm: typeof import('./index.mjs');
declare const web: typeof import('./web.mjs');
declare const sdkCjs: typeof import('./aws-sdk.cjs');
declare const sdkEsm: typeof import('./aws-sdk.mjs');
declare const sdkWeb: typeof import('./aws-sdk.web.mjs');

export const types: [Declared, Declared, Declared, DeclaredSdk, DeclaredSdk, DeclaredSdk] = [node, esm, web, sdkCjs, sdkEsm, sdkWeb];
export const keys: [
  SameKeys<typeof node, Declared>,
  SameKeys<typeof esm, Declared>,
  SameKeys<typeof web, Declared>,
  SameKeys<typeof sdkCjs, DeclaredSdk>,
  SameKeys<typeof sdkEsm, DeclaredSdk>,
  SameKeys<typeof sdkWeb, DeclaredSdk>,
] = [true, true, true, true, true, true];
