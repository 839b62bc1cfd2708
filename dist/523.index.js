export const id = 523;
export const ids = [523];
export const modules = {

/***/ 9059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $R: () => (/* binding */ localHeaderLength),
/* harmony export */   HD: () => (/* binding */ shownName),
/* harmony export */   RM: () => (/* binding */ LOCAL_LENGTH),
/* harmony export */   dM: () => (/* binding */ shownKey),
/* harmony export */   sA: () => (/* binding */ readEnd),
/* harmony export */   x4: () => (/* binding */ parseCentral)
/* harmony export */ });
/* harmony import */ var _domain_untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5006);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8992);
/* harmony import */ var _zip_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9953);
// The zip format's directories, read by our own small reader (docs/boomi-api.md,
// "The archive"): the end record, the central directory and the local headers.
// It replaced yauzl because yauzl's per-entry events and promises cost more than
// inflating and hashing a jar's small classes (a 40 MB connector holds ~20,000),
// and because it decodes names (CP437, the Unicode-path extra field, `\` to `/`)
// where the content digest needs the bytes Java's class loader sees.
// Every number read here is untrusted: each offset and length is checked against
// the bytes it points into before it is used.



const END_SIGNATURE = 0x06054b50;
const END_LENGTH = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_LENGTH = 20;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ZIP64_END_LENGTH = 56;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_LENGTH = 46;
const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_LENGTH = 30;
const ZIP64_EXTRA = 0x0001;
const STRONG_ENCRYPTION = 0x40;
/** The end record sits in the last 22 bytes plus a comment of at most 65,535. */
const END_SEARCH = END_LENGTH + 0xffff;
/** Finds the end record of a zip of `size` bytes; a defect if there is none or it points outside the zip. */
async function readEnd(read, size) {
    if (size < END_LENGTH)
        throw new _zip_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ZipDefect */ .PD('it is too short to hold an end of central directory record');
    const tailStart = Math.max(0, size - END_SEARCH);
    const tail = await read(tailStart, size - tailStart);
    // From the end backwards; the record's comment must run exactly to the end of the zip.
    let at = -1;
    for (let i = tail.length - END_LENGTH; i >= 0; i--) {
        if (tail.readUInt32LE(i) === END_SIGNATURE && tail.readUInt16LE(i + 20) === tail.length - i - END_LENGTH) {
            at = i;
            break;
        }
    }
    if (at < 0)
        throw new _zip_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ZipDefect */ .PD('its end of central directory record was not found');
    if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0)
        throw new _zip_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ZipDefect */ .PD('it spans several disks');
    let count = tail.readUInt16LE(at + 10);
    let cdSize = tail.readUInt32LE(at + 12);
    let offset = tail.readUInt32LE(at + 16);
    const endAt = tailStart + at;
    let directoryEnd = endAt;
    // As Java reads it: a zip64 end record named by a locator just before the end record is used
    // whenever it agrees with the classic fields (each equal, or saturated), needed or not (some
    // writers always add one); it must be there and valid only when a classic field is saturated.
    const saturated = count === 0xffff || cdSize === 0xffffffff || offset === 0xffffffff;
    const locatorAt = at - ZIP64_LOCATOR_LENGTH;
    if (locatorAt >= 0 && tail.readUInt32LE(locatorAt) === ZIP64_LOCATOR_SIGNATURE) {
        const zip64At = readUInt64(tail, locatorAt + 8);
        const inside = zip64At + ZIP64_END_LENGTH <= tailStart + locatorAt;
        const record = inside ? await read(zip64At, ZIP64_END_LENGTH) : undefined;
        if (record?.readUInt32LE(0) === ZIP64_END_SIGNATURE) {
            const [count64, size64, offset64] = [readUInt64(record, 32), readUInt64(record, 40), readUInt64(record, 48)];
            const agrees = (count === 0xffff || count === count64) && (cdSize === 0xffffffff || cdSize === size64) && (offset === 0xffffffff || offset === offset64);
            if (agrees) {
                count = count64;
                cdSize = size64;
                offset = offset64;
                directoryEnd = zip64At;
            }
            else if (saturated)
                throw new _zip_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ZipDefect */ .PD('its zip64 end record disagrees with its end record');
        }
        else if (saturated) {
            throw new _zip_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ZipDefect */ .PD(inside ? 'its zip64 end record has an invalid signature' : 'its zip64 end record lies outside the zip');
        }
    }
    if (offset + cdSize > directoryEnd)
        throw new _zip_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ZipDefect */ .PD('its central directory runs past its end record');
    // Java, Python and unzip find the directory at its end record less its size: one that ends
    // before may be a decoy, with the directory they read (and other entries) after it.
    if (offset + cdSize < directoryEnd) {
        const record = directoryEnd === endAt ? 'end record' : 'zip64 end record';
        // Java would also read a self-extracting archive whose offsets were left as they were; no connector build writes one.
        throw new _zip_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ZipDefect */ .PD(`it ends at byte ${offset + cdSize}, ${directoryEnd - offset - cdSize} bytes before its ${record}, where zip tools look for it: ` +
            'bytes were added before the zip (as in a self-extracting archive) or it holds a second directory');
    }
    return { count, offset, size: cdSize };
}
/** The `count` entries of a central directory held whole in `cd`. */
function parseCentral(cd, count) {
    const entries = new Array(count);
    let p = 0;
    for (let i = 0; i < count; i++) {
        if (p + CENTRAL_LENGTH > cd.length)
            throw new _zip_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ZipDefect */ .PD(`its central directory ends after ${i} of its ${count} entries`);
        if (cd.readUInt32LE(p) !== CENTRAL_SIGNATURE)
            throw new _zip_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ZipDefect */ .PD(`its central directory has an invalid entry header at entry ${i + 1}`);
        const flags = cd.readUInt16LE(p + 8);
        const nameLength = cd.readUInt16LE(p + 28);
        const extraLength = cd.readUInt16LE(p + 30);
        const commentLength = cd.readUInt16LE(p + 32);
        const nameAt = p + CENTRAL_LENGTH;
        const next = nameAt + nameLength + extraLength + commentLength;
        if (next > cd.length)
            throw new _zip_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ZipDefect */ .PD(`its central directory ends inside entry ${i + 1}`);
        const entry = {
            // Read from the directory without a Buffer view per name: a jar holds thousands.
            key: cd.toString('latin1', nameAt, nameAt + nameLength),
            flags,
            method: cd.readUInt16LE(p + 10),
            crc32: cd.readUInt32LE(p + 16),
            compressedSize: cd.readUInt32LE(p + 20),
            uncompressedSize: cd.readUInt32LE(p + 24),
            localHeaderOffset: cd.readUInt32LE(p + 42)
        };
        if (flags & STRONG_ENCRYPTION)
            throw new _zip_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ZipDefect */ .PD(`entry ${shownKey(entry.key)} uses strong encryption`);
        if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) {
            zip64Sizes(entry, cd.subarray(nameAt + nameLength, nameAt + nameLength + extraLength));
        }
        if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
            throw new _zip_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ZipDefect */ .PD(`entry ${shownKey(entry.key)} is stored but declares ${entry.compressedSize} bytes stored and ${entry.uncompressedSize} inflated`);
        }
        entries[i] = entry;
        p = next;
    }
    // Java and Python read every entry the directory holds: the count of a zip of more than
    // 65,535 entries written without zip64 wraps, and must not hide the ones past it.
    if (p !== cd.length) {
        throw new _zip_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ZipDefect */ .PD(`its end record counts ${count} entries, but they fill only ${p} of the directory's ${cd.length} bytes (more than 65,535 entries written without zip64?)`);
    }
    return entries;
}
/** The zip64 extended information extra field: the 8-byte values of the fields that read 0xffffffff, in this order. */
function zip64Sizes(entry, extra) {
    for (let i = 0; i + 4 <= extra.length;) {
        const id = extra.readUInt16LE(i);
        const length = extra.readUInt16LE(i + 2);
        const data = extra.subarray(i + 4, i + 4 + length);
        i += 4 + length;
        if (id !== ZIP64_EXTRA)
            continue;
        let at = 0;
        const next = (what) => {
            if (at + 8 > data.length)
                throw new _zip_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ZipDefect */ .PD(`entry ${shownKey(entry.key)}'s zip64 field lacks its ${what}`);
            at += 8;
            return readUInt64(data, at - 8);
        };
        if (entry.uncompressedSize === 0xffffffff)
            entry.uncompressedSize = next('uncompressed size');
        if (entry.compressedSize === 0xffffffff)
            entry.compressedSize = next('compressed size');
        if (entry.localHeaderOffset === 0xffffffff)
            entry.localHeaderOffset = next('header offset');
        return;
    }
}
/** The length of a local header (fixed part, name, extra field) from its first 30 bytes, at `at` in `source`. */
function localHeaderLength(source, at, entry) {
    if (at + LOCAL_LENGTH > source.length || source.readUInt32LE(at) !== LOCAL_SIGNATURE) {
        throw new _zip_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ZipDefect */ .PD(`entry ${shownKey(entry.key)} cannot be read (invalid local file header signature)`);
    }
    return LOCAL_LENGTH + source.readUInt16LE(at + 26) + source.readUInt16LE(at + 28);
}
/** A 64-bit little-endian count, refused past 2^53 (no real zip comes near; a hostile one must not wrap). */
function readUInt64(b, at) {
    const value = b.readUInt32LE(at) + b.readUInt32LE(at + 4) * 0x1_0000_0000;
    if (!Number.isSafeInteger(value))
        throw new _zip_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ZipDefect */ .PD('it declares a size or offset beyond 2^53');
    return value;
}
const MAX_SHOWN_NAME = 300;
// The byte set: a name's bytes above 0x7f are already \xNN or part of a UTF-8 character, and
// a message that shows the name is escaped again for the log (untrusted.ts).
const NAME_CONTROL = new RegExp(`[${_text_js__WEBPACK_IMPORTED_MODULE_1__/* .BYTE_CONTROLS */ .aX}]`, 'g');
/**
 * A name as messages show it: UTF-8 where its bytes are UTF-8, each other byte
 * as \xNN, control characters escaped, bounded. For reading only: the digest and
 * every comparison use the bytes.
 */
function shownName(name) {
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(name);
    }
    catch {
        text = Array.from(name, b => (b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('');
    }
    const escaped = text.replace(NAME_CONTROL, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
    return (0,_domain_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .cut */ .Jj)(escaped, MAX_SHOWN_NAME);
}
/** An entry's name (CentralEntry.key) as messages show it: see shownName. */
const shownKey = (key) => shownName(Buffer.from(key, 'latin1'));


/***/ }),

/***/ 9953:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PD: () => (/* binding */ ZipDefect),
/* harmony export */   gm: () => (/* binding */ ZipLimitExceeded),
/* harmony export */   xv: () => (/* binding */ causeText)
/* harmony export */ });
/* harmony import */ var _domain_untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5006);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8992);
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
/** The file system's and zlib's own words, bounded: they end up in a user-facing message. */
function causeText(err) {
    const text = (err instanceof Error ? err.message : String(err)).replace(/^Error: /, '');
    const oneLine = Array.from(text, c => ((0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .hasByteControl */ .Yk)(c) ? ' ' : c))
        .join('')
        .replace(/ {2,}/g, ' ')
        .trim();
    return (0,_domain_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .cut */ .Jj)(oneLine, 200);
}


/***/ }),

/***/ 1523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction)
});

// UNUSED EXPORTS: runnerLog

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(143);
// EXTERNAL MODULE: ./src/domain/untrusted.ts
var untrusted = __webpack_require__(5006);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/archive/glob.ts


const MAGIC = /[*?[]/;
/** A pattern that holds a '[…]' no regular expression can take: a range from a higher character to a lower one ('[z-a]'). */
class BadCharacterClass extends Error {
    characterClass;
    constructor(characterClass) {
        super(`invalid character class '${characterClass}'`);
        this.characterClass = characterClass;
        this.name = 'BadCharacterClass';
    }
}
/**
 * A pattern split into the directory to start from and the segments still to
 * match. `path.resolve` does the platform's work: on Windows it takes either
 * slash and keeps a drive letter or UNC root whole.
 */
function splitPattern(pattern, cwd, path = external_node_path_) {
    const absolute = path.resolve(cwd, pattern);
    const { root } = path.parse(absolute);
    const rest = absolute
        .slice(root.length)
        .split(path.sep)
        .filter(s => s !== '');
    let i = 0;
    while (i < rest.length && !MAGIC.test(rest[i]))
        i++;
    return { root: path.join(root, ...rest.slice(0, i)), segments: rest.slice(i) };
}
function hasMagic(pattern) {
    return MAGIC.test(pattern);
}
/** A glob segment ('*', '?', '[a-z]', '[!x]') as a regular expression for one name, read by code points. */
function segmentRegExp(segment, caseInsensitive = false) {
    let out = '';
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        if (c === '*')
            out += '[^/]*';
        else if (c === '?')
            out += '[^/]';
        else if (c === '[') {
            const end = segment.indexOf(']', i + 2);
            if (end === -1) {
                out += '\\[';
                continue;
            }
            let body = segment.slice(i + 1, end);
            const negate = body.startsWith('!') || body.startsWith('^');
            if (negate)
                body = body.slice(1);
            const characterClass = `[${negate ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
            try {
                new RegExp(characterClass, 'u');
            }
            catch {
                throw new BadCharacterClass(segment.slice(i, end + 1));
            }
            out += characterClass;
            i = end;
        }
        else
            out += c.replace(/[.+^${}()|\\/\]]/g, '\\$&');
    }
    // As in a shell, wildcards do not match a leading dot unless the pattern has one.
    const dot = segment.startsWith('.') ? '' : '(?!\\.)';
    // 'u': a character is a code point, so '?' matches one emoji and '[😀-😁]' is a range of two.
    return new RegExp(`^${dot}${out}$`, caseInsensitive ? 'iu' : 'u');
}
/**
 * Every path matching `pattern` (relative to `cwd`), sorted. Supports '*', '?',
 * '[…]' within a segment and '**' for any depth; symbolic links to
 * directories are not followed by '**', so a link loop cannot hang the walk.
 * Throws BadCharacterClass, whatever is on the disk, for a '[…]' that cannot match.
 */
async function glob(pattern, cwd, path = external_node_path_) {
    const { root, segments } = splitPattern(pattern, cwd, path);
    const caseInsensitive = path.sep === '\\';
    const results = new Set();
    const regExps = segments.map(s => (s !== '**' && MAGIC.test(s) ? segmentRegExp(s, caseInsensitive) : undefined));
    const walk = async (dir, i) => {
        if (i === segments.length) {
            results.add(dir);
            return;
        }
        const segment = segments[i];
        if (segment === '**') {
            await walk(dir, i + 1);
            for (const entry of await list(dir)) {
                if (entry.isDirectory())
                    await walk(path.join(dir, entry.name), i);
            }
            return;
        }
        if (!MAGIC.test(segment)) {
            const next = path.join(dir, segment);
            if (i + 1 === segments.length ? await exists(next) : await isDir(next))
                await walk(next, i + 1);
            return;
        }
        const re = regExps[i];
        for (const entry of await list(dir)) {
            if (!re.test(entry.name))
                continue;
            const next = path.join(dir, entry.name);
            if (i + 1 === segments.length)
                results.add(next);
            else if (entry.isDirectory() || (entry.isSymbolicLink() && (await isDir(next))))
                await walk(next, i + 1);
        }
    };
    if (segments.length === 0) {
        if (await exists(root))
            results.add(root);
    }
    else if (await isDir(root)) {
        await walk(root, 0);
    }
    return [...results].sort();
}
async function list(dir) {
    try {
        return await external_node_fs_.promises.readdir(dir, { withFileTypes: true });
    }
    catch {
        return [];
    }
}
async function exists(p) {
    try {
        await external_node_fs_.promises.lstat(p);
        return true;
    }
    catch {
        return false;
    }
}
async function isDir(p) {
    try {
        return (await external_node_fs_.promises.stat(p)).isDirectory();
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/archive/zip-directory.ts
var zip_directory = __webpack_require__(9059);
;// CONCATENATED MODULE: ./src/archive/locate.ts







/** True when `p` is below `root` (both absolute, on the same footing: both real paths, or both as written). */
function isInside(root, p) {
    const rel = external_node_path_.relative(root, p);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${external_node_path_.sep}`) && !external_node_path_.isAbsolute(rel);
}
/**
 * Where `file` really is, every symbolic link followed, when that is inside the
 * workspace's own real path; undefined when it leads out. A link inside the
 * workspace to a file inside it is fine; one out of it, or through a linked
 * directory out of it, is not (docs/behaviour.md, "Validation"). Rejects like
 * `fs.realpath` when the file does not exist.
 */
async function realPathInside(file, workspace) {
    const [real, root] = await Promise.all([external_node_fs_.promises.realpath(file), external_node_fs_.promises.realpath(workspace)]);
    return isInside(root, real) ? real : undefined;
}
/**
 * Finds `name` (relative to the workspace, or absolute) by its real path: outside
 * 'as written' is known without touching the disk; outside 'through a link' once
 * every symbolic link is followed. Rejects like `fs.realpath` when the file does not exist.
 */
async function findInWorkspace(name, workspace) {
    const given = external_node_path_.resolve(workspace, name);
    if (!isInside(external_node_path_.resolve(workspace), given))
        return { outside: 'as written' };
    const real = await realPathInside(given, workspace);
    return real === undefined ? { outside: 'through a link' } : { path: real };
}
// Brace expansion as shells and most glob libraries do it: `{a,b}` or `{1..3}`.
const BRACES = /\{[^{}]*(?:,|\.\.)[^{}]*\}/;
// A glob can match thousands of files: the refusal lists a few.
const MAX_LISTED = 20;
/** Finds the one file `pattern` names, relative to the workspace, and checks it is a non-empty zip inside it. */
async function locateArchive(pattern, workspace) {
    const literal = external_node_path_.resolve(workspace, pattern);
    const literalExists = await exists(literal);
    // Braces are not expanded (one match is wanted, and a second glob dialect is one more thing to get wrong): say so rather than find nothing.
    if (!literalExists && BRACES.test(pattern)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `${constants/* Input */.pd.archive} '${pattern}' uses braces ({a,b}), which are not expanded. Use '*', '?' or '[…]' instead, e.g. build/distributions/*.car.zip, or name the file.`);
    }
    // A name that exists as written wins, even if it holds glob characters ('conn[1].zip').
    const matches = hasMagic(pattern) && !literalExists ? await globArchive(pattern, workspace) : [literal];
    // A file's name is outside text: control characters escaped, bounded, as entry names are.
    const shown = (p) => (0,zip_directory/* shownName */.HD)(Buffer.from(external_node_path_.relative(workspace, p) || p));
    if (matches.length === 0) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `No file matches ${constants/* Input */.pd.archive} '${pattern}' (looked in ${workspace}). Check that the build step ran and the path or glob is relative to the workspace, e.g. build/distributions/*.car.zip.`);
    }
    if (matches.length > 1) {
        const listed = matches.slice(0, MAX_LISTED).map(shown);
        if (matches.length > MAX_LISTED)
            listed.push(`and ${(matches.length - MAX_LISTED).toLocaleString('en-US')} more`);
        throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `${constants/* Input */.pd.archive} '${pattern}' matches ${matches.length.toLocaleString('en-US')} files, but must match exactly one: ${listed.join(', ')}. Narrow the pattern or clean the build directory.`);
    }
    const file = matches[0];
    if (!isInside(external_node_path_.resolve(workspace), file)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `${constants/* Input */.pd.archive} '${pattern}' names ${(0,zip_directory/* shownName */.HD)(Buffer.from(file))}, which is outside the workspace (${workspace}). Give a path or glob relative to the workspace, e.g. build/distributions/*.car.zip.`);
    }
    let stat;
    try {
        stat = await external_node_fs_.promises.stat(file);
    }
    catch {
        throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `No file matches ${constants/* Input */.pd.archive} '${pattern}': ${shown(file)} does not exist. Check that the build step ran and the path is relative to the workspace.`);
    }
    if ((await realPathInside(file, workspace)) === undefined) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `${constants/* Input */.pd.archive} '${pattern}' names ${shown(file)}, which leads outside the workspace through a symbolic link. Point it at the archive the build wrote inside the workspace.`);
    }
    if (!stat.isFile()) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `${constants/* Input */.pd.archive} '${pattern}' names ${shown(file)}, which is not a regular file. Point it at the connector zip itself.`);
    }
    if (stat.size === 0) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `${constants/* Input */.pd.archive} ${shown(file)} is empty. Check the build step that makes the connector zip.`);
    }
    // The path is an output (archive-path) and goes into log lines: one line, in its own order.
    if ((0,src_text/* hasLineOrBidiControl */.XG)(external_node_path_.relative(workspace, file))) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `${constants/* Input */.pd.archive} ${shown(file)} has a control character, a line separator or a bidi control in its path (shown escaped). Rename the file: its path is the archive-path output and appears in the log.`);
    }
    // Non-blocking, and a regular file by the descriptor too: a FIFO put in its place since the stat must not hang the run.
    const handle = await external_node_fs_.promises.open(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
    try {
        if (!(await handle.stat()).isFile()) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `${constants/* Input */.pd.archive} ${shown(file)} stopped being a regular file while it was checked. Make sure nothing else writes the archive during the release.`);
        }
        const head = Buffer.alloc(2);
        await handle.read(head, 0, 2, 0);
        if (head[0] !== 0x50 || head[1] !== 0x4b) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `${constants/* Input */.pd.archive} ${shown(file)} is not a zip file (it does not start with 'PK'). Point it at the connector archive built by the Connector SDK, e.g. build/distributions/*.car.zip.`);
        }
    }
    finally {
        await handle.close();
    }
    return { path: file, fileName: external_node_path_.basename(file), size: stat.size };
}
async function globArchive(pattern, workspace) {
    try {
        return await glob(pattern, workspace);
    }
    catch (err) {
        if (!(err instanceof BadCharacterClass))
            throw err;
        throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `${constants/* Input */.pd.archive} '${pattern}' has an invalid character class '${err.characterClass}': a range must go from the lower character to the higher, e.g. [a-z]. Fix the pattern, or name the file.`);
    }
}

