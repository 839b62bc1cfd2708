export const id = 892;
export const ids = [892];
export const modules = {

/***/ 2892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  multipartBody: () => (/* binding */ multipartBody)
});

// EXTERNAL MODULE: ./node_modules/form-data/lib/form_data.js
var form_data = __webpack_require__(6454);
var form_data_default = /*#__PURE__*/__webpack_require__.n(form_data);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/net/verified-read.ts
// Reads the archive for an upload and proves on the way that it is the file
// that was hashed. The last chunk is held back until the size and digest
// match, so a file that changed, grew, shrank or vanished since it was hashed
// never yields a complete request body: Boomi cannot store what it never
// fully received, and the checksum we announce always matches what we send.




// Large reads keep the upload close to the disk's and socket's pace (64 KiB default chunks cost a lot of time).
const READ_CHUNK = 1024 * 1024;
/** The file's bytes, verified; fails with an ArchiveChangedError before its last chunk if they are not the expected ones. */
function verifiedFileStream(expected, onBytes) {
    const file = (0,external_node_fs_.createReadStream)(expected.path, { highWaterMark: READ_CHUNK });
    const verify = new Verifier(expected, onBytes);
    file.on('error', err => verify.destroy(changed(expected, `it could not be read again: ${err.code ?? err.message}`, err)));
    // An error downstream must not leave the file open.
    verify.on('close', () => file.destroy());
    return file.pipe(verify);
}
function changed(expected, detail, cause) {
    return new errors/* ArchiveChangedError */.fg(expected.path, detail, cause === undefined ? undefined : { cause });
}
class Verifier extends external_node_stream_.Transform {
    expected;
    onBytes;
    hash = (0,external_node_crypto_.createHash)('sha256');
    held;
    bytesRead = 0;
    passed = 0;
    constructor(expected, onBytes) {
        super();
        this.expected = expected;
        this.onBytes = onBytes;
    }
    _transform(chunk, _encoding, done) {
        this.bytesRead += chunk.length;
        if (this.bytesRead > this.expected.size)
            return done(changed(this.expected, `it grew beyond the ${this.expected.size} bytes hashed`));
        this.hash.update(chunk);
        if (this.held)
            this.pass(this.held);
        this.held = chunk;
        done();
    }
    _flush(done) {
        if (this.bytesRead !== this.expected.size)
            return done(changed(this.expected, `it is now ${this.bytesRead} bytes, not the ${this.expected.size} hashed`));
        const digest = this.hash.digest('hex');
        if (digest !== this.expected.sha256.toLowerCase())
            return done(changed(this.expected, `its sha256 is now ${digest}, not ${this.expected.sha256}`));
        if (this.held)
            this.pass(this.held);
        this.held = undefined;
        done();
    }
    pass(chunk) {
        this.push(chunk);
        this.passed += chunk.length;
        this.onBytes?.(this.passed);
    }
}

;// CONCATENATED MODULE: ./src/net/multipart.ts
// Loaded only when a run uploads, so prune-only runs and input errors never
// pay for the multipart code.


/**
 * A multipart body made afresh on each `open()`, with its exact length known up
 * front. The file part is verified while it streams (see verified-read.ts): a
 * file that is no longer the one hashed fails the body before its last byte.
 */
function multipartBody(parts, onBytes) {
    const build = (file, boundary) => {
        const form = new (form_data_default())();
        // Each part's header embeds the boundary when appended, so it is fixed first.
        if (boundary)
            form.setBoundary(boundary);
        form.append('groupType', parts.groupType);
        form.append('changeLog', parts.changeLog);
        form.append('sha256Checksum', parts.sha256);
        form.append('connectorVersionArchive', file, {
            filename: parts.fileName,
            contentType: 'application/zip',
            knownLength: parts.size
        });
        return form;
    };
    // The length and headers depend only on the text parts and the file's known
    // size, so a probe with an empty placeholder measures them without opening the file.
    const probe = build(Buffer.alloc(0));
    const boundary = probe.getBoundary();
    return {
        length: probe.getLengthSync(),
        headers: probe.getHeaders(),
        open: () => build(verifiedFileStream({ path: parts.archivePath, size: parts.size, sha256: parts.sha256 }, onBytes), boundary)
    };
}


/***/ })

};
