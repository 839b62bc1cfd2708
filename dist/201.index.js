export const id = 201;
export const ids = [201];
export const modules = {

/***/ 7201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ArchiveFile: () => (/* reexport */ ArchiveFile),
  inspectArchive: () => (/* binding */ inspectArchive)
});

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/archive/connector-config.ts
// The layout check (docs/boomi-api.md, "The archive"): what a Connector SDK archive is known to hold. Our
// knowledge of that layout may be incomplete, so every finding here is a warning
// for the log, never a reason to refuse the archive.

const CONFIG_ENTRY = 'META-INF/connector-config.xml';
// The create operation has no part for the descriptor: it travels inside the archive (docs/boomi-api.md, "The archive").
const DESCRIPTOR_ENTRY = 'META-INF/connector-descriptor.xml';
const LIB_JAR = /^lib\/[^/]+\.jar$/i;
// Java's binary class names; anything else is not echoed into the log.
const CLASS_NAME = /^[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*$/u;
const MAX_CLASS_NAME = 256;
const SDK_VERSION = /^[\w.+-]{1,64}$/;
/**
 * Checks the archive's file entries (their names' bytes as latin1 text) against
 * the known layout. `config` is the bytes of META-INF/connector-config.xml when
 * it was small enough to keep.
 */
function checkLayout(names, config, maxConfigBytes) {
    const warnings = [];
    let connector = {};
    if (!names.includes(CONFIG_ENTRY)) {
        warnings.push(`The archive has no ${CONFIG_ENTRY}; a Connector SDK archive carries one (root GenericConnector naming the connectorClassName).`);
    }
    else if (!config) {
        warnings.push(`${CONFIG_ENTRY} is larger than ${(0,src_text/* exactBytes */.X2)(maxConfigBytes)} and was not read.`);
    }
    else {
        const read = readConnectorConfig(config);
        connector = read.connector;
        warnings.push(...read.warnings);
    }
    if (!names.includes(DESCRIPTOR_ENTRY)) {
        warnings.push(`The archive has no ${DESCRIPTOR_ENTRY}; Boomi reads the connector's operations and fields from it, and the upload has no other place for it.`);
    }
    if (!names.some(n => LIB_JAR.test(n))) {
        warnings.push(`The archive has no lib/*.jar; a connector's classes and their dependencies are expected there.`);
    }
    return { connector, warnings };
}
/** Reads the root element, its sdkApiVersion attribute and the connectorClassName child of connector-config.xml. */
function readConnectorConfig(xml) {
    const warnings = [];
    const text = stripProlog(xml.toString('utf8'));
    if (text === undefined) {
        return { connector: {}, warnings: [`${CONFIG_ENTRY} declares a DOCTYPE, which is not read; the connector class was not read from it.`] };
    }
    const root = /^<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(text);
    if (!root)
        return { connector: {}, warnings: [`${CONFIG_ENTRY} does not start with an XML element; the connector class was not read from it.`] };
    const [, rootName, attributes] = root;
    if (rootName !== 'GenericConnector')
        warnings.push(`${CONFIG_ENTRY}'s root element is <${rootName.slice(0, 64)}>, not <GenericConnector>.`);
    const connector = {};
    const sdk = attribute(attributes, 'sdkApiVersion');
    if (sdk === undefined)
        warnings.push(`${CONFIG_ENTRY}'s root element has no sdkApiVersion attribute.`);
    else if (!SDK_VERSION.test(sdk))
        warnings.push(`${CONFIG_ENTRY}'s sdkApiVersion is not a version number; it is not shown.`);
    else
        connector.sdkApiVersion = sdk;
    const body = text.slice(root[0].length);
    const child = /<(?:[\w.-]+:)?connectorClassName\s*>([^<]*)<\/(?:[\w.-]+:)?connectorClassName\s*>/.exec(body);
    const className = child ? decodeEntities(child[1]).trim() : undefined;
    if (className === undefined)
        warnings.push(`${CONFIG_ENTRY} has no connectorClassName element.`);
    else if (className.length > MAX_CLASS_NAME || !CLASS_NAME.test(className))
        warnings.push(`${CONFIG_ENTRY}'s connectorClassName is not a Java class name; it is not shown.`);
    else
        connector.className = className;
    return { connector, warnings };
}
/** The text from the root element on: BOM, XML declaration, comments and processing instructions dropped; undefined with a DOCTYPE (entities could redefine the text). */
function stripProlog(text) {
    let rest = text.replace(/^\uFEFF/, '');
    for (;;) {
        rest = rest.trimStart();
        if (rest.startsWith('<?')) {
            const end = rest.indexOf('?>');
            if (end < 0)
                return '';
            rest = rest.slice(end + 2);
        }
        else if (rest.startsWith('<!--')) {
            const end = rest.indexOf('-->');
            if (end < 0)
                return '';
            rest = rest.slice(end + 3);
        }
        else if (rest.startsWith('<!')) {
            return undefined;
        }
        else {
            // A comment that never ends runs to the end of the text, as in the prolog: otherwise each
            // unterminated '<!--' would be matched against the rest of the text, in time quadratic in its size.
            return rest.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
        }
    }
}
function attribute(attributes, name) {
    const re = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    for (let m = re.exec(attributes); m; m = re.exec(attributes)) {
        if (m[1] === name)
            return decodeEntities(m[2] ?? m[3]).trim();
    }
    return undefined;
}
const NAMED = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function decodeEntities(s) {
    return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]+);/g, (whole, ref) => {
        if (ref.startsWith('#x'))
            return safeCodePoint(parseInt(ref.slice(2), 16)) ?? whole;
        if (ref.startsWith('#'))
            return safeCodePoint(parseInt(ref.slice(1), 10)) ?? whole;
        return NAMED[ref] ?? whole;
    });
}
const safeCodePoint = (n) => (n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined);

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/archive/zip-errors.ts
var zip_errors = __webpack_require__(9953);
;// CONCATENATED MODULE: ./src/archive/inflate.ts



// Up to this declared size an entry inflates in one synchronous call into one
// buffer of its declared size: a jar's classes (5 kB on average) would pay zlib's
// thread pool (~50 µs a call) and chunk concatenation otherwise. Larger ones
// stream in 1 MiB pieces, so memory stays bounded whatever an entry declares.
const SYNC_MAX_INFLATED = 8 * 1024 * 1024;
const STREAM_CHUNK = 1024 * 1024;
const MIN_CHUNK = 64; // zlib's smallest output chunk
const EMPTY = Buffer.alloc(0);
const nameOf = (label) => (typeof label === 'string' ? label : label());
// The three ways an entry fails to inflate, worded alike whichever way it was inflated
// (whole, in pieces, on zlib's threads): the check's refusal must not depend on the path.
const pastDeclared = (label, declared) => new zip_errors/* ZipDefect */.PD(`entry ${nameOf(label)} inflates past the ${declared} bytes it declares`);
const shortOfDeclared = (label, held, declared) => new zip_errors/* ZipDefect */.PD(`entry ${nameOf(label)} holds ${held} bytes, not the ${declared} it declares`);
const notDeflate = (label, cause) => new zip_errors/* ZipDefect */.PD(`entry ${nameOf(label)} does not inflate (${(0,zip_errors/* causeText */.xv)(cause)})`);
/**
 * `raw` inflated in one call. The output chunk is the declared size plus one
 * byte, so zlib writes into one buffer of that size (no concatenation) and one
 * byte past the declared size tells "too long" from "exactly right".
 */
function inflateWhole(raw, declared, label) {
    let out;
    try {
        // More than the declared size stops zlib at once (ERR_BUFFER_TOO_LARGE), as Inflater.inflate stops.
        out = (0,external_node_zlib_.inflateRawSync)(raw, { chunkSize: Math.max(MIN_CHUNK, declared + 1), maxOutputLength: Math.max(1, declared) });
    }
    catch (err) {
        const code = err.code;
        if (code === 'ERR_BUFFER_TOO_LARGE')
            throw pastDeclared(label, declared);
        throw notDeflate(label, err);
    }
    if (out.length > declared)
        throw pastDeclared(label, declared);
    if (out.length !== declared)
        throw shortOfDeclared(label, out.length, declared);
    return out;
}
/**
 * Whole entries inflated one after another through one zlib stream, reset
 * between them, into buffers the caller reuses. `inflateRawSync` builds a stream
 * object and an output buffer per call: for a jar's ~27,000 classes that garbage
 * held Node 24's peak at 145–170 MB, past the 120 MB bound.
 */
