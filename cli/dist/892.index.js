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
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/net/verified-read.ts


// Large reads keep the upload close to the disk's and socket's pace (64 KiB default chunks cost a lot of time).
const READ_CHUNK = 1024 * 1024;
// One buffer being read, one held back, one on its way to the socket. Reused, so
// a 1 GiB upload leaves no garbage behind: a fresh buffer per read piled up some
// 30 MB for the collector and set the release's peak RSS.
const BUFFERS = 3;
/**
 * Writes the file's bytes to `sink` and resolves once the socket has taken
 * them all; rejects with an ArchiveChangedError before the last chunk if they
 * are not the expected ones, or with the sink's own error if it fails or closes.
 * Never ends the sink.
 */
async function writeVerifiedFile(expected, sink, onBytes) {
    await unchanged(expected);
    const out = new FlushedWrites(sink, BUFFERS, onBytes);
    try {
        const buffers = Array.from({ length: BUFFERS }, () => Buffer.allocUnsafeSlow(Math.max(1, Math.min(READ_CHUNK, expected.size))));
        let crc = 0;
        let held;
        let bytesRead = 0;
        for (let slot = 0;; slot = (slot + 1) % BUFFERS) {
            await out.free(slot);
            const chunk = await readAt(buffers[slot], bytesRead, expected);
            if (chunk.length === 0)
                break;
            bytesRead += chunk.length;
            if (bytesRead > expected.size)
                throw changed(expected, `it grew beyond the ${expected.size} bytes hashed`);
            crc = (0,external_node_zlib_.crc32)(chunk, crc);
            if (held)
                out.write(held.slot, held.chunk);
            held = { slot, chunk };
        }
        if (bytesRead !== expected.size)
            throw changed(expected, `it is now ${bytesRead} bytes, not the ${expected.size} hashed`);
        if (crc >>> 0 !== expected.file.crc32 >>> 0)
            throw changed(expected, `its CRC-32 is now ${hex8(crc)}, not the ${hex8(expected.file.crc32)} of the bytes hashed`);
        await unchanged(expected);
        if (held)
            out.write(held.slot, held.chunk);
        await out.drained();
    }
    finally {
        out.stop();
    }
}
/** The descriptor still holds the file that was checked, and its path still names it. */
async function unchanged(expected) {
    let what;
    try {
        what = await expected.file.changed();
    }
    catch (err) {
        throw unreadable(expected, err);
    }
    if (what)
        throw changed(expected, what);
}
async function readAt(into, position, expected) {
    try {
        const bytesRead = await expected.file.read(into, position, into.length);
        return into.subarray(0, bytesRead);
    }
    catch (err) {
        throw unreadable(expected, err);
    }
}
/**
 * Chunks handed to the sink, one per buffer slot, each tracked until its write
 * callback: the socket has taken the bytes and the slot may be read into again.
 * A sink that closes first (the request failed or was cut) ends every wait.
 */
class FlushedWrites {
    sink;
    onBytes;
    inFlight;
    closed;
    onClose;
    passed = 0;
    constructor(sink, slots, onBytes) {
        this.sink = sink;
        this.onBytes = onBytes;
        this.inFlight = new Array(slots);
        let fail = () => undefined;
        this.closed = new Promise((_, reject) => (fail = reject));
        this.closed.catch(() => undefined); // nobody may be waiting when it closes
        this.onClose = () => fail(closedEarly());
        sink.once('close', this.onClose);
    }
    write(slot, chunk) {
        const passed = (this.passed += chunk.length);
        const flushed = new Promise((resolve, reject) => {
            // Closed or closing: one error whichever way the sink notices it.
            if (this.sink.destroyed)
                return reject(closedEarly());
            this.sink.write(chunk, err => {
                if (err)
                    return reject(this.sink.destroyed ? closedEarly() : err);
                this.onBytes?.(passed);
                resolve();
            });
        });
        flushed.catch(() => undefined); // awaited by free() or drained(), or moot once the sink failed
        this.inFlight[slot] = flushed;
    }
    async free(slot) {
        const flushed = this.inFlight[slot];
        if (flushed)
            await Promise.race([flushed, this.closed]);
        this.inFlight[slot] = undefined;
    }
    async drained() {
        await Promise.race([Promise.all(this.inFlight), this.closed]);
    }
    stop() {
        this.sink.off('close', this.onClose);
    }
}
const hex8 = (n) => (n >>> 0).toString(16).padStart(8, '0');
function closedEarly() {
    return new Error('the request closed before its body was written');
}
function unreadable(expected, err) {
    return changed(expected, `it could not be read again: ${err.code ?? err.message}`, err);
}
function changed(expected, detail, cause) {
    return new errors/* ArchiveChangedError */.fg(expected.file.path, detail, cause === undefined ? undefined : { cause });
}

;// CONCATENATED MODULE: ./src/net/multipart.ts
// Loaded only when a run uploads, so prune-only runs and input errors never
// pay for the multipart code.


/**
 * A multipart body written afresh for every attempt, with its exact length
 * known up front. form-data lays out the parts; the file's bytes are written
 * between its head and tail from reused buffers and verified while they go
 * (see verified-read.ts): a file that is no longer the one hashed fails the
 * body before its last byte.
 */
function multipartBody(parts, onBytes) {
    const form = new (form_data_default())();
    form.append('groupType', parts.groupType);
    form.append('changeLog', parts.changeLog);
    form.append('sha256Checksum', parts.sha256);
    // An empty file part: its bytes go where they would be, right before the closing line.
    form.append('connectorVersionArchive', Buffer.alloc(0), { filename: parts.fileName, contentType: 'application/zip' });
    const layout = form.getBuffer();
    const tail = Buffer.from(`\r\n--${form.getBoundary()}--\r\n`, 'latin1');
    if (!layout.subarray(layout.length - tail.length).equals(tail))
        throw new Error('form-data laid out the multipart body in an unexpected way');
    const head = layout.subarray(0, layout.length - tail.length);
    return {
        length: layout.length + parts.size,
        headers: form.getHeaders(),
        writeTo: async (sink) => {
            sink.write(head);
            await writeVerifiedFile({ file: parts.archive, size: parts.size }, sink, onBytes);
            sink.write(tail);
        }
    };
}


/***/ })

};
