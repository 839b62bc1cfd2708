export const id = 848;
export const ids = [848];
export const modules = {

/***/ 9848:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction)
});

// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(143);
// EXTERNAL MODULE: ./src/boomi/contract.ts
var contract = __webpack_require__(4922);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/net/retry.ts

const DEFAULT_BACKOFF = { baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 };
const realSleep = ms => new Promise(resolve => setTimeout(resolve, ms));
/** 429, 5xx and network failures may pass; any other answer will not change by asking again. */
function isRetryable(err) {
    // A certificate that fails verification will fail the same way next time.
    if (err instanceof errors/* NetworkError */.Dr)
        return !/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(err.code);
    if (err instanceof errors/* BoomiError */.JE)
        return err.status === 429 || err.status >= 500;
    return false;
}
/**
 * A failure that may nonetheless have done the work: an answer that never came
 * after the request was written, or a 5xx other than 503. Only a clear "not
 * now" (429, 503) or a request that was never written proves nothing happened.
 */
function mayHaveTakenEffect(err) {
    if (err instanceof errors/* NetworkError */.Dr)
        return !err.notSent;
    if (err instanceof errors/* BoomiError */.JE)
        return err.status >= 500 && err.status !== 503;
    return false;
}
/** Full jitter: a uniform draw below the exponential ceiling; `Retry-After` wins when given. */
function backoffDelay(attempt, err, policy) {
    if (err instanceof errors/* BoomiError */.JE && err.retryAfterMs !== undefined) {
        return Math.min(err.retryAfterMs, policy.maxRetryAfterMs);
    }
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.floor(policy.random() * ceiling);
}
/**
 * Runs `attempt` until it succeeds, fails for good, or `maxAttempts` tries are
 * spent. `recover` is asked after each retryable failure (the last one too)
 * whether the work was done after all, e.g. an upload whose answer was lost;
 * a result from it ends the loop.
 */