class Inflater {
    reuse;
    engine;
    native;
    state;
    failure;
    /** `reuse` false: every call goes through inflateRawSync (what a Node without the native stream gets; tests compare the two). */
    constructor(reuse = true) {
        this.reuse = reuse;
    }
    /** False where this Node does not offer the native stream: every call then goes through inflateRawSync. */
    get reusing() {
        return this.open() !== undefined;
    }
    /**
     * The `length` compressed bytes at `start` in `source` inflated into `out`, which
     * must hold at least `declared + 1` bytes (one byte past the declared size tells
     * "too long" from "exactly right"); a view of its first `declared` bytes. The
     * only view made: a jar's thousands of classes would pay for one per argument.
     */
    inflate(source, start, length, declared, out, label) {
        if (out.length <= declared)
            throw new RangeError(`an output of ${out.length} bytes cannot hold ${declared} + 1`);
        if (start < 0 || start + length > source.length)
            throw new RangeError(`bytes ${start}–${start + length} lie outside a source of ${source.length}`);
        const native = this.open();
        if (!native) {
            const whole = inflateWhole(source.subarray(start, start + length), declared, label);
            whole.copy(out);
            return out.subarray(0, declared);
        }
        native.reset();
        const written = this.write(native, external_node_zlib_.constants.Z_FINISH, source, start, length, out, 0, declared, label);
        if (written !== declared)
            throw shortOfDeclared(label, written, declared);
        return out.subarray(0, declared);
    }
    /**
     * As `inflate`, with the compressed bytes taken as they come (each piece may be a
     * view into a reused buffer): they are never gathered in one buffer.
     */
    async inflateFrom(input, declared, out, label) {
        if (out.length <= declared)
            throw new RangeError(`an output of ${out.length} bytes cannot hold ${declared} + 1`);
        const native = this.open();
        if (!native) {
            // Streamed, so that a header declaring far fewer bytes than it stores cannot make us gather them.
            let filled = 0;
            await inflateStream(input, declared, label, piece => void (filled += piece.copy(out, filled)));
            return out.subarray(0, declared);
        }
        native.reset();
        let written = 0;
        // Every piece is read to its end even after the deflate stream ended: what follows it is ignored, as inflateRawSync does.
        for await (const piece of input)
            written = this.write(native, external_node_zlib_.constants.Z_NO_FLUSH, piece, 0, piece.length, out, written, declared, label);
        written = this.write(native, external_node_zlib_.constants.Z_FINISH, EMPTY, 0, 0, out, written, declared, label);
        if (written !== declared)
            throw shortOfDeclared(label, written, declared);
        return out.subarray(0, declared);
    }
    /**
     * One call into the native stream: the `length` bytes at `start` in `input`
     * inflated into `out` from `written` up to one byte past the declared size; the
     * bytes written in all. A failed stream is not reused: the next entry gets a fresh one.
     */
    write(native, flush, input, start, length, out, written, declared, label) {
        this.failure = undefined;
        native.writeSync(flush, input, start, length, out, written, declared + 1 - written);
        if (this.failure !== undefined) {
            const problem = this.failure;
            this.close();
            throw notDeflate(label, new Error(problem));
        }
        const now = declared + 1 - this.state[0];
        if (now > declared)
            throw pastDeclared(label, declared);
        return now;
    }
    /** Frees the native stream now rather than at the next garbage collection. */
    close() {
        this.engine?.close();
        this.engine = undefined;
        this.native = undefined;
        this.state = undefined;
    }
    open() {
        if (this.native)
            return this.native;
        if (this.engine || !this.reuse)
            return undefined;
        const engine = (0,external_node_zlib_.createInflateRaw)();
        this.engine = engine;
        const inner = engine;
        const handle = inner._handle;
        if (typeof handle?.writeSync !== 'function' || typeof handle.reset !== 'function' || !external_node_util_.types.isUint32Array(inner._writeState))
            return undefined;
        // Our handler instead of the stream's, which would destroy the stream and emit 'error' later.
        handle.onerror = (message) => void (this.failure = message);
        this.native = handle;
        this.state = inner._writeState;
        return this.native;
    }
}
/**
 * `raw` inflated on one of zlib's threads into a buffer of its own, of the
 * declared size, refused as `Inflater.inflate` refuses (for a declared size of at
 * least MIN_CHUNK - 1: below it zlib's smaller piece cannot stop it one byte past,
 * so the caller inflates such an entry on its own thread). The whole input goes in
 * one write with Z_FINISH, so the inflating is one job on that thread and its
 * answer the only wait for this one. The output is one buffer of the declared
 * size plus one byte; a piece longer than the declared size stops it there.
 */
function inflateAsync(raw, declared, label) {
    const engine = (0,external_node_zlib_.createInflateRaw)({ chunkSize: Math.max(MIN_CHUNK, declared + 1), flush: external_node_zlib_.constants.Z_FINISH });
    return new Promise((resolve, reject) => {
        let body;
        const fail = (defect) => {
            engine.destroy();
            reject(defect);
        };
        engine.on('data', (piece) => {
            // Stopped at the first byte past the declared size, as Inflater.inflate stops, before zlib reads on.
            if (body || piece.length > declared)
                return fail(pastDeclared(label, declared));
            body = piece;
        });
        engine.on('error', err => fail(notDeflate(label, err)));
        engine.write(raw, err => {
            if (err)
                return fail(notDeflate(label, err));
            const out = body ?? EMPTY;
            engine.destroy();
            if (out.length !== declared)
                return fail(shortOfDeclared(label, out.length, declared));
            resolve(out);
        });
    });
}
/**
 * Inflates compressed pieces as they come, handing each inflated piece to
 * `onOutput` before the next compressed piece is asked for (so a piece may be a
 * view into a reused buffer). Stops at the declared size plus one byte.
 */
async function inflateStream(input, declared, label, onOutput) {
    // No larger than one byte past the declared size: zlib stops there, as the other paths do, before it reads on.
    const inflate = (0,external_node_zlib_.createInflateRaw)({ chunkSize: Math.max(MIN_CHUNK, Math.min(STREAM_CHUNK, declared + 1)) });
    let total = 0;
    let failure;
    inflate.on('data', (piece) => {
        total += piece.length;
        if (total > declared) {
            failure ??= pastDeclared(label, declared);
            inflate.destroy();
            return;
        }
        if (!failure)
            onOutput(piece);
    });
    const done = new Promise((resolve, reject) => {
        inflate.once('end', resolve);
        inflate.once('close', () => (failure ? reject(failure) : resolve()));
        inflate.once('error', err => {
            failure ??= notDeflate(label, err);
            reject(failure);
        });
    });
    done.catch(() => undefined);
    try {
        for await (const piece of input) {
            if (failure)
                break;
            // The piece may be reused once asked past: wait until zlib has taken it.
            await Promise.race([new Promise(resolve => inflate.write(piece, () => resolve())), done]);
        }
        if (!failure)
            inflate.end();
        await done;
    }
    finally {
        inflate.destroy();
    }
    if (failure)
        throw failure;
    if (total !== declared)
        throw shortOfDeclared(label, total, declared);
}

// EXTERNAL MODULE: ./src/archive/zip-directory.ts
var zip_directory = __webpack_require__(9059);
;// CONCATENATED MODULE: ./src/archive/digest.ts
// The content digest (docs/behaviour.md, "Identity"): one line per file entry,
// `<name>\t<digest>\n`, sorted by the name's raw bytes, where a nested zip's digest
// is `zip:` and its own content digest, and any other entry's is the sha256 of its bytes.
// Every entry is also checked (it inflates to its declared size, its CRC-32
// matches), and every bound of ZipLimits holds before the work it bounds.






/**
 * The archive's jars inflate on zlib's threads while this thread walks the ones
 * before them, the oldest walked at once while more than this many bytes are held
 * ahead (compressed and inflated): a 40 MB connector's check spends about 0.1 s
 * less on this thread (docs/benchmarks.md, "Jars inflated ahead of the walk
 * (issue 22)"). A jar declaring more inflates on this thread as it is read, as
 * every jar did before; so the walk holds at most three times this ahead (the
 * window, and one jar's compressed and inflated bytes).
 */
const AHEAD_BYTES = 8 * 1024 * 1024;
/**
 * A jar stored in fewer compressed bytes inflates on this thread: a job on zlib's
 * threads costs this one about 0.15 ms, what inflating some 45 kB costs. An archive
 * of 1,500 jars of 2 kB was checked in 0.18 s that way against 0.07 s in turn.
 */
const ASYNC_MIN_BYTES = 64 * 1024;
function newWalkState(limits, aheadBytes = AHEAD_BYTES, asyncMinBytes = ASYNC_MIN_BYTES) {
    return {
        limits,
        inflatedLeft: limits.maxInflatedBytes,
        entriesLeft: limits.maxEntriesTotal,
        unreadableNested: [],
        backslashed: [],
        pool: new BodyPool(),
        scratch: new Scratch(),
        out: new Scratch(),
        inflater: new Inflater(),
        aheadBytes,
        asyncMinBytes
    };
}
/**
 * Buffers for the archive's nested jars, reused from jar to jar. A fresh buffer
 * per jar is freed only when the garbage collector notices some 64 MB of them:
 * a 1 GiB archive of 16 MiB jars peaked 30 MB higher.
 */
class BodyPool {
    free = [];
    take(size) {
        const i = this.free.findIndex(b => b.length >= size);
        return (i >= 0 ? this.free.splice(i, 1)[0] : Buffer.allocUnsafeSlow(size)).subarray(0, size);
    }
    /** Only for what take() lent: the whole buffer behind the view goes back. */
    give(body) {
        if (this.free.length < 2)
            this.free.push(Buffer.from(body.buffer, body.byteOffset, body.buffer.byteLength - body.byteOffset));
    }
}
/**
 * The archive's deflated jars, inflating on zlib's threads, that this thread has
 * read past. Each is walked in file order, as soon as it is inflated or when the
 * bytes held ahead pass the window: a walk spends the archive's bounds, so a
 * refusal names the same entry whatever the timing, and the warnings come in
 * file order. Once one jar's walk fails, no later one is walked: the refusal
 * names the first broken jar, never one after it.
 */