// EXTERNAL MODULE: ./src/boomi/contract.ts
var contract = __webpack_require__(4922);
;// CONCATENATED MODULE: ./src/boomi/answers.ts
// Every 2xx answer from Boomi is checked here before anything acts on it, by one
// rule (docs/boomi-api.md, "Reading answers"): strict where a field decides,
// tolerant where it only describes. A deciding field that cannot mean one thing
// becomes an AnswerError: the action deletes versions in real accounts, so a
// surprise there must stop it, never steer it. A describing field of any type,
// absent or unknown never fails a run: Boomi adds fields and reshapes them.




const MAX_TOKEN_LENGTH = 8192;
/** Longest describing text kept (a display version, a user's email, a date shown as is). */
const MAX_DESCRIBING_LENGTH = 256;
/** Longest review status kept as it is; Boomi's are a word. */
const MAX_REVIEW_STATUS_LENGTH = 64;
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** What a value looks like, for a message: never the value itself (it may be long or hostile). */
function kind(value) {
    if (value === undefined)
        return 'missing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
function parseJsonAnswer(text, operation) {
    try {
        // A UTF-8 byte order mark, which some servers put first, is no part of the JSON.
        return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
    }
    catch {
        throw new errors/* AnswerError */.dV(operation, 'the answer is not JSON');
    }
}
function readQueryPage(text, operation) {
    const json = parseJsonAnswer(text, operation);
    if (!isObject(json))
        throw new errors/* AnswerError */.dV(operation, `the answer is ${kind(json)}, not a query result`);
    const numberOfResults = readCount(json.numberOfResults);
    const queryToken = readToken(json.queryToken, operation);
    if (json.result === undefined && contract/* EMPTY_QUERY_MAY_OMIT_RESULT */.RR && numberOfResults === 0 && !queryToken) {
        return { numberOfResults, result: [] };
    }
    if (!Array.isArray(json.result))
        throw new errors/* AnswerError */.dV(operation, `'result' is ${kind(json.result)}, not a list`);
    return { numberOfResults, queryToken, result: json.result.map(v => readVersion(v, operation)) };
}
/** Tolerant: a whole number ≥ 0, or its decimal digits as text; anything else is as if Boomi gave no count. */
function readCount(value) {
    const count = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
    return typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? count : undefined;
}
function readToken(value, operation) {
    if (value === undefined || value === null || value === '')
        return undefined;
    if (typeof value !== 'string')
        throw new errors/* AnswerError */.dV(operation, `'queryToken' is ${kind(value)}, not text`);
    if (value.length > MAX_TOKEN_LENGTH || (0,src_text/* hasTextControl */.h2)(value)) {
        throw new errors/* AnswerError */.dV(operation, `'queryToken' is longer than ${MAX_TOKEN_LENGTH} characters or holds control characters`);
    }
    return value;
}
/** The create answer: a version of the group asked for. */
function readCreatedVersion(text, groupType) {
    const version = readVersion(parseJsonAnswer(text, 'create'), 'create');
    if (version.groupType !== undefined && version.groupType !== groupType) {
        throw new errors/* AnswerError */.dV('create', `the new version belongs to another group type than ${JSON.stringify(groupType)}`);
    }
    return version;
}
function readVersion(value, operation) {
    if (!isObject(value))
        throw new errors/* AnswerError */.dV(operation, `a version is ${kind(value)}, not an object`);
    const versionId = readVersionId(value.versionId, operation);
    const strict = (name) => readText(value[name], name, versionId, operation);
    const version = {
        versionId,
        groupType: strict('groupType'),
        displayVersion: describing(value.displayVersion),
        changeLog: strict('changeLog'),
        uploadedDate: readUploadedDate(value.uploadedDate, versionId, operation),
        uploadedBy: readUser(value.uploadedBy),
        deleted: readDeleted(value.deleted, versionId, operation),
        deletedDate: describing(value.deletedDate),
        reviewStatus: readReviewStatus(value.reviewStatus, versionId, operation),
        releaseVersion: readReleaseVersion(value.releaseVersion),
        carLink: describing(value.carLink)
    };
    // Absent fields stay absent, so identical copies compare equal whatever order Boomi wrote them in.
    for (const key of Object.keys(version))
        if (version[key] === undefined)
            delete version[key];
    return version;
}
function readVersionId(value, operation) {
    let id;
    if (typeof value === 'string')
        id = value;
    else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
        id = String(value);
    if (id === undefined)
        throw new errors/* AnswerError */.dV(operation, `a version's 'versionId' is ${kind(value)}, not text or a whole number`);
    if (!id.trim() || id.length > contract/* MAX_VERSION_ID_LENGTH */.vk || (0,src_text/* hasTextControl */.h2)(id)) {
        throw new errors/* AnswerError */.dV(operation, `a version's 'versionId' is empty, longer than ${contract/* MAX_VERSION_ID_LENGTH */.vk} characters or holds control characters`);
    }
    return id;
}
/** Strict: text (a number as its decimal text), or absent; anything else is not understood. */
function readText(value, name, versionId, operation) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' && Number.isFinite(value))
        return String(value);
    throw new errors/* AnswerError */.dV(operation, `'${name}' of version ${JSON.stringify(versionId)} is ${kind(value)}, not text`);
}
/**
 * Tolerant: text (a number as its decimal text) is kept, on one line and cut, since it is
 * shown as it is in log lines, the summary and the outputs; any other shape is as if absent.
 */
function describing(value) {
    if (typeof value === 'string')
        return (0,untrusted/* cut */.Jj)((0,untrusted/* oneLine */.TN)(value), MAX_DESCRIBING_LENGTH);
    if (typeof value === 'number' && Number.isFinite(value))
        return String(value);
    return undefined;
}
/** Tolerant: a user object (as Boomi documents it) is shown as its `email`; plain text as itself. */
function readUser(value) {
    return describing(isObject(value) ? value.email : value);
}
/**
 * ISO 8601 with a date, a time and a zone (`Z` or an offset), seconds optional,
 * fractions allowed: one instant, whoever reads it. A date alone, or a time
 * without a zone (local to whom?), can mean more than one thing.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;
/**
 * Strict: the upload date orders the versions for pruning. Absent or null stays
 * absent (the planner leaves such a version alone, and says so); a value that is
 * there but is not one instant stops the run.
 */
function readUploadedDate(value, versionId, operation) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value === 'string' && isDateTime(value))
        return value;
    throw new errors/* AnswerError */.dV(operation, `'uploadedDate' of version ${JSON.stringify(versionId)} is ${kind(value)}, not an ISO 8601 date-time with a zone`);
}
function isDateTime(text) {
    const m = DATE_TIME.exec(text);
    if (!m || Number.isNaN(Date.parse(text)))
        return false;
    // Date.parse rolls 2026-02-30 over into March: the calendar day must exist as written.
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const midnight = new Date(Date.UTC(year, month - 1, day));
    return midnight.getUTCFullYear() === year && midnight.getUTCMonth() === month - 1 && midnight.getUTCDate() === day;
}
/** Strict: only spellings that cannot mean anything else count (see ConnectorVersion.deleted). */
function readDeleted(value, versionId, operation) {
    if (value === undefined || value === null || value === false || value === 0)
        return false;
    if (value === true || value === 1)
        return true;
    if (typeof value === 'string') {
        const word = value.toLowerCase();
        if (word === 'true' || word === '1')
            return true;
        if (word === 'false' || word === '0')
            return false;
    }
    throw new errors/* AnswerError */.dV(operation, `'deleted' of version ${JSON.stringify(versionId)} is neither true nor false`);
}
/** Tolerant: anything that might mean "release version" protects (see ConnectorVersion.releaseVersion). */
function readReleaseVersion(value) {
    if (value === undefined || value === null || value === false || value === 0)
        return false;
    if (value === true || value === 1)
        return true;
    if (typeof value === 'string') {
        const word = value.trim().toLowerCase();
        if (word === 'true' || word === 'yes' || word === '1')
            return true;
        if (word === 'false' || word === 'no' || word === '0')
            return false;
    }
    return 'unclear';
}
/**
 * Trimmed and upper-cased; unknown statuses are kept so the planner can protect them. One
 * that is long or holds control characters stays unknown, and is kept quoted, on one line
 * and cut, so that it can be shown: the quotes keep it from ever reading as a known status.
 */
function readReviewStatus(value, versionId, operation) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        const status = String(value).trim().toUpperCase();
        if (!status)
            return undefined;
        return status.length <= MAX_REVIEW_STATUS_LENGTH && !(0,src_text/* hasTextControl */.h2)(status) ? status : (0,untrusted/* cut */.Jj)(JSON.stringify((0,untrusted/* oneLine */.TN)(status)), MAX_REVIEW_STATUS_LENGTH);
    }
    throw new errors/* AnswerError */.dV(operation, `'reviewStatus' of version ${JSON.stringify(versionId)} is ${kind(value)}, not text`);
}
const REVIEW_STATUSES = new Set(['APPROVED', 'PENDING', 'REJECTED', 'CANCELLED']);
/**
 * The version-change answer: one of four review statuses, about the change asked
 * for. Its deciding fields are strict: `reviewStatus`, and `classificationType`
 * and `versionId` when given (text, or an integer for the ID); the rest (users,
 * dates, the classification it changed, the `reviewReason`) only describes.
 */
function readVersionChange(text, classificationType, versionId) {
    const operation = 'version change';
    const json = parseJsonAnswer(text, operation);
    if (!isObject(json))
        throw new errors/* AnswerError */.dV(operation, `the answer is ${kind(json)}, not an object`);
    const status = typeof json.reviewStatus === 'string' ? json.reviewStatus.trim().toUpperCase() : undefined;
    if (!status || !REVIEW_STATUSES.has(status)) {
        throw new errors/* AnswerError */.dV(operation, `'reviewStatus' is not one of APPROVED, PENDING, REJECTED, CANCELLED`);
    }
    const echoedType = json.classificationType;
    if (echoedType !== undefined && echoedType !== null) {
        if (typeof echoedType !== 'string')
            throw new errors/* AnswerError */.dV(operation, `'classificationType' is ${kind(echoedType)}, not text`);
        if (echoedType !== classificationType) {
            throw new errors/* AnswerError */.dV(operation, `the answer is about another classification than ${JSON.stringify(classificationType)}`);
        }
    }
    const echoedId = json.versionId;
    if (echoedId !== undefined && echoedId !== null && readVersionId(echoedId, operation) !== versionId) {
        throw new errors/* AnswerError */.dV(operation, `the answer is about another version than ${JSON.stringify(versionId)}`);
    }
    // Only describes: text is kept (the client makes it safe to show), anything else is left out.
    const reason = typeof json.reviewReason === 'string' && json.reviewReason.trim() ? json.reviewReason : undefined;
    return { classificationType, versionId, reviewStatus: status, ...(reason ? { reviewReason: reason } : {}) };
}

;// CONCATENATED MODULE: ./src/boomi/listing.ts
// One listing of a group, page by page: bounded in pages and versions, a
// repeated page token refused, duplicates merged and versions of other groups
// set aside. Boomi's `numberOfResults` may count the page or the whole query
// (docs/boomi-api.md, "Reading answers"): either reading is accepted, and one
// that fits neither is noted, never a failure. Pure: the client feeds it pages.



/** The fields of a version that decide something (answers.ts reads them strictly). */
const DECIDING = [
    'versionId',
    'groupType',
    'changeLog',
    'uploadedDate',
    'deleted',
    'reviewStatus',
    'releaseVersion'
];
class ListingPages {
    groupType;
    limits;
    tokens = new Set();
    entries = [];
    pages = 0;
    /** Each page's count as Boomi gave it, beside the number of results the page held. */
    counts = [];
    constructor(groupType, limits = { pages: contract/* MAX_QUERY_PAGES */.R0, versions: contract/* MAX_LISTED_VERSIONS */.Hb }) {
        this.groupType = groupType;
        this.limits = limits;
    }
    /** Takes one page; answers the token of the next page, or undefined when this was the last. */
    add(page, operation) {
        this.pages++;
        this.entries.push(...page.result);
        if (page.numberOfResults !== undefined)
            this.counts.push({ given: page.numberOfResults, held: page.result.length });
        if (this.entries.length > this.limits.versions) {
            throw new errors/* AnswerError */.dV(operation, `the listing holds more than ${this.limits.versions} versions, more than an account can have`);
        }
        const token = page.queryToken;
        if (token === undefined)
            return undefined;
        if (this.tokens.has(token))
            throw new errors/* AnswerError */.dV(operation, 'queryMore returned a token it had already returned');
        if (this.pages >= this.limits.pages) {
            throw new errors/* AnswerError */.dV(operation, `the listing goes on past ${this.limits.pages} pages, more than an account's versions fill`);
        }
        this.tokens.add(token);
        return token;
    }
    get received() {
        return this.entries.length;
    }
    /** The count on the latest page that gave one: of that page or of the query, as Boomi meant it. */
    get lastCount() {
        return this.counts.at(-1)?.given;
    }
    /** Undefined when every count Boomi gave fits one reading: each page's own size, or the whole listing's. */
    countNote() {
        if (this.counts.length === 0)
            return undefined;
        const perPage = this.counts.every(c => c.given === c.held);
        const perQuery = this.counts.every(c => c.given === this.entries.length);
        if (perPage || perQuery)
            return undefined;
        const given = this.counts.map(c => c.given).join(', ');
        return `'numberOfResults' (${given}) fits neither this page's results nor the whole listing (${this.entries.length} over ${(0,src_text/* plural */.LS)(this.pages, 'page')})`;
    }
    /**
     * Copies of a version that agree on every field that decides collapse into the first;
     * copies that disagree on one make the listing not understood. Fields that only describe
     * may differ between copies (docs/boomi-api.md, "Reading answers").
     */
    finish(operation) {
        const byId = new Map();
        for (const version of this.entries) {
            const json = JSON.stringify(DECIDING.map(key => version[key] ?? null));
            const seen = byId.get(version.versionId);
            if (!seen)
                byId.set(version.versionId, { version, json });
            else if (seen.json !== json) {
                throw new errors/* AnswerError */.dV(operation, `version ${JSON.stringify(version.versionId)} is listed twice with different fields`);
            }
        }
        const versions = [];
        const foreign = [];
        for (const { version } of byId.values()) {
            if (version.groupType !== undefined && version.groupType !== this.groupType)
                foreign.push(version.versionId);
            else
                versions.push(version);
        }
        const countNote = this.countNote();
        return countNote === undefined ? { versions, foreign } : { versions, foreign, countNote };
    }
}

// EXTERNAL MODULE: ./src/net/retry.ts
var net_retry = __webpack_require__(7893);
;// CONCATENATED MODULE: ./src/boomi/refusals.ts
// A non-2xx answer from Boomi, made into one BoomiError: Boomi's own words
// (read from any of its four error shapes, scrubbed of credentials, then cut),
// and the hint for what the user can do about that status.





