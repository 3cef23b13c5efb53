// The npm shim's answers to the inputs a fuzzing campaign found mishandled
// (issue #10, findings 3, 4 and 9), run the same way in Node
// (test/fuzz-findings.test.mjs) and in Chromium (test/browser/fuzz-page.mjs),
// so the two can be compared byte for byte: Node counts UTF-8 with
// Buffer.byteLength, browsers with the shim's own loop.

/** The core's size limit in UTF-8 bytes. */
export const MAX = 1024 * 1024;

/** String requests over the limit by UTF-16 length, by name. */
export function oversizeTexts() {
  return {
    // One byte over.
    ascii: 'x'.repeat(MAX + 1),
    // Two bytes per unit: 2 MiB + 2 bytes.
    twoByte: 'é'.repeat(MAX + 1),
    // Three, four (a pair: two units), three (a lone surrogate as U+FFFD) and one.
    mixed: `${'€😀\ud800a\udc00'.repeat(MAX / 4)}b`,
  };
}

/** String requests with raw lone surrogates, by name (DescribeJob). */
export const LONE_SURROGATES = {
  high: '{"jobId":"a\ud800b"}',
  low: '{"jobId":"\udc00"}',
  highAtEnd: '{"jobId":"a\ud800"}',
  upperCase: '{"jobId":"a\udbffb"}',
  twoOfThem: '{"jobId":"\ud800\ud800"}',
  outsideString: '{"jobId":"a"}\ud800',
};

/** An object nested `n` deep: `{"a":{"a":…{}}}`. */
export function nested(n) {
  let o = {};
  for (let i = 0; i < n; i++) o = { a: o };
  return o;
}

/** The same as arrays: `[[…[]]]`. */
export function nestedArray(n) {
  let o = [];
  for (let i = 0; i < n; i++) o = [o];
  return o;
}

/** Options a caller can hand over that reading may throw on, by name. */
export function hostileOptions() {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  return {
    throwingGetter: {
      get api() {
        throw new Error('getter says no');
      },
    },
    throwingOwnKeys: new Proxy({}, { ownKeys: () => { throw new Error('ownKeys says no'); } }),
    throwingGet: new Proxy({ api: 'latest' }, { get: () => { throw new Error('get says no'); } }),
    revokedProxy: revoked.proxy,
    // A TypeError with a `.code`, like the package's own: still the caller's.
    throwingCodedTypeError: {
      get profile() {
        throw Object.assign(new TypeError('coded'), { code: 'invalidRequest' });
      },
    },
    throwingDocumentSchema: {
      get documentSchema() {
        throw new Error('schema getter says no');
      },
    },
  };
}

/** Options with an own `__proto__` key, by name. */
export function protoOptions() {
  const defined = {};
  Object.defineProperty(defined, '__proto__', { value: { api: 'latest' }, enumerable: true, configurable: true, writable: true });
  return { parsed: JSON.parse('{"__proto__": 1}'), defined, parsedWithApi: JSON.parse('{"api": "latest", "__proto__": {"profile": "strict"}}') };
}

/**
 * What the package answers for every case, as JSON-able values: a report,
 * a boolean or `{ threw: { name, code, message } }`.
 * @param {{ validate: Function, isValid: Function }} api
 */
export function fuzzAnswers({ validate, isValid }) {
  const run = (f) => {
    try {
      return f();
    } catch (e) {
      return { threw: { name: e && e.name, code: e && e.code, message: String(e && e.message) } };
    }
  };
  const out = {};
  for (const [name, text] of Object.entries(oversizeTexts())) {
    out[`oversize ${name}`] = run(() => validate('DescribeJob', text));
    out[`oversize ${name} isValid`] = run(() => isValid('DescribeJob', text));
  }
  out['oversize with an unknown operation'] = run(() => validate('NoSuchJob', 'x'.repeat(MAX + 1)));
  out['oversize with an unknown option'] = run(() => validate('DescribeJob', 'x'.repeat(MAX + 1), { nope: 1 }));
  for (const [name, text] of Object.entries(LONE_SURROGATES)) {
    out[`lone surrogate ${name}`] = run(() => validate('DescribeJob', text));
    out[`lone surrogate ${name} isValid`] = run(() => isValid('DescribeJob', text));
  }
  out['pair stays a character'] = run(() => validate('CreateJob', '{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{}","description":"a😀b"}'));
  for (const n of [65, 10_000, 100_000]) {
    out[`nested object ${n}`] = run(() => validate('DescribeJob', nested(n)));
    out[`nested object ${n} isValid`] = run(() => isValid('DescribeJob', nested(n)));
    out[`nested array ${n}`] = run(() => validate('DescribeJob', { jobId: nestedArray(n) }));
  }
  out['nested with NaN first'] = run(() => validate('DescribeJob', { x: NaN, jobId: nested(10_000) }));
  for (const [name, options] of Object.entries(hostileOptions())) {
    out[`options ${name}`] = run(() => validate('DescribeJob', { jobId: 'j' }, options));
    out[`options ${name} isValid`] = run(() => isValid('DescribeJob', { jobId: 'j' }, options));
  }
  for (const [name, options] of Object.entries(protoOptions())) {
    out[`options __proto__ ${name}`] = run(() => validate('DescribeJob', { jobId: 'j' }, options));
  }
  return out;
}
