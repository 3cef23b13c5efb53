// Runs in the browser: init(), then the fuzzing findings' cases through
// validate() and isValid() of the web entry. Without Node's Buffer the shim
// counts UTF-8 itself; the driver compares the answers with Node's.
import { init, validate, isValid } from '/pkg/web.mjs';
import { fuzzAnswers } from '../shared/fuzz-cases.mjs';

const out = document.getElementById('out');
try {
  await init();
  const answers = fuzzAnswers({ validate, isValid });
  window.__results = { errors: [], answers, hasBuffer: typeof globalThis.Buffer !== 'undefined' };
} catch (e) {
  window.__results = { errors: [`${e && e.name}: ${e && e.message}`], answers: {}, hasBuffer: false };
}
out.textContent = 'done';