/** Longest piece of Boomi's error text kept in a message. */
const MAX_ERROR_TEXT = 500;
// Scrubbing looks at more than is kept, so a secret that straddles the cut is still seen whole.
const SCRUB_WINDOW = 8 * MAX_ERROR_TEXT;
const PRIVILEGES = 'Boomi requires the Developer and API privileges for private connectors';
const PUBLIC_PRIVILEGES = 'public ones also need the Connector Administration feature and the Connector Submission privilege';
const PARTNER_API = "Under the Partner API's prefix, /partner/api/rest/v1, a 403 may also mean that the Partner API is not enabled for this account (Boomi enables it on request): set api-url to the host alone, so that the prefix is found, or to the host with /api/rest/v1.";
const GROUP_EXISTS = "If this is the group's first upload, check that the connector group exists (Developer tab, Add Connector Group) and that group-type is its Type without the classification.";
const DELETE_FORM = 'Boomi did not take the delete request\'s form, which Boomi\'s pages do not confirm (this release sends a DELETE with a JSON body naming the group and the version: docs/boomi-api.md, "What is uncertain"). Please report this answer, naming release ' +
    constants/* ACTION_VERSION */.Yt +
    '.';
/**
 * What to check, by operation and status (docs/behaviour.md, "First contact");
 * `{subject}` is the classification type of a version change. Boomi's
 * privileges are in docs/boomi-api.md, "Errors and statuses".
 */
const HINTS = {
    any: {
        401: 'Check username (the Boomi user the token belongs to, e.g. ci-bot@acme.example: BOOMI_TOKEN. is added for you) and api-token (a current Boomi API token: a token can be mistyped, expired or revoked).',
        403: `Check that the user may read this account's connector versions and that account-id is the account of this connector group. ${PRIVILEGES}; ${PUBLIC_PRIVILEGES}.`,
        404: `Check account-id, and api-url: its host (EU: ${contract/* EU_API_URL */.mb}) and its path prefix, or give the host alone so that the prefix is found.`,
        410: 'Boomi has retired this endpoint: check api-url and its prefix, and look for a newer release.',
        429: 'Boomi is busy or rate-limiting this account; lower requests-per-second if this persists.',
        503: 'Boomi is busy or rate-limiting this account; lower requests-per-second if this persists.'
    },
    create: {
        400: GROUP_EXISTS,
        403: `Check that the user may upload connector versions in this account. ${PRIVILEGES}; ${PUBLIC_PRIVILEGES}; creating a connector from an archive also needs the SDK Publisher Agreement, signed for the account.`,
        404: GROUP_EXISTS
    },
    delete: {
        403: `Check that the user may delete connector versions in this account. ${PRIVILEGES}; ${PUBLIC_PRIVILEGES}.`,
        405: DELETE_FORM,
        415: DELETE_FORM
    },
    'version change': {
        403: `Check that the user may switch classification '{subject}'. ${PRIVILEGES}; ${PUBLIC_PRIVILEGES}. For a PUBLIC classification the change is a release request: it needs the Connector Submission privilege and the SDK Publisher Agreement, signed for the account.`,
        400: "Check that classification '{subject}' exists for this group in the Developer tab and that the version is live.",
        404: "Check that classification '{subject}' exists for this group in the Developer tab and that the version is live."
    }
};
/** The hint for a refusal of `operation`; `partner` when the request went to the Partner API's prefix. */
function hintFor(operation, status, subject = '', partner = false) {
    const hint = (HINTS[operation]?.[status] ?? HINTS.any[status])?.replace('{subject}', subject);
    return hint && status === 403 && partner ? `${hint} ${PARTNER_API}` : hint;
}
/** What a refusal of the run's first request may mean under one prefix, for the error that gives both answers. */
function prefixMeaning(status, partner) {
    switch (status) {
        case 401:
            return 'the credentials were refused: username or api-token is wrong, or the token expired or was revoked';
        case 403:
            return partner
                ? 'the Partner API may not be enabled for this account (Boomi enables it on request), or the user lacks privileges'
                : 'the user may lack the Developer and API privileges, or account-id is not an account the user may reach';
        case 410:
            return 'Boomi has retired this path';
        default:
            return `nothing is served there for this account: check account-id and the host (EU: ${contract/* EU_API_URL */.mb})`;
    }
}
/**
 * What to check once every prefix refused: the user name's form after a 401; and, after a
 * 401 or 403 on any host but the EU one, that host, since credentials are refused by a
 * platform that does not hold the account.
 */
function afterRefusals(host, refusals) {
    const statuses = new Set(refusals.map(r => r.error.status));
    const refusedCredentials = statuses.has(401) || statuses.has(403);
    return [
        statuses.has(401) ? HINTS.any[401] : undefined,
        refusedCredentials && host !== contract/* EU_API_URL */.mb ? `If the account is on Boomi's EU platform, set api-url to ${contract/* EU_API_URL */.mb}.` : undefined
    ].filter((line) => line !== undefined);
}
/**
 * Every path prefix refused the run's first request, so nothing was sent that
 * changes anything (docs/behaviour.md, "Finding the prefix"). Not a
 * BoomiError: asking again would not change the answers.
 */
class PrefixNotFoundError extends Error {
    host;
    refusals;
    constructor(host, refusals) {
        const answers = refusals.map(({ prefix, error }) => `${prefix} answered HTTP ${error.status}${error.boomiMessage ? ` (${error.boomiMessage})` : ''}: ${prefixMeaning(error.status, prefix === contract/* PARTNER_PREFIX */.K1)}`);
        super((0,errors/* sentences */.hC)(`Boomi refused the listing under every path prefix of ${host}, so nothing was changed. ${answers.join('; ')}.`, ...afterRefusals(host, refusals)), {
            cause: refusals[refusals.length - 1]?.error
        });
        this.host = host;
        this.refusals = refusals;
        this.name = 'PrefixNotFoundError';
    }
}
/**
 * `secrets`: the token, `user:token` and the Basic value; their usual encodings and fragments are scrubbed too.
 * `context.partner`: the request went to the Partner API's prefix, which changes what a 403 may mean.
 */
function toBoomiError(operation, res, now, secrets = [], context = {}) {
    const message = boomiWords(parseErrorMessage(res.text, String(res.headers['content-type'] ?? '')), secrets);
    const hint = res.status >= 300 && res.status < 400 ? redirectHint(res.headers.location, secrets) : hintFor(operation, res.status, context.subject, context.partner);
    return new errors/* BoomiError */.JE(operation, res.status, message, retryAfterOf(res.headers, now), hint);
}
/** Boomi's API answers where it is asked: a redirect says api-url names something else. Never followed, so the token stays here. */
function redirectHint(location, secrets) {
    const to = typeof location === 'string' && location ? ` to ${boomiWords(location, secrets)}` : '';
    return `The answer redirects${to}, which Boomi's API does not do: check api-url (a host of the API such as ${contract/* DEFAULT_API_URL */.rK}, or for the EU ${contract/* EU_API_URL */.mb}, not the web pages). Redirects are not followed, so the credentials went nowhere else.`;
}
/**
 * Text Boomi wrote (an error's message, a version change's reviewReason) as a
 * message may carry it: one line, scrubbed of credentials, cut, and made inert
 * for the log, since it goes mid-sentence into lines that may reach `::error::`.
 */
