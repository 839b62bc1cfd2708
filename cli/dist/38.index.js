export const id = 38;
export const ids = [38];
export const modules = {

/***/ 1038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  inspectArchive: () => (/* binding */ inspectArchive)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __webpack_require__(663);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
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
    maxConfigBytes: 1 * MiB
};
/** "4 GiB", "48 MiB", "65,535": a bound as a person reads it. */
function formatBytes(n) {
    if (n >= 1024 * MiB && n % (1024 * MiB) === 0)
        return `${n / (1024 * MiB)} GiB`;
    if (n >= MiB && n % MiB === 0)
        return `${n / MiB} MiB`;
    return `${n.toLocaleString('en-US')} bytes`;
}

;// CONCATENATED MODULE: ./src/archive/connector-config.ts
// The layout check of SPEC §1: what a Connector SDK archive is known to hold. Our
// knowledge of that layout may be incomplete, so every finding here is a warning
// for the log, never a reason to refuse the archive.

const CONFIG_ENTRY = 'META-INF/connector-config.xml';
const LIB_JAR = /^lib\/[^/]+\.jar$/i;
// Java's binary class names; anything else is not echoed into the log.
const CLASS_NAME = /^[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*$/u;
const MAX_CLASS_NAME = 256;
const SDK_VERSION = /^[\w.+-]{1,64}$/;
/**
 * Checks the archive's file entries against the known layout. `config` is the
 * bytes of META-INF/connector-config.xml when it was small enough to keep.
 */
function checkLayout(names, config, maxConfigBytes) {
    const warnings = [];
    let connector = {};
    if (!names.includes(CONFIG_ENTRY)) {
        warnings.push(`The archive has no ${CONFIG_ENTRY}; a Connector SDK archive carries one (root GenericConnector naming the connectorClassName).`);
    }
    else if (!config) {
        warnings.push(`${CONFIG_ENTRY} is larger than ${formatBytes(maxConfigBytes)} and was not read.`);
    }
    else {
        const read = readConnectorConfig(config);
        connector = read.connector;
        warnings.push(...read.warnings);
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
            return rest.replace(/<!--[\s\S]*?-->/g, '');
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
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/archive/zip-errors.ts
// Two ways reading a zip can fail, kept apart because they are handled apart:
// a defect in a nested jar makes it digest as bytes, a defect in the archive is a
// bad input, and a limit is a bad input wherever it is hit (a hostile archive must
// not get around a bound by nesting).
/** The zip cannot be read: its central directory, an entry's name, inflation or CRC. */
class ZipDefect extends Error {
    problem;
    constructor(
    /** What is wrong, as the end of "… is not a readable zip: <problem>". */
    problem) {
        super(problem);
        this.problem = problem;
        this.name = 'ZipDefect';
    }
}
/** A bound of ZipLimits was reached. */
class ZipLimitExceeded extends Error {
    problem;
    constructor(
    /** The bound and where it was hit, as the end of "… is refused: <problem>". */
    problem) {
        super(problem);
        this.problem = problem;
        this.name = 'ZipLimitExceeded';
    }
}
/** yauzl's and zlib's own words, bounded: they end up in a user-facing message. */
function causeText(err) {
    const text = (err instanceof Error ? err.message : String(err)).replace(/^Error: /, '');
    const oneLine = Array.from(text, c => (isControl(c) ? ' ' : c))
        .join('')
        .replace(/ {2,}/g, ' ')
        .trim();
    return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}
/** C0 controls and DEL: a tab or new line in a name could forge a line of the digest text or of the log. */
function isControl(c) {
    const code = c.charCodeAt(0);
    return code < 0x20 || code === 0x7f;
}

;// CONCATENATED MODULE: ./src/archive/entry-content.ts



const STORED = 0;
const DEFLATED = 8;
// Small entries (a jar's classes, 5 kB on average) inflate in one synchronous
// call: zlib's thread pool costs ~50 µs a call, and a 40 MB connector holds about
// 20 000 of them (measured: twice as slow as inflating them here). Large ones
// stream with 1 MiB chunks; yauzl's own 16 KiB ones cost a round trip each.
const SYNC_MAX_COMPRESSED = 512 * 1024;
const SYNC_MAX_INFLATED = 8 * 1024 * 1024;
const STREAM_CHUNK = 1024 * 1024;
const LOCAL_HEADER = 30;
const LOCAL_SIGNATURE = 0x04034b50;
function checkMethod(entry, label) {
    if (entry.isEncrypted())
        throw new ZipDefect(`entry ${label} is encrypted`);
    if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
        throw new ZipDefect(`entry ${label} uses compression method ${entry.compressionMethod}, which is not supported (only stored and deflate)`);
    }
}
/**
 * An entry's uncompressed bytes, chunk by chunk, never more than the size its
 * central directory declares (yauzl checks the compressed range; the inflated
 * size is checked here, so a bomb stops at its declared size). A chunk may be
 * reused once the next one is asked for: use or copy it before.
 */
async function* entryContent(zip, entry, label, source) {
    checkMethod(entry, label);
    if (source.memory) {
        const whole = inMemoryContent(entry, label, source.memory);
        if (whole)
            yield whole;
        else
            yield* guarded(external_node_stream_.Readable.from([rawInMemory(entry, label, source.memory)]).pipe((0,external_node_zlib_.createInflateRaw)({ chunkSize: STREAM_CHUNK })), label, 'does not inflate', entry.uncompressedSize);
        return;
    }
    if (entry.compressionMethod === STORED && source.file) {
        // Stored bytes need no stream: read straight into two reused buffers.
        const start = await dataStart(zip, entry, label);
        yield* guarded(source.file.chunks(start, entry.compressedSize), label, 'cannot be read');
        return;
    }
    let raw;
    try {
        raw = await zip.openReadStreamPromise(entry, { decodeFileData: false });
    }
    catch (err) {
        throw new ZipDefect(`entry ${label} cannot be read (${causeText(err)})`);
    }
    if (entry.compressionMethod === STORED) {
        yield* guarded(raw, label, 'cannot be read');
    }
    else if (entry.compressedSize <= SYNC_MAX_COMPRESSED && entry.uncompressedSize <= SYNC_MAX_INFLATED) {
        yield inflateWhole(await collect(raw, label), entry.uncompressedSize, label);
    }
    else {
        const inflate = (0,external_node_zlib_.createInflateRaw)({ chunkSize: STREAM_CHUNK });
        raw.on('error', err => inflate.destroy(err));
        yield* guarded(raw.pipe(inflate), label, 'does not inflate', entry.uncompressedSize);
    }
}
/**
 * A small entry of a nested zip already in memory, whole, synchronously: a
 * slice when stored, inflated in one call when deflated. `undefined` when it is
 * too large for one call (entryContent then streams it).
 */
function inMemoryContent(entry, label, memory) {
    checkMethod(entry, label);
    if (entry.compressionMethod !== STORED && entry.uncompressedSize > SYNC_MAX_INFLATED)
        return undefined;
    const raw = rawInMemory(entry, label, memory);
    return entry.compressionMethod === STORED ? raw : inflateWhole(raw, entry.uncompressedSize, label);
}
/**
 * The entry's compressed bytes inside its zip. The local header is read here, as
 * yauzl reads it (signature, then name and extra lengths): a promise per entry
 * through yauzl cost more than the work on a jar's small classes.
 */
function rawInMemory(entry, label, memory) {
    const at = entry.relativeOffsetOfLocalHeader;
    if (at + LOCAL_HEADER > memory.length)
        throw new ZipDefect(`entry ${label} cannot be read (its local header runs past the end of its zip)`);
    if (memory.readUInt32LE(at) !== LOCAL_SIGNATURE)
        throw new ZipDefect(`entry ${label} cannot be read (invalid local file header signature)`);
    const start = at + LOCAL_HEADER + memory.readUInt16LE(at + 26) + memory.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > memory.length)
        throw new ZipDefect(`entry ${label} runs past the end of its zip`);
    return memory.subarray(start, end);
}
async function dataStart(zip, entry, label) {
    try {
        return (await zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart;
    }
    catch (err) {
        throw new ZipDefect(`entry ${label} cannot be read (${causeText(err)})`);
    }
}
async function* guarded(stream, label, failure, limit = Infinity) {
    let total = 0;
    try {
        for await (const chunk of stream) {
            total += chunk.length;
            if (total > limit)
                throw new ZipDefect(`entry ${label} inflates past the ${limit} bytes it declares`);
            yield chunk;
        }
    }
    catch (err) {
        if (err instanceof ZipDefect)
            throw err;
        throw new ZipDefect(`entry ${label} ${failure} (${causeText(err)})`);
    }
    finally {
        stream.destroy?.();
    }
}
async function collect(raw, label) {
    const chunks = [];
    for await (const chunk of guarded(raw, label, 'cannot be read'))
        chunks.push(chunk);
    return Buffer.concat(chunks);
}
function inflateWhole(raw, declared, label) {
    try {
        // One byte of room past the declared size tells "too long" from "exactly right".
        return (0,external_node_zlib_.inflateRawSync)(raw, { maxOutputLength: declared + 1 });
    }
    catch (err) {
        const code = err.code;
        if (code === 'ERR_BUFFER_TOO_LARGE')
            throw new ZipDefect(`entry ${label} inflates past the ${declared} bytes it declares`);
        throw new ZipDefect(`entry ${label} does not inflate (${causeText(err)})`);
    }
}

;// CONCATENATED MODULE: ./src/archive/digest.ts






function newWalkState(limits) {
    return { limits, inflatedLeft: limits.maxInflatedBytes, entriesLeft: limits.maxEntriesTotal, unreadableNested: [] };
}
function archivePlace(file, limits) {
    return { prefix: '', depth: 0, budget: limits.maxNestedBufferBytes, source: { file }, pool: new BodyPool() };
}
/**
 * Two buffers, one for the jar being digested and one for the jar read ahead,
 * reused from jar to jar. A fresh buffer per jar is freed only when the garbage
 * collector notices some 64 MB of them: a 1 GiB archive of 16 MiB jars peaked
 * 30 MB higher.
 */
class BodyPool {
    free = [];
    /** What was lent, by the view handed out: only those come back. */
    lent = new Map();
    take(size) {
        const i = this.free.findIndex(b => b.length >= size);
        const whole = i >= 0 ? this.free.splice(i, 1)[0] : Buffer.allocUnsafeSlow(size);
        const body = whole.subarray(0, size);
        this.lent.set(body, whole);
        return body;
    }
    give(body) {
        const whole = this.lent.get(body);
        if (!whole)
            return;
        this.lent.delete(body);
        if (this.free.length < 2)
            this.free.push(whole);
    }
}
const NESTED = /\.(jar|zip|car)$/i;
// The archive's next nested jar is read (and inflated, in zlib's thread pool)
// while this thread digests the last one: both cores work. Up to this size only,
// so read-ahead adds at most this much to the nested buffers' bound.
const READ_AHEAD_MAX = 8 * 1024 * 1024;
/**
 * Checks every entry of `zip` (it inflates, its size and CRC-32 match) and computes
 * its content digest, reading nested zips as zips down to limits.maxNestingDepth.
 * Entries are read in the order they lie in the file, so reads move forward only.
 */
async function digestZip(zip, state, at, capture) {
    const entries = await listEntries(zip, state, at);
    const lines = [];
    const captured = new Map();
    const inFileOrder = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
    const plan = (entry) => {
        const keep = capture?.(entry.fileName) === true && entry.uncompressedSize <= state.limits.maxConfigBytes;
        const nested = NESTED.test(entry.fileName) && at.depth < state.limits.maxNestingDepth && entry.uncompressedSize <= at.budget;
        return { entry, label: at.prefix + entry.fileName, keep, nested };
    };
    let next = inFileOrder.length > 0 ? plan(inFileOrder[0]) : undefined;
    try {
        for (let i = 0; next; i++) {
            const step = next;
            next = i + 1 < inFileOrder.length ? plan(inFileOrder[i + 1]) : undefined;
            if (step.nested)
                step.body ??= readWhole(zip, step, at);
            if (next?.nested && at.source.file && next.entry.uncompressedSize <= READ_AHEAD_MAX)
                next.body = readWhole(zip, next, at);
            const { digest, body } = await digestEntry(zip, step, state, at);
            if (step.keep && body)
                captured.set(step.entry.fileName, body);
            else if (step.nested && body)
                at.pool?.give(body);
            const name = Buffer.from(step.entry.fileName, 'utf8');
            lines.push({ name, line: Buffer.concat([name, Buffer.from(`\t${digest}\n`, 'latin1')]) });
        }
    }
    finally {
        // Stopped by a defect: the read ahead may still fail, once nobody waits for it.
        void next?.body?.catch(() => undefined);
    }
    lines.sort((a, b) => Buffer.compare(a.name, b.name));
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for (const { line } of lines)
        hash.update(line);
    return { digest: hash.digest('hex'), names: entries.map(e => e.fileName), captured };
}
/** The file entries of the central directory, after the bounds and name checks; nothing is inflated yet. */
async function listEntries(zip, state, at) {
    const { limits } = state;
    const where = at.depth === 0 ? 'the archive' : `${at.prefix.slice(0, -2)}`;
    if (zip.entryCount > limits.maxEntriesPerZip) {
        throw new ZipLimitExceeded(`${where} holds ${zip.entryCount.toLocaleString('en-US')} entries, more than the limit of ${limits.maxEntriesPerZip.toLocaleString('en-US')} per zip`);
    }
    state.entriesLeft -= zip.entryCount;
    if (state.entriesLeft < 0) {
        throw new ZipLimitExceeded(`it holds more than ${limits.maxEntriesTotal.toLocaleString('en-US')} entries in all, nested archives counted (the limit), at ${where}`);
    }
    const files = [];
    const seen = new Set();
    let declared = 0;
    try {
        for await (const entry of zip.eachEntry()) {
            const name = entry.fileName;
            if (Array.from(name).some(isControl))
                throw new ZipDefect(`entry ${JSON.stringify(at.prefix + name)} has a control character in its name`);
            if (seen.has(name))
                throw new ZipDefect(`entry ${at.prefix}${name} appears twice (tools disagree on which copy counts)`);
            seen.add(name);
            if (name.endsWith('/'))
                continue;
            declared += entry.uncompressedSize;
            files.push(entry);
        }
    }
    catch (err) {
        if (err instanceof ZipDefect)
            throw err;
        throw new ZipDefect(`${at.depth === 0 ? 'its' : `${where}'s`} central directory cannot be read (${causeText(err)})`);
    }
    // yauzl holds every entry to its declared size while inflating, so the declared
    // sum is what inflating will cost: a bomb is refused here, before any work.
    if (declared > state.inflatedLeft) {
        throw new ZipLimitExceeded(`${where} would inflate to more than the limit of ${formatBytes(limits.maxInflatedBytes)} in all, nested archives counted (${formatBytes(declared)} declared by its entries)`);
    }
    state.inflatedLeft -= declared;
    return files;
}
/** One entry's digest: its nested zip's content digest when it reads as one, else the sha256 of its bytes. */
async function digestEntry(zip, step, state, at) {
    const { entry, label } = step;
    if (!step.body) {
        const body = step.keep ? Buffer.allocUnsafe(entry.uncompressedSize) : undefined;
        const whole = at.source.memory ? inMemoryContent(entry, label, at.source.memory) : undefined;
        const digest = whole ? checkWhole(entry, label, whole, body) : await streamEntry(zip, entry, label, at.source, body);
        return { digest, body };
    }
    const body = await step.body;
    const below = { prefix: `${label}!/`, depth: at.depth + 1, budget: at.budget - body.length, source: { memory: body } };
    const inner = await nestedDigest(body, label, state, below);
    return { digest: inner ?? (0,external_node_crypto_.createHash)('sha256').update(body).digest('hex'), body };
}
/** A nested zip's bytes, whole and checked like any entry's; not hashed: they are digested only when they do not read as a zip. */
async function readWhole(zip, step, at) {
    const { entry, label } = step;
    const whole = at.source.memory ? inMemoryContent(entry, label, at.source.memory) : undefined;
    if (whole) {
        checkWhole(entry, label, whole, undefined, false);
        return whole;
    }
    const body = at.pool?.take(entry.uncompressedSize) ?? Buffer.allocUnsafe(entry.uncompressedSize);
    await streamEntry(zip, entry, label, at.source, body, false);
    return body;
}
async function nestedDigest(body, label, state, at) {
    let inner;
    try {
        inner = await yauzl.fromBufferPromise(body, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true });
    }
    catch (err) {
        state.unreadableNested.push({ label, problem: causeText(err) });
        return undefined;
    }
    try {
        return (await digestZip(inner, state, at)).digest;
    }
    catch (err) {
        if (!(err instanceof ZipDefect))
            throw err;
        state.unreadableNested.push({ label, problem: err.problem });
        return undefined;
    }
    finally {
        inner.close();
    }
}
/** An entry already whole in memory: size and CRC-32 checked, copied into `body` when given. Its hex sha256 ('' when not `hashing`). */
function checkWhole(entry, label, whole, body, hashing = true) {
    if (whole.length !== entry.uncompressedSize)
        throw new ZipDefect(`entry ${label} holds ${whole.length} bytes, not the ${entry.uncompressedSize} it declares`);
    if ((0,external_node_zlib_.crc32)(whole) >>> 0 !== entry.crc32 >>> 0)
        throw new ZipDefect(`entry ${label} fails its CRC check`);
    body?.set(whole);
    return hashing ? (0,external_node_crypto_.createHash)('sha256').update(whole).digest('hex') : '';
}
/**
 * Streams one entry through sha256 and CRC-32 (yauzl does not check CRCs),
 * copying it into `body` when given. Returns the hex sha256 of its bytes ('' when not `hashing`).
 */
async function streamEntry(zip, entry, label, source, body, hashing = true) {
    const hash = hashing ? (0,external_node_crypto_.createHash)('sha256') : undefined;
    let crc = 0;
    let filled = 0;
    for await (const chunk of entryContent(zip, entry, label, source)) {
        hash?.update(chunk);
        crc = (0,external_node_zlib_.crc32)(chunk, crc);
        if (body) {
            if (filled + chunk.length > body.length)
                throw new ZipDefect(`entry ${label} holds more than the ${body.length} bytes it declares`);
            chunk.copy(body, filled);
        }
        filled += chunk.length;
    }
    if (filled !== entry.uncompressedSize)
        throw new ZipDefect(`entry ${label} holds ${filled} bytes, not the ${entry.uncompressedSize} it declares`);
    if (crc >>> 0 !== entry.crc32 >>> 0)
        throw new ZipDefect(`entry ${label} fails its CRC check`);
    return hash?.digest('hex') ?? '';
}

;// CONCATENATED MODULE: ./src/archive/file-reader.ts


// 1 MiB reads: yauzl's own fd reader reads a stream's default 16 KiB at a time,
// which costs a thread-pool round trip per 16 KiB and halves throughput on a 1 GiB archive.
const READ_CHUNK = 1024 * 1024;
// Stored entries are read into two reused buffers: a fresh one per read left a
// 1 GiB archive's garbage for the collector and peaked at 165 MB RSS.
const STORED_CHUNK = 2 * 1024 * 1024;
/**
 * yauzl's random access over a file, in large reads. yauzl asks for the central
 * directory and each entry's byte range; nothing else of the file is read.
 * Nothing is held beyond the chunks in flight, whatever the archive's size.
 */
class FileRangeReader extends yauzl.RandomAccessReader {
    handle;
    // The handle is the caller's to close: yauzl closes a reader only on paths it
    // completes, and a failed read must not leave a descriptor open.
    constructor(handle) {
        super();
        this.handle = handle;
    }
    _readStreamForRange(start, end) {
        const handle = this.handle;
        let position = start;
        return new external_node_stream_.Readable({
            highWaterMark: READ_CHUNK,
            read() {
                const length = Math.min(READ_CHUNK, end - position);
                if (length <= 0) {
                    this.push(null);
                    return;
                }
                // A fresh buffer per read: the consumer (inflate, or our hashing) may still hold the last one.
                handle.read(Buffer.allocUnsafe(length), 0, length, position).then(({ bytesRead, buffer }) => {
                    if (bytesRead === 0)
                        return this.destroy(new Error(`unexpected end of file at byte ${position}`));
                    position += bytesRead;
                    this.push(buffer.subarray(0, bytesRead));
                }, (err) => this.destroy(err));
            }
        });
    }
    /**
     * `length` bytes from `start`, the next read in flight while the last chunk is
     * used. A chunk's memory is reused: the consumer must be done with it before
     * asking for the next.
     */
    async *chunks(start, length) {
        const buffers = [Buffer.allocUnsafe(Math.min(STORED_CHUNK, length)), Buffer.allocUnsafe(Math.min(STORED_CHUNK, length))];
        const end = start + length;
        let position = start;
        let current = 0;
        const next = () => this.handle.read(buffers[current], 0, Math.min(buffers[current].length, end - position), position);
        let reading = position < end ? next() : undefined;
        try {
            while (reading) {
                const { bytesRead } = await reading;
                if (bytesRead === 0)
                    throw new Error(`unexpected end of file at byte ${position}`);
                position += bytesRead;
                const done = buffers[current].subarray(0, bytesRead);
                current ^= 1;
                reading = position < end ? next() : undefined;
                yield done;
            }
        }
        finally {
            // Abandoned mid-way (a bad CRC): the read in flight may fail once the handle closes.
            void reading?.catch(() => undefined);
        }
    }
    // The central directory and local headers are read through here: one pread each, no stream.
    read(buffer, offset, length, position, callback) {
        this.handle.read(buffer, offset, length, position).then(({ bytesRead }) => callback(bytesRead === length ? null : new Error(`unexpected end of file at byte ${position + bytesRead}`)), (err) => callback(err));
    }
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/archive/hash.ts


// 4 MiB reads hash at openssl's speed (the default 64 KiB runs at about half).
const HASH_CHUNK = 4 * 1024 * 1024;
/**
 * sha256 of a file, streamed through two reused buffers: the next read runs
 * while the last one is hashed, and memory stays flat whatever the file's size
 * (a stream's fresh buffer per chunk piles up garbage faster than it is freed).
 */
async function sha256File(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const handle = await external_node_fs_.promises.open(file, 'r');
    try {
        const buffers = [Buffer.allocUnsafe(HASH_CHUNK), Buffer.allocUnsafe(HASH_CHUNK)];
        let position = 0;
        let current = 0;
        let reading = handle.read(buffers[current], 0, HASH_CHUNK, position);
        for (;;) {
            const { bytesRead } = await reading;
            if (bytesRead === 0)
                break;
            position += bytesRead;
            const done = buffers[current];
            current ^= 1;
            reading = handle.read(buffers[current], 0, HASH_CHUNK, position);
            hash.update(done.subarray(0, bytesRead));
        }
    }
    finally {
        await handle.close();
    }
    return hash.digest('hex');
}

;// CONCATENATED MODULE: ./src/archive/hash-beside.ts


// The worker's code travels as a string (`eval: true`) so that it runs the same
// from ts-jest, from tsc's output and from the single file @vercel/ncc bundles:
// a worker given as a file path would need that file beside the bundle. It uses
// only Node's own modules and repeats sha256File's loop (two reused 4 MiB buffers,
// the next read in flight while the last is hashed), which it must match.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { open } = require('node:fs/promises')
const { createHash } = require('node:crypto')
const CHUNK = 2 * 1024 * 1024
async function sha256(file) {
  const hash = createHash('sha256')
  const handle = await open(file, 'r')
  try {
    const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)]
    let position = 0
    let current = 0
    let reading = handle.read(buffers[current], 0, CHUNK, position)
    for (;;) {
      const { bytesRead } = await reading
      if (bytesRead === 0) break
      position += bytesRead
      const done = buffers[current]
      current ^= 1
      reading = handle.read(buffers[current], 0, CHUNK, position)
      hash.update(done.subarray(0, bytesRead))
    }
  } finally {
    await handle.close()
  }
  return hash.digest('hex')
}
sha256(workerData.file).then(
  hex => parentPort.postMessage({ hex }),
  err => parentPort.postMessage({ error: String((err && err.message) || err), code: err && err.code })
)
`;
// Below this size a worker's start-up (30–80 ms in a fresh process) costs more
// than it saves and the file is hashed in this thread. Above it the worker runs
// on the other core while this thread inflates the jars: a realistic 40 MB
// connector keeps this thread busy for about a second (see scripts/bench/archive.ts).
/** The worker only hashes Buffers (kept off its heap): a small heap keeps the release under its 120 MB RSS target. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 16 };
const WORKER_MIN_BYTES = 8 * 1024 * 1024;
/**
 * sha256 of `file` on another core while this thread reads the zip: the two runs
 * read the same bytes side by side, so the disk is read once and the second
 * reader is served from the page cache. Falls back to hashing in this thread if
 * a worker cannot start.
 */
function hashBeside(file, size, workerMinBytes = WORKER_MIN_BYTES) {
    if (size < workerMinBytes)
        return { hex: sha256File(file), stop: () => undefined };
    let worker;
    try {
        worker = new external_node_worker_threads_.Worker(WORKER_SOURCE, { eval: true, workerData: { file }, resourceLimits: WORKER_LIMITS });
    }
    catch {
        return { hex: sha256File(file), stop: () => undefined };
    }
    let settled = false;
    const hex = new Promise((resolve, reject) => {
        worker.once('message', (m) => {
            settled = true;
            if (typeof m.hex === 'string')
                resolve(m.hex);
            else
                reject(Object.assign(new Error(m.error ?? 'hashing failed'), { code: m.code }));
            void worker.terminate();
        });
        // A worker that could not run at all (no threads, a sandbox) leaves the work to this thread.
        const inThisThread = () => {
            if (settled)
                return;
            settled = true;
            sha256File(file).then(resolve, reject);
        };
        worker.once('error', inThisThread);
        worker.once('exit', inThisThread);
    });
    return {
        hex,
        stop: () => {
            settled = true;
            void worker.terminate();
        }
    };
}

;// CONCATENATED MODULE: ./src/archive/zip.ts
// The checked archive (SPEC §3.1) and its content digest (SPEC §3.3).
//
// yauzl, not fflate: yauzl reads the central directory by random access and
// streams one entry at a time, so memory stays bounded whatever the archive's
// size; fflate is faster on small files but its simple API holds the whole
// archive (and each inflated entry) in memory. Nothing is written to disk.










// A hostile archive could name thousands of broken jars; the log lists a few.
const MAX_LISTED_NESTED = 5;
/**
 * Reads `file` as a zip — central directory, every entry inflated and its CRC-32
 * checked — and digests its content, while its sha256 is computed beside it.
 * `shownName` is how the caller names the file to the user (relative to the
 * workspace). A defect or a hostile bound is an InputError naming `archive`.
 */
async function inspectArchive(file, shownName, limits = ZIP_LIMITS, workerMinBytes = WORKER_MIN_BYTES) {
    const handle = await (0,promises_.open)(file, 'r');
    let hashing;
    try {
        const { size } = await handle.stat();
        hashing = hashBeside(file, size, workerMinBytes);
        const [content, sha256] = await Promise.all([readZip(new FileRangeReader(handle), size, shownName, limits), hashing.hex]);
        const layout = checkLayout(content.names, content.captured.get(CONFIG_ENTRY), limits.maxConfigBytes);
        return {
            sha256,
            contentSha256: content.digest,
            connector: layout.connector,
            layoutWarnings: [...layout.warnings, ...content.warnings],
            entries: content.names.length
        };
    }
    finally {
        hashing?.stop();
        await handle.close();
    }
}
async function readZip(reader, size, shownName, limits) {
    const state = newWalkState(limits);
    let zip;
    try {
        try {
            zip = await yauzl.fromRandomAccessReaderPromise(reader, size, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true });
        }
        catch (err) {
            throw new ZipDefect(`its central directory cannot be read (${causeText(err)})`);
        }
        const digest = await digestZip(zip, state, archivePlace(reader, limits), name => name === CONFIG_ENTRY);
        return { ...digest, warnings: nestedWarnings(state.unreadableNested) };
    }
    catch (err) {
        throw asInputError(err, shownName);
    }
    finally {
        zip?.close();
    }
}
function asInputError(err, shownName) {
    const file = `${constants/* Input */.pd.archive} ${shownName}`;
    if (err instanceof ZipDefect) {
        return new errors/* InputError */.dz(constants/* Input */.pd.archive, `${file} is not a readable zip: ${err.problem}. Rebuild the archive (e.g. ./gradlew build) and check that nothing truncated or altered it on the way.`);
    }
    if (err instanceof ZipLimitExceeded) {
        return new errors/* InputError */.dz(constants/* Input */.pd.archive, `${file} is refused as a possible zip bomb: ${err.problem}. A connector archive stays far below these bounds; check that ${constants/* Input */.pd.archive} names the connector zip.`);
    }
    return err;
}
function nestedWarnings(unreadable) {
    const listed = unreadable
        .slice(0, MAX_LISTED_NESTED)
        .map(({ label, problem }) => `${label} is named like a zip but does not read as one (${problem}); its content digest uses its bytes.`);
    const more = unreadable.length - MAX_LISTED_NESTED;
    if (more > 0)
        listed.push(`${more} more nested archives do not read as zips; their content digests use their bytes.`);
    return listed;
}


/***/ })

};
