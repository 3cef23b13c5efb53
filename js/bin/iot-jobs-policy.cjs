#!/usr/bin/env node
// The `iot-jobs-policy` command of the npm package: the same command line
// as the native binary (`cargo install iot-jobs-policy --features cli`),
// run by the WebAssembly extras module (export `cliRun`, the Rust module
// `iot_jobs_policy::cli`). This file is only the host: files, directory
// listings, standard input, the colour rule and the standard streams. Glob
// matching, parsing, validation and every byte of output are in Rust, so the
// output is the native CLI's, byte for byte.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const { cliRun } = require('../iot_jobs_policy_extras_node.cjs');

// Rust prints an operating-system error as `strerror (os error N)`; the
// same words here, so that `cannot read FILE: …` reads the same.
const STRERROR = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  EIO: 'Input/output error',
  ENXIO: 'No such device or address',
  EBADF: 'Bad file descriptor',
  EAGAIN: 'Resource temporarily unavailable',
  ENOMEM: 'Cannot allocate memory',
  EACCES: 'Permission denied',
  EBUSY: 'Device or resource busy',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  ENFILE: 'Too many open files in system',
  EMFILE: 'Too many open files',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EPIPE: 'Broken pipe',
  ENOSPC: 'No space left on device',
};

function osError(e) {
  const number = e && typeof e.code === 'string' ? os.constants.errno[e.code] : undefined;
  if (number !== undefined && STRERROR[e.code] !== undefined) return `${STRERROR[e.code]} (os error ${number})`;
  return e && e.message ? String(e.message) : String(e);
}

// Reads at most `limit` bytes from an open descriptor (a regular file,
// a pipe or a terminal), retrying while a non-blocking pipe has no data.
function readLimited(fd, limit) {
  const chunks = [];
  let total = 0;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (total < limit) {
    const buf = Buffer.allocUnsafe(Math.min(65536, limit - total));
    let n;
    try {
      n = fs.readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      if (e.code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 5);
        continue;
      }
      if (e.code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
    total += n;
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

// Writes all of `text` to standard output, synchronously, so that a failed
// write (a closed pipe, a full disk) is thrown to cliRun (exit code 2, as in
// the native CLI) rather than lost; retries while a non-blocking pipe is full.
function writeOut(text) {
  const buf = Buffer.from(text, 'utf8');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let done = 0;
  while (done < buf.length) {
    try {
      done += fs.writeSync(1, buf, done, buf.length - done);
    } catch (e) {
      if (e.code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 5);
        continue;
      }
      throw osError(e);
    }
  }
}

// EPIPE on standard error is not an error worth a crash, as in the native CLI.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

const host = {
  readFile(path, limit) {
    let fd;
    try {
      fd = fs.openSync(path, 'r');
      return readLimited(fd, limit);
    } catch (e) {
      return osError(e);
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  },
  readStdin(limit) {
    try {
      return readLimited(0, limit);
    } catch (e) {
      return osError(e);
    }
  },
  kind(path) {
    try {
      const st = fs.statSync(path, { throwIfNoEntry: false });
      if (st === undefined) return 'missing';
      return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'missing';
    } catch {
      return 'missing';
    }
  },
  listDir(path) {
    try {
      return fs.readdirSync(path, { withFileTypes: true }).map((d) => (d.isDirectory() ? `${d.name}/` : d.name));
    } catch (e) {
      return osError(e);
    }
  },
  size(path) {
    try {
      const st = fs.statSync(path);
      return st.isFile() ? st.size : undefined;
    } catch {
      return undefined;
    }
  },
  colour: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined,
  stdout(text) {
    writeOut(text);
  },
  stderr(text) {
    process.stderr.write(text);
  },
};

process.exitCode = cliRun(process.argv.slice(2), host);