function boomiWords(raw, secrets) {
    return (0,untrusted/* forLog */.Ig)((0,untrusted/* cut */.Jj)((0,untrusted/* scrubSecrets */.Zg)((0,untrusted/* cut */.Jj)((0,untrusted/* oneLine */.TN)(raw), SCRUB_WINDOW), (0,untrusted/* secretForms */.eo)(secrets)), MAX_ERROR_TEXT));
}
/** The wait an answer's Retry-After asks for, in ms from `now`: the pacer and the refusal both read it. The first, if it came twice. */
function retryAfterOf(headers, now) {
    const value = headers['retry-after'];
    return (0,net_retry/* parseRetryAfter */.mu)(Array.isArray(value) ? value[0] : value, now);
}
/** Reads Boomi's four error shapes; falls back to the raw text, on one line. Not cut: scrub first, then cut. */
function parseErrorMessage(text, contentType = '') {
    const body = text.trim();
    if (!body)
        return '';
    if (body.startsWith('{') || contentType.includes('json')) {
        const message = jsonMessage(body);
        if (message)
            return message;
    }
    if (body.startsWith('<')) {
        // The first <message> and the first close after it, found in linear time: a lazy pattern
        // rescans to the end from every opening, and an answer of 16 MiB of openings took hours.
        const open = body.search(/<message>/i);
        const start = open + '<message>'.length;
        const close = open < 0 ? -1 : body.slice(start).search(/<\/message>/i);
        if (close >= 0)
            return decodeXml(body.slice(start, start + Math.min(close, SCRUB_WINDOW))).trim();
    }
    return body.replace(/\s+/g, ' ');
}
function jsonMessage(body) {
    try {
        const json = JSON.parse(body);
        const nested = json?.error;
        const candidate = (typeof json?.message === 'string' && json.message) ||
            (nested && typeof nested === 'object' && typeof nested.message === 'string' && nested.message) ||
            (typeof nested === 'string' && nested);
        return candidate ? candidate.trim() : undefined;
    }
    catch {
        return undefined; // not JSON after all
    }
}
function decodeXml(text) {
    return text
        .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./src/net/transport.ts





/**
 * No Boomi answer comes near this (a full page is 100 versions with change logs
 * of a few KB); an answer beyond it is refused while it streams, so a broken or
 * hostile server cannot make the run hold it in memory.
 */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
/**
 * Sends requests with node's http(s) over the agent `agentFor` chooses. Node's
 * request is used directly (rather than HttpClient.request) to enforce a limit
 * on the whole request, abort it cleanly, bound the answer, and stream a body
 * of known length without buffering it.
 */
function createTransport(userAgent, options = {}) {
    const direct = { http: new external_node_http_.Agent({ keepAlive: true }), https: new external_node_https_.Agent({ keepAlive: true }) };
    const agentFor = options.agentFor ?? ((url) => (url.startsWith('https:') ? direct.https : direct.http));
    const maxAnswerBytes = options.maxAnswerBytes ?? MAX_ANSWER_BYTES;
    return async (req) => {
        await req.beforeConnect?.();
        return exchange(req, requestOptions(req, userAgent, agentFor(req.url.href)), maxAnswerBytes);
    };
}
function requestOptions(req, userAgent, agent) {
    const isHttps = req.url.protocol === 'https:';
    const headers = { ...req.headers, 'User-Agent': userAgent };
    if (typeof req.body === 'string') {
        headers['Content-Length'] = Buffer.byteLength(req.body);
    }
    else if (req.body) {
        Object.assign(headers, req.body.headers);
        headers['Content-Length'] = req.body.length;
    }
    return {
        method: req.method,
        host: req.url.hostname.replace(/^\[|\]$/g, ''),
        port: req.url.port || (isHttps ? 443 : 80),
        path: req.url.pathname + req.url.search,
        headers,
        agent
    };
}
function exchange(req, options, maxAnswerBytes) {
    return new Promise((resolve, reject) => {
        let sent = false;
        let settled = false;
        const settle = (err, answer) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            if (err)
                reject(err);
            else
                resolve(answer);
            // An answer before the body's end (a 503 or 413 on the headers): the rest is not wanted, and a
            // server that stops reading would hold the body, the socket and the process for good.
            if (err || !request.writableFinished)
                request.destroy();
        };
        const fail = (code, detail) => settle(new errors/* NetworkError */.Dr(req.operation, code, detail, !sent));
        const request = (req.url.protocol === 'https:' ? external_node_https_ : external_node_http_).request(options, res => {
            // Nothing was asked yet, so this is no answer to it: a server closing an idle kept-alive connection (a 408).
            if (!sent)
                return fail('ECONNRESET', 'the connection was closed before the request was sent');
            readAnswer(req.operation, res, maxAnswerBytes, settle);
        });
        request.on('error', err => fail(errorCode(err), describeNetworkError(err)));
        const started = Date.now();
        const limit = (ms) => setTimeout(() => fail('ETIMEDOUT', `no complete answer within ${req.timeoutMs / 1000} s (timeout-seconds)`), ms);
        let timer = limit(req.timeoutMs);
        const write = () => {
            if (settled)
                return;
            sent = true;
            writeBody(request, req.body, err => settle(err));
        };
        // Nothing is written until the connection is ready: headers go out with the first write.
        whenReady(request, () => {
            if (!req.beforeSend)
                return write();
            // The wait for a pacer slot is not the request's: its time stops until the slot is taken.
            clearTimeout(timer);
            const spent = Date.now() - started;
            req.beforeSend().then(() => {
                if (settled)
                    return;
                timer = limit(req.timeoutMs - spent);
                write();
            }, 
            // The pacer's own failure (a cancelled run) is the request's, as it is.
            (err) => settle(err instanceof Error ? err : new Error(String(err))));
        });
    });
}
/** Collects the answer up to the limit; beyond it the socket is destroyed and the answer refused. */
function readAnswer(operation, res, maxBytes, settle) {
    const tooLarge = () => {
        settle(new errors/* AnswerError */.dV(operation, `the answer is larger than ${(0,src_text/* exactBytes */.X2)(maxBytes)}, the most this release reads of one answer`));
        res.destroy();
    };
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes)
        return tooLarge();
    const chunks = [];
    let total = 0;
    res.on('data', (chunk) => {
        total += chunk.length;
        if (total > maxBytes)
            return tooLarge();
        chunks.push(chunk);
    });
    res.on('error', err => settle(new errors/* NetworkError */.Dr(operation, errorCode(err), `the answer was cut off (${err.message})`, false)));
    res.on('aborted', () => settle(new errors/* NetworkError */.Dr(operation, 'ECONNRESET', 'the answer was cut off', false)));
    res.on('end', () => settle(undefined, { status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
}
function writeBody(request, body, onBodyError) {
    if (body === undefined || typeof body === 'string') {
        request.end(body);
        return;
    }
    // The body's own error (a local failure) is the request's: never counted as a lost answer.
    body.writeTo(request).then(() => request.end(), (err) => onBodyError(err instanceof Error ? err : new Error(String(err))));
}
function whenReady(request, onReady) {
    let ready = false;
    const once = () => {
        if (ready)
            return;
        ready = true;
        onReady();
    };
    request.on('socket', socket => {
        if (request.reusedSocket)
            once();
        else if (socket instanceof external_node_tls_.TLSSocket) {
            if (handshakeDone(socket))
                once();
            else
                socket.once('secureConnect', once);
        }
        else if (socket.connecting)
            socket.once('connect', once);
        else
            once();
    });
}
function handshakeDone(socket) {
    // Both stay unset until the handshake ends (getProtocol() answers earlier, so it cannot tell).
    return socket.authorized || socket.authorizationError != null;
}
/**
 * The code of a NetworkError for a tunnel the proxy refused with 407 (credentials wanted or wrong)
 * or 403 (not allowed): the same request would be refused again, and nothing reached Boomi.
 */
const PROXY_REFUSED = 'EPROXYREFUSED';
/** The status a proxy refused the tunnel with: the proxy agent reports it as a reset, in its message only. */
function proxyStatus(err) {
    const status = /tunneling socket could not be established, statusCode=(\d+)/i.exec(err.message)?.[1];
    return status === undefined ? undefined : Number(status);
}
function errorCode(err) {
    const proxy = proxyStatus(err);
    if (proxy === 407 || proxy === 403)
        return PROXY_REFUSED;
    return err.code ?? 'ERROR';
}
function describeNetworkError(err) {
    const code = errorCode(err);
    // Never the proxy's URL: it may hold credentials.
    if (code === PROXY_REFUSED)
        return `the proxy refused the connection (${err.message}). Check HTTPS_PROXY (or https_proxy) and the credentials in it`;
    // The proxy agent reports a refused CONNECT as a reset; its message says what the proxy answered.
    if (/tunneling socket/i.test(err.message))
        return `the proxy refused the connection (${err.message})`;
    if (code === 'ECONNRESET' || err.message === 'socket hang up')
        return 'the connection was dropped before an answer came';
    if (code === 'ECONNREFUSED')
        return `the connection was refused (${err.message})`;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        return `the host name could not be resolved (${err.message}). Check the host in api-url, e.g. https://api.boomi.com, or https://api.platform.gb.boomi.com for the EU platform`;
    }
    return err.message || code;
}

;// CONCATENATED MODULE: ./src/boomi/failures.ts
// Every failure of a request to Boomi, read once into the kinds the retry
// strategy knows (src/net/retry.ts): the network layer never learns Boomi's
// error classes, and no caller reads a status to decide whether to retry.


/** How many tries a name that does not resolve for now (EAI_AGAIN) gets in all, however high max-attempts is. */
const NAME_RESOLUTION_TRIES = 2;
/** The operations that change something in the account. */
const CHANGES = new Set(['create', 'delete', 'version change']);
/** A certificate that fails verification will fail the same way next time. */
const CERTIFICATE_FAILURE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;
function classifyFailure(err) {
    if (err instanceof errors/* NetworkError */.Dr) {
        // Only a request never written proves nothing reached Boomi.
        const mayHaveTakenEffect = !err.notSent;
        if (CERTIFICATE_FAILURE.test(err.code))
            return { kind: 'client-error', mayHaveTakenEffect, label: err.code };
        // A host name that does not resolve is far more often a mistyped api-url than a passing fault:
        // ENOTFOUND ("no such name") is not retried, EAI_AGAIN ("try again later") gets one more try.
        if (err.code === 'ENOTFOUND')
            return { kind: 'client-error', mayHaveTakenEffect: false, label: err.code };
        // A proxy that refused the tunnel (407, 403) refuses the next one too; nothing reached Boomi.
        if (err.code === PROXY_REFUSED)
            return { kind: 'client-error', mayHaveTakenEffect: false, label: err.code };
        if (err.code === 'EAI_AGAIN')
            return { kind: 'transient', mayHaveTakenEffect: false, label: err.code, maxTries: NAME_RESOLUTION_TRIES };
        return { kind: 'transient', mayHaveTakenEffect, label: err.code };
    }
    if (err instanceof errors/* BoomiError */.JE) {
        const label = `HTTP ${err.status}`;
        const retryAfterMs = err.retryAfterMs;
        // "Not now": the account's rate limit or a busy Boomi; nothing was done.
        if (err.status === 503 || err.status === 429)
            return { kind: 'throttling', mayHaveTakenEffect: false, retryAfterMs, label };
        // A 500, 502 or 504 may come from a gateway after the work was done.
        if (err.status >= 500)
            return { kind: 'server-error', mayHaveTakenEffect: true, retryAfterMs, label };
        return { kind: 'client-error', mayHaveTakenEffect: false, label };
    }
    if (err instanceof errors/* OutcomeUnknownError */.Do)
        return { kind: 'client-error', mayHaveTakenEffect: true, label: err.name };
    // An answer not understood (a 2xx that is not what Boomi documents, or one too large to read) to a
    // request that changes something: Boomi may well have done it, and asking again would not help.
    if (err instanceof errors/* AnswerError */.dV)
        return { kind: 'client-error', mayHaveTakenEffect: CHANGES.has(err.operation), label: err.name };
    // An archive that changed, a cancelled run, a bug: asking again would not help.
    return { kind: 'client-error', mayHaveTakenEffect: false, label: err instanceof Error ? err.name : 'error' };
}
/** A failure after which asking again may succeed. */
function isRetryable(err) {
    return classifyFailure(err).kind !== 'client-error';
}
/** A failure that may nonetheless have done the work (see classifyFailure). */
function mayHaveTakenEffect(err) {
    return classifyFailure(err).mayHaveTakenEffect;
}

;// CONCATENATED MODULE: ./src/boomi/client.ts











/** The hint for an answer not understood after others were: not api-url, but a shape this release does not know. */
const NEW_SHAPE = "Boomi's API has answered this run before, so api-url is right: this answer has a shape this release does not read, and nothing was decided on it. Please report it, naming release " +
    constants/* ACTION_VERSION */.Yt +
    '.';
/** Answer headers about the API itself (docs/boomi-api.md, "Errors and statuses"): each one is a warning, once per operation. */
const NOTICE_HEADERS = ['Deprecation', 'Sunset', 'Warning', 'Link'];
/** Longest header value kept: they are outside text. */
const MAX_NOTICE_VALUE = 300;
class HttpBoomiClient {
    opts;
    /** The API root that serves the run, once known: a host with its path prefix. */
    root;
    /** Whether Boomi has answered 2xx at `root`: an api-url with a path is known from the start, not proved. */
    answered = false;
    /** Prefixes that refused the first request: never asked again in this run, retries included. */
    refused = new Map();
    authorization;
    secrets;
    secretForms;
    notices = [];
    strategy;
    /** An answer of this run was understood: Boomi's API is where api-url says. */
    understood = false;
    constructor(opts) {
        this.opts = opts;
        this.strategy = opts.retry instanceof net_retry/* RetryStrategy */.aS ? opts.retry : new net_retry/* RetryStrategy */.aS(opts.retry);
        this.root = opts.findPrefix ? undefined : opts.apiUrl;
        const basic = Buffer.from(`${opts.username}:${opts.apiToken}`).toString('base64');
        this.authorization = `Basic ${basic}`;
        // The token, also upper-cased (as an unknown review status is kept, and shown), and the Basic value. Not the
        // user name, which is no secret: scrubbing its pieces hid it where the 401 hint asks the user to check it.
        this.secrets = [opts.apiToken, opts.apiToken.toUpperCase(), basic];
        this.secretForms = (0,untrusted/* secretForms */.eo)(this.secrets);
    }
    async listGroup(groupType) {
        // A queryMore token is single-use; if Boomi rejects a retried one, the listing starts over.
        for (let restart = 0;; restart++) {
            const pages = new ListingPages(groupType);
            const first = await this.retried('query', () => this.send({ operation: 'query', method: 'POST', path: contract/* PATHS */.R7.query, body: (0,contract/* queryBody */.Dg)(groupType), contentType: 'application/json' }));
            let token = this.takePage(pages, first, 'query');
            while (token !== undefined) {
                const next = await this.nextPage(token, restart, groupType);
                if (next === undefined)
                    break;
                token = this.takePage(pages, next, 'queryMore');
            }
            if (token === undefined)
                return this.finishListing(pages, groupType);
        }
    }
    takePage(pages, text, operation) {
        const token = this.read(() => pages.add(readQueryPage(text, operation), operation));
        this.opts.log.debug(`${operation}: ${pages.received} versions so far (numberOfResults: ${pages.lastCount ?? 'none'})`);
        return token;
    }
    /** The next page's text, or undefined when a retry used up the token and the listing must start again. */
    async nextPage(token, restart, groupType) {
        let retriedToken = false;
        try {
            return await this.retried('queryMore', n => {
                retriedToken = n > 1;
                return this.send({ operation: 'queryMore', method: 'POST', path: contract/* PATHS */.R7.queryMore, body: token, contentType: 'text/plain' });
            });
        }
        catch (err) {
            const rejectedAfterRetry = retriedToken && err instanceof errors/* BoomiError */.JE && err.status >= 400 && err.status < 500;
            if (rejectedAfterRetry && restart + 1 < this.strategy.maxAttempts) {
                this.opts.log.info(`queryMore: the page token was used up by a failed attempt; listing ${(0,untrusted/* forLog */.Ig)(groupType)} again from the start`);
                return undefined;
            }
            throw err;
        }
    }
    finishListing(pages, groupType) {
        const { versions, foreign, countNote } = pages.finish('query');
        if (countNote)
            this.opts.log.warning((0,untrusted/* forLog */.Ig)(`The listing of ${groupType}: ${countNote}; the versions listed are used as they are.`));
        if (foreign.length > 0) {
            const shown = foreign
                .slice(0, 20)
                .map(id => JSON.stringify(id))
                .join(', ');
            this.opts.log.warning((0,untrusted/* forLog */.Ig)(`The listing of ${groupType} held ${(0,src_text/* plural */.LS)(foreign.length, 'version')} of other groups, left out: ${shown}${foreign.length > 20 ? ', …' : ''}`));
        }
        return versions.map(v => this.scrubbed(v));
    }
    /**
     * A version's describing fields and its review status, which are shown and output as they
     * are, scrubbed of the credentials as Boomi's error text is. A status scrubbed can only
     * become one not known, which protects. The change log is not: its trailer is identity.
     */
    scrubbed(version) {
        const out = { ...version };
        for (const key of ['displayVersion', 'uploadedBy', 'deletedDate', 'carLink', 'reviewStatus']) {
            const value = out[key];
            if (value !== undefined && value.length >= untrusted/* MIN_SECRET_FRAGMENT */.nv)
                out[key] = (0,untrusted/* scrubSecrets */.Zg)(value, this.secretForms);
        }
        return out;
    }
    async createVersion(groupType, body) {
        const text = await this.send({ operation: 'create', method: 'POST', path: contract/* PATHS */.R7.create, body });
        return this.scrubbed(this.read(() => readCreatedVersion(text, groupType)));
    }
    /**
     * An answer read; once one was understood in this run, api-url is right, so an answer not
     * understood after it says so instead of pointing at api-url: its shape is one this release does not read.
     */
    read(reader) {
        try {
            const value = reader();
            this.understood = true;
            return value;
        }
        catch (err) {
            if (!(err instanceof errors/* AnswerError */.dV) || !this.understood)
                throw err;
            throw new errors/* AnswerError */.dV(err.operation, err.problem, NEW_SHAPE);
        }
    }
    async deleteVersion(groupType, versionId, wanted) {
        const { method, path, body } = (0,contract/* deleteRequest */.Fb)(groupType, versionId);
        try {
            await this.retriedChange(`delete ${versionId}`, { operation: 'delete', method, path, body, contentType: 'application/json', wanted });
            return { outcome: 'deleted' };
        }
        catch (err) {
            // A refusal after a lost answer may only mean the first attempt already deleted it;
            // a retry taken back unsent says nothing, so the lost attempt's failure is the one to tell.
            if (err instanceof errors/* OutcomeUnknownError */.Do)
                return { outcome: 'unknown', error: err.last instanceof errors/* WithdrawnError */.jG ? err.earlier : err.last };
            if (classifyFailure(err).mayHaveTakenEffect)
                return { outcome: 'unknown', error: err };
            throw err;
        }
    }
    async changeVersion(classificationType, versionId, releaseNotes) {
        const body = (0,contract/* versionChangeBody */.N$)(classificationType, versionId, releaseNotes);
        const text = await this.retriedChange(`version change ${classificationType}`, { operation: 'version change', method: 'POST', path: contract/* PATHS */.R7.versionChange, body, contentType: 'application/json' }, classificationType);
        const change = this.read(() => readVersionChange(text, classificationType, versionId));
        return change.reviewReason === undefined ? change : { ...change, reviewReason: boomiWords(change.reviewReason, this.secrets) };
    }
    /**
     * A request that changes something, retried like every request. Once an attempt may have done
     * the work, a later failure that cannot have (a refusal of the repeat, a cancel in the wait, a
     * retry taken back) does not say it was not done: it fails as an OutcomeUnknownError with both.
     */
    async retriedChange(what, call, subject) {
        let mayHaveDone;
        try {
            return await this.retried(what, async () => {
                try {
                    return await this.send(call, subject);
                }
                catch (err) {
                    if (classifyFailure(err).mayHaveTakenEffect)
                        mayHaveDone = err;
                    throw err;
                }
            });
        }
        catch (err) {
            if (mayHaveDone !== undefined && !classifyFailure(err).mayHaveTakenEffect)
                throw new errors/* OutcomeUnknownError */.Do(call.operation, err, mayHaveDone);
            throw err;
        }
    }
    retried(what, attempt) {
        return (0,net_retry/* withRetries */.LH)((0,untrusted/* forLog */.Ig)(what), this.strategy, classifyFailure, attempt);
    }
    /** Which API root answered, and what Boomi said about its API in answer headers. */
    contact() {
        return {
            apiUrl: this.answered ? this.root : undefined,
            found: this.opts.findPrefix !== undefined && this.root !== undefined,
            refused: [...this.refused].map(([prefix, err]) => ({ prefix, status: err.status })),
            notices: [...this.notices]
        };
    }
    /** One paced request; answers 2xx with the body text, anything else as a BoomiError. */
    async send(call, subject) {
        if (this.root !== undefined)
            return this.sendTo(this.root, call, subject);
        return this.findRoot(call);
    }
    /**
     * The run's first request, under each prefix in turn until one answers 2xx,
     * which then serves the rest of the run. A refusal that may mean "not this
     * prefix" moves on to the next; anything else (a 5xx, a dropped connection)
     * is the caller's to retry, and the retry comes back here.
     */
    async findRoot(call) {
        if (call.operation !== 'query')
            throw new Error(`The ${call.operation} request came before the API path prefix was found; the listing must come first.`);
        for (const prefix of this.opts.findPrefix ?? []) {
            if (this.refused.has(prefix))
                continue;
            const root = this.opts.apiUrl + prefix;
            let text;
            try {
                text = await this.sendTo(root, call);
            }
            catch (err) {
                if (!(err instanceof errors/* BoomiError */.JE) || !(0,contract/* isWrongPrefix */.I6)(err.status))
                    throw err;
                this.refused.set(prefix, err);
                continue;
            }
            this.root = root;
            this.sayFound(root);
            return text;
        }
        throw new PrefixNotFoundError(this.opts.apiUrl, [...this.refused].map(([prefix, error]) => ({ prefix, error })));
    }
    sayFound(root) {
        if (this.refused.size === 0) {
            this.opts.log.info(`Boomi answered at ${root}; setting api-url to ${root} would pin this path prefix.`);
            return;
        }
        const refusals = [...this.refused].map(([prefix, err]) => `${prefix} answered HTTP ${err.status}`).join(', ');
        this.opts.log.warning(`Boomi answered at ${root} after ${refusals}; set api-url to ${root} to skip that request on every run.`);
    }
    async sendTo(root, call, subject) {
        const headers = { Authorization: this.authorization, Accept: 'application/json' };
        if (call.contentType)
            headers['Content-Type'] = call.contentType;
        this.opts.log.debug(`${call.method} ${call.path}`);
        const res = await this.opts.transport({
            operation: call.operation,
            method: call.method,
            url: new URL(`${root}/${encodeURIComponent(this.opts.accountId)}${call.path}`),
            headers,
            body: call.body,
            timeoutMs: this.opts.timeoutMs,
            beforeConnect: () => this.opts.pacer.due(),
            beforeSend: async () => {
                await this.opts.pacer.take();
                if (call.wanted?.() === false)
                    throw new errors/* WithdrawnError */.jG(call.operation);
            }
        });
        const now = (this.opts.now ?? Date.now)();
        this.opts.pacer.observe(res.status, retryAfterOf(res.headers, now));
        this.noteHeaders(call.operation, res.headers);
        if (res.status >= 200 && res.status < 300) {
            this.answered = true;
            return res.text;
        }
        throw toBoomiError(call.operation, res, now, this.secrets, { subject, partner: new URL(root).pathname.startsWith(contract/* PARTNER_PREFIX */.K1) });
    }
    /** One warning per header per operation: Boomi may send the same header on every answer. */
    noteHeaders(operation, headers) {
        for (const header of NOTICE_HEADERS) {
            const raw = headers[header.toLowerCase()];
            if (raw === undefined || this.notices.some(n => n.operation === operation && n.header === header))
                continue;
            // Outside text: a server that echoes the credentials must not get them logged.
            const value = (0,untrusted/* cut */.Jj)((0,untrusted/* scrubSecrets */.Zg)((0,untrusted/* cut */.Jj)((0,untrusted/* oneLine */.TN)(Array.isArray(raw) ? raw.join(', ') : raw), 8 * MAX_NOTICE_VALUE), this.secretForms), MAX_NOTICE_VALUE);
            this.notices.push({ operation, header, value });
            const why = header === 'Deprecation' || header === 'Sunset' ? 'Boomi may retire this endpoint; look for a newer release.' : '';
            this.opts.log.warning((0,untrusted/* forLog */.Ig)((0,errors/* sentences */.hC)(`Boomi's answer to ${operation} carries ${header}: ${value}`, why)));
        }
    }
}

// EXTERNAL MODULE: ./src/domain/outputs.ts
var outputs = __webpack_require__(1334);
// EXTERNAL MODULE: ./src/domain/record.ts
var record = __webpack_require__(6403);
// EXTERNAL MODULE: ./src/domain/summary.ts
var summary = __webpack_require__(5260);
// EXTERNAL MODULE: ./src/net/pacer.ts
var net_pacer = __webpack_require__(7960);
// EXTERNAL MODULE: ./src/domain/changelog.ts
var changelog = __webpack_require__(6054);
;// CONCATENATED MODULE: ./src/domain/changelog-file.ts
// Picks the release notes out of a Markdown changelog (docs/behaviour.md, "Change log from a file"): the
// section for the tag being released; for a run that is not for a tag, the
// newest released section. Read
// the way Keep a Changelog and most hand-kept files are written: `##` headings
// that name a version, newest first, an optional "Unreleased" on top.



/** A changelog is text a person keeps; anything larger is the wrong file. */
const MAX_CHANGE_LOG_FILE_BYTES = 1024 * 1024;
// One version: digits with at least one dot, an optional pre-release and build (SemVer's shape, loosely).
const VERSION = String.raw `\d+(?:\.\d+)+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?`;
const HEADING_VERSION = new RegExp(`^v?(${VERSION})$`, 'i');
// A tag may carry a name before the version: `v1.2.3`, `1.2.3`, `acme-v1.2.3`, `release/1.2.3`.
// The prefix is tried last (`??`): `v1.0.0-0.3.7` is 1.0.0-0.3.7, not 0.3.7 after a prefix `v1.0.0-`.
const TAG_VERSION = new RegExp(`^(?:.*?[/@_-])??v?(${VERSION})$`, 'i');
const MAX_REF_LENGTH = 255;
/** The version a tag ref names; undefined for a branch, a pull request, or a name that is no version. */
function tagVersion(refName) {
    let name = refName?.trim() ?? '';
    if (name.length === 0 || name.length > MAX_REF_LENGTH)
        return undefined;
    if (name.startsWith('refs/')) {
        if (!name.startsWith('refs/tags/'))
            return undefined;
        name = name.slice('refs/tags/'.length);
    }
    return TAG_VERSION.exec(name)?.[1];
}
/** The first version a heading names: `[1.2.3] - date`, `v1.2.3`, `[1.2.3](link) - date`, `1.2.3 (date)`. */
function headingVersion(heading) {
    const withoutTargets = heading.replace(/\]\([^)]*\)/g, ']');
    for (const token of withoutTargets.split(/[\s[\]()]+/)) {
        const m = HEADING_VERSION.exec(token.replace(/[:,;]+$/, ''));
        if (m)
            return m[1];
    }
    return undefined;
}
function isUnreleased(heading) {
    return /^\[?\s*unreleased\b/i.test(heading);
}
/** A fence opener per CommonMark: up to three spaces, then three or more backticks or tildes. */
function fenceOf(line) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (!m)
        return undefined;
    // A backtick fence's info string may not hold a backtick; such a line is inline code, not a fence.
    if (m[1][0] === '`' && line.slice(m[0].length).includes('`'))
        return undefined;
    return m[1];
}
function closesFence(line, open) {
    const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
    return m !== null && m[1][0] === open[0] && m[1].length >= open.length;
}
/** Longer headings are cut before they are read, so no pattern runs over a hostile megabyte line. */
const MAX_HEADING_LENGTH = 1000;
/** Drops an ATX closing sequence (`## 1.2.3 ##`); a loop, not a pattern, to stay linear. */
function withoutClosingHashes(text) {
    let end = text.length;
    while (end > 0 && text[end - 1] === '#')
        end--;
    if (end === text.length || (end > 0 && text[end - 1] !== ' ' && text[end - 1] !== '\t'))
        return text;
    return text.slice(0, end).trimEnd();
}
/** A level-1 or level-2 ATX heading's text, or undefined. Level 1 ends a section without starting one. */
function headingOf(line) {
    const m = /^ {0,3}(#{1,2})(?:[ \t]|$)/.exec(line);
    if (!m)
        return undefined;
    const text = withoutClosingHashes(line.slice(m[0].length, m[0].length + MAX_HEADING_LENGTH).trim());
    return { level: m[1].length, text };
}
function splitSections(markdown) {
    const sections = [];
    let current;
    let fence;
    for (const line of markdown.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)) {
        if (fence) {
            if (closesFence(line, fence))
                fence = undefined;
        }
        else {
            fence = fenceOf(line);
            const heading = fence ? undefined : headingOf(line);
            if (heading) {
                current = heading.level === 2 ? { heading: heading.text, version: headingVersion(heading.text), body: [] } : undefined;
                if (current)
                    sections.push(current);
                continue;
            }
        }
        current?.body.push(line);
    }
    return sections;
}
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*\S/;
function isBlank(line) {
    return line.trim() === '';
}
/**
 * The body without blank lines at either end; for the file's last section,
 * without the link definitions that close the file.
 */