async function withRetries(what, policy, attempt, recover) {
    for (let n = 1;; n++) {
        try {
            return await attempt(n);
        }
        catch (err) {
            if (!isRetryable(err))
                throw err;
            if (recover) {
                const recovered = await recover(err, n);
                if (recovered !== undefined)
                    return recovered;
            }
            if (n >= policy.maxAttempts)
                throw gaveUp(err, n);
            const delay = backoffDelay(n, err, policy);
            policy.log(`${what}: attempt ${n} of ${policy.maxAttempts} failed: ${(0,errors/* errorMessage */.gJ)(err)}; retrying in ${delay} ms`);
            await policy.sleep(delay);
        }
    }
}
/** The last failure, saying that the tries ran out and how to allow more. */
function gaveUp(err, attempts) {
    if (err instanceof Error)
        err.message = `${err.message} (gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}; raise max-attempts to try longer)`;
    return err;
}
/** `Retry-After` as seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value, now) {
    if (!value)
        return undefined;
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.round(Number(text) * 1000);
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}

;// CONCATENATED MODULE: ./src/boomi/client.ts



class HttpBoomiClient {
    opts;
    base;
    authorization;
    warned = new Set();
    constructor(opts) {
        this.opts = opts;
        this.base = `${opts.apiUrl}/${encodeURIComponent(opts.accountId)}`;
        this.authorization = `Basic ${Buffer.from(`${opts.username}:${opts.apiToken}`).toString('base64')}`;
    }
    async listGroup(groupType) {
        // A queryMore token is single-use; if Boomi rejects a retried one, the listing starts over.
        for (let restart = 0;; restart++) {
            const versions = [];
            let page = await this.retried('query', () => this.send('query', 'POST', contract/* PATHS */.R7.query, (0,contract/* queryBody */.Dg)(groupType), 'application/json'));
            let pageNo = 1;
            for (;;) {
                const parsed = parseQueryResult(page);
                versions.push(...parsed.result);
                this.opts.log.debug(`query page ${pageNo}: ${parsed.result.length} versions (${versions.length} of ${parsed.numberOfResults ?? '?'})`);
                if (!parsed.queryToken)
                    return versions;
                const token = parsed.queryToken;
                let retriedToken = false;
                try {
                    page = await this.retried('queryMore', n => {
                        retriedToken = n > 1;
                        return this.send('queryMore', 'POST', contract/* PATHS */.R7.queryMore, token, 'text/plain');
                    });
                }
                catch (err) {
                    const rejectedAfterRetry = retriedToken && err instanceof errors/* BoomiError */.JE && err.status >= 400 && err.status < 500;
                    if (rejectedAfterRetry && restart + 1 < this.opts.retry.maxAttempts) {
                        this.opts.log.info(`queryMore: the page token was used up by a failed attempt; listing ${groupType} again from the start`);
                        break;
                    }
                    throw err;
                }
                pageNo++;
            }
        }
    }
    async createVersion(_groupType, body) {
        const text = await this.send('create', 'POST', contract/* PATHS */.R7.create, body);
        return parseVersion(text, 'create');
    }
    async deleteVersion(groupType, versionId) {
        const { method, path, body } = (0,contract/* deleteRequest */.Fb)(groupType, versionId);
        let answerLost = false;
        try {
            await this.retried(`delete ${versionId}`, async () => {
                try {
                    return await this.send('delete', method, path, body, 'application/json');
                }
                catch (err) {
                    if (mayHaveTakenEffect(err))
                        answerLost = true;
                    throw err;
                }
            });
        }
        catch (err) {
            // A refusal after a lost answer may only mean the first attempt already deleted it.
            if (answerLost && err instanceof errors/* BoomiError */.JE)
                err.afterLostAnswer = true;
            throw err;
        }
    }
    retried(what, attempt) {
        return withRetries(what, this.opts.retry, attempt);
    }
    /** One paced request; answers 2xx with the body text, anything else as a BoomiError. */
    async send(operation, method, path, body, contentType) {
        const headers = {
            Authorization: this.authorization,
            Accept: 'application/json'
        };
        if (contentType)
            headers['Content-Type'] = contentType;
        this.opts.log.debug(`${method} ${path}`);
        const res = await this.opts.transport({
            operation,
            method,
            url: new URL(this.base + path),
            headers,
            body,
            timeoutMs: this.opts.timeoutMs,
            beforeConnect: () => this.opts.pacer.due(),
            beforeSend: () => this.opts.pacer.take()
        });
        this.warnDeprecation(res.headers);
        if (res.status >= 200 && res.status < 300)
            return res.text;
        throw toBoomiError(operation, res, (this.opts.now ?? Date.now)());
    }
    warnDeprecation(headers) {
        for (const name of ['deprecation', 'sunset', 'warning']) {
            const value = headers[name];
            if (value === undefined)
                continue;
            const line = `Boomi API ${name}: ${Array.isArray(value) ? value.join(', ') : value}`;
            if (this.warned.has(line))
                continue;
            this.warned.add(line);
            this.opts.log.warning(`${line}. Boomi may retire this endpoint; check for a newer release of this action.`);
        }
    }
}
const HINTS = {
    401: 'Check username (the user the token belongs to; BOOMI_TOKEN. is added for you) and api-token (a current Boomi API token).',
    403: "Check that the user may manage this account's custom connectors (Developer privileges for connector development) and that account-id is right.",
    404: 'Check api-url and its path prefix (/partner/api/rest/v1 or /api/rest/v1) and account-id.',
    410: 'Boomi has retired this endpoint: check api-url and its prefix, and look for a newer release of this action.'
};
function toBoomiError(operation, res, now) {
    const message = parseErrorMessage(res.text, String(res.headers['content-type'] ?? ''));
    const retryAfter = parseRetryAfter(headerValue(res.headers['retry-after']), now);
    let hint = HINTS[res.status];
    if (res.status === 503 || res.status === 429)
        hint = 'Boomi is busy or rate-limiting this account; lower requests-per-second if this persists.';
    return new errors/* BoomiError */.JE(operation, res.status, message, retryAfter, hint);
}
function headerValue(value) {
    return Array.isArray(value) ? value[0] : value;
}
/** Reads Boomi's four error shapes; falls back to the raw text, shortened. */
function parseErrorMessage(text, contentType = '') {
    const body = text.trim();
    if (!body)
        return '';
    if (body.startsWith('{') || contentType.includes('json')) {
        try {
            const json = JSON.parse(body);
            const nested = json.error;
            const candidate = (typeof json.message === 'string' && json.message) ||
                (nested && typeof nested === 'object' && typeof nested.message === 'string' && nested.message) ||
                (typeof nested === 'string' && nested);
            if (candidate)
                return candidate.trim();
        }
        catch {
            // not JSON after all
        }
    }
    if (body.startsWith('<')) {
        const match = /<message>([\s\S]*?)<\/message>/i.exec(body);
        if (match)
            return decodeXml(match[1]).trim();
    }
    const flat = body.replace(/\s+/g, ' ');
    return flat.length > 500 ? `${flat.slice(0, 500)}…` : flat;
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
function parseJson(text, operation) {
    try {
        return JSON.parse(text);
    }
    catch {
        throw new errors/* BoomiError */.JE(operation, 200, `the answer was not JSON: ${parseErrorMessage(text)}`, undefined, 'Check api-url: it may point at something other than the Boomi API.');
    }
}
function parseQueryResult(text) {
    const json = parseJson(text, 'query');
    const result = json && Array.isArray(json.result) ? json.result : [];
    return {
        numberOfResults: typeof json?.numberOfResults === 'number' ? json.numberOfResults : undefined,
        queryToken: typeof json?.queryToken === 'string' && json.queryToken ? json.queryToken : undefined,
        result: result.map(v => normaliseVersion(v, 'query'))
    };
}
function parseVersion(text, operation) {
    return normaliseVersion(parseJson(text, operation), operation);
}
function normaliseVersion(value, operation) {
    const v = value;
    const id = v?.versionId;
    if (!v || (typeof id !== 'string' && typeof id !== 'number')) {
        throw new errors/* BoomiError */.JE(operation, 200, 'the answer holds a version without a versionId', undefined, 'Check api-url: it may point at something other than the Boomi ConnectorVersion API.');
    }
    return { ...v, versionId: String(id) };
}

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
;// CONCATENATED MODULE: ./src/net/transport.ts





/**
 * Sends requests with node's http(s) over the agent that @actions/http-client
 * chooses, so `https_proxy`, `no_proxy` and runner proxy settings are honoured.
 * Node's request is used directly (rather than HttpClient.request) to enforce a
 * limit on the whole request, abort it cleanly, and stream a body of known
 * length without buffering it.
 */
function createTransport(userAgent) {
    const proxyAware = new lib/* HttpClient */.Qq(userAgent, undefined, { keepAlive: true, allowRetries: false });
    return async (req) => {
        await req.beforeConnect?.();
        return new Promise((resolve, reject) => {
            const isHttps = req.url.protocol === 'https:';
            const headers = { ...req.headers, 'User-Agent': userAgent };
            if (typeof req.body === 'string') {
                headers['Content-Length'] = Buffer.byteLength(req.body);
            }
            else if (req.body) {
                Object.assign(headers, req.body.headers);
                headers['Content-Length'] = req.body.length;
            }
            const options = {
                method: req.method,
                host: req.url.hostname.replace(/^\[|\]$/g, ''),
                port: req.url.port || (isHttps ? 443 : 80),
                path: req.url.pathname + req.url.search,
                headers,
                agent: proxyAware.getAgent(req.url.href)
            };
            let sent = false;
            let settled = false;
            const fail = (code, detail) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                reject(new errors/* NetworkError */.Dr(req.operation, code, detail, !sent));
            };
            const request = (isHttps ? external_node_https_ : external_node_http_).request(options, res => {
                const chunks = [];
                res.on('data', (chunk) => chunks.push(chunk));
                res.on('error', err => fail(errorCode(err), `the answer was cut off (${err.message})`));
                res.on('end', () => {
                    if (settled)
                        return;
                    settled = true;
                    clearTimeout(timer);
                    resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') });
                });
            });
            request.on('error', err => fail(errorCode(err), describeNetworkError(err)));
            const timer = setTimeout(() => {
                fail('ETIMEDOUT', `no complete answer within ${req.timeoutMs / 1000} s (timeout-seconds)`);
                request.destroy();
            }, req.timeoutMs);
            const write = () => {
                if (settled)
                    return;
                sent = true;
                if (req.body === undefined || typeof req.body === 'string') {
                    request.end(req.body);
                }
                else {
                    const source = req.body.open();
                    source.on('error', err => {
                        fail('EREAD', `could not read the archive while sending it: ${err.message}`);
                        request.destroy();
                    });
                    source.pipe(request);
                }
            };
            let ready = false;
            const onReady = () => {
                if (ready)
                    return;
                ready = true;
                if (!req.beforeSend)
                    return write();
                req.beforeSend().then(write, err => {
                    fail('EABORT', String(err));
                    request.destroy();
                });
            };
            // Nothing is written until the connection is ready: headers go out with the first write.
            request.on('socket', socket => {
                if (request.reusedSocket)
                    onReady();
                else if (socket instanceof external_node_tls_.TLSSocket) {
                    if (handshakeDone(socket))
                        onReady();
                    else
                        socket.once('secureConnect', onReady);
                }
                else if (socket.connecting)
                    socket.once('connect', onReady);
                else
                    onReady();
            });
        });
    };
}
function handshakeDone(socket) {
    // Both stay unset until the handshake ends (getProtocol() answers earlier, so it cannot tell).
    return socket.authorized || socket.authorizationError != null;
}
function errorCode(err) {
    return err.code ?? 'ERROR';
}
function describeNetworkError(err) {
    const code = errorCode(err);
    // The proxy agent reports a refused CONNECT as a reset; its message says what the proxy answered.
    if (/tunneling socket/i.test(err.message))
        return `the proxy refused the connection (${err.message})`;
    if (code === 'ECONNRESET' || err.message === 'socket hang up')
        return 'the connection was dropped before an answer came';
    if (code === 'ECONNREFUSED')
        return `the connection was refused (${err.message})`;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return `the host name could not be resolved (${err.message})`;
    return err.message || code;
}

