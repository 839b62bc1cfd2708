import './sourcemap-register.cjs';import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4922:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dg: () => (/* binding */ queryBody),
/* harmony export */   Fb: () => (/* binding */ deleteRequest),
/* harmony export */   Ie: () => (/* binding */ isDeleteRefusal),
/* harmony export */   KL: () => (/* binding */ isVersionLimitRefusal),
/* harmony export */   R7: () => (/* binding */ PATHS),
/* harmony export */   VQ: () => (/* binding */ PROTECTED_REVIEW_STATUSES),
/* harmony export */   bY: () => (/* binding */ MAX_VERSIONS_PER_ACCOUNT),
/* harmony export */   id: () => (/* binding */ ARCHIVE_SIZE_GUIDANCE_BYTES),
/* harmony export */   jM: () => (/* binding */ RELEASE_VERSION_IS_PROTECTED),
/* harmony export */   rK: () => (/* binding */ DEFAULT_API_URL)
/* harmony export */ });
// Everything we are not sure of about Boomi's ConnectorVersion API lives here,
// so that correcting one point is a one-line change (see README, "What is
// uncertain about Boomi's API"). Everything else in the client is documented
// behaviour.
/**
 * UNCERTAIN: the path prefix. `/partner/api/rest/v1` is the documented default;
 * `/api/rest/v1` is the other candidate. Users override it with `api-url`.
 */
const DEFAULT_API_URL = 'https://api.boomi.com/partner/api/rest/v1';
/** Relative to `{api-url}/{account-id}`. */
const PATHS = {
    create: '/ConnectorVersion',
    query: '/ConnectorVersion/query',
    queryMore: '/ConnectorVersion/queryMore',
    delete: '/ConnectorVersion'
};
function queryBody(groupType) {
    return JSON.stringify({
        QueryFilter: { expression: { argument: [groupType], operator: 'EQUALS', property: 'GROUP_TYPE' } }
    });
}
/** UNCERTAIN: the delete form. Assumed: DELETE with a JSON body naming the group and version. */
function deleteRequest(groupType, versionId) {
    return { method: 'DELETE', path: PATHS.delete, body: JSON.stringify({ groupType, versionId }) };
}
/**
 * UNCERTAIN: which status a refused delete gets (version in use by a
 * classification, or under review). Any 4xx except the ones that mean
 * "your credentials, privileges or pace are wrong" is taken as a refusal.
 */
function isDeleteRefusal(status) {
    return status >= 400 && status < 500 && status !== 401 && status !== 403 && status !== 429;
}
/** Review states in which Boomi refuses deletion (documented). */
const PROTECTED_REVIEW_STATUSES = new Set(['PENDING', 'APPROVED', 'REJECTED']);
/** UNCERTAIN: what `releaseVersion` means. Until known, `true` protects a version. */
const RELEASE_VERSION_IS_PROTECTED = true;
/** Boomi's documented ceiling on connector versions per account. */
const MAX_VERSIONS_PER_ACCOUNT = 1500;
/**
 * UNCERTAIN: how Boomi words refusing an upload at the account's version
 * limit. Matched narrowly on a 4xx answer to an upload — a maximum or limit
 * of *versions*, and nothing about sizes — because the action prunes when it
 * matches: an archive refused as too large must not cost any versions.
 */
function isVersionLimitRefusal(status, message) {
    return (status >= 400 &&
        status < 500 &&
        status !== 413 &&
        /\b(maximum|max|limit)\b/i.test(message) &&
        /\bversions\b/i.test(message) &&
        !/\b(size|large|bytes?)\b|\d\s*[kmg]i?b\b|\b[kmg]i?b\b/i.test(message));
}
/** Boomi asks archives to stay under this size; larger is a warning, not an error. */
const ARCHIVE_SIZE_GUIDANCE_BYTES = 40 * 1024 * 1024;


/***/ }),