function bodyText(section, last) {
    const lines = [...section.body];
    // Link definitions render as nothing: a body of only those is empty wherever it is.
    if (lines.every(line => isBlank(line) || LINK_DEFINITION.test(line)))
        return '';
    while (lines.length > 0 && (isBlank(lines[lines.length - 1]) || (last && LINK_DEFINITION.test(lines[lines.length - 1]))))
        lines.pop();
    while (lines.length > 0 && isBlank(lines[0]))
        lines.shift();
    return lines.join('\n');
}
const MAX_HEADINGS_NAMED = 5;
const MAX_HEADING_SHOWN = 80;
function describeHeadings(sections, texts) {
    if (sections.length === 0)
        return "it has no '## ' headings";
    const named = sections.slice(0, MAX_HEADINGS_NAMED).map((s, i) => {
        const why = isUnreleased(s.heading) ? ' (unreleased)' : texts[i] === '' ? ' (empty)' : '';
        return `'## ${(0,untrusted/* cut */.Jj)(s.heading, MAX_HEADING_SHOWN)}'${why}`;
    });
    const more = sections.length > MAX_HEADINGS_NAMED ? ` and ${sections.length - MAX_HEADINGS_NAMED} more` : '';
    return `headings seen: ${named.join(', ')}${more}`;
}
function tooLarge(markdown) {
    // Cheap test first: every UTF-16 unit takes at least one UTF-8 byte.
    return markdown.length > MAX_CHANGE_LOG_FILE_BYTES || Buffer.byteLength(markdown, 'utf8') > MAX_CHANGE_LOG_FILE_BYTES;
}
/**
 * The section to release with. A run for a tag takes the section whose heading
 * names the tag's version, and a tag with no such section (or an empty one) is
 * an error rather than a reason to send an older version's notes. Any other
 * run takes the first section that is not "Unreleased" and has a body.
 */
function pickSection(markdown, refName) {
    if (tooLarge(markdown)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.changeLogFile, `Invalid ${constants/* Input */.pd.changeLogFile}: the file is larger than ${MAX_CHANGE_LOG_FILE_BYTES} bytes. Point it at the changelog (e.g. CHANGELOG.md).`);
    }
    const sections = splitSections(markdown);
    const texts = sections.map((s, i) => bodyText(s, i === sections.length - 1));
    const tag = tagVersion(refName);
    const wanted = tag?.toLowerCase();
    const tagged = wanted === undefined ? -1 : sections.findIndex(s => s.version?.toLowerCase() === wanted);
    if (tag !== undefined && tagged < 0) {
        // Another version's notes would be published as this one's, in the change log and the release notes.
        throw new errors/* InputError */.dz(constants/* Input */.pd.changeLogFile, `Invalid ${constants/* Input */.pd.changeLogFile}: no section for version ${tag} of tag ${(0,untrusted/* cut */.Jj)(refName ?? '', MAX_HEADING_SHOWN)}; ${describeHeadings(sections, texts)}. Add a heading '## [${tag}] - <date>' with the release notes under it, or use ${constants/* Input */.pd.changeLog} instead.`);
    }
    if (tagged >= 0 && texts[tagged] === '') {
        throw new errors/* InputError */.dz(constants/* Input */.pd.changeLogFile, `Invalid ${constants/* Input */.pd.changeLogFile}: the section '## ${(0,untrusted/* cut */.Jj)(sections[tagged].heading, MAX_HEADING_SHOWN)}' for ${refName} is empty. Write the release notes under it.`);
    }
    const chosen = tagged >= 0 ? tagged : sections.findIndex((s, i) => !isUnreleased(s.heading) && texts[i] !== '');
    if (chosen < 0) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.changeLogFile, `Invalid ${constants/* Input */.pd.changeLogFile}: no section to release with; ${describeHeadings(sections, texts)}. Add a section such as '## 1.2.3' with the release notes under it, or use ${constants/* Input */.pd.changeLog} instead.`);
    }
    const { heading, version } = sections[chosen];
    return { heading, ...(version ? { version } : {}), text: texts[chosen], byTag: chosen === tagged };
}

;// CONCATENATED MODULE: ./src/orchestrator/inputs-phase.ts
// The phases that read the workspace: the archive (located, checked, hashed)
// and the change log file. Both come before the first request, so anything
// wrong with them is a bad input that costs no request (docs/behaviour.md, "Validation").








async function archivePhase(deps, pattern) {
    const { log, clock } = deps;
    const found = await deps.locateArchive(pattern);
    const shownPath = external_node_path_.relative(deps.workspace, found.path).split(external_node_path_.sep).join('/') || found.fileName;
    log.info(`Archive: ${shownPath} (${(0,src_text/* approxBytes */.SW)(found.size)})`);
    if (found.size > contract/* ARCHIVE_SIZE_GUIDANCE_BYTES */.id) {
        log.warning(`${shownPath} is ${(0,src_text/* approxBytes */.SW)(found.size)}, over Boomi's guidance of ${(0,src_text/* approxBytes */.SW)(contract/* ARCHIVE_SIZE_GUIDANCE_BYTES */.id)}; Boomi may refuse or slow down on it.`);
    }
    const started = clock.now();
    const { file, ...facts } = await deps.inspectArchive(found.path, shownPath);
    try {
        // The size the descriptor had when opened: what was hashed, and what the upload sends.
        return { archive: checked(deps, { ...found, size: file.size }, shownPath, facts, clock.now() - started), file };
    }
    catch (err) {
        await file.close();
        throw err;
    }
}
function checked(deps, found, shownPath, facts, ms) {
    const { log, inputs } = deps;
    const seconds = Math.max(ms, 1) / 1000;
    log.info(`sha256: ${facts.sha256} (${(0,src_text/* approxBytes */.SW)(found.size / seconds)}/s)`);
    log.info(`content-sha256: ${facts.contentSha256} (${facts.entries} entries)`);
    const { className, sdkApiVersion } = facts.connector;
    if (className || sdkApiVersion)
        log.info(`Connector: ${className ?? '?'} (sdkApiVersion ${sdkApiVersion ?? '?'})`);
    for (const warning of facts.layoutWarnings)
        log.warning(`${shownPath}: ${warning}`);
    if (inputs.expectedSha256 && facts.sha256 !== inputs.expectedSha256) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.expectedSha256, `The archive's sha256 is ${facts.sha256}, but ${constants/* Input */.pd.expectedSha256} is ${inputs.expectedSha256}. Nothing was uploaded. Check that the right archive was built, or update ${constants/* Input */.pd.expectedSha256}.`);
    }
    return { path: found.path, shownPath, fileName: found.fileName, size: found.size, ...facts };
}
/** The change log's text: the input, the file's section for this release, or (undefined) one made later from the workflow run. */
async function changeLogPhase(deps) {
    const found = await changeLogText(deps);
    if (!found)
        return undefined;
    const { text, dropped } = (0,changelog/* withoutTrailerLines */.bp)(found.text);
    if (dropped.length) {
        const from = found.source === 'file' ? `${constants/* Input */.pd.changeLogFile} ${deps.inputs.changeLogFile}` : constants/* Input */.pd.changeLog;
        deps.log.warning(`Dropped ${(0,src_text/* plural */.LS)(dropped.length, 'line')} of ${from} shaped like the trailer that identifies the archive: ${quoted(dropped)}. The true trailer is appended after the text.`);
    }
    return { ...found, text };
}
/** How many dropped lines the warning quotes: a change-log file of 1 MiB may hold thousands. */
const MAX_DROPPED_SHOWN = 5;
function quoted(lines) {
    return (0,src_text/* someOf */.yU)(lines.map(line => `'${(0,untrusted/* cut */.Jj)(line, 90)}'`), MAX_DROPPED_SHOWN);
}
async function changeLogText(deps) {
    const { inputs, log } = deps;
    if (inputs.changeLog !== undefined)
        return { text: inputs.changeLog, source: 'input' };
    if (!inputs.changeLogFile)
        return undefined;
    const outside = (how) => new errors/* InputError */.dz(constants/* Input */.pd.changeLogFile, `${constants/* Input */.pd.changeLogFile} '${inputs.changeLogFile}' ${how}. Give the path of a Markdown changelog inside the workspace, relative to it, e.g. CHANGELOG.md.`);
    let markdown;
    try {
        // Compared by real path before it is opened, and the real path is what is read.
        const file = await deps.findInWorkspace(inputs.changeLogFile);
        if ('outside' in file)
            throw outside(file.outside === 'as written' ? 'is outside the workspace' : 'leads outside the workspace through a symbolic link');
        markdown = await deps.readTextFile(file.path, MAX_CHANGE_LOG_FILE_BYTES);
    }
    catch (err) {
        if (err instanceof errors/* InputError */.dz)
            throw err;
        throw new errors/* InputError */.dz(constants/* Input */.pd.changeLogFile, `Cannot read ${constants/* Input */.pd.changeLogFile} '${inputs.changeLogFile}' (${(0,errors/* errorMessage */.gJ)(err)}). Give the path of a Markdown changelog relative to the workspace, e.g. CHANGELOG.md, and check it is checked out.`, { cause: err });
    }
    const section = pickSection(markdown, (await deps.runContext()).ref);
    if (section.byTag)
        log.info(`Change log: section '${section.heading}' of ${inputs.changeLogFile}`);
    else
        log.warning(`Change log: this run is not for a version tag, so it takes the newest released section, '${section.heading}' of ${inputs.changeLogFile}.`);
    return { text: section.text, source: 'file', section: section.heading };
}

;// CONCATENATED MODULE: ./src/orchestrator/journal.ts

let lastId = 0;
/** Reports `request` as sent; the function returned reports that its outcome is known. */
function sending(deps, request) {
    const id = ++lastId;
    deps.events.report({ type: 'sent', id, request });
    let open = true;
    return () => {
        if (open)
            deps.events.report({ type: 'answered', id });
        open = false;
    };
}
/** Thrown where a cancelled run stops (no new request is started). */
function stopIfCancelled(deps) {
    if (deps.signal?.aborted)
        throw new errors/* CancelledError */.cc();
}

;// CONCATENATED MODULE: ./src/orchestrator/listing.ts
// The run's one listing of the group: duplicate detection, version-id and
// pruning all read it (docs/behaviour.md, "Identity").

const CLASSIFICATION_SUFFIX = /-(dev|test|qa|sit|uat|stage|staging|preprod|prod|production)$/i;
async function listingPhase(deps) {
    const { inputs, log } = deps;
    const listing = await (await deps.client()).listGroup(inputs.groupType);
    const deleted = listing.filter(v => v.deleted).length;
    log.info(`${listing.length - deleted} live versions (${deleted} deleted ones also listed)`);
    if (listing.length === 0) {
        deps.events.report({ type: 'empty-group' });
        emptyGroup(deps);
    }
    return listing;
}
/**
 * Boomi answers an unknown group type with an empty listing, so an empty group
 * is named: a first upload, or a group-type spelled otherwise than on the
 * Developer tab (docs/behaviour.md, "First contact").
 */
function emptyGroup(deps) {
    const { inputs, log } = deps;
    const tab = 'the Type column of the Developer tab, without the classification';
    if (inputs.archive && inputs.dryRun) {
        // The real run's upload is what tells a first upload from a group that does not exist.
        log.warning(`Group ${inputs.groupType} has no versions, and Boomi lists a group that does not exist the same way: a dry run cannot tell. Check that the connector group exists (Developer tab, Add Connector Group) and that ${constants/* Input */.pd.groupType} is spelled as ${tab}.`);
    }
    else if (inputs.archive)
        log.info(`Group ${inputs.groupType} has no versions: this is its first upload, or ${constants/* Input */.pd.groupType} is spelled otherwise than ${tab}.`);
    else
        log.warning(`Group ${inputs.groupType} has no versions in account ${inputs.accountId}: check that ${constants/* Input */.pd.groupType} is spelled as ${tab}.`);
    const suffix = CLASSIFICATION_SUFFIX.exec(inputs.groupType);
    if (suffix) {
        log.warning(`Group ${inputs.groupType} has no versions, and its name ends with '${suffix[0]}', which looks like a classification. ${constants/* Input */.pd.groupType} is the connector type without its classification, e.g. ${inputs.groupType.slice(0, suffix.index)}.`);
    }
}

;// CONCATENATED MODULE: ./src/domain/plan.ts
// Pure decisions about a group's versions: which one an archive duplicates, and
// what pruning keeps, deletes and leaves alone. No I/O; the clock is an argument.



const DAY_MS = 86_400_000;
function uploadedAt(v) {
    return v.uploadedDate ? Date.parse(v.uploadedDate) : NaN;
}
function compareIdsDescending(a, b) {
    const numeric = /^\d+$/;
    if (numeric.test(a) && numeric.test(b)) {
        const x = BigInt(a);
        const y = BigInt(b);
        return x === y ? 0 : x > y ? -1 : 1;
    }
    return a === b ? 0 : a > b ? -1 : 1;
}
/** Newest first by `uploadedDate`; ties go to the larger numeric `versionId`. */
function newestFirst(a, b) {
    const byDate = uploadedAt(b) - uploadedAt(a);
    return byDate !== 0 && !Number.isNaN(byDate) ? byDate : compareIdsDescending(a.versionId, b.versionId);
}
function liveVersions(listing) {
    return listing.filter(v => v.deleted !== true);
}
/** Live versions whose change log carries this archive's `sha256` or `content-sha256` line, newest first. */
function findDuplicates(listing, ids) {
    const matched = liveVersions(listing)
        .map(v => ({ v, match: (0,changelog/* matchKind */.O4)(v.changeLog, ids) }))
        .filter((m) => m.match !== undefined)
        .sort((a, b) => newestFirst(a.v, b.v));
    return matched.length ? { versions: matched.map(m => m.v), match: matched[0].match } : undefined;
}
/**
 * After an upload whose answer was lost: a live version carrying this exact
 * archive's checksum line and this run's upload ID is this run's upload. A
 * rebuild's content line alone does not prove it, nor the checksum without
 * the ID: another run may have uploaded the same archive meanwhile, and its
 * version is its own; and no version from before the run carries the ID,
 * drawn afresh for it.
 */
function findLostUpload(listing, sha256, uploadId) {
    return liveVersions(listing)
        .filter(v => (0,changelog/* carriesUploadId */.eY)(v.changeLog, uploadId) && (0,changelog/* matchKind */.O4)(v.changeLog, { sha256 }) === 'sha256')
        .sort(newestFirst);
}
/**
 * Read to protect: a review status Boomi protects, or one we do not know (only
 * CANCELLED is known to allow deletion), and a release flag that is set or unclear.
 */
function protectionReason(v) {
    if (v.reviewStatus && contract/* PROTECTED_REVIEW_STATUSES */.VQ.has(v.reviewStatus))
        return `review status ${v.reviewStatus}`;
    if (v.reviewStatus && v.reviewStatus !== 'CANCELLED')
        return `review status ${v.reviewStatus} (not understood, so left alone)`;
    if (contract/* RELEASE_VERSION_IS_PROTECTED */.jM && v.releaseVersion === true)
        return 'release version';
    if (v.releaseVersion === 'unclear')
        return 'release version flag not understood, so left alone';
    return undefined;
}
/**
 * Left alone only because a field that decides was not understood, not
 * because Boomi would refuse: on first contact, the sign that Boomi writes a
 * value this release does not read (pruning can never delete such a version).
 */
function unreadDecidingField(v) {
    const status = v.reviewStatus;
    // Protected for a reason understood: Boomi would refuse its deletion whatever else is unclear.
    if ((status && contract/* PROTECTED_REVIEW_STATUSES */.VQ.has(status)) || (contract/* RELEASE_VERSION_IS_PROTECTED */.jM && v.releaseVersion === true))
        return false;
    const unknownStatus = !!status && status !== 'CANCELLED';
    return unknownStatus || v.releaseVersion === 'unclear' || Number.isNaN(uploadedAt(v));
}
function planPrune(req) {
    const plan = { keep: [], delete: [], skip: [] };
    const live = liveVersions(req.listing);
    const dated = live.filter(v => !Number.isNaN(uploadedAt(v)));
    for (const v of live) {
        if (!dated.includes(v) && v.versionId !== req.runVersionId)
            plan.skip.push({ version: v, reason: 'upload date missing or unreadable' });
    }
    // Only dated versions are sorted: one without a date compared by ID to them all would make
    // the order depend on the listing's wherever IDs and dates disagree.
    dated.sort(newestFirst);
    const run = live.find(v => v.versionId === req.runVersionId);
    if (run && req.runVersionUploaded) {
        // Uploaded by this run: the newest, whatever its date says.
        if (dated.includes(run))
            dated.splice(dated.indexOf(run), 1);
        dated.unshift(run);
    }
    else if (run && !dated.includes(run)) {
        // Reused, with no date to place it by: kept, after the others, so it takes none of their places.
        dated.push(run);
    }
    const places = Math.max(0, req.keepLatest - (req.pendingUpload ? 1 : 0));
    const minAge = req.minAgeDays === undefined ? undefined : { ms: req.minAgeDays * DAY_MS, days: (0,src_text/* plural */.LS)(req.minAgeDays, 'day') };
    dated.forEach((v, index) => {
        if (v.versionId === req.runVersionId) {
            plan.keep.push({ version: v, reason: req.runVersionUploaded ? 'uploaded by this run' : 'reused by this run' });
        }
        else if (index < places) {
            plan.keep.push({ version: v, reason: `among the newest ${req.keepLatest}` });
        }
        else if (minAge !== undefined && req.now - uploadedAt(v) < minAge.ms) {
            plan.keep.push({ version: v, reason: `younger than ${minAge.days}` });
        }
        else {
            const protectedBy = protectionReason(v);
            if (protectedBy)
                plan.skip.push({ version: v, reason: protectedBy });
            else
                plan.delete.push({ version: v, reason: `older than the newest ${req.keepLatest}${minAge !== undefined ? ` and ${minAge.days}` : ''}` });
        }
    });
    return plan;
}

;// CONCATENATED MODULE: ./src/orchestrator/prune.ts