;// CONCATENATED MODULE: ./src/domain/changelog.ts
/** The line that marks a version as an upload of one exact archive (SPEC §3.3). */
function checksumLine(sha256) {
    return `sha256: ${sha256.toLowerCase()}`;
}
/** The change log sent: the text, a blank line, and the checksum line last. */
function buildChangeLog(text, sha256) {
    return `${text.replace(/\s+$/, '')}\n\n${checksumLine(sha256)}`;
}
function hasChecksumLine(changeLog, sha256) {
    if (!changeLog)
        return false;
    const wanted = checksumLine(sha256);
    return changeLog.split(/\r?\n/).some(line => line.trim() === wanted);
}
/** e.g. "acme/connector v1.4.0 (3f2c1ab), https://github.com/acme/connector/actions/runs/42" */
function defaultChangeLog(ctx) {
    const parts = [];
    if (ctx.repository)
        parts.push(ctx.repository);
    if (ctx.refName)
        parts.push(ctx.refName);
    if (ctx.sha)
        parts.push(`(${ctx.sha.slice(0, 7)})`);
    const what = parts.length ? `Released from ${parts.join(' ')}` : 'Released by boomi-connector-action';
    return ctx.runUrl ? `${what}, ${ctx.runUrl}` : what;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/archive/glob.ts


const MAGIC = /[*?[]/;
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
/** A glob segment ('*', '?', '[a-z]', '[!x]') as a regular expression for one name. */
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
            out += `[${negate ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
            i = end;
        }
        else
            out += c.replace(/[.+^${}()|\\/]/g, '\\$&');
    }
    // As in a shell, wildcards do not match a leading dot unless the pattern has one.
    const dot = segment.startsWith('.') ? '' : '(?!\\.)';
    return new RegExp(`^${dot}${out}$`, caseInsensitive ? 'i' : '');
}
/**
 * Every path matching `pattern` (relative to `cwd`), sorted. Supports '*', '?',
 * '[…]' within a segment and '**' for any depth; symbolic links to
 * directories are not followed by '**', so a link loop cannot hang the walk.
 */
async function glob(pattern, cwd, path = external_node_path_) {
    const { root, segments } = splitPattern(pattern, cwd, path);
    const caseInsensitive = path.sep === '\\';
    const results = new Set();
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
        const re = segmentRegExp(segment, caseInsensitive);
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

;// CONCATENATED MODULE: ./src/archive/locate.ts





/** Finds the one file `pattern` names, relative to the workspace, and checks it is a non-empty zip. */
async function locateArchive(pattern, workspace) {
    const literal = external_node_path_.resolve(workspace, pattern);
    // A name that exists as written wins, even if it holds glob characters ('conn[1].zip').
    const matches = hasMagic(pattern) && !(await exists(literal)) ? await glob(pattern, workspace) : [literal];
    const shown = (p) => external_node_path_.relative(workspace, p) || p;
    if (matches.length === 0) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `No file matches ${constants/* Input */.pd.archive} '${pattern}' (looked in ${workspace}). Check that the build step ran and the path or glob is relative to the workspace, e.g. build/distributions/*.car.zip.`);
    }
    if (matches.length > 1) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `${constants/* Input */.pd.archive} '${pattern}' matches ${matches.length} files, but must match exactly one: ${matches.map(shown).join(', ')}. Narrow the pattern or clean the build directory.`);
    }
    const file = matches[0];
    let stat;
    try {
        stat = await external_node_fs_.promises.stat(file);
    }
    catch {
        throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `No file matches ${constants/* Input */.pd.archive} '${pattern}': ${shown(file)} does not exist. Check that the build step ran and the path is relative to the workspace.`);
    }
    if (!stat.isFile()) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `${constants/* Input */.pd.archive} '${pattern}' names ${shown(file)}, which is not a regular file. Point it at the connector zip itself.`);
    }
    if (stat.size === 0) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `${constants/* Input */.pd.archive} ${shown(file)} is empty. Check the build step that makes the connector zip.`);
    }
    const handle = await external_node_fs_.promises.open(file, 'r');
    try {
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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
/** Live versions whose change log carries this archive's checksum line, newest first. */
function findDuplicates(listing, sha256) {
    return liveVersions(listing)
        .filter(v => hasChecksumLine(v.changeLog, sha256))
        .sort(newestFirst);
}
/**
 * After an upload whose answer was lost: a live version with the checksum line
 * that was not in the listing taken before the upload is this run's upload.
 */
function findLostUpload(listing, sha256, idsBefore) {
    return findDuplicates(listing, sha256).find(v => !idsBefore.has(v.versionId));
}
function protectionReason(v) {
    if (v.reviewStatus && contract/* PROTECTED_REVIEW_STATUSES */.VQ.has(v.reviewStatus))
        return `review status ${v.reviewStatus}`;
    if (contract/* RELEASE_VERSION_IS_PROTECTED */.jM && v.releaseVersion === true)
        return 'release version';
    return undefined;
}
function planPrune(req) {
    const plan = { keep: [], delete: [], skip: [] };
    const live = liveVersions(req.listing);
    const dated = live.filter(v => !Number.isNaN(uploadedAt(v)) || v.versionId === req.runVersionId);
    for (const v of live) {
        if (!dated.includes(v))
            plan.skip.push({ version: v, reason: 'upload date missing or unreadable' });
    }
    dated.sort(newestFirst);
    if (req.runVersionUploaded && req.runVersionId !== undefined) {
        const i = dated.findIndex(v => v.versionId === req.runVersionId);
        if (i > 0)
            dated.unshift(...dated.splice(i, 1));
    }
    const places = Math.max(0, req.keepLatest - (req.pendingUpload ? 1 : 0));
    const minAgeMs = req.minAgeDays === undefined ? undefined : req.minAgeDays * DAY_MS;
    dated.forEach((v, index) => {
        if (v.versionId === req.runVersionId) {
            plan.keep.push({ version: v, reason: req.runVersionUploaded ? 'uploaded by this run' : 'reused by this run' });
        }
        else if (index < places) {
            plan.keep.push({ version: v, reason: `among the newest ${req.keepLatest}` });
        }
        else if (minAgeMs !== undefined && req.now - uploadedAt(v) < minAgeMs) {
            plan.keep.push({ version: v, reason: `younger than ${req.minAgeDays} days` });
        }
        else {
            const protectedBy = protectionReason(v);
            if (protectedBy)
                plan.skip.push({ version: v, reason: protectedBy });
            else
                plan.delete.push({ version: v, reason: `older than the newest ${req.keepLatest}${minAgeMs !== undefined ? ` and ${req.minAgeDays} days` : ''}` });
        }
    });
    return plan;
}

;// CONCATENATED MODULE: ./src/orchestrator/prune.ts



function describe(v) {
    const parts = [v.displayVersion ? `display version ${v.displayVersion}` : undefined, v.uploadedDate ? `uploaded ${v.uploadedDate}` : undefined].filter(Boolean);
    return parts.length ? `${v.versionId} (${parts.join(', ')})` : v.versionId;
}
/**
 * Carries out the plan's deletions, oldest first, a few at a time (the client
 * paces them). A refusal is a skip; any other failure is recorded and the rest
 * go on, except 401/403, which would fail the same way for every one.
 */
async function executePrune(client, groupType, plan, concurrency, log) {
    const outcome = { deleted: [], skipped: [...plan.skip], failed: [], notTried: [] };
    const queue = [...plan.delete].reverse();
    // Refused after a lost answer, or not found: perhaps deleted by an earlier attempt; looked up at the end.
    const unsure = [];
    let stop;
    let done = 0;
    const worker = async () => {
        for (let item = queue.shift(); item; item = queue.shift()) {
            if (stop) {
                outcome.notTried.push(item.version);
                continue;
            }
            try {
                await client.deleteVersion(groupType, item.version.versionId);
                outcome.deleted.push(item);
                log.info(`deleted ${describe(item.version)} [${++done}/${plan.delete.length}]`);
            }
            catch (err) {
                done++;
                if (err instanceof errors/* BoomiError */.JE && (0,contract/* isDeleteRefusal */.Ie)(err.status)) {
                    const reason = `refused by Boomi: ${err.boomiMessage || `HTTP ${err.status}`}`;
                    if (err.afterLostAnswer || err.status === 404)
                        unsure.push({ item, refusal: reason });
                    else {
                        outcome.skipped.push({ version: item.version, reason });
                        log.warning(`Version ${describe(item.version)} was not deleted: ${reason}`);
                    }
                }
                else if (mayHaveTakenEffect(err)) {
                    // The last attempt's answer was lost: the delete may have happened.
                    unsure.push({ item, failure: (0,errors/* errorMessage */.gJ)(err) });
                }
                else {
                    outcome.failed.push({ version: item.version, error: (0,errors/* errorMessage */.gJ)(err) });
                    log.warning(`Deleting version ${describe(item.version)} failed: ${(0,errors/* errorMessage */.gJ)(err)}`);
                    if (err instanceof errors/* BoomiError */.JE && (err.status === 401 || err.status === 403))
                        stop = (0,errors/* errorMessage */.gJ)(err);
                }
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker));
    if (unsure.length)
        await settleUnsure(client, groupType, unsure, outcome, log);
    // Report in the plan's order (newest first), whatever order the workers finished in.
    const order = new Map(plan.delete.map((p, i) => [p.version.versionId, i]));
    outcome.deleted.sort((a, b) => (order.get(a.version.versionId) ?? 0) - (order.get(b.version.versionId) ?? 0));
    return outcome;
}
/** One more listing tells whether a delete whose answer was lost did happen. */
async function settleUnsure(client, groupType, unsure, outcome, log) {
    log.info(`${unsure.length} deletion(s) lost their answer or found nothing to delete; listing ${groupType} to see whether they happened`);
    let listing;
    try {
        listing = await client.listGroup(groupType);
    }
    catch (err) {
        for (const { item } of unsure)
            outcome.failed.push({ version: item.version, error: `outcome unknown: the answer was lost and the group could not be listed (${(0,errors/* errorMessage */.gJ)(err)})` });
        return;
    }
    const byId = new Map(listing.map(v => [v.versionId, v]));
    for (const { item, refusal, failure } of unsure) {
        const now = byId.get(item.version.versionId);
        if (!now || now.deleted === true) {
            outcome.deleted.push(item);
            log.info(`deleted ${describe(item.version)} (its answer was lost; the listing shows it deleted)`);
        }
        else if (refusal) {
            outcome.skipped.push({ version: item.version, reason: refusal });
            log.warning(`Version ${describe(item.version)} was not deleted: ${refusal}`);
        }
        else {
            outcome.failed.push({ version: item.version, error: failure ?? 'the delete failed' });
            log.warning(`Deleting version ${describe(item.version)} failed: ${failure}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/orchestrator/upload.ts




class VersionLimitError extends Error {
    refusal;
    constructor(refusal) {
        super(refusal.message);
        this.refusal = refusal;
        this.name = 'VersionLimitError';
    }
}
/**
 * Uploads once, retrying as the policy allows, and never knowingly leaves two
 * versions of one archive. After a failure that may have created the version
 * (see mayHaveTakenEffect) it waits `settleMs`, lists the group, and takes a
 * new version carrying the checksum line as this upload. Whenever an answer
 * was lost, however the attempts end, it waits and looks once more before
 * returning: an attempt that Boomi stored late shows up as a twin, and twins
 * are deleted.
 */
async function uploadVersion(client, groupType, sha256, body, listingBefore, policy, log) {
    const idsBefore = new Set(listingBefore.map(v => v.versionId));
    let listing;
    let answerLost = false;
    const look = async () => {
        log.info(`upload: waiting ${policy.settleMs} ms, then listing ${groupType} to see whether a lost attempt created the version`);
        await policy.sleep(policy.settleMs);
        listing = await client.listGroup(groupType);
        const found = findLostUpload(listing, sha256, idsBefore);
        log.info(found
            ? `upload: found version ${found.versionId} carrying this archive's checksum; it is this run's upload`
            : 'upload: no new version carries this checksum');
        return found;
    };
    let version;
    for (let n = 1; !version; n++) {
        try {
            version = await createOnce(client, groupType, body);
        }
        catch (err) {
            const retryable = isRetryable(err);
            const lost = retryable && mayHaveTakenEffect(err);
            if (lost) {
                answerLost = true;
                log.info(`upload: the answer was lost (${(0,errors/* errorMessage */.gJ)(err)})`);
            }
            // A refusal, or running out of attempts, after a lost answer: the lost attempt may be the version.
            if (lost || ((!retryable || n >= policy.maxAttempts) && answerLost)) {
                version = await look();
                if (version)
                    break;
            }
            if (!retryable) {
                if (answerLost && err instanceof Error)
                    err.message += '. An earlier attempt lost its answer; if Boomi stores it later, a re-run will find and reuse it.';
                throw err;
            }
            if (n >= policy.maxAttempts)
                throw gaveUp(err, n);
            // After a lost answer the settle wait has already spaced the attempts; a Retry-After still counts.
            const delay = lost ? Math.max(0, (err instanceof errors/* BoomiError */.JE ? (err.retryAfterMs ?? 0) : 0) - policy.settleMs) : backoffDelay(n, err, policy);
            policy.log(`upload: attempt ${n} of ${policy.maxAttempts} failed: ${(0,errors/* errorMessage */.gJ)(err)}; retrying in ${delay} ms`);
            await policy.sleep(delay);
        }
    }
    if (!answerLost)
        return { version, listing, strayTwins: [] };
    const checked = await removeLateTwins(client, groupType, sha256, idsBefore, version, policy, log);
    return { version, listing: checked.listing ?? listing, strayTwins: checked.stray };
}
async function createOnce(client, groupType, body) {
    try {
        return await client.createVersion(groupType, body);
    }
    catch (err) {
        if (err instanceof errors/* BoomiError */.JE && (0,contract/* isVersionLimitRefusal */.KL)(err.status, err.boomiMessage))
            throw new VersionLimitError(err);
        throw err;
    }
}
/**
 * The last look after a lost answer: any other new version with this
 * checksum is a copy an attempt left behind; it is deleted. A failure to look
 * is a warning (the version is kept and reported); a copy that cannot be
 * deleted is returned so the run can fail after setting its outputs.
 */
async function removeLateTwins(client, groupType, sha256, idsBefore, kept, policy, log) {
    log.info(`upload: an attempt's answer was lost; waiting ${policy.settleMs} ms and checking that it left no second version`);
    await policy.sleep(policy.settleMs);
    const twinsIn = (listing) => findDuplicates(listing, sha256).filter(v => !idsBefore.has(v.versionId) && v.versionId !== kept.versionId);
    let listing;
    try {
        listing = await client.listGroup(groupType);
    }
    catch (err) {
        log.warning(`Could not check for a second copy of this archive (${(0,errors/* errorMessage */.gJ)(err)}). Version ${kept.versionId} is this run's upload; check group ${groupType} for another version whose change log ends with this checksum.`);
        return { stray: [] };
    }
    const twins = twinsIn(listing);
    let failed = false;
    for (const twin of twins) {
        log.warning(`Version ${twin.versionId} is a second copy of this archive, left by an upload attempt whose answer was lost; deleting it and keeping ${kept.versionId}.`);
        try {
            await client.deleteVersion(groupType, twin.versionId);
            twin.deleted = true;
        }
        catch (err) {
            failed = true;
            log.warning(`Deleting the second copy ${twin.versionId} failed: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
    if (!listing.some(v => v.versionId === kept.versionId))
        listing.push(kept);
    if (!failed)
        return { listing, stray: [] };
    // A delete whose answer was lost may have worked: the listing has the last word.
    try {
        const again = await client.listGroup(groupType);
        if (!again.some(v => v.versionId === kept.versionId))
            again.push(kept);
        return { listing: again, stray: twinsIn(again) };
    }
    catch {
        return { listing, stray: twins.filter(t => t.deleted !== true) };
    }
}

;// CONCATENATED MODULE: ./src/domain/summary.ts
const OUTCOME_TEXT = {
    uploaded: 'Uploaded a new version',
    reused: 'Reused the existing version of this archive (no upload)',
    'would-upload': 'Dry run: would upload a new version',
    'would-reuse': 'Dry run: would reuse the existing version of this archive',
    'refused-duplicate': 'Not uploaded: this archive is already a version of the group (if-exists: fail)',
    'upload-failed': 'Upload failed',
    'not-uploaded': 'Not uploaded: the run stopped before the upload',
    none: 'No upload (prune only)'
};
function cell(text) {
    return (text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>') || '–';
}
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    const units = ['KiB', 'MiB', 'GiB'];
    let value = n;
    let unit = 'B';
    for (const u of units) {
        if (value < 1024)
            break;
        value /= 1024;
        unit = u;
    }
    return `${value.toFixed(1)} ${unit}`;
}
/** The job summary as Markdown: the version, its checksum, and every pruning decision with its reason. */
function renderSummary(r) {
    const lines = [];
    lines.push(`## Boomi connector release: \`${r.groupType}\`${r.dryRun ? ' (dry run)' : ''}`, '');
    if (r.error)
        lines.push(`> **Failed:** ${cell(r.error)}`, '');
    lines.push('| | |', '| --- | --- |');
    lines.push(`| Result | ${OUTCOME_TEXT[r.outcome]} |`);
    if (r.archive) {
        lines.push(`| Archive | \`${cell(r.archive.fileName)}\` (${formatBytes(r.archive.size)}) |`);
        lines.push(`| SHA-256 | \`${r.archive.sha256}\` |`);
    }
    if (r.version) {
        lines.push(`| Version ID | \`${cell(r.version.versionId)}\` |`);
        lines.push(`| Display version | ${cell(r.version.displayVersion)} |`);
        lines.push(`| Uploaded | ${cell(r.version.uploadedDate)} |`);
    }
    lines.push('');
    if (r.changeLog) {
        lines.push('<details><summary>Change log</summary>', '', '```text', r.changeLog.replace(/```/g, "'''"), '```', '', '</details>', '');
    }
    if (r.prune) {
        const p = r.prune;
        const verb = r.dryRun ? 'would delete' : 'deleted';
        lines.push(`### Pruning: keep the newest ${p.keepLatest}${p.minAgeDays !== undefined ? `, nothing younger than ${p.minAgeDays} days` : ''}`, '');
        lines.push(`Kept ${p.kept}, ${verb} ${p.deleted.length}, skipped ${p.skipped.length}${p.failed.length ? `, failed ${p.failed.length}` : ''}.`, '');
        const rows = [
            ...p.deleted.map(d => ({ ...d, action: r.dryRun ? 'would delete' : 'deleted' })),
            ...p.skipped.map(s => ({ ...s, action: 'skipped' })),
            ...p.failed.map(f => ({ version: f.version, reason: f.error, action: 'failed' }))
        ];
        if (rows.length) {
            lines.push('| Version ID | Display version | Uploaded | Action | Reason |', '| --- | --- | --- | --- | --- |');
            for (const row of rows) {
                lines.push(`| \`${cell(row.version.versionId)}\` | ${cell(row.version.displayVersion)} | ${cell(row.version.uploadedDate)} | ${row.action} | ${cell(row.reason)} |`);
            }
            lines.push('');
        }
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/orchestrator/release.ts










async function run(deps) {
    const { inputs, log } = deps;
    const report = { groupType: inputs.groupType, dryRun: inputs.dryRun, outcome: inputs.archive ? 'not-uploaded' : 'none' };
    const outputs = new Map([
        [constants/* Output */.k7.versionId, ''],
        [constants/* Output */.k7.displayVersion, ''],
        [constants/* Output */.k7.uploadedDate, ''],
        [constants/* Output */.k7.sha256, ''],
        [constants/* Output */.k7.uploaded, 'false'],
        [constants/* Output */.k7.deletedVersionIds, '[]'],
        [constants/* Output */.k7.skippedVersionIds, '[]']
    ]);
    try {
        await release(deps, report, outputs);
    }
    catch (err) {
        report.error = (0,errors/* errorMessage */.gJ)(err);
        throw err;
    }
    finally {
        for (const [name, value] of outputs)
            deps.setOutput(name, value);
        try {
            await deps.writeSummary(renderSummary(report));
        }
        catch (err) {
            log.warning(`Could not write the job summary: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
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
async function release(deps, report, outputs) {
    const { inputs, log } = deps;
    const dry = inputs.dryRun ? ' (dry run: nothing will be uploaded or deleted)' : '';
    log.info(`Group ${inputs.groupType} in account ${inputs.accountId} at ${inputs.apiUrl}${dry}`);
    // Archive checks come first: a wrong archive is a bad input and costs no request.
    let archive;
    if (inputs.archive) {
        const pattern = inputs.archive;
        archive = await phase(log, 'Archive', async () => {
            const found = await locateArchive(pattern, deps.workspace);
            log.info(`Archive: ${found.path} (${formatBytes(found.size)})`);
            if (found.size > contract/* ARCHIVE_SIZE_GUIDANCE_BYTES */.id) {
                log.warning(`${found.fileName} is ${formatBytes(found.size)}, over Boomi's guidance of ${formatBytes(contract/* ARCHIVE_SIZE_GUIDANCE_BYTES */.id)}; Boomi may refuse or slow down on it.`);
            }
            return found;
        });
    }
    let sha256;
    let listing;
    const client = deps.client();
    if (archive) {
        const found = archive;
        // Without an expected checksum nothing about the group depends on the hash,
        // so the listing is fetched while the archive is being read.
        const early = inputs.expectedSha256 ? undefined : client.then(c => c.listGroup(inputs.groupType));
        early?.catch(() => undefined);
        sha256 = await phase(log, 'Checksum', async () => {
            const started = deps.now();
            const hex = await sha256File(found.path);
            const seconds = Math.max(deps.now() - started, 1) / 1000;
            log.info(`sha256: ${hex} (${formatBytes(found.size / seconds)}/s)`);
            if (inputs.expectedSha256 && hex !== inputs.expectedSha256) {
                throw new errors/* InputError */.dz(constants/* Input */.pd.expectedSha256, `The archive's sha256 is ${hex}, but ${constants/* Input */.pd.expectedSha256} is ${inputs.expectedSha256}. Nothing was uploaded. Check that the right archive was built, or update ${constants/* Input */.pd.expectedSha256}.`);
            }
            return hex;
        });
        outputs.set(constants/* Output */.k7.sha256, sha256);
        report.archive = { fileName: found.fileName, size: found.size, sha256 };
        listing = await phase(log, `Listing ${inputs.groupType}`, async () => logListing(log, inputs.groupType, await (early ?? client.then(c => c.listGroup(inputs.groupType)))));
    }
    else {
        listing = await phase(log, `Listing ${inputs.groupType}`, async () => logListing(log, inputs.groupType, await (await client).listGroup(inputs.groupType)));
    }
    let runVersion;
    let uploaded = false;
    let pendingUpload = false;
    let earlyPrune;
    let strayTwins = [];
    const recordPrune = (outcome, kept) => {
        outputs.set(constants/* Output */.k7.deletedVersionIds, JSON.stringify(outcome.deleted.map(d => d.version.versionId)));
        outputs.set(constants/* Output */.k7.skippedVersionIds, JSON.stringify(outcome.skipped.map(s => s.version.versionId)));
        if (inputs.keepLatest !== undefined) {
            report.prune = {
                keepLatest: inputs.keepLatest,
                minAgeDays: inputs.minAgeDays,
                kept,
                deleted: outcome.deleted,
                skipped: outcome.skipped,
                failed: outcome.failed
            };
        }
    };
    if (archive && sha256) {
        const found = archive;
        const hex = sha256;
        await phase(log, 'Upload', async () => {
            const duplicates = findDuplicates(listing, hex);
            if (duplicates.length && inputs.ifExists !== 'upload') {
                const newest = duplicates[0];
                if (inputs.ifExists === 'fail') {
                    report.outcome = 'refused-duplicate';
                    throw new Error(`This archive (sha256 ${hex}) was already uploaded to ${inputs.groupType} as version ${ids(duplicates)}, and ${constants/* Input */.pd.ifExists} is 'fail'. Build a changed archive, or set ${constants/* Input */.pd.ifExists} to 'skip' to reuse the existing version.`);
                }
                runVersion = newest;
                report.outcome = inputs.dryRun ? 'would-reuse' : 'reused';
                report.changeLog = newest.changeLog;
                log.info(`This archive was already uploaded as version ${describe(newest)}; reusing it (${constants/* Input */.pd.ifExists}: skip).`);
                return;
            }
            if (duplicates.length)
                log.info(`This archive was already uploaded as version ${ids(duplicates)}; uploading again (${constants/* Input */.pd.ifExists}: upload).`);
            const text = inputs.changeLog ?? defaultChangeLog(await deps.runContext());
            const changeLog = buildChangeLog(text, hex);
            report.changeLog = changeLog;
            if (inputs.dryRun) {
                pendingUpload = true;
                report.outcome = 'would-upload';
                log.info(`Dry run: would upload ${found.fileName} (${formatBytes(found.size)}) to ${inputs.groupType} with change log:\n${changeLog}`);
                return;
            }
            report.outcome = 'upload-failed';
            const makeBody = await deps.multipart();
            const body = makeBody({ archivePath: found.path, fileName: found.fileName, size: found.size, groupType: inputs.groupType, changeLog, sha256: hex }, progressLogger(log, found.size, deps.now));
            const c = await client;
            log.info(`Uploading ${found.fileName} (${formatBytes(found.size)}) to ${inputs.groupType}`);
            const started = deps.now();
            let result;
            try {
                result = await uploadVersion(c, inputs.groupType, hex, body, listing, deps.uploadPolicy, log);
            }
            catch (err) {
                if (!(err instanceof VersionLimitError))
                    throw err;
                if (inputs.keepLatest === undefined) {
                    throw new Error(`Boomi refused the upload: the account holds its maximum of ${contract/* MAX_VERSIONS_PER_ACCOUNT */.bY} connector versions (Boomi said: ${err.refusal.boomiMessage}). Set ${constants/* Input */.pd.keepLatest} to prune old versions of ${inputs.groupType} before uploading, or delete unused versions in the Developer tab.`, { cause: err });
                }
                log.warning(`Boomi refused the upload: the account is at its version limit (${err.refusal.boomiMessage}). Pruning ${inputs.groupType} first, then uploading once more.`);
                // The pending upload counts as the newest: this deletes what the finished run would have deleted anyway.
                const plan = planPrune({ listing, keepLatest: inputs.keepLatest, minAgeDays: inputs.minAgeDays, now: deps.now(), pendingUpload: true });
                logPlan(log, plan, false);
                earlyPrune = await executePrune(c, inputs.groupType, plan, deps.deleteConcurrency, log);
                markDeleted(listing, earlyPrune);
                recordPrune(earlyPrune, plan.keep.length);
                if (earlyPrune.deleted.length === 0) {
                    const why = earlyPrune.failed.length ? pruneFailures(earlyPrune) : `pruning ${inputs.groupType} to ${inputs.keepLatest} freed none`;
                    throw new Error(`Boomi refused the upload because the account holds its maximum of ${contract/* MAX_VERSIONS_PER_ACCOUNT */.bY} connector versions, and ${why}. Delete unused versions of other connector groups, or lower ${constants/* Input */.pd.keepLatest}.`, { cause: err });
                }
                result = await uploadVersion(c, inputs.groupType, hex, body, listing, deps.uploadPolicy, log);
            }
            if (result.listing) {
                listing = result.listing;
                if (earlyPrune)
                    markDeleted(listing, earlyPrune);
            }
            runVersion = result.version;
            strayTwins = result.strayTwins;
            if (!listing.some(v => v.versionId === result.version.versionId))
                listing.push(result.version);
            uploaded = true;
            report.outcome = 'uploaded';
            log.info(`Uploaded version ${describe(result.version)} in ${((deps.now() - started) / 1000).toFixed(1)} s`);
        });
    }
    if (runVersion) {
        report.version = runVersion;
        outputs.set(constants/* Output */.k7.versionId, runVersion.versionId);
        outputs.set(constants/* Output */.k7.displayVersion, runVersion.displayVersion ?? '');
        outputs.set(constants/* Output */.k7.uploadedDate, runVersion.uploadedDate ?? '');
    }
    outputs.set(constants/* Output */.k7.uploaded, String(uploaded));
    const keepLatest = inputs.keepLatest;
    if (keepLatest !== undefined) {
        await phase(log, 'Prune', async () => {
            const plan = planPrune({
                listing,
                keepLatest,
                minAgeDays: inputs.minAgeDays,
                now: deps.now(),
                runVersionId: runVersion?.versionId,
                runVersionUploaded: uploaded,
                pendingUpload
            });
            if (earlyPrune) {
                // Versions Boomi already refused before the upload are not asked for again.
                const refused = new Set(earlyPrune.skipped.map(s => s.version.versionId));
                plan.delete = plan.delete.filter(d => !refused.has(d.version.versionId));
            }
            logPlan(log, plan, inputs.dryRun);
            let outcome;
            if (inputs.dryRun) {
                outcome = { deleted: plan.delete, skipped: plan.skip, failed: [], notTried: [] };
            }
            else {
                outcome = await executePrune(await client, inputs.groupType, plan, deps.deleteConcurrency, log);
            }
            if (earlyPrune) {
                const early = earlyPrune;
                outcome = {
                    deleted: [...early.deleted, ...outcome.deleted],
                    skipped: [...early.skipped, ...outcome.skipped.filter(s => !early.skipped.some(e => e.version.versionId === s.version.versionId))],
                    failed: [...early.failed, ...outcome.failed],
                    notTried: [...early.notTried, ...outcome.notTried]
                };
            }
            recordPrune(outcome, plan.keep.length);
            const verb = inputs.dryRun ? 'would delete' : 'deleted';
            log.info(`Pruning: kept ${plan.keep.length}, ${verb} ${outcome.deleted.length}, skipped ${outcome.skipped.length}, failed ${outcome.failed.length}`);
            if (outcome.failed.length || outcome.notTried.length)
                throw new Error(`Pruning failed: ${pruneFailures(outcome)}.`);
        });
    }
    if (strayTwins.length) {
        throw new Error(`Version ${runVersion?.versionId} was uploaded, but an attempt whose answer was lost also stored ${ids(strayTwins)}, a second copy of this archive, and it could not be deleted. Delete ${ids(strayTwins)} in the Developer tab.`);
    }
}
/** "2 deletions failed (7 done, 3 not tried): 1001, 1002: <message>" — identical messages said once. */
function pruneFailures(outcome) {
    const byMessage = new Map();
    for (const f of outcome.failed)
        byMessage.set(f.error, [...(byMessage.get(f.error) ?? []), f.version.versionId]);
    const untried = outcome.notTried.length ? `, ${outcome.notTried.length} not tried after it` : '';
    const reasons = [...byMessage].map(([message, ids]) => `${ids.join(', ')}: ${message}`).join('; ');
    return `${outcome.failed.length} deletion${outcome.failed.length === 1 ? '' : 's'} failed (${outcome.deleted.length} done${untried}): ${reasons}`;
}
function logListing(log, groupType, listing) {
    const deleted = listing.filter(v => v.deleted === true).length;
    log.info(`${listing.length - deleted} live versions (${deleted} deleted ones also listed)`);
    const classification = /-(dev|test|qa|sit|uat|stage|staging|preprod|prod|production)$/i.exec(groupType);
    if (listing.length === 0 && classification) {
        log.warning(`Group ${groupType} has no versions, and its name ends with '${classification[0]}', which looks like a classification. ${constants/* Input */.pd.groupType} is the connector type without its classification, e.g. ${groupType.slice(0, classification.index)}.`);
    }
    return listing;
}
function logPlan(log, plan, dryRun) {
    log.info(`Plan: keep ${plan.keep.length}, ${dryRun ? 'would delete' : 'delete'} ${plan.delete.length}, skip ${plan.skip.length}`);
    for (const k of plan.keep)
        log.debug(`keep ${describe(k.version)}: ${k.reason}`);
    for (const d of plan.delete)
        log.info(`${dryRun ? 'would delete' : 'delete'} ${describe(d.version)}: ${d.reason}`);
    for (const s of plan.skip)
        log.info(`skip ${describe(s.version)}: ${s.reason}`);
}
function ids(versions) {
    return versions.map(v => v.versionId).join(', ');
}
function markDeleted(listing, outcome) {
    const gone = new Set(outcome.deleted.map(d => d.version.versionId));
    for (const v of listing)
        if (gone.has(v.versionId))
            v.deleted = true;
}
/** Logs upload progress at most every 10 seconds, so a large archive shows it is moving. */
function progressLogger(log, total, now) {
    let last = now();
    return sent => {
        const t = now();
        if (t - last < 10_000 || sent >= total)
            return;
        last = t;
        log.info(`… sent ${formatBytes(sent)} of ${formatBytes(total)} (${Math.floor((sent / total) * 100)}%)`);
    };
}

;// CONCATENATED MODULE: ./src/net/pacer.ts
/**
 * Spaces requests evenly so that no rolling second, measured where the server
 * receives them, holds more than `requestsPerSecond`. The transport asks for a
 * slot only once the connection is ready (TCP and TLS done), right before the
 * first byte is written, so a slow handshake does not eat into the spacing.
 * Each gap is a few per cent wider than 1/rate, so that a request delayed on
 * its way (a busy event loop) cannot land in the same second as one sent a
 * full second after its predecessor; and spacing is measured from the moment
 * each request actually left, never from the moment it was planned.
 */
class Pacer {
    now;
    sleep;
    intervalMs;
    next = -Infinity;
    constructor(requestsPerSecond, now, sleep) {
        this.now = now;
        this.sleep = sleep;
        // A rolling second holds whole requests: 2.5 a second allows 2 in any one of them.
        const base = 1000 / (requestsPerSecond >= 1 ? Math.floor(requestsPerSecond) : requestsPerSecond);
        this.intervalMs = base + Math.max(base * PACING_MARGIN, MIN_MARGIN_MS);
    }
    get interval() {
        return this.intervalMs;
    }
    /**
     * Resolves once the next slot is due, reserving nothing. Waiting here before
     * taking a kept-alive connection from the pool means a connection is not
     * held idle through a long wait, where the server might close it.
     */
    async due() {
        for (let wait = this.next - this.now(); wait > 0; wait = this.next - this.now())
            await this.sleep(wait);
    }
    /** Resolves when the caller may send its request; concurrent callers queue in order. */
    async take() {
        const reserved = Math.max(this.now(), this.next);
        this.next = reserved + this.intervalMs;
        const wait = reserved - this.now();
        if (wait > 0)
            await this.sleep(wait);
        // A late wake-up pushes the following slots back (for a lone caller, gaps never shrink).
        const late = this.now() - reserved;
        if (late > 0)
            this.next += late;
    }
}
const PACING_MARGIN = 0.05;
const MIN_MARGIN_MS = 2;

;// CONCATENATED MODULE: ./src/runner/wiring.ts
// Wires the real world (runner, network, clock) into the core of the action.








async function runAction(inputs) {
    const log = {
        info: (line) => core/* info */.pq(line),
        warning: (line) => core/* warning */.$e(line),
        debug: (line) => core/* debug */.Yz(line),
        startGroup: (name) => core/* startGroup */.Oh(name),
        endGroup: () => core/* endGroup */.N4()
    };
    const retry = { ...DEFAULT_BACKOFF, maxAttempts: inputs.maxAttempts, sleep: realSleep, random: Math.random, log: line => core/* info */.pq(line) };
    // One pacer for every request of the run, retries included.
    const pacer = new Pacer(inputs.requestsPerSecond, () => external_node_perf_hooks_.performance.now(), realSleep);
    await run({
        inputs,
        workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
        client: async () => new HttpBoomiClient({
            apiUrl: inputs.apiUrl,
            accountId: inputs.accountId,
            username: inputs.username,
            apiToken: inputs.apiToken,
            timeoutMs: inputs.timeoutMs,
            transport: createTransport(`${constants/* ACTION_NAME */.px}/${constants/* ACTION_VERSION */.Yt}`),
            pacer,
            retry,
            log
        }),
        multipart: async () => (await Promise.all(/* import() */[__webpack_require__.e(454), __webpack_require__.e(667)]).then(__webpack_require__.bind(__webpack_require__, 5667))).multipartBody,
        runContext: workflowRun,
        log,
        setOutput: (name, value) => core/* setOutput */.uH(name, value),
        writeSummary: async (markdown) => {
            if (process.env.GITHUB_STEP_SUMMARY)
                await core/* summary */.z.addRaw(markdown, true).write();
        },
        // Long enough for Boomi to finish storing an upload whose answer was lost; bounded so a lost answer costs seconds, not minutes.
        uploadPolicy: { ...retry, settleMs: Math.min(30_000, Math.max(2_000, inputs.timeoutMs / 4)) },
        now: () => Date.now(),
        // Enough requests in flight to use the rate fully when Boomi answers in up to a second.
        deleteConcurrency: Math.max(1, Math.min(8, Math.ceil(inputs.requestsPerSecond)))
    });
}
/** The workflow run, for the default change log; @actions/github is loaded only when that is needed. */
async function workflowRun() {
    const { context } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    const repository = process.env.GITHUB_REPOSITORY ? `${context.repo.owner}/${context.repo.repo}` : undefined;
    const refName = context.ref ? context.ref.replace(/^refs\/(heads|tags)\//, '') : undefined;
    const runUrl = repository && context.runId ? `${context.serverUrl}/${repository}/actions/runs/${context.runId}` : undefined;
    return { repository, refName, sha: context.sha || undefined, runUrl };
}


/***/ })

};

//# sourceMappingURL=848.index.js.map