class JarsAhead {
    window;
    queue = [];
    bytes = 0;
    failed = false;
    constructor(window) {
        this.window = window;
    }
    /**
     * Whether `entry`, a nested jar, goes ahead: deflated, declaring no more than the
     * window, and no more compressed than deflate can make it (a header that
     * understates its size must not make the walk gather what it stores).
     */
    takes(entry) {
        const size = entry.uncompressedSize;
        return entry.method === DEFLATED && !(entry.flags & ENCRYPTED) && size <= this.window && entry.compressedSize <= deflateBound(size);
    }
    /** Whether any jar is held ahead: a jar after it must then wait its turn. */
    get holding() {
        return this.queue.length > 0;
    }
    add(entry, inflating, walk) {
        const item = { bytes: entry.compressedSize + entry.uncompressedSize, inflated: false, inflating, walk };
        void inflating.then(() => (item.inflated = true), () => (item.inflated = true));
        this.queue.push(item);
        this.bytes += item.bytes;
    }
    /**
     * Walks the jars at the front that are inflated, and the oldest while past the
     * window; with `all`, every one. After a jar failed, nothing: the jars left lie
     * after it (their inflating settles on its own, and nothing waits for it).
     */
    async walk(all) {
        while (!this.failed && this.queue.length > 0 && (all || this.queue[0].inflated || this.bytes > this.window)) {
            const item = this.queue.shift();
            this.bytes -= item.bytes;
            try {
                await item.walk(await item.inflating);
            }
            catch (err) {
                this.failed = true;
                throw err;
            }
        }
    }
}
/** The most a deflate stream of `size` bytes can take, with room to spare (stored blocks cost 5 bytes per 16 KiB or more). */
const deflateBound = (size) => size + Math.ceil(size / 1024) + 64;
/**
 * Frees the memory of a buffer nothing else holds, now: the garbage collector
 * would free it only once some tens of MB of such buffers piled up
 * (docs/benchmarks.md, "Jars inflated ahead of the walk (issue 22)"). Only when
 * the buffer is the whole of its memory (zlib's output keeps one spare byte): a
 * small one shares Node's pool with others and is left to the collector. Node 20
 * (where the command-line tool still runs) has no ArrayBuffer transfer: there the
 * collector frees it, as it did before.
 */
function release(buffer) {
    const memory = buffer.buffer;
    // An empty buffer holds no memory worth freeing, and may be one that is shared (zlib's empty answer).
    if (buffer.length === 0)
        return;
    if (memory instanceof ArrayBuffer && typeof memory.transfer === 'function' && buffer.byteOffset === 0 && memory.byteLength <= buffer.length + 1) {
        memory.transfer(0);
    }
}
/** One buffer grown to the largest request and reused. */
class Scratch {
    buffer = Buffer.alloc(0);
    get(size) {
        return this.atLeast(size).subarray(0, size);
    }
    /** The buffer itself, of `size` bytes or more: no view made. */
    atLeast(size) {
        if (this.buffer.length < size)
            this.buffer = Buffer.allocUnsafeSlow(Math.max(size, 64 * 1024));
        return this.buffer;
    }
}
const NESTED = /\.(jar|zip|car)$/i;
const ABSOLUTE = /^([/\\]|[A-Za-z]:)/;
const PARENT = /(^|[/\\])\.\.([/\\]|$)/;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 0x1;
// One call per entry: cheaper than a Hash object for a jar's small classes.
const sha256Hex = (b) => (0,external_node_crypto_.hash)('sha256', b, 'hex');
/** The content digest of lines: a directory's left out, sorted by the names' bytes (latin1 keys compare as bytes). */
function digestOf(lines) {
    const files = lines.filter(({ key }) => !isDirectory(key));
    files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return sha256Hex(Buffer.from(files.map(({ key, hex }) => `${key}\t${hex}\n`).join(''), 'latin1'));
}
/**
 * The archive, read once from the front through `pass`: its central directory
 * (read first, from the end), then every entry in the order it lies in the file.
 * `capture` names the one entry whose bytes are kept (connector-config.xml).
 */
async function digestArchive(file, pass, state, capture) {
    const at = { prefix: '', depth: 0, budget: state.limits.maxNestedBufferBytes };
    const entries = await directory((position, length) => file.readExact(position, length), file.size, state, at);
    const walked = admit(entries, state, at);
    const lines = [];
    let captured;
    const ahead = new JarsAhead(state.aheadBytes);
    try {
        for (const entry of walked) {
            try {
                if (entry.localHeaderOffset < pass.position)
                    throw new zip_errors/* ZipDefect */.PD(`entry ${labelOf(at, entry)} overlaps the entry before it`);
                // A defect of the directory, not a file cut short while it is read (which the pass would report).
                if (entry.localHeaderOffset + zip_directory/* LOCAL_LENGTH */.RM > file.size) {
                    throw new zip_errors/* ZipDefect */.PD(`the central directory places entry ${labelOf(at, entry)} past the end of the file (its local header at byte ${entry.localHeaderOffset}, in a file of ${file.size} bytes)`);
                }
                await pass.skipTo(entry.localHeaderOffset);
                const header = await pass.bytes(zip_directory/* LOCAL_LENGTH */.RM, state.scratch);
                const start = entry.localHeaderOffset + (0,zip_directory/* localHeaderLength */.$R)(header, 0, entry);
                if (start + entry.compressedSize > file.size)
                    throw new zip_errors/* ZipDefect */.PD(`entry ${labelOf(at, entry)} runs past the end of the file`);
                await pass.skipTo(start);
                const nested = isNested(entry, state, at);
                // Below zlib's smallest output chunk its threads would inflate past the declared size before a
                // refusal could stop them: such a jar (never one of 64 KiB compressed) inflates here too.
                const small = entry.compressedSize < state.asyncMinBytes || entry.uncompressedSize < MIN_CHUNK;
                // A small jar goes ahead only to keep its turn behind the jars held ahead of it.
                if (nested && ahead.takes(entry) && (!small || ahead.holding)) {
                    const label = labelOf(at, entry);
                    const compressed = Buffer.allocUnsafeSlow(entry.compressedSize);
                    let filled = 0;
                    for await (const piece of pass.take(entry.compressedSize))
                        filled += piece.copy(compressed, filled);
                    const declared = entry.uncompressedSize;
                    const inflating = small
                        ? new Promise(resolve => resolve(state.inflater.inflate(compressed, 0, filled, declared, Buffer.allocUnsafeSlow(declared + 1), label)))
                        : inflateAsync(compressed, declared, label);
                    void inflating.then(() => release(compressed), () => undefined);
                    ahead.add(entry, inflating, async (body) => {
                        checkCrc((0,external_node_zlib_.crc32)(body), entry, label);
                        lines.push({ key: entry.key, hex: await nestedDigest(body, label, state, at) });
                        release(body);
                    });
                    await ahead.walk(false);
                    continue;
                }
                // A jar's walk spends the archive's bounds: in file order, after the jars ahead of it.
                if (nested)
                    await ahead.walk(true);
                const keep = entry.key === capture && entry.uncompressedSize <= state.limits.maxConfigBytes;
                const { hex, body } = await fileEntry(pass, entry, state, at, keep);
                if (keep)
                    captured = body;
                lines.push({ key: entry.key, hex });
            }
            catch (err) {
                // A jar ahead of this entry lies before it: what the walk finds there comes first.
                await ahead.walk(true);
                throw err;
            }
        }
        await ahead.walk(true);
    }
    catch (err) {
        // Only a walk that gave up stops the reading: a finished one reads on to the end of the file (finish).
        pass.abandon();
        throw err;
    }
    finally {
        state.inflater.close();
    }
    return { digest: digestOf(lines), sums: await pass.finish(), keys: walked.filter(e => !isDirectory(e.key)).map(e => e.key), captured };
}
/** An entry of the archive on disk, its bytes taken from the pass as they come. */
async function fileEntry(pass, entry, state, at, keep) {
    const label = labelOf(at, entry);
    checkMethod(entry, label);
    const declared = entry.uncompressedSize;
    const nested = isNested(entry, state, at);
    if (nested || keep) {
        // A nested jar's body is lent by the pool and given back once digested; the kept entry's is its own.
        // A deflated one inflates through the reused stream from the file's reads as they come.
        const space = nested ? state.pool.take(declared + 1) : Buffer.allocUnsafe(declared + 1);
        let body;
        let crc;
        if (entry.method === DEFLATED) {
            body = await state.inflater.inflateFrom(pass.take(entry.compressedSize), declared, space, label);
            crc = (0,external_node_zlib_.crc32)(body);
        }
        else {
            // Stored: its declared size is its size in the file (checkMethod leaves no third method), and its
            // CRC-32 is worked out from the file's (file-pass.ts, takeSummed).
            body = space.subarray(0, declared);
            let filled = 0;
            for await (const piece of pass.takeSummed(entry.compressedSize))
                filled += piece.copy(body, filled);
            crc = pass.summed();
        }
        checkCrc(crc, entry, label);
        if (!nested)
            return { hex: sha256Hex(body), body };
        const hex = await nestedDigest(body, label, state, at);
        state.pool.give(body);
        return { hex };
    }
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let crc = 0;
    let total = 0;
    const digest = (piece) => {
        hash.update(piece);
        crc = (0,external_node_zlib_.crc32)(piece, crc);
        total += piece.length;
    };
    if (entry.method === STORED) {
        for await (const piece of pass.takeSummed(entry.compressedSize)) {
            hash.update(piece);
            total += piece.length;
        }
        crc = pass.summed();
    }
    else if (declared <= SYNC_MAX_INFLATED) {
        digest(await state.inflater.inflateFrom(pass.take(entry.compressedSize), declared, state.out.get(declared + 1), label));
    }
    else {
        await inflateStream(pass.take(entry.compressedSize), declared, label, digest);
    }
    if (total !== declared)
        throw shortOfDeclared(label, total, declared);
    checkCrc(crc, entry, label);
    return { hex: hash.digest('hex') };
}
/** Before a nested zip's content digest in its line; a bytes' sha256 is bare hex. */
const NESTED_MARK = 'zip:';
/**
 * The digest of a nested zip whose bytes are `body`, lying at `label` in the zip at
 * `parent`: its content digest, or its bytes' sha256 (and a warning) when it does
 * not read as a zip.
 */