function describe(v) {
    const parts = [v.displayVersion ? `display version ${v.displayVersion}` : undefined, v.uploadedDate ? `uploaded ${v.uploadedDate}` : undefined].filter(Boolean);
    return parts.length ? `${v.versionId} (${parts.join(', ')})` : v.versionId;
}
/** How many IDs a message names: a listing may hold thousands of matches. */
const MAX_IDS_SHOWN = 20;
function ids(versions) {
    return (0,src_text/* someOf */.yU)(versions.map(v => v.versionId), MAX_IDS_SHOWN);
}
/** The listing as it stands after these deletions: new objects, the originals untouched. */
function withoutDeleted(listing, outcome) {
    if (!outcome)
        return listing;
    const gone = new Set(outcome.deleted.map(d => d.version.versionId));
    return listing.map(v => (gone.has(v.versionId) ? { ...v, deleted: true } : v));
}
/**
 * Pruning's input from what came before it, the one seam between the upload
 * and pruning: after an upload, the versions of the run's first listing as the
 * upload last saw them (the early prune's deletions marked deleted, its
 * refusals not asked for again) and the new version, the newest; otherwise the
 * run's one listing. A version that appeared during the run (another job's
 * upload, a second copy of this run's, removed or left) is not pruning's to
 * weigh: it takes no place and is never deleted here.
 */
function pruneInputFrom(listing, upload, runVersion) {
    if (upload?.kind !== 'uploaded') {
        return { listing, runVersion, uploaded: false, pendingUpload: upload?.kind === 'would-upload', refusedBefore: new Set() };
    }
    const first = new Set(listing.map(v => v.versionId));
    const weighed = upload.listing.filter(v => first.has(v.versionId) || v.versionId === upload.version.versionId);
    return {
        listing: withoutDeleted(weighed, upload.earlyPrune),
        runVersion: upload.version,
        uploaded: true,
        pendingUpload: false,
        refusedBefore: new Set(upload.earlyPrune?.skipped.map(s => s.version.versionId) ?? [])
    };
}
async function prunePhase(deps, keepLatest, p) {
    const { inputs, log } = deps;
    const planned = planPrune({
        listing: p.listing,
        keepLatest,
        minAgeDays: inputs.minAgeDays,
        now: deps.clock.now(),
        runVersionId: p.runVersion?.versionId,
        runVersionUploaded: p.uploaded,
        pendingUpload: p.pendingUpload
    });
    const plan = { ...planned, delete: planned.delete.filter(d => !p.refusedBefore.has(d.version.versionId)) };
    const result = { keepLatest, minAgeDays: inputs.minAgeDays, kept: plan.keep.length };
    deps.events.report({ type: 'prune-plan', round: 'prune', plan: result, skip: plan.skip, delete: plan.delete });
    logPlan(log, plan, inputs.dryRun);
    let outcome;
    if (inputs.dryRun) {
        for (const item of plan.delete)
            deps.events.report({ type: 'deleted', item });
        outcome = { deleted: plan.delete, skipped: plan.skip, failed: [], notTried: [] };
    }
    else {
        outcome = await executePrune(deps, await deps.client(), plan, 'prune');
    }
    const verb = inputs.dryRun ? 'would delete' : 'deleted';
    log.info(`Pruning: kept ${plan.keep.length}, ${verb} ${outcome.deleted.length}, skipped ${outcome.skipped.length}, failed ${outcome.failed.length}`);
    return { ...result, outcome };
}
/** At the account's version limit: delete what the finished run would have deleted anyway (the pending upload counts as the newest). */
async function pruneForRoom(deps, client, listing, keepLatest) {
    const plan = planPrune({ listing, keepLatest, minAgeDays: deps.inputs.minAgeDays, now: deps.clock.now(), pendingUpload: true });
    deps.events.report({
        type: 'prune-plan',
        round: 'room',
        plan: { keepLatest, minAgeDays: deps.inputs.minAgeDays, kept: plan.keep.length },
        skip: plan.skip,
        delete: plan.delete
    });
    logPlan(deps.log, plan, false);
    return executePrune(deps, client, plan, 'room');
}
function logPlan(log, plan, dryRun) {
    log.info(`Plan: keep ${plan.keep.length}, ${dryRun ? 'would delete' : 'delete'} ${plan.delete.length}, skip ${plan.skip.length}`);
    for (const k of plan.keep)
        log.debug(`keep ${describe(k.version)}: ${k.reason}`);
    // Oldest first, the order the deletions are made and logged in.
    for (const d of [...plan.delete].reverse())
        log.info(`${dryRun ? 'would delete' : 'delete'} ${describe(d.version)}: ${d.reason}`);
    for (const s of plan.skip)
        log.info(`skip ${describe(s.version)}: ${s.reason}`);
    const unread = plan.skip.filter(s => unreadDecidingField(s.version));
    if (unread.length) {
        const reasons = [...new Set(unread.map(s => s.reason))];
        const named = unread.slice(0, 10).map(s => s.version.versionId);
        log.warning(`${(0,src_text/* plural */.LS)(unread.length, 'version')} (${named.join(', ')}${unread.length > 10 ? ', …' : ''}) left alone because a field that decides was not understood (${reasons.slice(0, 5).join('; ')}${reasons.length > 5 ? '; …' : ''}): pruning cannot delete such versions. If Boomi gives ordinary versions these values, please report them, naming release ${constants/* ACTION_VERSION */.Yt}.`);
    }
}
function notFoundOf(err, refusal) {
    return err instanceof errors/* BoomiError */.JE && err.status === 404 ? refusal : undefined;
}
function refusalOf(err) {
    return err instanceof errors/* BoomiError */.JE && (0,contract/* isDeleteRefusal */.Ie)(err.status) ? `refused by Boomi: ${err.boomiMessage || `HTTP ${err.status}`}` : undefined;
}
/**
 * Lines about deletions that run a few at a time, printed in the order the
 * deletions were started (oldest first, as the plan reads), each as soon as
 * every earlier one has printed. Once the run is cancelled, whatever waits is
 * printed at once: a forced stop must not swallow what was done.
 */
class InPlanOrder {
    signal;
    next = 0;
    waiting = new Map();
    onAbort = () => this.flush();
    constructor(signal) {
        this.signal = signal;
        signal?.addEventListener('abort', this.onAbort, { once: true });
    }
    close() {
        this.signal?.removeEventListener('abort', this.onAbort);
        this.flush();
    }
    emit(index, line) {
        this.waiting.set(index, line);
        if (this.signal?.aborted)
            this.flush();
        while (this.waiting.has(this.next))
            this.take(this.next++);
    }
    flush() {
        for (const index of [...this.waiting.keys()].sort((a, b) => a - b))
            this.take(index);
    }
    take(index) {
        const line = this.waiting.get(index);
        this.waiting.delete(index);
        line?.();
    }
}
/** Carries out the plan's deletions, oldest first, reporting each; the outcome is in the plan's order. */
async function executePrune(deps, client, plan, round) {
    const { log, signal, events } = deps;
    const group = deps.inputs.groupType;
    const deleted = [];
    const skipped = [...plan.skip];
    const failed = [];
    const notTried = [];
    const unsure = [];
    const queue = [...plan.delete].reverse();
    const ordered = new InPlanOrder(signal);
    let started = 0;
    let stop = false;
    let done = 0;
    const notTry = (version) => {
        notTried.push(version);
        events.report({ type: 'not-tried', version });
    };
    let finished = 0;
    const worker = async () => {
        for (let item = queue.shift(); item; item = queue.shift()) {
            const index = started++;
            if (stop || signal?.aborted) {
                notTry(item.version);
                ordered.emit(index, () => undefined);
                continue;
            }
            const answered = sending(deps, { operation: 'delete', round, version: item.version });
            try {
                // A delete still waiting for its turn when another's answer stops the deletions is not sent.
                const answer = await client.deleteVersion(group, item.version.versionId, () => !stop);
                deps.progress?.prune(++finished, plan.delete.length);
                if (answer.outcome === 'unknown') {
                    // An attempt lost its answer, and what came after failed: perhaps only because it was already done.
                    const refusal = refusalOf(answer.error);
                    unsure.push({ item, refusal, notFound: notFoundOf(answer.error, refusal), failure: refusal ? undefined : (0,errors/* errorMessage */.gJ)(answer.error), answered });
                    ordered.emit(index, () => done++);
                    if (answer.error instanceof errors/* BoomiError */.JE && (0,contract/* stopsDeletes */.o)(answer.error.status))
                        stop = true;
                    continue;
                }
                deleted.push(item);
                events.report({ type: 'deleted', item });
                answered();
                const version = item.version;
                // Progress counts completions as they come; the log lines follow the plan's order.
                ordered.emit(index, () => log.info(`deleted ${describe(version)} [${++done}/${plan.delete.length}]`));
            }
            catch (err) {
                deps.progress?.prune(++finished, plan.delete.length);
                const refusal = refusalOf(err);
                // Boomi answered no: that is so whether or not the run has been cancelled since.
                const refused = refusal !== undefined && err.status !== 404;
                // Never sent (taken back when its turn came), or stopped by the cancel without effect: not tried.
                if (err instanceof errors/* WithdrawnError */.jG || (signal?.aborted && !refused && !mayHaveTakenEffect(err))) {
                    answered();
                    notTry(item.version);
                    ordered.emit(index, () => done++);
                    continue;
                }
                const version = item.version;
                if (refused) {
                    const skip = { version, reason: refusal };
                    skipped.push(skip);
                    events.report({ type: 'refused', item: skip });
                    answered();
                    ordered.emit(index, () => {
                        done++;
                        log.warning(`Version ${describe(version)} was not deleted: ${refusal}`);
                    });
                }
                else if (refusal || mayHaveTakenEffect(err)) {
                    unsure.push({ item, refusal, notFound: notFoundOf(err, refusal), failure: refusal ? undefined : (0,errors/* errorMessage */.gJ)(err), answered });
                    ordered.emit(index, () => done++);
                }
                else {
                    const error = (0,errors/* errorMessage */.gJ)(err);
                    failed.push({ version, error });
                    events.report({ type: 'delete-failed', version, error });
                    answered();
                    ordered.emit(index, () => {
                        done++;
                        log.warning(`Deleting version ${describe(version)} failed: ${error}`);
                    });
                }
                if (err instanceof errors/* BoomiError */.JE && (0,contract/* stopsDeletes */.o)(err.status))
                    stop = true;
            }
        }
    };
    try {
        await Promise.all(Array.from({ length: Math.max(1, Math.min(deps.deleteConcurrency, queue.length)) }, worker));
    }
    finally {
        ordered.close();
    }
    const settled = unsure.length ? await settleUnsure(deps, client, unsure) : { deleted: [], skipped: [], failed: [] };
    const order = new Map(plan.delete.map((p, i) => [p.version.versionId, i]));
    const all = [...deleted, ...settled.deleted].sort((a, b) => (order.get(a.version.versionId) ?? 0) - (order.get(b.version.versionId) ?? 0));
    return { deleted: all, skipped: [...skipped, ...settled.skipped], failed: [...failed, ...settled.failed], notTried };
}
/** One more listing tells whether a delete whose answer was lost did happen. */
async function settleUnsure(deps, client, unsure) {
    const { log, events } = deps;
    const out = { deleted: [], skipped: [], failed: [] };
    log.info(`${(0,src_text/* plural */.LS)(unsure.length, 'deletion')} lost the answer or found nothing to delete; listing ${deps.inputs.groupType} to see what happened`);
    let listing;
    try {
        listing = await client.listGroup(deps.inputs.groupType);
    }
    catch (err) {
        for (const { item, answered } of unsure) {
            const error = `outcome unknown: the answer was lost and the group could not be listed (${(0,errors/* errorMessage */.gJ)(err)})`;
            out.failed.push({ version: item.version, error });
            events.report({ type: 'delete-failed', version: item.version, error });
            answered();
        }
        return out;
    }
    const byId = new Map(listing.map(v => [v.versionId, v]));
    for (const { item, refusal, notFound, failure, answered } of unsure) {
        const now = byId.get(item.version.versionId);
        if (now?.deleted === true) {
            out.deleted.push(item);
            events.report({ type: 'deleted', item });
            log.info(`deleted ${describe(item.version)} (its answer was lost; the listing shows it deleted)`);
        }
        else if (!now) {
            // Deletes are soft: a deleted version is listed as deleted. One not listed at all proves nothing.
            const error = `outcome unknown: ${refusal ?? failure ?? 'the delete failed'}, and the listing does not show the version at all (Boomi lists a deleted version as deleted)`;
            out.failed.push({ version: item.version, error });
            events.report({ type: 'delete-failed', version: item.version, error });
            log.warning(`Deleting version ${describe(item.version)} failed: ${error}`);
        }
        else if (notFound !== undefined) {
            // Not a refusal of this version: Boomi says it has no such thing while listing it.
            const error = `${notFound}, yet the listing shows it: the delete request may not be the form Boomi serves (docs/boomi-api.md, "What is uncertain")`;
            out.failed.push({ version: item.version, error });
            events.report({ type: 'delete-failed', version: item.version, error });
            log.warning(`Deleting version ${describe(item.version)} failed: ${error}`);
        }
        else if (refusal) {
            const skip = { version: item.version, reason: refusal };
            out.skipped.push(skip);
            events.report({ type: 'refused', item: skip });
            log.warning(`Version ${describe(item.version)} was not deleted: ${refusal}`);
        }
        else {
            const error = failure ?? 'the delete failed';
            out.failed.push({ version: item.version, error });
            events.report({ type: 'delete-failed', version: item.version, error });
            log.warning(`Deleting version ${describe(item.version)} failed: ${error}`);
        }
        answered();
    }
    return out;
}

;// CONCATENATED MODULE: ./src/orchestrator/switch.ts
// Switching classifications to the run's version (docs/behaviour.md, "Switching classifications"): one version
// change per classification, paced and retried by the client like every
// request (sending one again is harmless). A refusal is recorded, not thrown:
// the other changes, pruning and the outputs still happen, and the run fails
// at the end naming every classification that was not switched.




const STATUS_TEXT = {
    APPROVED: 'switched',
    PENDING: 'pending: Boomi awaits approval (a PUBLIC classification) or a scheduled release',
    REJECTED: 'rejected by Boomi',
    CANCELLED: 'cancelled'
};
/** `version` is undefined only in a dry run that would upload: the changes are planned for the version it would make. */
async function switchPhase(deps, version, releaseNotes) {
    const { inputs, log } = deps;
    // Each change goes into the record as an event; nothing else keeps them.
    const done = (change) => deps.events.report({ type: 'switched', change });
    deps.events.report({ type: 'release-notes', text: releaseNotes });
    for (const label of inputs.classifications) {
        const classificationType = classificationTypeOf(inputs.groupType, label);
        if (inputs.dryRun || !version) {
            log.info(`Dry run: would switch ${classificationType} to ${version ? `version ${version.versionId}` : 'the version this run would upload'}`);
            done({ classificationType, versionId: version?.versionId ?? '', reviewStatus: '' });
            continue;
        }
        const notRequested = () => done(notRequestedChange(classificationType, version.versionId));
        if (deps.signal?.aborted) {
            notRequested();
            continue;
        }
        log.info(`Switching ${classificationType} to version ${version.versionId}`);
        const answered = sending(deps, { operation: 'change', classificationType, versionId: version.versionId });
        try {
            const change = await (await deps.client()).changeVersion(classificationType, version.versionId, releaseNotes);
            const reason = change.reviewReason ? `: ${change.reviewReason}` : '';
            log.info(`${classificationType} → version ${version.versionId}: ${change.reviewStatus} (${STATUS_TEXT[change.reviewStatus]}${reason})`);
            done({
                classificationType,
                versionId: version.versionId,
                reviewStatus: change.reviewStatus,
                ...(change.reviewReason ? { reviewReason: change.reviewReason } : {})
            });
        }
        catch (err) {
            // Stopped by the cancel before Boomi took it (waiting for its turn under the pace, or after a 503 or 429,
            // which make no change): not requested, as for the changes after it. A change an attempt may have made
            // comes back as an OutcomeUnknownError instead.
            if (err instanceof errors/* CancelledError */.cc) {
                notRequested();
                continue;
            }
            // A 5xx after the last retry, a dropped answer, or a 2xx not understood: Boomi may have made the change.
            const unsure = mayHaveTakenEffect(err);
            log.warning(`Switching ${classificationType} to version ${version.versionId} failed: ${(0,errors/* errorMessage */.gJ)(err)}${unsure ? `; Boomi may have made the change all the same` : ''}`);
            done({
                classificationType,
                versionId: version.versionId,
                reviewStatus: '',
                error: (0,errors/* errorMessage */.gJ)(err),
                ...(unsure ? { outcomeUnknown: true } : {})
            });
        }
        finally {
            answered();
        }
    }
}
/** The classification type a label names: the group type, `-`, the label (a full type lost its prefix when the inputs were read). */
function classificationTypeOf(groupType, label) {
    return `${groupType}-${label}`;
}
/**
 * A run ended by force while a change was in flight: that change as outcome not known, and the
 * labels after it, which the stuck phase never reached, as not requested, in the order given
 * (docs/behaviour.md, "Cancellation"). Nothing is added when no change was in flight.
 */
function reportUnfinishedSwitches(deps) {
    // The fold knows what was sent and never answered; changes go one at a time, so at most one is.
    const { switches = [], unknown = [] } = (0,record/* foldRun */.$I)({ groupType: deps.inputs.groupType, dryRun: deps.inputs.dryRun }, deps.events.all);
    const inFlight = unknown.find(q => q.operation === 'change');
    if (inFlight?.operation !== 'change')
        return;
    // Every change reported, but the one in flight, which the fold lists at the end: it goes in its place here.
    const reported = new Set(switches.map(s => s.classificationType));
    reported.delete(inFlight.classificationType);
    for (const label of deps.inputs.classifications) {
        const classificationType = classificationTypeOf(deps.inputs.groupType, label);
        if (reported.has(classificationType))
            continue;
        const change = classificationType === inFlight.classificationType
            ? { classificationType, versionId: inFlight.versionId, reviewStatus: '', outcomeUnknown: true }
            : notRequestedChange(classificationType, inFlight.versionId);
        deps.events.report({ type: 'switched', change });
    }
}
function notRequestedChange(classificationType, versionId) {
    return { classificationType, versionId, reviewStatus: '', error: 'not requested: the run was cancelled', notRequested: true };
}
/** Changes Boomi did not accept: refused outright, or answered REJECTED or CANCELLED. */
function unswitched(results) {
    return results.filter(r => r.error || r.reviewStatus === 'REJECTED' || r.reviewStatus === 'CANCELLED');
}