/***/ 7242:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Yt: () => (/* binding */ ACTION_VERSION),
/* harmony export */   k7: () => (/* binding */ Output),
/* harmony export */   pd: () => (/* binding */ Input),
/* harmony export */   px: () => (/* binding */ ACTION_NAME)
/* harmony export */ });
// Input and output names are part of the action's public contract (action.yml,
// README, users' workflows): they are declared once, here.
const Input = {
    accountId: 'account-id',
    username: 'username',
    apiToken: 'api-token',
    groupType: 'group-type',
    archive: 'archive',
    changeLog: 'change-log',
    expectedSha256: 'expected-sha256',
    ifExists: 'if-exists',
    keepLatest: 'keep-latest',
    minAgeDays: 'min-age-days',
    dryRun: 'dry-run',
    apiUrl: 'api-url',
    requestsPerSecond: 'requests-per-second',
    maxAttempts: 'max-attempts',
    timeoutSeconds: 'timeout-seconds'
};
const Output = {
    versionId: 'version-id',
    displayVersion: 'display-version',
    uploadedDate: 'uploaded-date',
    sha256: 'sha256',
    uploaded: 'uploaded',
    deletedVersionIds: 'deleted-version-ids',
    skippedVersionIds: 'skipped-version-ids'
};
const ACTION_NAME = 'boomi-connector-action';
// Kept in step with package.json by a test.
const ACTION_VERSION = '1.0.0';


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dr: () => (/* binding */ NetworkError),
/* harmony export */   JE: () => (/* binding */ BoomiError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage)
/* harmony export */ });
/** A bad input: the run stops before any request, naming the input and the fix. */
class InputError extends Error {
    input;
    constructor(input, message) {
        super(message);
        this.input = input;
        this.name = 'InputError';
    }
}
/** Boomi answered with an error status. `message` is Boomi's own text, parsed. */
class BoomiError extends Error {
    operation;
    status;
    boomiMessage;
    retryAfterMs;
    hint;
    /** Set when an earlier attempt of the same request may have done the work (its answer was lost). */
    afterLostAnswer = false;
    constructor(operation, status, boomiMessage, retryAfterMs, hint) {
        super(`${operation} failed: HTTP ${status}${boomiMessage ? `: ${boomiMessage}` : ''}${hint ? `. ${hint}` : ''}`);
        this.operation = operation;
        this.status = status;
        this.boomiMessage = boomiMessage;
        this.retryAfterMs = retryAfterMs;
        this.hint = hint;
        this.name = 'BoomiError';
    }
}
/** No answer: the connection failed, dropped or timed out. */
class NetworkError extends Error {
    operation;
    code;
    notSent;
    constructor(operation, code, detail, 
    /** True when the failure came before a byte of the request was written, so nothing reached Boomi. */
    notSent) {
        super(`${operation} failed: ${detail}`);
        this.operation = operation;
        this.code = code;
        this.notSent = notSent;
        this.name = 'NetworkError';
    }
}
/** Turns anything thrown into a sentence; a user should never read "[object Object]". */
function errorMessage(err) {
    if (err instanceof Error)
        return err.message || err.name;
    if (typeof err === 'string')
        return err;
    try {
        const json = JSON.stringify(err);
        if (json && json !== '{}')
            return json;
    }
    catch {
        // fall through
    }
    return String(err);
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __nccwpck_require__(7242);
// EXTERNAL MODULE: ./src/boomi/contract.ts
var contract = __nccwpck_require__(4922);
;// CONCATENATED MODULE: ./src/inputs/read.ts



const TOKEN_PREFIX = 'BOOMI_TOKEN.';
const MAX_TIMEOUT_SECONDS = 2_147_483;
/**
 * Reads and validates every input. `mask` is called with the token (and the
 * Basic credentials derived from it) before any validation can fail, so nothing
 * logged afterwards can reveal it.
 */
function readInputs(getInput, mask) {
    const raw = (name) => (getInput(name) ?? '').trim();
    const apiToken = raw(constants/* Input */.pd.apiToken);
    if (apiToken)
        mask(apiToken);
    const accountId = required(raw, constants/* Input */.pd.accountId, 'your Boomi account ID, e.g. acme-Q7XK2P');
    if (!/^[A-Za-z0-9._-]+$/.test(accountId)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.accountId, `Invalid ${constants/* Input */.pd.accountId} '${accountId}'. Expected the account ID shown in Boomi under Settings > Account Information, e.g. acme-Q7XK2P (letters, digits, '.', '_' and '-').`);
    }
    let username = required(raw, constants/* Input */.pd.username, `the Boomi user name the API token belongs to, e.g. ci-bot@acme.example (${TOKEN_PREFIX} is added for you)`);
    if (!username.startsWith(TOKEN_PREFIX))
        username = TOKEN_PREFIX + username;
    if (username.includes(':') || username === TOKEN_PREFIX) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.username, `Invalid ${constants/* Input */.pd.username} '${username}'. Expected a Boomi user name without ':', e.g. ci-bot@acme.example.`);
    }
    if (!apiToken) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.apiToken, `Input required and not supplied: ${constants/* Input */.pd.apiToken}. Pass a Boomi API token from a secret, e.g. api-token: \${{ secrets.BOOMI_API_TOKEN }}.`);
    }
    mask(Buffer.from(`${username}:${apiToken}`).toString('base64'));
    const groupType = required(raw, constants/* Input */.pd.groupType, 'the connector group type without its classification, e.g. acme-Q7XK2P-sample');
    if (/\s|\//.test(groupType)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.groupType, `Invalid ${constants/* Input */.pd.groupType} '${groupType}'. Expected the Type column of the Developer tab without its classification, e.g. acme-Q7XK2P-sample (no spaces or '/').`);
    }
    const archive = raw(constants/* Input */.pd.archive) || undefined;
    const changeLogRaw = getInput(constants/* Input */.pd.changeLog) ?? '';
    const changeLog = changeLogRaw.trim() ? changeLogRaw.replace(/\s+$/, '') : undefined;
    let expectedSha256 = raw(constants/* Input */.pd.expectedSha256) || undefined;
    if (expectedSha256 !== undefined) {
        if (!/^[0-9a-fA-F]{64}$/.test(expectedSha256)) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.expectedSha256, `Invalid ${constants/* Input */.pd.expectedSha256} '${expectedSha256}'. Expected 64 hexadecimal characters, as printed by 'sha256sum <archive>'.`);
        }
        if (!archive) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.expectedSha256, `${constants/* Input */.pd.expectedSha256} is set but ${constants/* Input */.pd.archive} is empty. Set ${constants/* Input */.pd.archive} to the connector zip, or remove ${constants/* Input */.pd.expectedSha256}.`);
        }
        expectedSha256 = expectedSha256.toLowerCase();
    }
    const ifExistsRaw = raw(constants/* Input */.pd.ifExists).toLowerCase() || 'skip';
    if (ifExistsRaw !== 'skip' && ifExistsRaw !== 'fail' && ifExistsRaw !== 'upload') {
        throw new errors/* InputError */.dz(constants/* Input */.pd.ifExists, `Invalid ${constants/* Input */.pd.ifExists} '${raw(constants/* Input */.pd.ifExists)}'. Expected one of: skip (reuse the existing version), fail, upload.`);
    }
    const keepLatestRaw = raw(constants/* Input */.pd.keepLatest);
    let keepLatest;
    if (keepLatestRaw) {
        keepLatest = /^\d+$/.test(keepLatestRaw) ? Number(keepLatestRaw) : NaN;
        if (!Number.isSafeInteger(keepLatest) || keepLatest < 1) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.keepLatest, `Invalid ${constants/* Input */.pd.keepLatest} '${keepLatestRaw}'. Expected a whole number of versions to keep, at least 1, e.g. keep-latest: 20.`);
        }
    }
    const minAgeRaw = raw(constants/* Input */.pd.minAgeDays);
    let minAgeDays;
    if (minAgeRaw) {
        minAgeDays = parseDecimal(minAgeRaw);
        if (minAgeDays === undefined) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.minAgeDays, `Invalid ${constants/* Input */.pd.minAgeDays} '${minAgeRaw}'. Expected a number of days, 0 or more, e.g. min-age-days: 30.`);
        }
        if (keepLatest === undefined) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.minAgeDays, `${constants/* Input */.pd.minAgeDays} only applies to pruning, but ${constants/* Input */.pd.keepLatest} is empty. Set ${constants/* Input */.pd.keepLatest} too, or remove ${constants/* Input */.pd.minAgeDays}.`);
        }
    }
    if (!archive && keepLatest === undefined) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.archive, `Nothing to do: both ${constants/* Input */.pd.archive} and ${constants/* Input */.pd.keepLatest} are empty. Set ${constants/* Input */.pd.archive} to upload a connector zip, ${constants/* Input */.pd.keepLatest} to prune old versions, or both.`);
    }
    const dryRunRaw = raw(constants/* Input */.pd.dryRun).toLowerCase() || 'false';
    if (dryRunRaw !== 'true' && dryRunRaw !== 'false') {
        throw new errors/* InputError */.dz(constants/* Input */.pd.dryRun, `Invalid ${constants/* Input */.pd.dryRun} '${raw(constants/* Input */.pd.dryRun)}'. Expected true or false.`);
    }
    const apiUrl = parseApiUrl(raw(constants/* Input */.pd.apiUrl) || contract/* DEFAULT_API_URL */.rK);
    const rpsRaw = raw(constants/* Input */.pd.requestsPerSecond) || '5';
    const requestsPerSecond = parseDecimal(rpsRaw);
    if (requestsPerSecond === undefined || requestsPerSecond <= 0) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.requestsPerSecond, `Invalid ${constants/* Input */.pd.requestsPerSecond} '${rpsRaw}'. Expected a number greater than 0, e.g. 5 (Boomi allows about 10 requests a second per account).`);
    }
    const attemptsRaw = raw(constants/* Input */.pd.maxAttempts) || '5';
    const maxAttempts = /^\d+$/.test(attemptsRaw) ? Number(attemptsRaw) : NaN;
    if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.maxAttempts, `Invalid ${constants/* Input */.pd.maxAttempts} '${attemptsRaw}'. Expected a whole number of tries, at least 1 (1 means no retries), e.g. 5.`);
    }
    const timeoutRaw = raw(constants/* Input */.pd.timeoutSeconds) || '300';
    const timeoutSeconds = parseDecimal(timeoutRaw);
    // Node's timers hold at most 2^31-1 ms (24.8 days); below 1 ms a request could not even start.
    if (timeoutSeconds === undefined || timeoutSeconds < 0.001 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.timeoutSeconds, `Invalid ${constants/* Input */.pd.timeoutSeconds} '${timeoutRaw}'. Expected a number of seconds greater than 0 and at most ${MAX_TIMEOUT_SECONDS}, e.g. 300.`);
    }
    return {
        accountId,
        username,
        apiToken,
        groupType,
        archive,
        changeLog,
        expectedSha256,
        ifExists: ifExistsRaw,
        keepLatest,
        minAgeDays,
        dryRun: dryRunRaw === 'true',
        apiUrl,
        requestsPerSecond,
        maxAttempts,
        timeoutMs: Math.round(timeoutSeconds * 1000)
    };
}
function required(raw, name, what) {
    const value = raw(name);
    if (!value)
        throw new errors/* InputError */.dz(name, `Input required and not supplied: ${name}. Set it to ${what}.`);
    return value;
}
/** Plain decimal notation only: "1e3", "0x10" or "Infinity" are refused rather than guessed at. */
function parseDecimal(text) {
    if (!/^\d+(\.\d+)?$|^\.\d+$/.test(text))
        return undefined;
    const value = Number(text);
    return Number.isFinite(value) ? value : undefined;
}
function isLoopbackHost(hostname) {
    const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
function parseApiUrl(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new errors/* InputError */.dz(constants/* Input */.pd.apiUrl, `Invalid ${constants/* Input */.pd.apiUrl} '${text}'. Expected an absolute URL, e.g. ${contract/* DEFAULT_API_URL */.rK}.`);
    }
    if (url.username || url.password) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.apiUrl, `Invalid ${constants/* Input */.pd.apiUrl}: it must not carry credentials. Pass them as ${constants/* Input */.pd.username} and ${constants/* Input */.pd.apiToken}.`);
    }
    if (url.search || url.hash) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.apiUrl, `Invalid ${constants/* Input */.pd.apiUrl} '${text}': it must not have a query or fragment. Expected e.g. ${contract/* DEFAULT_API_URL */.rK}.`);
    }
    const loopbackHttp = url.protocol === 'http:' && isLoopbackHost(url.hostname);
    if (url.protocol !== 'https:' && !loopbackHttp) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.apiUrl, `Invalid ${constants/* Input */.pd.apiUrl} '${text}': it must use https (plain http is allowed only on loopback, for a local emulator). Expected e.g. ${contract/* DEFAULT_API_URL */.rK}.`);
    }
    return url.href.replace(/\/+$/, '');
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/runner/commands.ts
// The three runner interactions the entry needs before it knows the inputs are
// good. They follow the documented workflow-command protocol exactly as
// @actions/core does; core itself is loaded only once there is work to do,
// because loading it (and the HTTP stack it pulls in) triples the start-up
// time of a run that fails on a typo.

/** As core.getInput: INPUT_<NAME>, spaces as '_', upper-cased, hyphens kept. */
function getInput(name) {
    return process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function setSecret(secret) {
    process.stdout.write(`::add-mask::${escapeData(secret)}${external_node_os_namespaceObject.EOL}`);
}
/** As core.setFailed: one error annotation, and the step fails. */
function setFailed(message) {
    process.exitCode = 1;
    process.stdout.write(`::error::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}

;// CONCATENATED MODULE: ./src/runner/entry.ts
// Reads the inputs and loads the rest only when they are valid, so a
// misconfigured step fails in milliseconds. Exported for @github/local-action,
// which imports an entry and calls its run().



async function run() {
    try {
        const inputs = readInputs(getInput, setSecret);
        const { runAction } = await Promise.all(/* import() */[__nccwpck_require__.e(143), __nccwpck_require__.e(848)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9848));
        await runAction(inputs);
    }
    catch (err) {
        setFailed((0,errors/* errorMessage */.gJ)(err));
    }
}

;// CONCATENATED MODULE: ./src/index.ts
// The entry the runner starts.

void run();


//# sourceMappingURL=index.js.map