async function nestedDigest(body, label, state, parent) {
    try {
        // Marked apart from a bytes' digest: a plain file holding exactly a jar's lines must not pass for that jar.
        return NESTED_MARK + (await memoryDigest(body, state, { prefix: `${label}!/`, depth: parent.depth + 1, budget: parent.budget - body.length }));
    }
    catch (err) {
        if (!(err instanceof zip_errors/* ZipDefect */.PD))
            throw err;
        state.unreadableNested.push({ label, problem: err.problem });
        return sha256Hex(body);
    }
}
/** A zip held whole in memory: every entry is a view or one inflate away. */
async function memoryDigest(zip, state, at) {
    const readAt = (position, length) => {
        within(zip, position, length);
        return zip.subarray(position, position + length);
    };
    const entries = await directory(readAt, zip.length, state, at);
    const walked = admit(entries, state, at);
    const lines = new Array(walked.length);
    let reached = 0;
    for (let i = 0; i < walked.length; i++) {
        const entry = walked[i];
        const label = () => labelOf(at, entry);
        if (entry.localHeaderOffset < reached)
            throw new zip_errors/* ZipDefect */.PD(`entry ${label()} overlaps the entry before it`);
        checkMethod(entry, label);
        const start = entry.localHeaderOffset + (0,zip_directory/* localHeaderLength */.$R)(zip, entry.localHeaderOffset, entry);
        within(zip, start, entry.compressedSize);
        reached = start + entry.compressedSize;
        // A class or a resource (most entries) without an await: a jar's thousands would each pay for one.
        const leaf = !isNested(entry, state, at) && !(entry.method === DEFLATED && entry.uncompressedSize > SYNC_MAX_INFLATED);
        lines[i] = { key: entry.key, hex: leaf ? leafDigest(zip, start, entry, state, label) : await memoryEntry(zip, start, entry, state, at, label) };
    }
    return digestOf(lines);
}
/** An entry read as bytes, held whole: a view when stored, else inflated into the reused buffer. */
function leafDigest(zip, start, entry, state, label) {
    const bytes = entry.method === STORED
        ? zip.subarray(start, start + entry.compressedSize)
        : state.inflater.inflate(zip, start, entry.compressedSize, entry.uncompressedSize, state.out.atLeast(entry.uncompressedSize + 1), label);
    checkCrc((0,external_node_zlib_.crc32)(bytes), entry, label);
    return sha256Hex(bytes);
}
/** A zip in memory holds the `length` bytes at `position`, or it is a defect. */
function within(zip, position, length) {
    if (position + length > zip.length)
        throw new zip_errors/* ZipDefect */.PD(`it points past its own end (byte ${position + length} of ${zip.length})`);
}
/** The entry whose data is the `entry.compressedSize` bytes at `start` in `zip`: a nested zip, or one too large to inflate whole. */
async function memoryEntry(zip, start, entry, state, at, label) {
    const declared = entry.uncompressedSize;
    if (entry.method === DEFLATED && declared > SYNC_MAX_INFLATED) {
        const raw = zip.subarray(start, start + entry.compressedSize);
        // Too large for one buffer of its own: hashed as it inflates (it cannot be a nested zip: those are read whole).
        const hash = (0,external_node_crypto_.createHash)('sha256');
        let crc = 0;
        await inflateStream(once(raw), declared, label(), piece => {
            hash.update(piece);
            crc = (0,external_node_zlib_.crc32)(piece, crc);
        });
        checkCrc(crc, entry, label);
        return hash.digest('hex');
    }
    // A nested jar's body is lent by the pool (it is digested while this zip's other entries wait).
    const space = entry.method === STORED ? undefined : state.pool.take(declared + 1);
    const bytes = space ? state.inflater.inflate(zip, start, entry.compressedSize, declared, space, label) : zip.subarray(start, start + entry.compressedSize);
    checkCrc((0,external_node_zlib_.crc32)(bytes), entry, label);
    const hex = await nestedDigest(bytes, label(), state, at);
    if (space)
        state.pool.give(bytes);
    return hex;
}
/** The central directory's entries, after the bounds on their number. */
async function directory(read, size, state, at) {
    const { limits } = state;
    let end;
    try {
        end = await (0,zip_directory/* readEnd */.sA)(read, size);
    }
    catch (err) {
        throw directoryDefect(err, at);
    }
    const where = whereOf(at);
    if (end.count > limits.maxEntriesPerZip) {
        throw new zip_errors/* ZipLimitExceeded */.gm(`${where} holds ${end.count.toLocaleString('en-US')} entries, more than the limit of ${limits.maxEntriesPerZip.toLocaleString('en-US')} per zip`);
    }
    state.entriesLeft -= end.count;
    if (state.entriesLeft < 0) {
        throw new zip_errors/* ZipLimitExceeded */.gm(`it holds more than ${limits.maxEntriesTotal.toLocaleString('en-US')} entries in all, nested archives counted (the limit), at ${where}`);
    }
    if (end.size > limits.maxDirectoryBytes) {
        throw new zip_errors/* ZipLimitExceeded */.gm(`${where}'s central directory is ${(0,src_text/* exactBytes */.X2)(end.size)}, more than the limit of ${(0,src_text/* exactBytes */.X2)(limits.maxDirectoryBytes)}`);
    }
    try {
        return (0,zip_directory/* parseCentral */.x4)(await read(end.offset, end.size), end.count);
    }
    catch (err) {
        throw directoryDefect(err, at);
    }
}
function directoryDefect(err, at) {
    if (err instanceof zip_errors/* ZipLimitExceeded */.gm)
        return err;
    const problem = err instanceof zip_errors/* ZipDefect */.PD ? err.problem : (0,zip_errors/* causeText */.xv)(err);
    return new zip_errors/* ZipDefect */.PD(`${at.depth === 0 ? 'its' : `${whereOf(at)}'s`} central directory cannot be read (${problem})`);
}
/**
 * One pass over the names: refuses a control character, an absolute path, a
 * '..' segment, a name seen twice and a directory that declares data; notes
 * backslashes; and refuses a zip whose declared sizes would pass the inflation
 * bound. The entries come back in the order they lie in the zip, directories
 * too: each is walked like a file (it inflates to nothing and passes its CRC)
 * but has no line in the digest.
 */
function admit(entries, state, at) {
    const seen = new Set();
    let declared = 0;
    for (const entry of entries) {
        const key = entry.key;
        if ((0,src_text/* hasByteControl */.Yk)(key))
            throw new zip_errors/* ZipDefect */.PD(`entry ${labelOf(at, entry)} has a control character in its name`);
        if (ABSOLUTE.test(key))
            throw new zip_errors/* ZipDefect */.PD(`entry ${labelOf(at, entry)} has an absolute path as its name`);
        if (PARENT.test(key))
            throw new zip_errors/* ZipDefect */.PD(`entry ${labelOf(at, entry)} has a '..' segment in its name`);
        if (seen.has(key))
            throw new zip_errors/* ZipDefect */.PD(`entry ${labelOf(at, entry)} appears twice (tools disagree on which copy counts)`);
        seen.add(key);
        if (isDirectory(key)) {
            // Its compressed size may not be 0: Java writes a directory as an empty deflate stream, 2 bytes that inflate to none.
            if (entry.uncompressedSize !== 0) {
                throw new zip_errors/* ZipDefect */.PD(`entry ${labelOf(at, entry)} is a directory (its name ends in /) but declares ${(0,src_text/* exactBytes */.X2)(entry.uncompressedSize)} of data`);
            }
        }
        else if (key.includes('\\'))
            state.backslashed.push(labelOf(at, entry));
        declared += entry.uncompressedSize;
    }
    // Every entry is inflated to at most its declared size, so the declared sum is
    // what inflating will cost: a bomb is refused here, before any work.
    if (declared > state.inflatedLeft) {
        throw new zip_errors/* ZipLimitExceeded */.gm(`${whereOf(at)} would inflate to more than the limit of ${(0,src_text/* exactBytes */.X2)(state.limits.maxInflatedBytes)} in all, nested archives counted (${(0,src_text/* exactBytes */.X2)(declared)} declared by its entries)`);
    }
    state.inflatedLeft -= declared;
    return entries.sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
}
const isDirectory = (key) => key.endsWith('/');
function isNested(entry, state, at) {
    return NESTED.test(entry.key) && at.depth < state.limits.maxNestingDepth && entry.uncompressedSize <= at.budget;
}
function checkMethod(entry, label) {
    const name = () => (typeof label === 'string' ? label : label());
    if (entry.flags & ENCRYPTED)
        throw new zip_errors/* ZipDefect */.PD(`entry ${name()} is encrypted`);
    if (entry.method !== STORED && entry.method !== DEFLATED) {
        throw new zip_errors/* ZipDefect */.PD(`entry ${name()} uses compression method ${entry.method}, which is not supported (only stored and deflate)`);
    }
}
function checkCrc(crc, entry, label) {
    if (crc >>> 0 !== entry.crc32 >>> 0)
        throw new zip_errors/* ZipDefect */.PD(`entry ${typeof label === 'string' ? label : label()} fails its CRC check`);
}
async function* once(piece) {
    yield piece;
}
const labelOf = (at, entry) => at.prefix + (0,zip_directory/* shownKey */.dM)(entry.key);
const whereOf = (at) => (at.depth === 0 ? 'the archive' : at.prefix.slice(0, -2));

;// CONCATENATED MODULE: ./src/archive/crc-combine.ts
// The CRC-32 of two byte strings laid end to end, from the CRC-32 of each and
// the second one's length, without reading either again. The file pass uses it
// to join a chunk the reading thread summed into the file's CRC-32, and to work
// out a stored entry's CRC-32 (which the walk checks) from the file's before and
// after it, instead of summing its bytes a second time (docs/behaviour.md,
// "Checksum"). Node's zlib offers crc32 but not zlib's crc32_combine, so the
// arithmetic is here.
//
// A CRC-32 register is a polynomial over GF(2) of degree below 32, written
// bit-reversed: bit 31 holds x^0 and bit 0 holds x^31. Appending n bytes to a
// message multiplies its register by x^(8n) modulo the CRC polynomial, then adds
// the register of those n bytes on their own. The conditioning CRC-32 applies
// before and after (the register starts at, and ends XORed with, all ones)
// cancels out of that sum.
/** The CRC-32 polynomial, bit-reversed. */
const POLYNOMIAL = 0xedb88320;
/** x^0 in the bit-reversed form. */
const ONE = 0x80000000;
/** a·b modulo the CRC polynomial. */
function multiply(a, b) {
    let product = 0;
    for (let bit = ONE; bit !== 0; bit >>>= 1) {
        if (a & bit)
            product ^= b;
        b = b & 1 ? (b >>> 1) ^ POLYNOMIAL : b >>> 1;
    }
    return product >>> 0;
}
/** x^(2^k) modulo the polynomial, for every k a byte count up to 2^53 can need (8n < 2^56). */
const SQUARES = [ONE >>> 1];
for (let k = 1; k < 57; k++)
    SQUARES.push(multiply(SQUARES[k - 1], SQUARES[k - 1]));
/** x^(8n) modulo the polynomial: the shift of appending n bytes. */
function shiftOf(bytes) {
    let shift = ONE;
    // 8n = n·2^3: bit i of n stands for x^(2^(i+3)).
    for (let k = 3, n = bytes; n > 0; k++, n = Math.floor(n / 2))
        if (n % 2 === 1)
            shift = multiply(SQUARES[k], shift);
    return shift;
}
/** crc32(a ‖ b) from crc32(a), crc32(b) and b's length in bytes. */
function crc32Combine(crcA, crcB, lengthB) {
    if (!Number.isSafeInteger(lengthB) || lengthB < 0)
        throw new RangeError(`a length of ${lengthB} bytes cannot be combined`);
    return (multiply(shiftOf(lengthB), crcA >>> 0) ^ crcB) >>> 0;
}

;// CONCATENATED MODULE: ./src/archive/file-pass.ts



/**
 * One read of the archive, front to back. The walk takes the entries' bytes from
 * its chunks, and the file's sha256 is taken from the same chunks: here, as each
 * one arrives, or by the thread that reads them (hash-beside.ts, a large archive).
 * Either way the file is read once for both (docs/behaviour.md, "Checksum").
 * The file's CRC-32 is taken once per byte, here or (for a chunk it summed while
 * ahead of the walk) by the reading thread, and the CRC-32 of a stored entry, which
 * the walk checks, is worked out from the file's (`takeSummed`): its bytes are not
 * summed again. The file's lane sum is taken here, of each chunk where it lies (the
 * chunks are read into the sum's own memory). Memory stays at a few chunks whatever
 * the archive's size.
 */
class FilePass {
    file;
    sum;
    chunks;
    /** The file's sha256, when no other thread takes it. */
    hash = (0,external_node_crypto_.createHash)('sha256');
    hashing;
    /** The CRC-32 of the file's bytes before `crcAt`; `crcAt` lies in the current chunk, or at its start. */
    crc = 0;
    crcAt = 0;
    /** The range taken with takeSummed, until summed() gives its CRC-32: where it began, and the file's CRC-32 up to there. */
    range;
    /** The chunk being consumed, its start in the file, and how much of it is used. */
    chunk = Buffer.alloc(0);
    chunkStart = 0;
    used = 0;
    /**
     * `beside`: the chunks of a thread that reads the file and takes its sha256 (a
     * large archive) into `sum`'s region, with the CRC-32 of those it summed; without
     * it this thread reads (into that region too), hashes and sums.
     */
    constructor(file, sum, beside) {
        this.file = file;
        this.sum = sum;
        this.hashing = !beside;
        this.chunks = beside ?? new OwnReads(file, sum);
    }
    /** The file position of the next byte not yet consumed. */
    get position() {
        return this.chunkStart + this.used;
    }
    /**
     * The next `length` bytes, as views into the chunks: each view is valid until
     * the next one is asked for. Fails if the file ends first.
     */
    async *take(length) {
        let left = length;
        while (left > 0) {
            if (this.used === this.chunk.length)
                await this.advance();
            const n = Math.min(left, this.chunk.length - this.used);
            const view = this.chunk.subarray(this.used, this.used + n);
            this.used += n;
            left -= n;
            yield view;
        }
    }
    /**
     * The next `length` bytes whole: a view into the chunk when they lie in it
     * (valid until more is asked for), else copied into `scratch`'s buffer (they
     * straddle chunks).
     */
    async bytes(length, scratch) {
        if (this.used === this.chunk.length && length > 0)
            await this.advance();
        if (this.used + length <= this.chunk.length) {
            const view = this.chunk.subarray(this.used, this.used + length);
            this.used += length;
            return view;
        }
        const out = scratch.get(length);
        let at = 0;
        for await (const view of this.take(length))
            at += view.copy(out, at);
        return out;
    }
    /**
     * As `take`, for a stored entry whose CRC-32 the walk checks: summed() then
     * gives it, worked out from the file's CRC-32 before and after the range (the
     * arithmetic of zlib's `crc32_combine`, crc-combine.ts), so its bytes are
     * summed once, as part of the file.
     */
    takeSummed(length) {
        if (this.range)
            throw new Error('a range taken with takeSummed() was never summed');
        this.catchUp(this.position);
        this.range = { from: this.position, crc: this.crc };
        return this.take(length);
    }
    /** The CRC-32 of every byte `takeSummed` just gave. */
    summed() {
        if (!this.range)
            throw new Error('summed() without takeSummed()');
        this.catchUp(this.position);
        // crc(A) joined with crc(B) is crc(A) moved past B's length, XOR crc(B): so crc(B) is that XOR undone.
        const crc = (this.crc ^ crc32Combine(this.range.crc, 0, this.position - this.range.from)) >>> 0;
        this.range = undefined;
        return crc;
    }
    /** Consumes bytes up to `position` (never backwards): they still count in the file's sums. */
    async skipTo(position) {
        while (this.position < position) {
            if (this.used === this.chunk.length)
                await this.advance();
            this.used += Math.min(position - this.position, this.chunk.length - this.used);
        }
    }
    /** Reads to the end of the file; its CRC-32, and its sha256 unless another thread takes it. */
    async finish() {
        if (this.range)
            throw new Error('a range taken with takeSummed() was never summed');
        await this.skipTo(this.file.size);
        this.catchUp(this.file.size);
        // Whatever the file holds past the size it had when opened is not ours: the upload refuses a file that grew.
        return { sha256: this.hashing ? this.hash.digest('hex') : undefined, laneSum: this.sum.digest(), crc32: this.crc >>> 0 };
    }
    /** Stops the reading once the walk has given up, and any read in flight from failing unobserved. */
    abandon() {
        this.chunks.abandon();
    }
    async advance() {
        const start = this.chunkStart + this.chunk.length;
        if (start >= this.file.size)
            throw new Error(`unexpected end of file at byte ${start}`);
        const next = await this.chunks.next();
        // The chunk given up is summed before its memory is read into again (the views into it were given
        // up when this one was asked for): by joining the reading thread's sum when it took one and none of
        // the chunk was summed here, else here.
        if (this.chunk.length > 0) {
            const beside = this.crcAt === this.chunkStart ? this.chunks.crc() : undefined;
            if (beside === undefined)
                this.catchUp(start);
            else {
                this.crc = crc32Combine(this.crc, beside, this.chunk.length);
                this.crcAt = start;
            }
            this.chunks.release();
        }
        this.chunk = next;
        this.chunkStart = start;
        this.used = 0;
        if (this.hashing)
            this.hash.update(this.chunk);
        this.sum.update(this.chunk);
    }
    /** Sums the current chunk's bytes from `crcAt` up to `position`. */
    catchUp(position) {
        if (position <= this.crcAt)
            return;
        this.crc = (0,external_node_zlib_.crc32)(this.chunk.subarray(this.crcAt - this.chunkStart, position - this.chunkStart), this.crc);
        this.crcAt = position;
    }
}
/**
 * This thread's reads, below the reading thread's size (hash-beside.ts): 1 MiB, half its chunk.
 * A 40 MB release checked as fast and peaked 2–4 MB lower than with 2 MiB reads
 * (docs/benchmarks.md, "The upload's lane sum (issue 22)").
 */
const OWN_CHUNK = 1024 * 1024;
/** Room OwnReads needs in the sum's region, for a file of `size` bytes. */
function ownReadsBytes(size) {
    return 2 * Math.max(1, Math.min(OWN_CHUNK, size));
}
/** The file read by this thread through two reused buffers (in the sum's memory): the next chunk is read while the last is used. */
class OwnReads {
    file;
    free;
    held = [];
    position = 0;
    ahead;
    constructor(file, sum) {
        this.file = file;
        const size = ownReadsBytes(file.size) / 2;
        this.free = [sum.region(0, size), sum.region(size, size)];
        this.readAhead();
    }
    async next() {
        const ahead = this.ahead;
        if (!ahead)
            throw new Error(`unexpected end of file at byte ${this.position}`);
        const start = this.position;
        const n = await ahead.read;
        if (n === 0)
            throw new Error(`unexpected end of file at byte ${start}`);
        this.ahead = undefined;
        this.position += n;
        const chunk = ahead.buffer.subarray(0, n);
        this.held.push(ahead.buffer);
        this.readAhead();
        return chunk;
    }
    crc() {
        return undefined;
    }
    release() {
        const buffer = this.held.shift();
        if (buffer)
            this.free.push(buffer);
        this.readAhead();
    }
    abandon() {
        void this.ahead?.read.catch(() => undefined);
    }
    /** Starts reading the next chunk into a free buffer, when one is free and none is being read. */
    readAhead() {
        if (this.ahead || this.position >= this.file.size || this.free.length === 0)
            return;
        const buffer = this.free.pop();
        this.ahead = { buffer, read: this.file.read(buffer, this.position, Math.min(buffer.length, this.file.size - this.position)) };
    }
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./src/archive/hash-beside.ts

// The reading thread's code travels as a string (`eval: true`) so that it runs the
// same from Jest, from tsc's output and from the single file a bundler makes: a
// worker given as a file path would need that file beside the bundle. It reads the
// archive's own descriptor (descriptors belong to the process, so the number is
// valid in every thread) at explicit positions: no path is opened again.
//
// It reads the file front to back into SLOTS chunks of shared memory (the start of
// the memory the walk's LaneSum sums in, src/lane-sum.ts), takes the
// file's sha256 of each chunk, and publishes each as soon as it is read: this thread
// walks the zip in the same bytes. A slot is read into again only once this thread
// has given it back (and the reading thread hashed it, which it did before reading
// on). When it is ahead of the walk (three of the four chunks read and not yet
// given back: the walk is the slower), it also takes the chunk's CRC-32 after its
// sha256, which the walk's thread would otherwise take: the two threads share that
// work by how busy each is. A chunk's CRC-32 is used only if it is ready when the
// walk leaves the chunk; if not, this thread sums the chunk, and the file's CRC-32
// is the same either way. (Every other chunk, whatever the pace, made the reading
// thread the slower one: docs/benchmarks.md, "One read of a large archive, and the
// quiet second's pair (issue 22)".)
// Control words: [PUBLISHED] chunks read, [RELEASED] chunks given back, [STOP] this
// thread stopped listening, [FAILED] the read failed; then for each slot its length,
// its chunk's CRC-32, and which chunk (its number + 1) that CRC-32 belongs to.
const PUBLISHED = 0;
const RELEASED = 1;
const STOP = 2;
const FAILED = 3;
const LENGTHS = 4;
const SLOTS = 4;
const CRCS = LENGTHS + SLOTS;
const SUMMED = CRCS + SLOTS;
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { readSync } = require('node:fs')
const { createHash } = require('node:crypto')
const { crc32 } = require('node:zlib')
const { fd, size, memory, control, slots, chunk } = workerData
const ctl = new Int32Array(control)
function run() {
  const hash = createHash('sha256')
  let position = 0
  for (let k = 0; position < size; k++) {
    for (;;) {
      if (Atomics.load(ctl, ${STOP})) return undefined
      const released = Atomics.load(ctl, ${RELEASED})
      if (k - released < slots) break
      Atomics.wait(ctl, ${RELEASED}, released, 1000)
    }
    const slot = k % slots
    const view = Buffer.from(memory, slot * chunk, Math.min(chunk, size - position))
    const n = readSync(fd, view, 0, view.length, position)
    if (n === 0) throw new Error('unexpected end of file at byte ' + position)
    ctl[${LENGTHS} + slot] = n
    position += n
    Atomics.store(ctl, ${PUBLISHED}, k + 1)
    Atomics.notify(ctl, ${PUBLISHED})
    hash.update(view.subarray(0, n))
    if (k + 1 - Atomics.load(ctl, ${RELEASED}) >= ${SLOTS - 1}) {
      ctl[${CRCS} + slot] = crc32(view.subarray(0, n)) | 0
      Atomics.store(ctl, ${SUMMED} + slot, k + 1)
    }
  }
  return hash.digest('hex')
}
try {
  const sha256 = run()
  parentPort.postMessage(sha256 === undefined ? { stopped: true } : { result: { sha256 } })
} catch (err) {
  Atomics.store(ctl, ${FAILED}, 1)
  Atomics.notify(ctl, ${PUBLISHED})
  parentPort.postMessage({ error: String((err && err.message) || err) })
}
`;
/** The worker only hashes Buffers (kept off its heap): a small heap keeps the release under its 120 MB RSS target. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 16 };
// 2 MiB reads: sha256 runs near openssl's speed from 1 MiB up (64 KiB reads run at about half).
// 1 MiB chunks checked a 1 GiB archive as fast, with half the memory, yet the release then
// peaked 3–4 MB higher (docs/benchmarks.md, "The upload's lane sum (issue 22)").
const CHUNK = 2 * 1024 * 1024;
// The reading thread runs up to SLOTS chunks ahead of the walk; four ran faster
// than eight in the measurements (docs/benchmarks.md, "One read of a large archive,
// and the quiet second's pair (issue 22)").
// From this size the file is read and its sha256 taken on the other core while this
// thread walks the zip in the same bytes: the two hash about as much (the archive's
// bytes; the entries' bytes), so a 1 GiB archive is checked in about half the time
// on 2 cores. Below it a worker's start (30–80 ms in a fresh process) costs more
// than the hashing it would move (a 40 MB archive's takes about 25 ms), so this
// thread reads and hashes alone (docs/benchmarks.md, "Checking the archive, second
// pass (issue 22)"). The file's CRC-32 is taken once per byte either way, and a
// stored entry's is worked out from it (file-pass.ts, takeSummed).
const WORKER_MIN_BYTES = 64 * 1024 * 1024;
/** The shared memory the reading thread reads into, for a file of `size` bytes: room for SLOTS chunks. */
function besideBytes(size) {
    return SLOTS * Math.max(1, Math.min(CHUNK, size));
}
/**
 * Reads the file behind descriptor `fd`, of `size` bytes, in a worker thread that
 * also takes its sha256, into the first besideBytes(size) bytes of `sum`'s region:
 * the chunks it gives are summed where they lie.
 */
function readBeside(fd, size, sum) {
    const chunk = besideBytes(size) / SLOTS;
    sum.region(0, SLOTS * chunk); // throws unless the region has room for every slot
    const memory = sum.memory;
    const control = new Int32Array(new SharedArrayBuffer((SUMMED + SLOTS) * Int32Array.BYTES_PER_ELEMENT));
    const worker = new external_node_worker_threads_.Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { fd, size, memory, control: control.buffer, slots: SLOTS, chunk },
        resourceLimits: WORKER_LIMITS
    });
    const sha256 = new Promise((resolve, reject) => {
        worker.once('message', (m) => m.result ? resolve(m.result.sha256) : reject(new Error(m.error ?? 'the reading thread stopped before the end of the file')));
        worker.once('error', reject);
        worker.once('exit', code => reject(new Error(`the reading thread stopped (exit code ${code})`)));
    });
    sha256.catch(() => undefined);
    // What a wait for the next chunk races against: the thread's failure (its success publishes every chunk first).
    const failed = sha256.then(() => new Promise(() => undefined));
    failed.catch(() => undefined);
    const stopReading = () => {
        Atomics.store(control, STOP, 1);
        Atomics.notify(control, RELEASED);
    };
    let given = 0;
    let released = 0;
    const chunks = {
        async next() {
            const k = given;
            for (let published = Atomics.load(control, PUBLISHED); published <= k; published = Atomics.load(control, PUBLISHED)) {
                if (Atomics.load(control, FAILED))
                    await failed;
                const wait = Atomics.waitAsync(control, PUBLISHED, published);
                if (wait.async)
                    await Promise.race([wait.value, failed]);
            }
            given++;
            const slot = k % SLOTS;
            return Buffer.from(memory, slot * chunk, control[LENGTHS + slot]);
        },
        crc() {
            const slot = released % SLOTS;
            return Atomics.load(control, SUMMED + slot) === released + 1 ? control[CRCS + slot] >>> 0 : undefined;
        },
        release() {
            released++;
            Atomics.store(control, RELEASED, released);
            Atomics.notify(control, RELEASED);
        },
        abandon: stopReading
    };
    return {
        sha256,
        chunks,
        stop: async () => {
            stopReading();
            await worker.terminate();
        }
    };
}

// EXTERNAL MODULE: ./src/lane-sum.ts
var lane_sum = __webpack_require__(5171);
;// CONCATENATED MODULE: ./src/archive/limits.ts
// Bounds on what an archive may make us do. The archive is untrusted input: a
// small hostile file could otherwise ask for terabytes of inflation, millions of
// entries or unbounded nesting. Each bound is named in the error it causes.
const MiB = 1024 * 1024;
const ZIP_LIMITS = {
    // 4 GiB: four times a real 1 GiB archive, a hundred times Boomi's 40 MB guidance.
    maxInflatedBytes: 4 * 1024 * MiB,
    // The classic zip format's own ceiling; a connector has hundreds.
    maxEntriesPerZip: 65_535,
    maxEntriesTotal: 262_144,
    maxNestingDepth: 2,
    // Two levels of 48 MiB at most in all keeps a release within its 120 MB RSS target.
    maxNestedBufferBytes: 48 * MiB,
    maxConfigBytes: 1 * MiB,
    // 65,535 entries with names of 250 bytes: far past any connector, far below the RSS target.
    maxDirectoryBytes: 20 * MiB
};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/archive/open.ts
// The archive, opened once for the whole run (docs/behaviour.md, "Validation" and
// "Upload"): the check, its sha256 and the upload read this one descriptor at
// explicit positions, so no path is opened twice. A path reopened later could
// name another file by then (a swap stores B's bytes under A's checksums) or a
// FIFO (whose blocking open() never returns).


const identityOf = (s) => ({ dev: s.dev, ino: s.ino, size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs });
/** Why the archive cannot be opened for reading; the caller words it for the user. */
class NotARegularFile extends Error {
}
class ArchiveFile {
    path;
    handle;
    opened;
    closed = false;
    sums;
    constructor(
    /** The path it was opened by, for messages and for the swap check. */
    path, handle, opened) {
        this.path = path;
        this.handle = handle;
        this.opened = opened;
    }
    /**
     * Opens `path` for reading without blocking (a FIFO or a device opens at once
     * instead of waiting for a writer) and keeps it only if fstat says it is a
     * regular file.
     */
    static async open(path) {
        const handle = await (0,promises_.open)(path, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
        try {
            const s = await handle.stat();
            if (!s.isFile())
                throw new NotARegularFile('it is not a regular file');
            return new ArchiveFile(path, handle, identityOf(s));
        }
        catch (err) {
            await handle.close();
            throw err;
        }
    }
    get size() {
        return this.opened.size;
    }
    /** The descriptor's number, for a thread that reads it beside this one. */
    get fd() {
        return this.handle.fd;
    }
    /** Records the sums the check took of these bytes: what the upload proves its bytes against. */
    checked(sums) {
        this.sums = sums;
    }
    /** The lane sum of the bytes as checked (src/lane-sum.ts): the upload verifies what it sends against it (far cheaper than a second sha256). */
    get laneSum() {
        if (!this.sums)
            throw new Error('the archive was not checked');
        return this.sums.laneSum;
    }
    /** Reads at `position` into `into`; the bytes read (fewer only at the end of the file). */
    async read(into, position, length = into.length) {
        const { bytesRead } = await this.handle.read(into, 0, length, position);
        return bytesRead;
    }
    /** `length` bytes at `position`, exactly, or an error naming where the file ended. */
    async readExact(position, length) {
        const into = Buffer.allocUnsafe(length);
        let done = 0;
        while (done < length) {
            const n = await this.read(into.subarray(done), position + done, length - done);
            if (n === 0)
                throw new Error(`unexpected end of file at byte ${position + done}`);
            done += n;
        }
        return into;
    }
    /**
     * Undefined while the file is the one opened: the same size and times behind
     * the descriptor, and the path still naming it. Otherwise what changed, as the
     * end of "it changed since it was checked: …".
     */
    async changed() {
        const now = identityOf(await this.handle.stat());
        const was = this.opened;
        if (now.size !== was.size)
            return `it is now ${now.size} bytes, not the ${was.size} checked`;
        let named;
        try {
            named = await (0,promises_.stat)(this.path);
        }
        catch (err) {
            return `its path no longer names it (${err.code ?? 'unreadable'})`;
        }
        if (named.dev !== was.dev || named.ino !== was.ino)
            return 'its path now names another file';
        // ctime too: a writer can set the mtime back, never the ctime.
        if (now.mtimeMs !== was.mtimeMs || now.ctimeMs !== was.ctimeMs)
            return 'it was written to (its modification or change time moved)';
        return undefined;
    }
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        await this.handle.close();
    }
}

;// CONCATENATED MODULE: ./src/archive/zip.ts
// The checked archive (docs/behaviour.md, "Validation") and its content digest
// ("Identity"), from one open descriptor read once from the front: the zip's
// checks, its content digest and the file's sha256 come from that read (for a
// large archive, the sha256 from a worker reading the same descriptor beside it).
// Nothing is written to disk.











// A hostile archive could name thousands of broken jars; the log lists a few.
const MAX_LISTED = 5;
/**
 * Opens `path` once and reads it as a zip — central directory, every entry
 * inflated and its CRC-32 checked — computing its content digest, the file's
 * lane sum and its sha256 from that one read: made by this thread or, from
 * `workerMinBytes`, by another thread that takes the sha256 while this one walks
 * the same bytes. The descriptor's size and times are compared once the check is
 * done. `shownName` is how the caller names the file to the user (relative to the
 * workspace). A defect or a hostile bound is an InputError naming `archive`, and
 * the file is closed again.
 */
async function inspectArchive(path, shownName, options = {}) {
    const { limits = ZIP_LIMITS, workerMinBytes = WORKER_MIN_BYTES, aheadBytes = AHEAD_BYTES, asyncMinBytes = ASYNC_MIN_BYTES } = options;
    const file = await openArchive(path, shownName);
    let beside;
    try {
        const large = file.size >= workerMinBytes;
        // The reads land in the lane sum's memory: it sums each chunk where it lies (src/lane-sum.ts).
        const sum = new lane_sum/* LaneSum */.S(large ? besideBytes(file.size) : ownReadsBytes(file.size));
        beside = large ? startBeside(file, sum) : undefined;
        const state = newWalkState(limits, aheadBytes, asyncMinBytes);
        const [content, besideSha256] = await Promise.all([
            digestArchive(file, new FilePass(file, sum, beside?.chunks), state, CONFIG_ENTRY),
            beside?.sha256
        ]).catch((err) => {
            throw asInputError(err, shownName);
        });
        const sums = { sha256: content.sums.sha256 ?? besideSha256, laneSum: content.sums.laneSum };
        file.checked(sums);
        const changed = await file.changed();
        if (changed)
            throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `${constants/* Input */.pd.archive} ${shownName} changed while it was being checked (${changed}). ${NO_WRITERS}`);
        const layout = checkLayout(content.keys, content.captured, limits.maxConfigBytes);
        return {
            sha256: sums.sha256,
            contentSha256: content.digest,
            connector: layout.connector,
            layoutWarnings: [...layout.warnings, ...listed(state.backslashed.map(backslashWarning), backslashMore), ...nestedWarnings(state.unreadableNested)],
            entries: content.keys.length,
            file
        };
    }
    catch (err) {
        await beside?.stop();
        await file.close();
        throw err;
    }
    finally {
        void beside?.stop();
    }
}
/** The file read and hashed by a worker, or undefined (this thread reads and hashes) when no worker can start. */
function startBeside(file, sum) {
    try {
        return readBeside(file.fd, file.size, sum);
    }
    catch {
        return undefined;
    }
}
const NO_WRITERS = 'Make sure nothing else writes the archive during the release.';
async function openArchive(path, shownName) {
    try {
        return await ArchiveFile.open(path);
    }
    catch (err) {
        const why = err instanceof NotARegularFile ? err.message : `it cannot be opened: ${err.code ?? (0,zip_errors/* causeText */.xv)(err)}`;
        throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `${constants/* Input */.pd.archive} ${shownName} cannot be read (${why}). Point ${constants/* Input */.pd.archive} at the connector zip itself. ${NO_WRITERS}`, {
            cause: err
        });
    }
}
function asInputError(err, shownName) {
    const file = `${constants/* Input */.pd.archive} ${shownName}`;
    if (err instanceof zip_errors/* ZipDefect */.PD) {
        return new errors/* InputError */.dz(constants/* Input */.pd.archive, `${file} is not a readable zip: ${err.problem}. Rebuild the archive (e.g. ./gradlew build) and check that nothing truncated or altered it on the way.`);
    }
    if (err instanceof zip_errors/* ZipLimitExceeded */.gm) {
        return new errors/* InputError */.dz(constants/* Input */.pd.archive, `${file} is refused as a possible zip bomb: ${err.problem}. A connector archive stays far below these bounds; check that ${constants/* Input */.pd.archive} names the connector zip.`);
    }
    if (err instanceof errors/* InputError */.dz)
        return err;
    // The descriptor failed mid-read (EIO, a file cut short under us): the archive cannot be trusted.
    return new errors/* InputError */.dz(constants/* Input */.pd.archive, `${file} could not be read to its end (${(0,zip_errors/* causeText */.xv)(err)}). ${NO_WRITERS}`, { cause: err });
}
const backslashWarning = (label) => `${label} has a backslash in its name; Java does not read \\ as a separator, so it will not find this class or resource (rebuild the archive with / in entry names).`;
const backslashMore = (more) => `${more} more entries have a backslash in their names.`;
function nestedWarnings(unreadable) {
    return listed(unreadable.map(({ label, problem }) => `${label} is named like a zip but does not read as one (${problem}); its content digest uses its bytes.`), more => `${more} more nested archives do not read as zips; their content digests use their bytes.`);
}
function listed(lines, more) {
    const shown = lines.slice(0, MAX_LISTED);
    if (lines.length > MAX_LISTED)
        shown.push(more(lines.length - MAX_LISTED));
    return shown;
}


/***/ }),

/***/ 5171:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ LaneSum)
/* harmony export */ });
/* unused harmony export laneSumOf */
// The sum the upload checks its bytes against (docs/behaviour.md, "Checksum"):
// the file seen as 16-byte blocks, each block four little-endian 32-bit words,
// one per lane; each lane keeps a plain sum of its words and a running sum of
// those sums (Fletcher's construction, modulo 2^32). The last block is padded
// with zeros and one more block holding the byte count is summed, so files that
// differ only by trailing zeros differ. It is not a hash: anyone can forge it,
// as they can a CRC-32. It is there to catch a file that changed by accident
// between the check and the upload (a writer must also move the file's change
// time, which is checked too), and it does so at memory speed: about 30 ms a GiB
// where zlib's CRC-32 takes about 250 ms, which on 2 cores was a third of a large
// upload's time.
//
// The loop is WebAssembly (SIMD): JavaScript cannot add four lanes at once. Its
// text, assembled by hand into MODULE below:
//
//   (module
//     (import "m" "memory" (memory 1 65536 shared))
//     (func (export "sum") (param $at i32) (param $length i32) (param $state i32)
//       (local $s1 v128) (local $s2 v128) (local $end i32)
//       (local.set $s1 (v128.load (local.get $state)))
//       (local.set $s2 (v128.load offset=16 (local.get $state)))
//       (local.set $end (i32.add (local.get $at) (local.get $length)))
//       (block $done
//         (loop $next
//           (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
//           (local.set $s1 (i32x4.add (local.get $s1) (v128.load (local.get $at))))
//           (local.set $s2 (i32x4.add (local.get $s2) (local.get $s1)))
//           (local.set $at (i32.add (local.get $at) (i32.const 16)))
//           (br $next)))
//       (v128.store (local.get $state) (local.get $s1))
//       (v128.store offset=16 (local.get $state) (local.get $s2))))
//
// `length` is always a whole number of blocks. Readers are given views of the
// memory (`region`), so their bytes are summed where they lie; it is shared, so
// that the thread that reads a large archive (src/archive/hash-beside.ts) reads
// straight into it. Bytes from anywhere else are copied in through a small
// staging area. Where WebAssembly is missing (node --jitless) the same sum is
// taken in JavaScript, some fifteen times slower than zlib's CRC-32.
// prettier-ignore
const MODULE = Uint8Array.of(
// magic, version
0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 
// type section: (func (param i32 i32 i32))
0x01, 0x07, 0x01, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x00, 
// import section: "m" "memory", shared, 1 to 65536 pages
0x02, 0x10, 0x01, 0x01, 0x6d, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x03, 0x01, 0x80, 0x80, 0x04, 
// function section: one function of type 0
0x03, 0x02, 0x01, 0x00, 
// export section: "sum", function 0
0x07, 0x07, 0x01, 0x03, 0x73, 0x75, 0x6d, 0x00, 0x00, 
// code section: one body of 0x57 bytes
0x0a, 0x59, 0x01, 0x57, 
// locals: two v128 ($s1 3, $s2 4), one i32 ($end 5)
0x02, 0x02, 0x7b, 0x01, 0x7f, 
// $s1 = load($state); $s2 = load($state + 16); $end = $at + $length
0x20, 0x02, 0xfd, 0x00, 0x00, 0x00, 0x21, 0x03, 0x20, 0x02, 0xfd, 0x00, 0x00, 0x10, 0x21, 0x04, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x21, 0x05, 
// block, loop: br_if 1 ($at >= $end)
0x02, 0x40, 0x03, 0x40, 0x20, 0x00, 0x20, 0x05, 0x4f, 0x0d, 0x01, 
// $s1 = $s1 + load($at); $s2 = $s2 + $s1
0x20, 0x03, 0x20, 0x00, 0xfd, 0x00, 0x00, 0x00, 0xfd, 0xae, 0x01, 0x22, 0x03, 0x20, 0x04, 0xfd, 0xae, 0x01, 0x21, 0x04, 
// $at += 16; br 0; end loop, end block
0x20, 0x00, 0x41, 0x10, 0x6a, 0x21, 0x00, 0x0c, 0x00, 0x0b, 0x0b, 
// store($state, $s1); store($state + 16, $s2); end
0x20, 0x02, 0x20, 0x03, 0xfd, 0x0b, 0x00, 0x00, 0x20, 0x02, 0x20, 0x04, 0xfd, 0x0b, 0x00, 0x10, 0x0b);
const BLOCK = 16;
const PAGE = 65536;
/** Bytes from outside the memory are summed through this many at a time. After the staging area: the
 * state (two sums per lane), a copy of it for digest(), the pending block and digest()'s last blocks. */
const STAGING = 64 * 1024;
let compiled;
/** The module, compiled once per process; null where WebAssembly (or its SIMD and shared memory) is unavailable. */
function sumModule() {
    if (compiled === undefined) {
        try {
            compiled = new WebAssembly.Module(MODULE);
        }
        catch {
            compiled = null;
        }
    }
    return compiled;
}
class LaneSum {
    regionBytes;
    /** The memory, shared so that another thread can read into it: the readers' region first, then the staging area and the sums. */
    memory;
    /** True when WebAssembly takes the sum; false where it is missing (or not wanted), and JavaScript does. */
    native;
    bytes;
    sum;
    stagingAt;
    stateAt;
    copyAt;
    pendingAt;
    finalAt;
    /** Bytes of the pending (partly filled) block. */
    pending = 0;
    count = 0;
    /** `regionBytes`: room at the memory's start for readers to read into (`region`). */
    constructor(regionBytes = 0, options = {}) {
        this.regionBytes = regionBytes;
        this.stagingAt = regionBytes;
        this.stateAt = this.stagingAt + STAGING;
        this.copyAt = this.stateAt + 32;
        this.pendingAt = this.copyAt + 32;
        this.finalAt = this.pendingAt + BLOCK;
        const pages = Math.ceil((this.finalAt + BLOCK) / PAGE);
        const module = options.wasm === false ? null : sumModule();
        if (module) {
            const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
            const instance = new WebAssembly.Instance(module, { m: { memory } });
            this.memory = memory.buffer;
            this.sum = instance.exports.sum;
            this.native = true;
        }
        else {
            this.memory = new SharedArrayBuffer(pages * PAGE);
            this.sum = (at, length, state) => sumInJs(this.bytes, at, length, state);
            this.native = false;
        }
        // New memory holds zeros: the sums start at 0.
        this.bytes = Buffer.from(this.memory);
    }
    /** `length` bytes at `offset` of the readers' region, to read into: summed where they lie. */
    region(offset, length) {
        if (!(offset >= 0 && length >= 0 && offset + length <= this.regionBytes))
            throw new RangeError(`no room for ${length} bytes at ${offset} of ${this.regionBytes}`);
        return this.bytes.subarray(offset, offset + length);
    }
    /** Adds `data`, in any pieces: the sum of a file is the same however its bytes are split. */
    update(data) {
        this.count += data.length;
        let at = 0;
        if (this.pending > 0)
            at = this.fillPending(data, 0);
        if (at === data.length)
            return;
        const inside = data.buffer === this.memory && data.byteOffset + data.length <= this.stagingAt;
        while (data.length - at >= BLOCK) {
            const blocks = inside ? data.length - at - ((data.length - at) % BLOCK) : Math.min(STAGING, data.length - at - ((data.length - at) % BLOCK));
            if (inside)
                this.sum(data.byteOffset + at, blocks, this.stateAt);
            else {
                data.copy(this.bytes, this.stagingAt, at, at + blocks);
                this.sum(this.stagingAt, blocks, this.stateAt);
            }
            at += blocks;
        }
        if (at < data.length)
            this.fillPending(data, at);
    }
    /** The sum of every byte added so far, as 64 hex digits (the sum goes on: this can be asked again). */
    digest() {
        // On copies of the state and of the pending block, so that the sum can go on afterwards.
        this.bytes.copy(this.bytes, this.copyAt, this.stateAt, this.stateAt + 32);
        if (this.pending > 0) {
            this.bytes.fill(0, this.finalAt, this.finalAt + BLOCK);
            this.bytes.copy(this.bytes, this.finalAt, this.pendingAt, this.pendingAt + this.pending);
            this.sum(this.finalAt, BLOCK, this.copyAt);
        }
        // The byte count, as one more block: a file with trailing zeros sums otherwise like the same file without them.
        this.bytes.fill(0, this.finalAt, this.finalAt + BLOCK);
        this.bytes.writeUIntLE(this.count, this.finalAt, 6);
        this.sum(this.finalAt, BLOCK, this.copyAt);
        return this.bytes.toString('hex', this.copyAt, this.copyAt + 32);
    }
    /** Copies from `data` at `from` into the pending block, summing it once full; where it stopped in `data`. */
    fillPending(data, from) {
        const n = Math.min(BLOCK - this.pending, data.length - from);
        data.copy(this.bytes, this.pendingAt + this.pending, from, from + n);
        this.pending += n;
        if (this.pending === BLOCK) {
            this.sum(this.pendingAt, BLOCK, this.stateAt);
            this.pending = 0;
        }
        return from + n;
    }
}
/** The module's loop in JavaScript, for where WebAssembly is unavailable. */
function sumInJs(bytes, at, length, state) {
    let a1 = bytes.readUInt32LE(state);
    let b1 = bytes.readUInt32LE(state + 4);
    let c1 = bytes.readUInt32LE(state + 8);
    let d1 = bytes.readUInt32LE(state + 12);
    let a2 = bytes.readUInt32LE(state + 16);
    let b2 = bytes.readUInt32LE(state + 20);
    let c2 = bytes.readUInt32LE(state + 24);
    let d2 = bytes.readUInt32LE(state + 28);
    for (let p = at, end = at + length; p < end; p += BLOCK) {
        a1 = (a1 + bytes.readUInt32LE(p)) >>> 0;
        b1 = (b1 + bytes.readUInt32LE(p + 4)) >>> 0;
        c1 = (c1 + bytes.readUInt32LE(p + 8)) >>> 0;
        d1 = (d1 + bytes.readUInt32LE(p + 12)) >>> 0;
        a2 = (a2 + a1) >>> 0;
        b2 = (b2 + b1) >>> 0;
        c2 = (c2 + c1) >>> 0;
        d2 = (d2 + d1) >>> 0;
    }
    ;
    [a1, b1, c1, d1, a2, b2, c2, d2].forEach((v, i) => bytes.writeUInt32LE(v, state + 4 * i));
}
/** The lane sum of `data`, whole. */
function laneSumOf(data) {
    const sum = new LaneSum();
    sum.update(data);
    return sum.digest();
}


/***/ })

};