;// CONCATENATED MODULE: ./src/orchestrator/lost-answers.ts





/**
 * What to do after an upload attempt failed: whether to try again, and when,
 * is the strategy's `step`; whether to look first is ours: after a lost
 * answer, and when giving up while an earlier outcome is unknown.
 */
function afterUploadFailure(failure, step, unknownBefore, settleMs) {
    // A dropped connection, a timeout, a 5xx but 503, or a 2xx not understood: the version may be stored.
    const lost = failure.mayHaveTakenEffect;
    const look = lost || (unknownBefore > 0 && !step.retry);
    if (!step.retry)
        return { lost, look, retry: false, delayMs: 0, throttled: false, failures: step.failures };
    // The looks have already spaced the attempts; a longer Retry-After still counts.
    const delayMs = lost ? Math.max(0, step.delayMs - settleMs) : step.delayMs;
    return { lost, look, retry: true, delayMs, throttled: step.throttled, failures: step.failures };
}
/** The times (ms after the answer was lost) at which the group is listed: 0, 0.5 s, 1.5 s, 3.5 s, … within the window. */
function lookSchedule(settleMs) {
    const times = [0];
    for (let gap = 500; times[times.length - 1] + gap <= settleMs; gap *= 2)
        times.push(times[times.length - 1] + gap);
    if (times[times.length - 1] < settleMs)
        times.push(settleMs);
    return times;
}
async function createWithRecovery(deps, client, create, before, sha256, changeLog, 
/** Attempts of an earlier round whose outcome is still unknown (a version-limit refusal came after them). */
unknownBefore = 0) {
    const { log, retry, clock } = deps;
    let unknown = unknownBefore;
    let failures = 0;
    for (let n = 1;; n++) {
        // A cancel between attempts still says what an earlier one may have stored.
        if (deps.signal?.aborted)
            return { kind: 'not-created', error: new errors/* CancelledError */.cc(), unknown, lookFailed: false };
        const answered = sending(deps, { operation: 'upload', changeLog });
        let version;
        try {
            version = await create();
        }
        catch (err) {
            const failure = classifyFailure(err);
            const decision = retry.decide(failure, failures);
            const step = afterUploadFailure(failure, decision, unknown, deps.settleMs);
            failures = step.failures;
            // Only a lost answer leaves this attempt open: the look, or the phase's outcome, settles it.
            if (!step.lost)
                answered();
            if (step.lost) {
                unknown++;
                const what = err instanceof errors/* AnswerError */.dV ? 'was not understood' : 'was lost';
                log.info(`upload: the answer to attempt ${n} ${what} (${(0,errors/* errorMessage */.gJ)(err)}); looking for the version in ${deps.inputs.groupType}`);
            }
            if (step.look) {
                let found;
                try {
                    found = await lookFor(deps, client, sha256);
                }
                catch (lookErr) {
                    return { kind: 'not-created', error: lookErr, unknown, lookFailed: true };
                }
                if (found)
                    return settle(deps, client, sha256, changeLog, found.version, found.listing, unknown - 1);
            }
            if (!decision.retry)
                return { kind: 'not-created', error: retry.finalError(err, decision), unknown, lookFailed: false };
            log.info(`upload: attempt ${n} failed (${step.failures} of ${retry.maxAttempts} tries spent${step.throttled ? '; throttled, which spends none' : ''}): ${(0,errors/* errorMessage */.gJ)(err)}; retrying in ${step.delayMs} ms`);
            try {
                await clock.sleep(step.delayMs);
            }
            catch (sleepErr) {
                return { kind: 'not-created', error: sleepErr, unknown, lookFailed: false };
            }
            continue;
        }
        answered();
        retry.recordSuccess();
        return settle(deps, client, sha256, changeLog, version, before, unknown);
    }
}
/** Lists the group at growing intervals until a new version with this archive's checksum shows, or the window ends. */
async function lookFor(deps, client, sha256) {
    const { clock, log } = deps;
    let waited = 0;
    for (const at of lookSchedule(deps.settleMs)) {
        if (at > waited)
            await clock.sleep(at - waited);
        waited = at;
        stopIfCancelled(deps);
        const listing = await client.listGroup(deps.inputs.groupType);
        const found = findLostUpload(listing, sha256, deps.uploadId);
        if (found.length) {
            // The oldest of those shown is the run's; any other is a twin, deleted in settle().
            const version = found[found.length - 1];
            log.info(`upload: found version ${version.versionId} carrying this archive's checksum after ${waited} ms; it is this run's upload`);
            return { version, listing };
        }
    }
    log.info(`upload: no new version carries this checksum after ${waited} ms`);
    return undefined;
}
/**
 * The run's version is known, and reported at once. While an attempt's
 * outcome is unknown, one more listing looks for a twin it stored late; twins
 * are deleted, and one that cannot be deleted is reported so the run fails
 * once its outputs are set.
 */
