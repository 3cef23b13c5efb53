// Deliberate misuse: `tsc --noEmit -p test/types/tsconfig.misuse.json` must FAIL
// with exactly the errors marked `// error:` below (the test counts them).
import { validate, isValid, schema, type ErrorCode } from 'iot-jobs-policy';
import policy from 'iot-jobs-policy'; // error: the ES module has no default export

validate('CreateJobs', {}); // error: not an operation
validate('CreateJob', 42); // error: request is neither object nor string
validate('CreateJob', '{}', { api: '2023' }); // error: unknown API version
validate('CreateJob', '{}', { profile: 'strict' }); // error: unknown profile
validate('CreateJob', '{}', { now: true }); // error: now is not a time
const b: string = isValid('CreateJob', '{}'); // error: isValid answers a boolean
const c: ErrorCode = 'maxlength'; // error: not a code (case matters)
schema('CreateJob', { dialect: '2019-09' }); // error: not a dialect
schema('CreateJob', { now: 1 }); // error: schema() takes no time
const v = validate('CreateJob', '{}');
v.violations[0]?.coed; // error: misspelt field
console.log(b, c, policy);