async function settle(deps, client, sha256, changeLog, kept, listing, unknown) {
    deps.events.report({ type: 'upload', upload: { kind: 'uploaded', version: kept, changeLog, removedTwins: [], strayTwins: [] } });
    const withKept = (l) => (l.some(v => v.versionId === kept.versionId) ? l : [...l, kept]);
    let fresh = withKept(listing);
    if (unknown > 0) {
        try {
            // Over the look's listing: a copy it showed stays a twin when this one lags and misses it.
            const seen = new Map(listing.map(v => [v.versionId, v]));
            for (const v of await client.listGroup(deps.inputs.groupType))
                seen.set(v.versionId, v);
            fresh = withKept([...seen.values()]);
        }
        catch (err) {
            deps.log.warning(`Could not check for a second copy of this archive (${(0,errors/* errorMessage */.gJ)(err)}). Version ${kept.versionId} is this run's upload; check group ${deps.inputs.groupType} for another version whose change log ends with this checksum.`);
        }
    }
    // Twins appeared during the run, so pruning never weighs them (pruneInputFrom): the listing is handed on as read.
    const created = () => ({ kind: 'created', version: kept, listing: fresh });
    const twins = findLostUpload(fresh, sha256, deps.uploadId).filter(v => v.versionId !== kept.versionId);
    if (!twins.length)
        return created();
    const gone = (twin) => deps.events.report({ type: 'twin-deleted', version: twin });
    const stray = [];
    const left = (twin, why) => {
        deps.log.warning(`Deleting the second copy ${twin.versionId} failed: ${why}`);
        stray.push(twin);
        deps.events.report({ type: 'twin-left', version: twin });
    };
    /**
     * Deletes whose first answer was lost and whose retry failed, or that found nothing: perhaps only because it
     * was done. Each stays open, as sent and not known, until the settling listing has told: a run stopped meanwhile reports it so.
     */
    const unsure = [];
    for (const twin of twins) {
        deps.log.warning(`Version ${twin.versionId} is a second copy of this archive, left by an upload attempt whose answer was lost; deleting it and keeping ${kept.versionId}.`);
        const answered = sending(deps, { operation: 'delete', round: 'twin', version: twin });
        try {
            const answer = await client.deleteVersion(deps.inputs.groupType, twin.versionId);
            if (answer.outcome === 'deleted')
                gone(twin);
            else
                unsure.push({ twin, error: answer.error, lost: true, answered });
        }
        catch (err) {
            // Not found, though a listing showed it live: the listing says whether it is gone.
            if (err instanceof errors/* BoomiError */.JE && err.status === 404)
                unsure.push({ twin, error: err, lost: false, answered });
            else
                left(twin, (0,errors/* errorMessage */.gJ)(err));
        }
        finally {
            if (!unsure.some(u => u.twin === twin))
                answered();
        }
    }
    // As for pruning's deletions: one listing says which of them are gone.
    if (unsure.length) {
        let listed;
        try {
            listed = await client.listGroup(deps.inputs.groupType);
        }
        catch (err) {
            // Stopped before the listing told: each of these deletes stays sent and not known, as the record says of such a request.
            if (err instanceof errors/* CancelledError */.cc)
                return created();
            deps.log.warning(`Could not list ${deps.inputs.groupType} to see whether the second copies were deleted: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
        for (const { twin, error, lost, answered } of unsure) {
            const now = listed?.find(v => v.versionId === twin.versionId);
            // Deletes are soft: only a listing that shows the twin deleted proves it gone.
            if (now?.deleted === true)
                gone(twin);
            else
                left(twin, `${(0,errors/* errorMessage */.gJ)(error)} (${lost ? "an earlier attempt's answer was lost, and " : ''}${unsureWhy(listed, now)})`);
            answered();
        }
    }
    if (stray.length)
        deps.log.warning(`Second copies left: ${ids(stray)}`);
    return created();
}
/** Why a twin delete that may have been done is not known to be: what the settling listing showed. */
function unsureWhy(listed, now) {
    if (!listed)
        return 'the group could not be listed to see whether it is gone';
    if (!now)
        return 'the listing does not show it at all, though Boomi lists a deleted version as deleted';
    return 'the listing still shows it';
}

;// CONCATENATED MODULE: ./src/orchestrator/upload.ts








/** The phase, reporting its outcome (an upload reports itself as soon as its version is known). */
async function uploadPhase(deps, archive, file, text, listing) {
    const result = await upload(deps, archive, file, text, listing);
    const reported = recordOf(result);
    if (reported)
        deps.events.report({ type: 'upload', upload: reported });
    return result;
}
function recordOf(result) {
    switch (result.kind) {
        case 'uploaded':
            return undefined;
        case 'refused-duplicate':
            return { kind: 'refused-duplicate', versions: result.versions, match: result.match };
        case 'failed':
            return { kind: 'failed', changeLog: result.changeLog, error: result.error.message, mayBeStored: result.mayBeStored };
        default:
            return result;
    }
}
async function upload(deps, archive, file, text, listing) {
    const { inputs, log } = deps;
    const archiveIds = { sha256: archive.sha256, contentSha256: archive.contentSha256 };
    const dup = findDuplicates(listing, archiveIds);
    const what = dup?.match === 'content-sha256' ? 'The same connector (content-sha256, rebuilt)' : 'This archive (sha256)';
    if (dup && inputs.ifExists === 'fail') {
        const error = new Error(`${what} was already uploaded to ${inputs.groupType} as version ${ids(dup.versions)}, and ${constants/* Input */.pd.ifExists} is 'fail'. Build a changed connector, or set ${constants/* Input */.pd.ifExists} to 'skip' to reuse the existing version.`);
        return { kind: 'refused-duplicate', versions: dup.versions, match: dup.match, error };
    }
    if (dup && inputs.ifExists === 'skip') {
        log.info(`${what} was already uploaded as version ${describe(dup.versions[0])}; reusing it (${constants/* Input */.pd.ifExists}: skip).`);
        return { kind: 'reused', version: dup.versions[0], match: dup.match, dryRun: inputs.dryRun };
    }
    if (dup)
        log.info(`${what} was already uploaded as version ${ids(dup.versions)}; uploading again (${constants/* Input */.pd.ifExists}: upload).`);
    const changeLog = (0,changelog/* buildChangeLog */.vq)(text?.text ?? (0,changelog/* defaultChangeLog */.WW)(await deps.runContext()), archiveIds, deps.uploadId);
    if (inputs.dryRun) {
        log.info(`Dry run: would upload ${archive.shownPath} (${(0,src_text/* approxBytes */.SW)(archive.size)}) to ${inputs.groupType} with change log:\n${changeLog}`);
        return { kind: 'would-upload', changeLog };
    }
    const makeBody = await deps.multipart();
    const body = makeBody({ archive: file, fileName: archive.fileName, size: archive.size, groupType: inputs.groupType, changeLog, sha256: archive.sha256 }, progressLogger(deps, archive.size));
    log.info(`Uploading ${archive.shownPath} (${(0,src_text/* approxBytes */.SW)(archive.size)}) to ${inputs.groupType}`);
    return uploadWithRoom(deps, await deps.client(), body, archiveIds, changeLog, listing);
}
/** Uploads; at the account's version limit, prunes first (when allowed) and tries once more. */
async function uploadWithRoom(deps, client, body, archiveIds, changeLog, listing) {
    const { inputs, log, clock } = deps;
    const sha256 = archiveIds.sha256;
    const started = clock.now();
    const attempt = async (before, unknownBefore = 0) => {
        const created = await createWithRecovery(deps, client, () => client.createVersion(inputs.groupType, body), before, sha256, changeLog, unknownBefore);
        if (created.kind === 'created') {
            log.info(`Uploaded version ${describe(created.version)} in ${((clock.now() - started) / 1000).toFixed(1)} s`);
            warnIfTrailerLost(deps, created.version, archiveIds, changeLog);
        }
        return created;
    };
    const failed = (error, earlier) => ({ kind: 'failed', changeLog, error, mayBeStored: earlier.unknown > 0 });
    const first = await attempt(listing);
    if (first.kind === 'created')
        return { ...first, kind: 'uploaded', changeLog };
    if (first.lookFailed || !isVersionLimit(first.error))
        return failed(notCreatedError(deps, first, sha256), first);
    const limit = first.error;
    if (inputs.keepLatest === undefined) {
        const message = `Boomi refused the upload: the account holds its maximum of ${(0,contract/* versionLimitIn */.xW)(limit.boomiMessage)} connector versions (Boomi said: ${limit.boomiMessage}). Set ${constants/* Input */.pd.keepLatest} to prune old versions of ${inputs.groupType} before uploading, or delete unused versions in the Developer tab.`;
        return failed(withMayBeStored(new Error(message, { cause: limit }), first, deps, sha256), first);
    }
    // Cancelled before or while making room: what was not deleted says nothing about keep-latest.
    const cancelled = () => failed(withMayBeStored(new errors/* CancelledError */.cc(), first, deps, sha256), first);
    if (deps.signal?.aborted)
        return cancelled();
    log.warning(`Boomi refused the upload: the account is at its version limit (${limit.boomiMessage}). Pruning ${inputs.groupType} first, then uploading once more.`);
    const earlyPrune = await pruneForRoom(deps, client, listing, inputs.keepLatest);
    if (deps.signal?.aborted)
        return cancelled();
    if (earlyPrune.deleted.length === 0) {
        const why = earlyPrune.failed.length ? `deleting failed (${earlyPrune.failed[0].error})` : `pruning ${inputs.groupType} to ${inputs.keepLatest} freed none`;
        const message = `Boomi refused the upload because the account holds its maximum of ${(0,contract/* versionLimitIn */.xW)(limit.boomiMessage)} connector versions, and ${why}. Delete unused versions of other connector groups, or lower ${constants/* Input */.pd.keepLatest}${inputs.minAgeDays === undefined ? '' : ` or ${constants/* Input */.pd.minAgeDays}, which keeps every version younger than it`}.`;
        return failed(withMayBeStored(new Error(message, { cause: limit }), first, deps, sha256), first);
    }
    const again = await attempt(withoutDeleted(listing, earlyPrune), first.unknown);
    if (again.kind === 'created')
        return { ...again, kind: 'uploaded', changeLog, earlyPrune };
    return failed(notCreatedError(deps, again, sha256), again);
}
/**
 * How much change log Boomi keeps is not known (docs/boomi-api.md, "What is
 * uncertain"). A version given back without this archive's checksum line will
 * not be recognised by a re-run, which would upload the archive again.
 */
function warnIfTrailerLost(deps, version, archiveIds, sent) {
    // An answer without a change log tells nothing; the next listing's will. Either line lets a re-run find it.
    if (version.changeLog === undefined || (0,changelog/* matchKind */.O4)(version.changeLog, archiveIds) !== undefined)
        return;
    deps.log.warning(`Boomi gave version ${version.versionId} back with a change log that carries neither of this archive's checksum lines (${version.changeLog.length} of the ${sent.length} characters sent): a re-run will not recognise it and would upload the archive again. Shorten the change log, and please report this with the two lengths.`);
}
function isVersionLimit(err) {
    return err instanceof errors/* BoomiError */.JE && (0,contract/* isVersionLimitRefusal */.KL)(err.status, err.boomiMessage);
}
/** The error for an upload that made no version this run knows of, saying so when one may exist (docs/behaviour.md, "Retries and lost answers"). */
function notCreatedError(deps, r, sha256) {
    if (r.lookFailed) {
        return withMayBeStored(new Error(`Looking for the upload after its answer was lost failed: ${(0,errors/* errorMessage */.gJ)(r.error)}`, { cause: r.error }), r, deps, sha256);
    }
    return withMayBeStored(asError(r.error), r, deps, sha256);
}
function withMayBeStored(err, r, deps, sha256) {
    if (r.unknown === 0)
        return err;
    return new Error((0,errors/* sentences */.hC)(err.message, mayBeStoredText(deps.inputs.groupType, sha256)), { cause: err });
}
/** What to check when an upload may have been stored without this run seeing it. */
function mayBeStoredText(groupType, sha256) {
    return `An upload attempt's answer was lost or not understood, and its version was not seen, so Boomi may have stored it: look in the Developer tab for a version of ${groupType} whose change log ends with the line "sha256: ${sha256}". A re-run with this archive finds and reuses it.`;
}
function asError(err) {
    return err instanceof Error ? err : new Error((0,errors/* errorMessage */.gJ)(err));
}
/** The bytes sent, for the platform's progress bar or the periodic lines of a log. */
function progressLogger(deps, total) {
    return sent => deps.progress?.upload(sent, total);
}

;// CONCATENATED MODULE: ./src/orchestrator/release.ts











/** Runs the release and hands the record to `publish` at the end, also after a failure; rethrows the failure. */
async function runRelease(deps, publish) {
    const opened = {};
    try {
        await release(deps, opened);
    }
    catch (err) {
        deps.events.report({ type: 'failed', error: (0,errors/* errorMessage */.gJ)(err) });
        throw err;
    }
    finally {
        await opened.file?.close();
        await publish(endRecord(deps));
    }
}
/** The record as it stands: what the run reported, with the throttling seen, the API contact and whether it was cancelled. */
function endRecord(deps) {
    const stats = deps.throttling?.();
    if (stats)
        deps.events.report({ type: 'throttling', stats });
    const contact = deps.apiContact?.();
    if (contact)
        deps.events.report({ type: 'api', contact });
    if (deps.signal?.aborted)
        deps.events.report({ type: 'cancelled' });
    return (0,record/* foldRun */.$I)({ groupType: deps.inputs.groupType, dryRun: deps.inputs.dryRun, archiveGiven: deps.inputs.archive !== undefined }, deps.events.all);
}
/**
 * The record of a run that did not end within the grace after a cancel: the
 * same fold, so requests sent and never answered show as outcome not known.
 */
function forcedRecord(deps) {
    deps.events.report({ type: 'failed', error: 'The run was cancelled while requests were in flight; their outcome is not known.' });
    reportUnfinishedSwitches(deps);
    return endRecord(deps);
}
async function release(deps, opened) {
    const { inputs, log, events } = deps;
    log.info(`Group ${inputs.groupType} in account ${inputs.accountId} at ${inputs.apiUrl}${inputs.apiUrlIsHost ? ' (the path prefix is found on the first request)' : ''}${inputs.dryRun ? ' (dry run: nothing will be uploaded, switched or deleted)' : ''}`);
    // What the workspace holds is checked before the first request.
    const checked = inputs.archive ? await phase(log, 'Archive', () => archivePhase(deps, inputs.archive)) : undefined;
    opened.file = checked?.file;
    const archive = checked?.archive;
    if (archive)
        events.report({ type: 'archive', archive });
    const changeLog = await changeLogPhase(deps);
    if (changeLog)
        events.report({ type: 'change-log', changeLog });
    const listing = await phase(log, `Listing ${inputs.groupType}`, () => listingPhase(deps));
    const given = inputs.versionId ? givenVersion(listing, inputs.versionId, inputs.groupType) : undefined;
    if (given)
        events.report({ type: 'given', version: given });
    const upload = checked ? await phase(log, 'Upload', () => uploadPhase(deps, checked.archive, checked.file, changeLog, listing)) : undefined;
    if (upload?.kind === 'failed' || upload?.kind === 'refused-duplicate')
        throw upload.error;
    stopIfCancelled(deps);
    const version = given ?? (upload?.kind === 'uploaded' || upload?.kind === 'reused' ? upload.version : undefined);
    if (inputs.classifications.length && (version || upload?.kind === 'would-upload')) {
        await phase(log, 'Classifications', () => switchPhase(deps, version, notesFor(upload, changeLog?.text, version)));
    }
    stopIfCancelled(deps);
    const keepLatest = inputs.keepLatest;
    if (keepLatest !== undefined)
        await phase(log, 'Prune', () => prunePhase(deps, keepLatest, pruneInputFrom(listing, upload, version)));
    stopIfCancelled(deps);
    // What failed without stopping the run is read from the same record the outputs are.
    failures((0,record/* foldRun */.$I)({ groupType: inputs.groupType, dryRun: inputs.dryRun }, events.all));
}
async function phase(log, name, body) {
    log.startGroup(name);
    try {
        return await body();
    }
    finally {
        log.endGroup();
    }
}
/** version-id must name a live version of this group: the run's one listing tells. */
function givenVersion(listing, versionId, groupType) {
    const found = listing.find(v => v.versionId === versionId);
    if (found && !found.deleted)
        return found;
    const state = found ? 'is deleted' : 'is not a version of this group';
    throw new Error(`Version ${versionId} (${constants/* Input */.pd.versionId}) ${state}, so no classification was switched. Give the ID of a live version of ${groupType}, as the Developer tab or an earlier run's version-id output shows it.`);
}
/** The release notes: the change log's text without its checksum trailer, fitted as an upload's change log is. */
function notesFor(upload, text, version) {
    if (upload?.kind === 'uploaded' || upload?.kind === 'would-upload')
        return (0,changelog/* releaseNotes */.fk)(upload.changeLog);
    return (0,changelog/* fitText */.vY)(text ?? (0,changelog/* releaseNotes */.fk)(version?.changeLog ?? ''));
}
/** What failed without stopping the run, said once at its end. */
function failures(r) {
    const problems = [];
    const refused = unswitched(r.switches ?? []);
    const notMade = refused.filter(s => !s.outcomeUnknown);
    const unsure = refused.filter(s => s.outcomeUnknown);
    if (notMade.length) {
        problems.push(`${(0,src_text/* plural */.LS)(notMade.length, 'classification change')} not made: ${notMade.map(s => `${s.classificationType} (${s.error ?? (s.reviewReason ? `${s.reviewStatus}: ${s.reviewReason}` : s.reviewStatus)})`).join('; ')}`);
    }
    if (unsure.length) {
        problems.push(`${(0,src_text/* plural */.LS)(unsure.length, 'classification change')} failed in a way that may have made it (see in the Developer tab which version each classification uses): ${unsure.map(s => `${s.classificationType} (${s.error})`).join('; ')}`);
    }
    const o = r.pruning;
    if (o && (o.failed.length || o.notTried.length)) {
        const byMessage = new Map();
        for (const f of o.failed)
            byMessage.set(f.error, [...(byMessage.get(f.error) ?? []), f.version.versionId]);
        const untried = o.notTried.length ? `, ${o.notTried.length} not tried after it` : '';
        const reasons = [...byMessage].map(([message, list]) => `${list.join(', ')}: ${message}`).join('; ');
        problems.push(o.failed.length
            ? `Pruning failed: ${(0,src_text/* plural */.LS)(o.failed.length, 'deletion')} failed (${o.deleted.length} done${untried}): ${reasons}`
            : `Pruning stopped: ${(0,src_text/* plural */.LS)(o.notTried.length, 'deletion')} not tried after Boomi refused one as it would every deletion (credentials, privileges, or the delete's form) (${o.deleted.length} done)`);
    }
    if (r.upload?.kind === 'uploaded' && r.upload.strayTwins.length) {
        const stray = ids(r.upload.strayTwins);
        problems.push(`Version ${r.upload.version.versionId} was uploaded, but an attempt whose answer was lost also stored ${stray}, a second copy of this archive, and it could not be deleted. Delete ${stray} in the Developer tab.`);
    }
    if (problems.length)
        throw new Error((0,errors/* sentences */.hC)(...problems));
}

;// CONCATENATED MODULE: ./src/core/cancel.ts

/** Well inside the runner's 7.5 s between SIGINT and SIGTERM. */
const CANCEL_GRACE_MS = 4_000;
class Cancellation {
    log;
    controller = new AbortController();
    onSignal = (name) => {
        if (this.controller.signal.aborted)
            return;
        this.log.warning(`Received ${name}: no new request will be started; writing what the run did.`);
        this.controller.abort();
    };
    constructor(log) {
        this.log = log;
        process.on('SIGINT', this.onSignal);
        process.on('SIGTERM', this.onSignal);
    }
    get signal() {
        return this.controller.signal;
    }
    /**
     * A sleep that ends at once, failing, when the run is cancelled; its timer is
     * cleared then, so a long wait (a Retry-After, a slow pace) cannot keep a
     * cancelled process alive.
     */
    sleep(clamp) {
        const signal = this.controller.signal;
        return ms => new Promise((resolve, reject) => {
            if (signal.aborted)
                return reject(new errors/* CancelledError */.cc());
            const onAbort = () => {
                clearTimeout(timer);
                reject(new errors/* CancelledError */.cc());
            };
            const timer = setTimeout(() => {
                signal.removeEventListener('abort', onAbort);
                resolve();
            }, clamp(ms));
            signal.addEventListener('abort', onAbort, { once: true });
        });
    }
    /** The pacer, refusing to hand out a slot once the run is cancelled (nothing is sent then). */
    gate(pacer) {
        const check = () => {
            if (this.controller.signal.aborted)
                throw new errors/* CancelledError */.cc();
        };
        return {
            due: async () => {
                check();
                await pacer.due();
            },
            take: async () => {
                check();
                await pacer.take();
                check();
            },
            observe: (status, retryAfterMs) => pacer.observe?.(status, retryAfterMs)
        };
    }
    /**
     * Waits for the run. Once cancelled, waits at most CANCEL_GRACE_MS more; if
     * the run has not ended by then, `forced` writes what it recorded and the
     * process ends with a failure.
     */
    async within(run, forced) {
        const signal = this.controller.signal;
        let timer;
        const late = new Promise(resolve => {
            const start = () => {
                timer = setTimeout(() => resolve('late'), CANCEL_GRACE_MS);
            };
            if (signal.aborted)
                start();
            else
                signal.addEventListener('abort', start, { once: true });
        });
        try {
            const first = await Promise.race([run.then(() => 'done'), late]);
            if (first === 'late') {
                await forced();
                // Requests still in flight would keep the process alive until their timeout.
                setTimeout(() => process.exit(1), 500).unref();
                throw new errors/* CancelledError */.cc();
            }
        }
        finally {
            clearTimeout(timer);
        }
    }
    dispose() {
        process.off('SIGINT', this.onSignal);
        process.off('SIGTERM', this.onSignal);
    }
}

;// CONCATENATED MODULE: ./src/domain/progress.ts
// When a log without a terminal hears of an upload's progress, and in what words:
// a line every 10 % or 10 s, whichever comes later, so that a fast upload is not
// a wall of lines and a slow one still shows it moves. docs/behaviour.md, "Upload".

const PROGRESS_STEP_MS = 10_000;
const PROGRESS_STEP_FRACTION = 0.1;
/** True once both 10 s and a tenth of the archive have passed since `last`; never for the last byte (the upload's own line says it). */
function uploadLineDue(last, nowMs, sent, total) {
    if (total <= 0 || sent >= total)
        return false;
    return nowMs - last.atMs >= PROGRESS_STEP_MS && sent - last.sent >= total * PROGRESS_STEP_FRACTION;
}
/** e.g. "… sent 45.0 MiB of 100.0 MiB (45%), 4.5 MiB/s, about 12 s left" */
function uploadLine(sent, total, elapsedMs) {
    const rate = elapsedMs > 0 ? (sent * 1000) / elapsedMs : 0;
    const left = rate > 0 ? `, about ${Math.ceil((total - sent) / rate)} s left` : '';
    return `… sent ${(0,src_text/* approxBytes */.SW)(sent)} of ${(0,src_text/* approxBytes */.SW)(total)} (${Math.floor((sent / total) * 100)}%), ${(0,src_text/* approxBytes */.SW)(rate)}/s${left}`;
}

;// CONCATENATED MODULE: ./src/core/progress.ts
// Progress in a log without a terminal (the Action's, a CI job's): the upload's
// periodic line, when domain/progress.ts says it is due. Pruning needs nothing
// here: each deletion's line already carries its count.

function periodicLines(log, now) {
    let start = { atMs: now(), sent: 0 };
    let last = start;
    return {
        upload: (sent, total) => {
            const t = now();
            // A new attempt sends its body from the start.
            if (sent < last.sent)
                last = start = { atMs: t, sent: 0 };
            if (!uploadLineDue(last, t, sent, total))
                return;
            last = { atMs: t, sent };
            log.info(uploadLine(sent, total, t - start.atMs));
        },
        prune: () => undefined
    };
}

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
;// CONCATENATED MODULE: ./src/core/proxy-agent.ts

function proxyAgentFor(userAgent) {
    const proxyAware = new lib/* HttpClient */.Qq(userAgent, undefined, { keepAlive: true, allowRetries: false });
    return url => proxyAware.getAgent(url);
}

;// CONCATENATED MODULE: ./src/core/run.ts
// The composition root: builds the run from typed inputs and a Platform, and
// knows no platform itself. The front ends (src/runner/ for the Action, src/cli/
// for the command-line tool) only read inputs and supply the Platform; lint
// keeps this folder from importing either.


















/** Runs the release; the outputs and summary are published however it ends. Rethrows the run's failure. */
async function runWithPlatform(inputs, platform) {
    const log = platform.log;
    const cancel = new Cancellation(log);
    const clock = { now: () => Date.now(), sleep: cancel.sleep(net_retry/* timerDelay */.nR) };
    let client;
    // One strategy for every request of the run, the upload and its looks included.
    const retry = new net_retry/* RetryStrategy */.aS({
        ...net_retry/* DEFAULT_BACKOFF */.VU,
        maxAttempts: inputs.maxAttempts,
        sleep: clock.sleep,
        random: Math.random,
        log: line => log.info(line),
        now: clock.now
    });
    // One pacer for every request of the run, retries included.
    const pacer = new net_pacer/* Pacer */._E(inputs.requestsPerSecond, () => external_node_perf_hooks_.performance.now(), clock.sleep, { onChange: line => log.info(line) });
    const deps = {
        inputs,
        workspace: platform.workspace,
        client: once(async () => (client = boomiClient(inputs, cancel.gate(pacer), retry, log))),
        multipart: async () => (await Promise.all(/* import() */[__webpack_require__.e(454), __webpack_require__.e(892)]).then(__webpack_require__.bind(__webpack_require__, 2892))).multipartBody,
        locateArchive: pattern => locateArchive(pattern, platform.workspace),
        findInWorkspace: name => findInWorkspace(name, platform.workspace),
        inspectArchive: async (file, shown) => (await __webpack_require__.e(/* import() */ 201).then(__webpack_require__.bind(__webpack_require__, 7201))).inspectArchive(file, shown),
        readTextFile,
        runContext: () => platform.runContext(),
        log,
        clock,
        // Long enough for Boomi to finish storing an upload whose answer was lost; bounded so a lost answer costs seconds, not minutes.
        uploadId: (0,external_node_crypto_.randomBytes)(8).toString('hex'),
        settleMs: Math.min(30_000, Math.max(2_000, inputs.timeoutMs / 4)),
        retry,
        // Enough requests in flight to use the rate fully when Boomi answers in up to a second.
        deleteConcurrency: Math.max(1, Math.min(8, Math.ceil(inputs.requestsPerSecond))),
        signal: cancel.signal,
        events: new record/* EventLog */.vu(),
        apiContact: () => client?.contact(),
        progress: platform.progress ?? periodicLines(log, clock.now),
        throttling: () => {
            const s = pacer.stats();
            return { throttled: s.throttled, waitedMs: Math.max(s.waitedMs, retry.throttledMs), lowestRate: s.cuts ? s.lowestRate : undefined };
        }
    };
    const publish = once(async (record) => publishRecord(record, platform));
    try {
        // A run still going after the grace is written from what it reported so far: requests without an answer show as not known.
        await cancel.within(runRelease(deps, publish), () => publish(forcedRecord(deps)));
    }
    finally {
        cancel.dispose();
    }
}
const USER_AGENT = `${constants/* ACTION_NAME */.px}/${constants/* ACTION_VERSION */.Yt}`;
function boomiClient(inputs, pacer, retry, log) {
    return new HttpBoomiClient({
        apiUrl: inputs.apiUrl,
        // A host alone: the path prefix is found on the first request.
        findPrefix: inputs.apiUrlIsHost ? contract/* PREFIXES_TO_TRY */.ls : undefined,
        accountId: inputs.accountId,
        username: inputs.username,
        apiToken: inputs.apiToken,
        timeoutMs: inputs.timeoutMs,
        transport: createTransport(USER_AGENT, { agentFor: proxyAgentFor(USER_AGENT) }),
        pacer,
        retry,
        log
    });
}
/**
 * Outputs and summary from the record, through the same pure functions for every
 * front end. A target that cannot be written is reported beside the run's own
 * error, never instead of it.
 */
async function publishRecord(record, platform) {
    const problems = [];
    try {
        await platform.setOutputs((0,outputs/* outputsOf */.Yz)(record));
    }
    catch (err) {
        problems.push((0,errors/* errorMessage */.gJ)(err));
    }
    try {
        await platform.writeSummary((0,summary/* renderSummary */.B)(record));
    }
    catch (err) {
        problems.push((0,errors/* errorMessage */.gJ)(err));
    }
    if (!problems.length)
        return;
    const message = `Could not write the results (${problems.join('; ')}). ${platform.resultsHint}`;
    if (record.error)
        platform.log.warning(message);
    else
        throw new Error(message);
}
function once(fn) {
    let result;
    return (...args) => (result ??= fn(...args));
}
/** A regular file's text, read no further than `maxBytes` (a device or a FIFO is refused, not read). */
async function readTextFile(file, maxBytes) {
    const handle = await external_node_fs_.promises.open(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
    try {
        const stat = await handle.stat();
        if (!stat.isFile())
            throw new Error('it is not a regular file');
        const buffer = Buffer.alloc(maxBytes + 1);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        if (bytesRead > maxBytes)
            throw new Error(`the file is larger than the ${maxBytes} bytes allowed`);
        return buffer.subarray(0, bytesRead).toString('utf8');
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./src/runner/wiring.ts
// The GitHub Actions platform: the runner's log, outputs, job summary and
// workflow run, handed to the core (src/core/run.ts). This folder is the only
// code that imports @actions/core; it holds no decision.




/** Every line from the run goes through forLog, the one place that keeps outside text from starting a workflow command. */
const runnerLog = {
    info: line => core/* info */.pq((0,untrusted/* forLog */.Ig)(line)),
    warning: line => core/* warning */.$e((0,untrusted/* forLog */.Ig)(line)),
    debug: line => core/* debug */.Yz((0,untrusted/* forLog */.Ig)(line)),
    startGroup: name => core/* startGroup */.Oh((0,untrusted/* forLog */.Ig)(name)),
    endGroup: () => core/* endGroup */.N4()
};
async function runAction(inputs) {
    await runWithPlatform(inputs, githubPlatform());
}
function githubPlatform() {
    return {
        log: runnerLog,
        workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
        runContext: async () => workflowRun(process.env),
        setOutputs: async (outputs) => {
            for (const [name, value] of Object.entries(outputs)) {
                try {
                    core/* setOutput */.uH(name, value);
                }
                catch (err) {
                    throw new Error(`output ${name}: ${(0,errors/* errorMessage */.gJ)(err)}`, { cause: err });
                }
            }
        },
        writeSummary: async (markdown) => {
            if (!process.env.GITHUB_STEP_SUMMARY)
                return;
            try {
                await core/* summary */.z.addRaw(markdown, true).write();
            }
            catch (err) {
                throw new Error(`job summary: ${(0,errors/* errorMessage */.gJ)(err)}`, { cause: err });
            }
        },
        resultsHint: 'Check GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.'
    };
}
/**
 * The workflow run, for the default change log and the tag: the runner's own
 * variables, read directly (what @actions/github's context would read, without
 * loading Octokit for five strings).
 */
function workflowRun(env) {
    const repository = env.GITHUB_REPOSITORY || undefined;
    const ref = env.GITHUB_REF || undefined;
    const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
    const runUrl = repository && env.GITHUB_RUN_ID ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
    return { repository, refName: ref?.replace(/^refs\/(heads|tags)\//, ''), ref, sha: env.GITHUB_SHA || undefined, runUrl };
}


/***/ })

};
