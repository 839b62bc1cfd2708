#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4922:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dg: () => (/* binding */ queryBody),
/* harmony export */   Fb: () => (/* binding */ deleteRequest),
/* harmony export */   Hb: () => (/* binding */ MAX_LISTED_VERSIONS),
/* harmony export */   I6: () => (/* binding */ isWrongPrefix),
/* harmony export */   Ie: () => (/* binding */ isDeleteRefusal),
/* harmony export */   K1: () => (/* binding */ PARTNER_PREFIX),
/* harmony export */   KL: () => (/* binding */ isVersionLimitRefusal),
/* harmony export */   N$: () => (/* binding */ versionChangeBody),
/* harmony export */   R0: () => (/* binding */ MAX_QUERY_PAGES),
/* harmony export */   R7: () => (/* binding */ PATHS),
/* harmony export */   RR: () => (/* binding */ EMPTY_QUERY_MAY_OMIT_RESULT),
/* harmony export */   VQ: () => (/* binding */ PROTECTED_REVIEW_STATUSES),
/* harmony export */   df: () => (/* binding */ MAX_CHANGE_LOG_TEXT),
/* harmony export */   id: () => (/* binding */ ARCHIVE_SIZE_GUIDANCE_BYTES),
/* harmony export */   jM: () => (/* binding */ RELEASE_VERSION_IS_PROTECTED),
/* harmony export */   ls: () => (/* binding */ PREFIXES_TO_TRY),
/* harmony export */   mb: () => (/* binding */ EU_API_URL),
/* harmony export */   o: () => (/* binding */ stopsDeletes),
/* harmony export */   rK: () => (/* binding */ DEFAULT_API_URL),
/* harmony export */   vk: () => (/* binding */ MAX_VERSION_ID_LENGTH),
/* harmony export */   xW: () => (/* binding */ versionLimitIn)
/* harmony export */ });
/* unused harmony exports PLATFORM_PREFIX, MAX_VERSIONS_PER_ACCOUNT */
// Everything we are not sure of about Boomi's ConnectorVersion API lives here,
// so that correcting one point is a one-line change (see README, "What is
// uncertain about Boomi's API"). Everything else in the client is documented
// behaviour.
/**
 * The default `api-url`: a host alone, so the path prefix is found on first
 * contact (docs/behaviour.md, "Finding the prefix"). Boomi documents this host
 * and the EU platform's (docs/boomi-api.md, "Hosts and prefixes").
 */
const DEFAULT_API_URL = 'https://api.boomi.com';
const EU_API_URL = 'https://api.platform.gb.boomi.com';
/** The Platform API's prefix, and the Partner API's, which Boomi enables per account on request. */
const PLATFORM_PREFIX = '/api/rest/v1';
const PARTNER_PREFIX = '/partner/api/rest/v1';
/**
 * UNCERTAIN: which prefix serves the Connector API. Its pages carry none of the
 * Partner API's parameters, which leans to the Platform prefix, so that one is
 * tried first; the Partner prefix serves accounts that have it enabled.
 */
const PREFIXES_TO_TRY = [PLATFORM_PREFIX, PARTNER_PREFIX];
/**
 * Statuses on the first request that may mean "not this prefix", worth one try
 * at the next: 404 and 410 (not served, retired), and 401 and 403, which an
 * account without the Partner API may get under its prefix.
 */
function isWrongPrefix(status) {
    return status === 401 || status === 403 || status === 404 || status === 410;
}
/** Relative to `{api-url}/{account-id}`. */
const PATHS = {
    create: '/ConnectorVersion',
    query: '/ConnectorVersion/query',
    queryMore: '/ConnectorVersion/queryMore',
    delete: '/ConnectorVersion',
    /** UNCERTAIN: the version-change path follows the other operations; Boomi's pages do not confirm it. */
    versionChange: '/ConnectorVersionChange'
};
function versionChangeBody(classificationType, versionId, releaseNotes) {
    return JSON.stringify({ classificationType, versionId, releaseNotes });
}
/**
 * Bounds on one listing. docs/boomi-api.md, "Operations": at most 1500 versions an account, 100 a page, so
 * 15 pages; twice that leaves a margin for smaller pages. Beyond either bound
 * the listing is not understood rather than read for ever.
 */
const MAX_QUERY_PAGES = 30;
const MAX_LISTED_VERSIONS = 3000;
/**
 * UNCERTAIN: whether Boomi leaves `result` out of an empty query answer. An
 * answer without `result` is read as an empty group only when it says
 * `numberOfResults: 0` outright; anything vaguer (`{}`, `null`) is not understood.
 */
const EMPTY_QUERY_MAY_OMIT_RESULT = true;
/** Longest versionId accepted; Boomi's are short decimal numbers. */
const MAX_VERSION_ID_LENGTH = 100;
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
 * 4xx answers about the request rather than the version, which every delete
 * of the run would get alike: credentials (401), privileges (403), and a form
 * of delete that Boomi does not serve (405, 415: the form above is a guess).
 */
const EVERY_DELETE_ALIKE = new Set([401, 403, 405, 415]);
/**
 * UNCERTAIN: which status a refused delete gets (version in use by a
 * classification, or under review). Any 4xx is taken as a refusal of that
 * version, except 429 (the pace) and the statuses every delete would get alike.
 */
function isDeleteRefusal(status) {
    return status >= 400 && status < 500 && status !== 429 && !EVERY_DELETE_ALIKE.has(status);
}
/** A delete failure that the rest of the run's deletes would meet too: none more is started. */
function stopsDeletes(status) {
    return EVERY_DELETE_ALIKE.has(status);
}
/** Review states in which Boomi refuses deletion (documented). */
const PROTECTED_REVIEW_STATUSES = new Set(['PENDING', 'APPROVED', 'REJECTED']);
/** UNCERTAIN: what `releaseVersion` means. Until known, `true` protects a version. */
const RELEASE_VERSION_IS_PROTECTED = true;
/** Boomi's documented ceiling on connector versions per account. */
const MAX_VERSIONS_PER_ACCOUNT = 1500;
const COUNT = String.raw `(\d{1,3}(?:,\d{3})+|\d{1,7})`;
const COUNT_BEFORE_VERSIONS = new RegExp(String.raw `\b${COUNT}\s+(?:connector\s+)?versions\b`, 'i');
const COUNT_AFTER_LIMIT = new RegExp(String.raw `\b(?:maximum|max|limit)(?:\s+(?:of|is))?[\s:]+${COUNT}\b`, 'i');
/**
 * The limit a version-limit refusal names ("the maximum of 1,500 connector
 * versions"), so a message never sets our number beside a different one of
 * Boomi's; MAX_VERSIONS_PER_ACCOUNT when the refusal names none.
 */
function versionLimitIn(message) {
    const m = COUNT_BEFORE_VERSIONS.exec(message) ?? COUNT_AFTER_LIMIT.exec(message);
    const n = m ? Number(m[1].replace(/,/g, '')) : NaN;
    return Number.isSafeInteger(n) && n > 0 ? n : MAX_VERSIONS_PER_ACCOUNT;
}
/**
 * UNCERTAIN: how Boomi words refusing an upload at the account's version
 * limit. Matched narrowly on a 4xx answer to an upload — a maximum or limit
 * of *versions*, and nothing about sizes — because the action prunes when it
 * matches: an archive refused as too large must not cost any versions.
 */
function isVersionLimitRefusal(status, message) {
    // 401/403/429 are about the caller or the pace, whatever their text says; 5xx is the server's trouble.
    return (status >= 400 &&
        status < 500 &&
        ![401, 403, 413, 429].includes(status) &&
        /\b(maximum|max|limit)\b/i.test(message) &&
        /\bversions\b/i.test(message) &&
        !/\b(size|large|bytes?)\b|\d\s*[kmg]i?b\b|\b[kmg]i?b\b/i.test(message));
}
/** Boomi asks archives to stay under this size; larger is a warning, not an error. */
const ARCHIVE_SIZE_GUIDANCE_BYTES = 40 * 1024 * 1024;
/** UNCERTAIN: the longest change log Boomi keeps. The user's text is cut to this many UTF-16 units (marker included); the trailer comes on top. */
const MAX_CHANGE_LOG_TEXT = 4000;


/***/ }),

/***/ 1086:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ errorLine),
/* harmony export */   Vs: () => (/* binding */ CLI_NAME),
/* harmony export */   bJ: () => (/* binding */ stderrLog),
/* harmony export */   kc: () => (/* binding */ errorText),
/* harmony export */   nl: () => (/* binding */ inertJson),
/* harmony export */   yu: () => (/* binding */ inputName)
/* harmony export */ });
/* unused harmony exports redact, flagShaped */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _domain_untrusted_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5006);
/* harmony import */ var _inputs_command_line_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1527);
/* harmony import */ var _inputs_table_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5541);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(7242);
// The human report on stderr: phases, lines, warnings, the error. Every line goes
// through forLog (no control character reaches the terminal, no line reads as a
// workflow command when the tool runs inside GitHub Actions) and loses any
// secret the inputs named, as the runner's masking would.





const CLI_NAME = 'boomi-connector-release';
function redact(text, secrets) {
    let out = text;
    for (const secret of secrets)
        if (secret)
            out = out.split(secret).join('***');
    return out;
}
function stderrLog(secrets, verbose, write = (s) => void process.stderr.write(s)) {
    const line = (prefix, text) => write(`${prefix}${redact((0,_domain_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .forLog */ .Ig)(text), secrets)}\n`);
    return {
        info: text => line('', text),
        warning: text => line('warning: ', text),
        debug: text => (verbose ? line('debug: ', text) : undefined),
        startGroup: name => line('\n== ', `${name} ==`),
        endGroup: () => undefined
    };
}
/**
 * One line of JSON that no CI reads as a command: the Azure Pipelines agent finds `##vso[`
 * anywhere in a line of output, GitHub's runner `##[`, TeamCity `##teamcity[`. Such a `[`,
 * only ever inside a string here, is written `\u005b`, which every JSON reader reads back.
 */
function inertJson(value) {
    return JSON.stringify(value).replace(/##(vso|teamcity)?\[/gi, match => `${match.slice(0, -1)}\\u005b`);
}
/** How the command-line tool names an input: its flag and its variable (`--keep-latest / BOOMI_KEEP_LATEST`); the token, its variable alone. */
function inputName(name) {
    return name === _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.apiToken ? (0,_inputs_command_line_js__WEBPACK_IMPORTED_MODULE_2__/* .envName */ .pD)(name) : `--${name} / ${(0,_inputs_command_line_js__WEBPACK_IMPORTED_MODULE_2__/* .envName */ .pD)(name)}`;
}
/** One line naming where the bad value came from: `--keep-latest / BOOMI_KEEP_LATEST: Invalid keep-latest 'zero'. …` */
function errorLine(err, secrets) {
    return `${CLI_NAME}: error: ${errorText(err, secrets)}\n`;
}
/** The error as errorLine says it, without the command's name: also the failure of a summary file. */
function errorText(err, secrets) {
    let where = '';
    if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz) {
        const name = err.input;
        where = !name || name.startsWith('-') ? name : inputName(name);
    }
    // Redacted before it is cut, so that a cut cannot leave part of a secret for redact() to miss.
    const message = redact((0,_domain_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .forLog */ .Ig)(`${where ? `${where}: ` : ''}${flagShaped((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err))}`), secrets);
    return (0,_domain_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .cut */ .Jj)(message, _domain_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_FAILURE_MESSAGE */ .eW);
}
const SPECS = new Map(Object.values(_inputs_table_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUTS */ .m).map(spec => [spec.name, spec]));
/**
 * The inputs' messages are shared with the action, and their examples are lines of
 * a workflow (`e.g. keep-latest: 20.`); here each becomes the flag (`e.g.
 * --keep-latest 20.`). An example naming no input, or one that cannot be put as a
 * flag, stays as it is.
 */
function flagShaped(message) {
    return message.replace(/\be\.g\. ([a-z][a-z0-9-]*): (.+?)\.(?=\s|$)/g, (all, name, value) => {
        const example = flagExample(name, value);
        return example ? `e.g. ${example}.` : all;
    });
}
/** An example for a value any sha256 has the shape of. */
const SHA256_EXAMPLE = '0123456789abcdef'.repeat(4);
function flagExample(name, value) {
    const spec = SPECS.get(name);
    if (!spec)
        return undefined;
    if (spec.name === _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.apiToken)
        return `${(0,_inputs_command_line_js__WEBPACK_IMPORTED_MODULE_2__/* .envName */ .pD)(spec.name)} from a secret variable of the CI, or --${_inputs_command_line_js__WEBPACK_IMPORTED_MODULE_2__/* .API_TOKEN_FILE */ .a4} PATH`;
    if (spec.name === _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.expectedSha256)
        return `--${spec.name} ${SHA256_EXAMPLE}`;
    if (value.includes('${{'))
        return undefined;
    if (spec.kind === 'boolean')
        return value === 'true' ? `--${spec.name}` : undefined;
    let text = value.replace(/^'(.*)'$/, '$1');
    // One argument: `dev, uat` unquoted would be two.
    if (spec.kind === 'list')
        text = text.replace(/,\s+/g, ',');
    return `--${spec.name} ${/^[\w.,:/@+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`}`;
}


/***/ }),

/***/ 3300:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  EO: () => (/* binding */ OUTPUT_FILE_FLAG),
  d0: () => (/* binding */ SUMMARY_FILE_FLAG),
  FE: () => (/* binding */ checkResultFiles),
  G2: () => (/* binding */ resultFlagsIn),
  Fq: () => (/* binding */ writeNothingDone),
  tH: () => (/* binding */ writeResultFile)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __nccwpck_require__(7242);
// EXTERNAL MODULE: ./src/domain/outputs.ts
var domain_outputs = __nccwpck_require__(1334);
// EXTERNAL MODULE: ./src/domain/summary.ts
var summary = __nccwpck_require__(5260);
// EXTERNAL MODULE: ./src/domain/untrusted.ts
var untrusted = __nccwpck_require__(5006);
;// CONCATENATED MODULE: ./src/core/nothing-done.ts
// What a run stopped before it began leaves behind (a bad input; for the Action, a
// GITHUB_OUTPUT that cannot be written): the outputs of a run that did nothing and a
// summary saying why, so that a later step reading them does not fail too. One function
// for both front ends, which load it before they know the inputs are good: it must stay
// light (the domain's pure functions only, no HTTP stack, no @actions/*).



/**
 * `groupType` is the group-type input as given, possibly empty; `groupTypeName` is how the
 * front end names that input (`group-type`, `--group-type / BOOMI_GROUP_TYPE`), for the
 * summary's title when it was not given. Both texts come from the user, unchecked: the
 * `secrets` (the token as given) are scrubbed from them.
 */
function nothingDone(error, groupType, groupTypeName, secrets) {
    const scrub = (text) => (0,untrusted/* scrubSecrets */.Zg)(text, (0,untrusted/* secretForms */.eo)(secrets));
    const record = { groupType: scrub(groupType.trim()) || `(${groupTypeName} not set)`, dryRun: false, error: scrub(error) };
    return { outputs: (0,domain_outputs/* outputsOf */.Yz)(record), summary: (0,summary/* renderSummary */.B)(record) };
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/inputs/command-line.ts
var command_line = __nccwpck_require__(1527);
// EXTERNAL MODULE: ./src/cli/report.ts
var report = __nccwpck_require__(1086);
;// CONCATENATED MODULE: ./src/cli/result-files.ts
// Where the results go, checked before the first request: a run that uploads and
// prunes, then cannot write --output-file, has changed the account and still
// fails. Each file is opened for writing and closed, without changing it; one
// this check creates is removed again. The same file named twice is refused: the
// summary would replace the dotenv, which GitLab would then reject.
// A run stopped before it began writes them too, as the Action does: the outputs of
// a run that did nothing, and a summary naming the bad input.








const OUTPUT_FILE_FLAG = '--output-file';
const SUMMARY_FILE_FLAG = '--summary-file';
/** Writes one result file; a failure names the flag and the file. */
async function writeResultFile(file, text, flag) {
    try {
        await external_node_fs_.promises.writeFile(file, text);
    }
    catch (err) {
        throw new Error(`${flag} ${file}: ${(0,errors/* errorMessage */.gJ)(err)}`, { cause: err });
    }
}
/**
 * The results of a run stopped before it began by `error` (a bad input, as the command
 * line says it), written where --output-file and --summary-file say. Throws a bad input
 * naming the flag when one of them cannot be written: then neither is.
 */
async function writeNothingDone(cl, error, secrets) {
    if (!cl.outputFile && !cl.summaryFile)
        return;
    await checkResultFiles(cl);
    const { outputs, summary } = nothingDone(error, cl.getInput(constants/* Input */.pd.groupType), (0,report/* inputName */.yu)(constants/* Input */.pd.groupType), secrets);
    if (cl.outputFile)
        await writeResultFile(cl.outputFile, (0,domain_outputs/* dotenvText */.Qf)(outputs), OUTPUT_FILE_FLAG);
    if (cl.summaryFile)
        await writeResultFile(cl.summaryFile, summary, SUMMARY_FILE_FLAG);
}
/**
 * When the flags do not parse (a flag unknown or given twice, an empty value, a stray
 * argument): --output-file, --summary-file and --group-type as the arguments before a
 * `--` give them (the last of each), the group from its variable else, so that the
 * result files of a run stopped by that are written all the same.
 */
function resultFlagsIn(args, env) {
    const end = args.indexOf('--');
    const given = end < 0 ? args : args.slice(0, end);
    const last = (flag) => {
        let value;
        given.forEach((arg, i) => {
            if (arg === flag && i + 1 < given.length && !given[i + 1].startsWith('-'))
                value = given[i + 1];
            else if (arg.startsWith(`${flag}=`))
                value = arg.slice(flag.length + 1);
        });
        return value?.trim() || undefined;
    };
    return {
        outputFile: last(OUTPUT_FILE_FLAG),
        summaryFile: last(SUMMARY_FILE_FLAG),
        getInput: name => (name === constants/* Input */.pd.groupType ? (last(`--${name}`) ?? env[(0,command_line/* envName */.pD)(name)] ?? '') : '')
    };
}
/** Throws a bad input naming the flag when --output-file or --summary-file cannot be written. */
async function checkResultFiles(cl) {
    const targets = [
        { flag: OUTPUT_FILE_FLAG, file: cl.outputFile, example: 'boomi.env' },
        { flag: SUMMARY_FILE_FLAG, file: cl.summaryFile, example: 'boomi-summary.md' }
    ].filter((t) => Boolean(t.file));
    for (const target of targets)
        await checkWritable(target);
    if (targets.length === 2 && (await identity(targets[0].file)) === (await identity(targets[1].file))) {
        throw new errors/* InputError */.dz(SUMMARY_FILE_FLAG, `--output-file and --summary-file name the same file ('${targets[1].file}'): the summary would replace the outputs. Name two files, e.g. --output-file boomi.env --summary-file boomi-summary.md.`);
    }
}
async function checkWritable({ flag, file, example }) {
    try {
        // A new file is created, and removed again: the run writes it at its end.
        const created = await external_node_fs_.promises.open(file, 'wx').catch((err) => {
            if (err.code === 'EEXIST')
                return undefined;
            throw err;
        });
        if (created) {
            await created.close();
            await external_node_fs_.promises.rm(file, { force: true });
            return;
        }
        // An existing one is opened to append, which changes nothing; non-blocking, so a FIFO without a reader does not hang the run.
        const handle = await external_node_fs_.promises.open(file, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_APPEND | external_node_fs_.constants.O_NONBLOCK);
        await handle.close();
    }
    catch (err) {
        throw new errors/* InputError */.dz(flag, `Cannot write ${flag} '${file}': ${problem(err, file, example)}`, { cause: err });
    }
}
/** What went wrong, from the error's code: Node's own message repeats the path. */
function problem(err, file, example) {
    const code = err.code;
    switch (code) {
        case 'ENOENT':
            return 'its directory does not exist. Create the directory first, or name a file in an existing one.';
        case 'EISDIR':
            return `it is a directory. Name a file, e.g. ${external_node_path_.join(file, example)}.`;
        case 'ENOTDIR':
            return 'a part of its path is not a directory. Name a file in an existing directory.';
        case 'EACCES':
        case 'EPERM':
            return 'no permission to write it. Name a file the job may write, e.g. one in the working directory.';
        case 'EROFS':
            return 'the file system is read-only. Name a file the job may write, e.g. one in the working directory.';
        default:
            return `${code ?? 'it cannot be opened for writing'}. Name a file the job may write, e.g. one in the working directory.`;
    }
}
/** The file itself when it exists (a link and its target are one file), else its real directory and its name. */
async function identity(file) {
    const absolute = external_node_path_.resolve(file);
    try {
        const stat = await external_node_fs_.promises.stat(absolute);
        return `${stat.dev}:${stat.ino}`;
    }
    catch {
        // Not there (yet): compared by where it would be.
    }
    try {
        return external_node_path_.join(await external_node_fs_.promises.realpath(external_node_path_.dirname(absolute)), external_node_path_.basename(absolute));
    }
    catch {
        return absolute;
    }
}


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
    changeLogFile: 'change-log-file',
    expectedSha256: 'expected-sha256',
    ifExists: 'if-exists',
    keepLatest: 'keep-latest',
    minAgeDays: 'min-age-days',
    classifications: 'classifications',
    versionId: 'version-id',
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
    contentSha256: 'content-sha256',
    versionSha256: 'version-sha256',
    archivePath: 'archive-path',
    uploaded: 'uploaded',
    deletedVersionIds: 'deleted-version-ids',
    skippedVersionIds: 'skipped-version-ids',
    classificationChanges: 'classification-changes'
};
const ACTION_NAME = 'boomi-connector-action';
// Kept in step with package.json by a test.
const ACTION_VERSION = '1.0.0';


/***/ }),

/***/ 6054:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O4: () => (/* binding */ matchKind),
/* harmony export */   WW: () => (/* binding */ defaultChangeLog),
/* harmony export */   bp: () => (/* binding */ withoutTrailerLines),
/* harmony export */   eY: () => (/* binding */ carriesUploadId),
/* harmony export */   fk: () => (/* binding */ releaseNotes),
/* harmony export */   lW: () => (/* binding */ storedSha256),
/* harmony export */   vY: () => (/* binding */ fitText),
/* harmony export */   vq: () => (/* binding */ buildChangeLog)
/* harmony export */ });
/* unused harmony exports CUT_MARKER, uploadIdLine, UPLOAD_ID */
/* harmony import */ var _boomi_contract_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4922);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5006);
// The change log sent with an upload, and its trailer: the lines by which a
// later run recognises an earlier upload of the same archive or the same
// connector (docs/behaviour.md, "Identity"). The trailer is ours and is never cut; the text is the
// user's and is cut to what Boomi is thought to keep.


/** Ends a text that was cut to fit; the full text is where the user keeps it, not here. */
const CUT_MARKER = `\n… (cut: the text was longer than ${_boomi_contract_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_CHANGE_LOG_TEXT */ .df} characters)`;
function shaLine(ids) {
    return `sha256: ${ids.sha256.toLowerCase()}`;
}
function contentLine(ids) {
    return ids.contentSha256 ? `content-sha256: ${ids.contentSha256.toLowerCase()}` : undefined;
}
/**
 * The run's own mark, the same for each of its upload attempts: after a lost
 * answer, a copy of the archive carrying it is this run's, and one without it
 * another run's, never taken or deleted as ours (docs/behaviour.md, "Retries and lost answers").
 */
function uploadIdLine(uploadId) {
    return `upload-id: ${uploadId}`;
}
/** A fresh run's mark: 64 random bits as 16 lower-case hex. */
const UPLOAD_ID = /^[0-9a-f]{16}$/;
function trailerLines(ids, uploadId) {
    const content = contentLine(ids);
    // `sha256:` stays last: versions uploaded before content digests carry only it.
    return [uploadIdLine(uploadId), ...(content ? [content] : []), shaLine(ids)];
}
/**
 * The user's text as a change log carries it: trailing white space trimmed, cut to
 * MAX_CHANGE_LOG_TEXT with a marker. Release notes are fitted the same way.
 */
function fitText(text) {
    const trimmed = text.replace(/\s+$/, '');
    if (trimmed.length <= _boomi_contract_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_CHANGE_LOG_TEXT */ .df)
        return trimmed;
    // `cut` keeps surrogate pairs whole; its one-unit ellipsis is replaced by the marker.
    const kept = (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .cut */ .Jj)(trimmed, _boomi_contract_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_CHANGE_LOG_TEXT */ .df - CUT_MARKER.length + 1).slice(0, -1);
    return kept.replace(/\s+$/, '') + CUT_MARKER;
}
// Any line a later run could read as a trailer: a digest or upload-id line, whatever the spacing or case.
const TRAILER_SHAPED = /^((content-)?sha256:\s*[0-9a-f]{64}|upload-id:\s*[0-9a-f]{16})$/i;
/**
 * The user's text without lines shaped like the trailer. Such a line (notes
 * copied from an earlier release, say) would make a later run take this
 * version for another archive: the trailer is the action's alone
 * (docs/behaviour.md, "Identity"). `dropped` lists the lines, for a warning.
 */
function withoutTrailerLines(text) {
    const dropped = [];
    const kept = text.split(/\r\n|\r|\n/).filter(line => {
        const shaped = TRAILER_SHAPED.test(line.trim());
        if (shaped)
            dropped.push(line.trim());
        return !shaped;
    });
    return dropped.length ? { text: kept.join('\n'), dropped } : { text, dropped };
}
/**
 * The text (trailer-shaped lines dropped, trailing white space trimmed, cut to
 * MAX_CHANGE_LOG_TEXT with a marker), a blank line, `upload-id: <run's mark>`,
 * `content-sha256: <hex>` when known, `sha256: <hex>` last.
 */
function buildChangeLog(text, ids, uploadId) {
    if (!UPLOAD_ID.test(uploadId))
        throw new Error(`upload ID not 16 lower-case hex: ${uploadId}`);
    const body = fitText(withoutTrailerLines(text).text);
    const trailer = trailerLines(ids, uploadId).join('\n');
    return body ? `${body}\n\n${trailer}` : trailer;
}
function logLines(changeLog) {
    return changeLog.split(/\r\n|\r|\n/).map(line => line.trim());
}
/**
 * How a version's change log matches this archive: by its exact bytes
 * (`sha256`, preferred) or by the connector's content (`content-sha256`).
 */
function matchKind(changeLog, ids) {
    if (!changeLog)
        return undefined;
    const lines = new Set(logLines(changeLog));
    if (lines.has(shaLine(ids)))
        return 'sha256';
    const content = contentLine(ids);
    return content && lines.has(content) ? 'content-sha256' : undefined;
}
/** Whether a change log carries this run's mark: an upload of this run, not of another. */
function carriesUploadId(changeLog, uploadId) {
    return !!changeLog && logLines(changeLog).includes(uploadIdLine(uploadId));
}
const TRAILER_LINE = /^((content-)?sha256: [0-9a-f]{64}|upload-id: [0-9a-f]{16})$/i;
const SHA_TRAILER = /^sha256: ([0-9a-f]{64})$/i;
/**
 * The sha256 of the archive a version holds, from its change log's last line
 * (`sha256: <hex>`, written last by buildChangeLog); undefined when the change
 * log has no such last line (a version not uploaded by this action).
 */
function storedSha256(changeLog) {
    const lines = (changeLog ?? '').split(/\r\n|\r|\n/);
    while (lines.length > 0 && lines[lines.length - 1].trim() === '')
        lines.pop();
    return SHA_TRAILER.exec(lines[lines.length - 1]?.trim() ?? '')?.[1].toLowerCase();
}
/** The change log without its trailer lines and the blank line before them: the notes a person wrote. */
function releaseNotes(changeLog) {
    const lines = changeLog.split(/\r\n|\r|\n/);
    // From the end, trailer lines and blank ones: Boomi may hand the change log back with a line break after the trailer.
    while (lines.length > 0 && (TRAILER_LINE.test(lines[lines.length - 1].trim()) || lines[lines.length - 1].trim() === ''))
        lines.pop();
    return lines.join('\n');
}
/** e.g. "acme/connector v1.4.0 (3f2c1ab), https://github.com/acme/connector/actions/runs/42" */
function defaultChangeLog(ctx) {
    const parts = [];
    if (ctx.repository)
        parts.push(ctx.repository);
    if (ctx.refName)
        parts.push(ctx.refName);
    // In brackets after a repository or branch; alone (a CI that names neither), as what it is.
    if (ctx.sha)
        parts.push(parts.length ? `(${ctx.sha.slice(0, 7)})` : `commit ${ctx.sha.slice(0, 7)}`);
    const what = parts.length ? `Released from ${parts.join(' ')}` : 'Released by boomi-connector-action';
    return ctx.runUrl ? `${what}, ${ctx.runUrl}` : what;
}


/***/ }),

/***/ 1334:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qf: () => (/* binding */ dotenvText),
/* harmony export */   Yz: () => (/* binding */ outputsOf),
/* harmony export */   bA: () => (/* binding */ typedOutputs),
/* harmony export */   o$: () => (/* binding */ versionSha256)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7242);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8992);
/* harmony import */ var _changelog_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6054);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6403);
// The step's outputs, computed from the run record alone (action.yml). A request
// sent and never answered is no success: an upload whose outcome is not known
// gives `uploaded: unknown` and no version-id, a version change whose outcome
// is not known carries `outcome: "unknown"` (docs/behaviour.md, "Cancellation").




function outputsOf(r) {
    const version = (0,_record_js__WEBPACK_IMPORTED_MODULE_3__/* .runVersion */ .yh)(r);
    const pruning = r.pruning;
    return {
        [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.versionId]: version?.versionId ?? '',
        [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.displayVersion]: version?.displayVersion ?? '',
        [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.uploadedDate]: version?.uploadedDate ?? '',
        [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.sha256]: r.archive?.sha256 ?? '',
        [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.contentSha256]: r.archive?.contentSha256 ?? '',
        [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.versionSha256]: versionSha256(r) ?? '',
        [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.archivePath]: r.archive?.shownPath ?? '',
        [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.uploaded]: uploaded(r),
        [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.deletedVersionIds]: JSON.stringify(deletedIds(r)),
        [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.skippedVersionIds]: JSON.stringify(pruning?.skipped.map(s => s.version.versionId) ?? []),
        [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.classificationChanges]: JSON.stringify((r.switches ?? [])
            .filter(s => !s.notRequested)
            .map(s => ({
            classificationType: s.classificationType,
            versionId: s.versionId,
            reviewStatus: s.reviewStatus,
            ...(s.outcomeUnknown ? { outcome: 'unknown' } : {})
        })))
    };
}
/** Every version the run deleted: second copies of its own upload first (the newest), then pruning's, newest first. */
function deletedIds(r) {
    const twins = r.upload?.kind === 'uploaded' ? r.upload.removedTwins : [];
    return [...twins, ...(r.pruning?.deleted.map(d => d.version) ?? [])].map(v => v.versionId);
}
/** `true` when this run created a version; `unknown` when an attempt may have and the run never learnt whether. */
function uploaded(r) {
    if (r.upload?.kind === 'uploaded')
        return 'true';
    if (r.upload?.kind === 'unknown' || (r.upload?.kind === 'failed' && r.upload.mayBeStored))
        return 'unknown';
    return 'false';
}
/**
 * Which bytes Boomi holds in the run's version: its trailer's `sha256`. After
 * a content match this is the earlier build's, not `sha256`; an upload whose
 * answer carried no change log is known by the one this run sent.
 */
function versionSha256(r) {
    const version = (0,_record_js__WEBPACK_IMPORTED_MODULE_3__/* .runVersion */ .yh)(r);
    const stored = (0,_changelog_js__WEBPACK_IMPORTED_MODULE_2__/* .storedSha256 */ .lW)(version?.changeLog);
    if (stored || r.upload?.kind !== 'uploaded')
        return stored;
    return (0,_changelog_js__WEBPACK_IMPORTED_MODULE_2__/* .storedSha256 */ .lW)(r.upload.changeLog);
}
/** Outputs whose text is JSON (arrays), and the one that is a boolean: typed as such in the command-line tool's --json. */
const JSON_OUTPUTS = new Set([_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.deletedVersionIds, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.skippedVersionIds, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.classificationChanges]);
const BOOLEAN_OUTPUTS = new Set([_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.uploaded]);
/** The outputs with arrays as arrays and booleans as booleans, for one JSON object; a value that is neither `true` nor `false` (an outcome not known) stays text. */
function typedOutputs(outputs) {
    const typed = {};
    for (const [name, value] of Object.entries(outputs)) {
        typed[name] = JSON_OUTPUTS.has(name) ? JSON.parse(value) : BOOLEAN_OUTPUTS.has(name) ? booleanOrText(value) : value;
    }
    return typed;
}
/** `true` and `false` as booleans; `unknown` (an upload whose outcome is not known) stays text, never false. */
function booleanOrText(value) {
    return value === 'true' ? true : value === 'false' ? false : value;
}
/**
 * A dotenv file of the outputs: `version_id=1042`, one line each. Names use `_`
 * for `-` (GitLab's dotenv report and most readers take only letters, digits and
 * `_`). A value of plain characters is written as it is, since GitLab keeps
 * quotes as part of the value; any other value (spaces, quotes, `#`, `$`, a line
 * break: all possible in a display version or a file name) is double-quoted with
 * `\`, `"`, `$`, `` ` `` and line breaks escaped, so that no reader can take part of
 * it for another variable or a comment.
 */
function dotenvText(outputs) {
    return Object.entries(outputs)
        .map(([name, value]) => `${name.replace(/-/g, '_')}=${dotenvValue(value)}\n`)
        .join('');
}
const PLAIN_VALUE = /^[A-Za-z0-9_.,:/@+\-[\]{}"]*$/;
// What could end a dotenv line or hide in one: C0, DEL and the line separators. C1 controls are left as they are.
const DOTENV_ESCAPED = new RegExp(`[${_text_js__WEBPACK_IMPORTED_MODULE_1__/* .BYTE_CONTROLS */ .aX}${_text_js__WEBPACK_IMPORTED_MODULE_1__/* .LINE_SEPARATORS */ .Ev}]`, 'g');
function dotenvValue(value) {
    // A plain value may hold `"` (JSON arrays) but not start with one: a reader would take it for a quoted value;
    // and only in pairs: an odd one opens a quote that a shell sourcing the file closes on a later line.
    if (PLAIN_VALUE.test(value) && !value.startsWith('"') && value.split('"').length % 2 === 1)
        return value;
    const escaped = value
        .replace(/[\\"$`]/g, ch => `\\${ch}`)
        .replace(/\r/g, '\\r')
        .replace(/\n/g, '\\n');
    return `"${escaped.replace(DOTENV_ESCAPED, ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}


/***/ }),

/***/ 6403:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $I: () => (/* binding */ foldRun),
/* harmony export */   vu: () => (/* binding */ EventLog),
/* harmony export */   yh: () => (/* binding */ runVersion)
/* harmony export */ });
/** The version this run stands for: uploaded, reused, or given by version-id. */
function runVersion(r) {
    if (r.given)
        return r.given;
    if (r.upload?.kind === 'uploaded' || r.upload?.kind === 'reused')
        return r.upload.version;
    return undefined;
}
/** The record: one pass over what the run reported, in order. */
function foldRun(base, events) {
    const r = { ...base, unknown: [] };
    const open = new Map();
    const deletions = new Map();
    const switches = new Map();
    let pruned = false;
    const track = (version, next) => {
        const known = deletions.get(version.versionId);
        deletions.set(version.versionId, next(known?.item ?? { version, reason: '' }));
    };
    for (const e of events) {
        switch (e.type) {
            case 'archive':
                r.archive = e.archive;
                break;
            case 'change-log':
                r.changeLog = e.changeLog;
                break;
            case 'given':
                r.given = e.version;
                break;
            case 'empty-group':
                r.emptyGroup = true;
                break;
            case 'sent':
                open.set(e.id, e.request);
                break;
            case 'answered':
                open.delete(e.id);
                break;
            case 'upload':
                r.upload = e.upload.kind === 'uploaded' ? { ...e.upload, removedTwins: [...e.upload.removedTwins], strayTwins: [...e.upload.strayTwins] } : e.upload;
                for (const [id, q] of open)
                    if (q.operation === 'upload')
                        open.delete(id);
                break;
            case 'twin-deleted':
                if (r.upload?.kind === 'uploaded')
                    r.upload.removedTwins.push(e.version);
                break;
            case 'twin-left':
                if (r.upload?.kind === 'uploaded')
                    r.upload.strayTwins.push(e.version);
                break;
            case 'prune-plan':
                pruned = true;
                if (e.round === 'prune')
                    r.prune = e.plan;
                for (const item of e.skip)
                    deletions.set(item.version.versionId, { status: 'skipped', item });
                for (const item of e.delete)
                    deletions.set(item.version.versionId, { status: 'planned', item });
                break;
            case 'deleted':
                track(e.item.version, () => ({ status: 'deleted', item: e.item }));
                break;
            case 'refused':
                track(e.item.version, () => ({ status: 'skipped', item: e.item }));
                break;
            case 'delete-failed':
                track(e.version, item => ({ status: 'failed', item, error: e.error }));
                break;
            case 'not-tried':
                track(e.version, item => ({ status: 'not-tried', item }));
                break;
            case 'release-notes':
                r.releaseNotes = e.text;
                break;
            case 'switched':
                switches.set(e.change.classificationType, e.change);
                break;
            case 'throttling':
                r.throttling = e.stats;
                break;
            case 'api':
                r.api = e.contact;
                break;
            case 'failed':
                r.error ??= e.error;
                break;
            case 'cancelled':
                r.cancelled = true;
                break;
        }
    }
    const unknown = (r.unknown = [...open.values()]);
    for (const q of unknown) {
        if (q.operation === 'upload' && !r.upload)
            r.upload = { kind: 'unknown', changeLog: q.changeLog };
        if (q.operation === 'change' && !switches.has(q.classificationType)) {
            switches.set(q.classificationType, { classificationType: q.classificationType, versionId: q.versionId, reviewStatus: '', outcomeUnknown: true });
        }
    }
    if (switches.size)
        r.switches = [...switches.values()];
    if (pruned)
        r.pruning = pruningOf(deletions, unknown);
    return r;
}
function pruningOf(deletions, unknown) {
    const out = { deleted: [], skipped: [], failed: [], notTried: [], unknown: [] };
    const inFlight = new Set(unknown.flatMap(q => (q.operation === 'delete' ? [q.version.versionId] : [])));
    for (const [id, d] of deletions) {
        if (d.status === 'deleted')
            out.deleted.push(d.item);
        else if (d.status === 'skipped')
            out.skipped.push(d.item);
        else if (d.status === 'failed')
            out.failed.push({ version: d.item.version, error: d.error });
        else if (inFlight.has(id))
            out.unknown.push(d.item.version);
        // Planned and never sent: a round reports every deletion, so only a forced record has these.
        else
            out.notTried.push(d.item.version);
    }
    return out;
}
/** The run's one journal: events appended as they happen, never edited. */
class EventLog {
    list = [];
    report = (event) => {
        this.list.push(event);
    };
    get all() {
        return this.list;
    }
}


/***/ }),

/***/ 5260:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ renderSummary)
/* harmony export */ });
/* unused harmony export outcomeText */
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1334);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6403);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8992);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5006);
// The job summary as Markdown, computed from the run record alone. Every field
// that came from outside (Boomi's answers, file names, messages) goes through
// untrusted.ts before it meets Markdown or HTML.




const MATCH_TEXT = { sha256: 'the same archive (sha256)', 'content-sha256': 'the same connector rebuilt (content-sha256)' };
function outcomeText(upload, r) {
    if (r.given)
        return `No upload: switching version ${r.given.versionId} given by version-id`;
    if (!upload) {
        if (!r.error)
            return 'No upload (prune only)';
        return r.archiveGiven === false ? 'No upload: no archive given' : 'Not uploaded: the run stopped before the upload';
    }
    switch (upload.kind) {
        case 'uploaded':
            return 'Uploaded a new version';
        case 'reused':
            return `${upload.dryRun ? 'Dry run: would reuse' : 'Reused'} the existing version of ${MATCH_TEXT[upload.match]} (no upload)`;
        case 'would-upload':
            return 'Dry run: would upload a new version';
        case 'refused-duplicate':
            return `Not uploaded: already a version of the group, ${MATCH_TEXT[upload.match]} (if-exists: fail)`;
        case 'failed':
            return upload.mayBeStored ? 'Upload failed, but an attempt whose answer was lost may have stored it (see below)' : 'Upload failed';
        case 'unknown':
            return 'Upload sent, outcome not known: the run was stopped before Boomi answered (see below)';
    }
}
function overview(r) {
    const rows = [`| Result | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdText */ .bC)(outcomeText(r.upload, r))} |`];
    if (r.archive) {
        const a = r.archive;
        rows.push(`| Archive | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(a.shownPath)} (${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .approxBytes */ .SW)(a.size)}) |`, `| SHA-256 | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(a.sha256)} |`, `| Content SHA-256 | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(a.contentSha256)} |`);
        if (a.connector.className || a.connector.sdkApiVersion) {
            rows.push(`| Connector | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(a.connector.className ?? '?')}, SDK API ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(a.connector.sdkApiVersion ?? '?')} |`);
        }
    }
    const version = (0,_record_js__WEBPACK_IMPORTED_MODULE_3__/* .runVersion */ .yh)(r);
    if (version) {
        rows.push(`| Version ID | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(version.versionId)} |`, `| Display version | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdText */ .bC)(version.displayVersion)} |`, `| Uploaded | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdText */ .bC)(version.uploadedDate)} |`);
        const held = (0,_outputs_js__WEBPACK_IMPORTED_MODULE_0__/* .versionSha256 */ .o$)(r);
        // After a content match Boomi holds the earlier build: say so beside the local archive's checksum.
        if (held && r.archive && held !== r.archive.sha256)
            rows.push(`| Version's archive SHA-256 | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(held)} (an earlier build of the same content) |`);
        if (version.uploadedBy)
            rows.push(`| Uploaded by | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdText */ .bC)(version.uploadedBy)} |`);
    }
    const twins = secondCopiesRow(r);
    if (twins)
        rows.push(twins);
    if (r.changeLog?.section)
        rows.push(`| Change log from | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdText */ .bC)(r.changeLog.section)} |`);
    const api = apiRow(r);
    if (api)
        rows.push(api);
    if (r.throttling && r.throttling.throttled > 0) {
        const t = r.throttling;
        rows.push(`| Throttling | ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(t.throttled, 'answer')} 503/429, ${(t.waitedMs / 1000).toFixed(1)} s spent waiting${t.lowestRate ? `, rate cut to ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .formatRate */ .CE)(t.lowestRate)} at the lowest` : ''} |`);
    }
    return ['| | |', '| --- | --- |', ...rows, ''];
}
/** Second copies of this run's upload that attempts whose answers were lost left (docs/behaviour.md, "Retries and lost answers"). */
function secondCopiesRow(r) {
    if (r.upload?.kind !== 'uploaded')
        return undefined;
    const { removedTwins, strayTwins } = r.upload;
    const named = (versions) => (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdText */ .bC)((0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .someOf */ .yU)(versions.map(v => v.versionId), 20));
    const said = [];
    if (removedTwins.length)
        said.push(`deleted ${named(removedTwins)}`);
    if (strayTwins.length)
        said.push(`left, delete them in the Developer tab: ${named(strayTwins)}`);
    return said.length ? `| Second copies | ${said.join('; ')} (made by upload attempts whose answers were lost) |` : undefined;
}
/** Which API root served the run, and the api-url that pins it when it was found (docs/behaviour.md, "Finding the prefix"). */
function apiRow(r) {
    const api = r.api;
    if (!api?.apiUrl)
        return undefined;
    if (!api.found)
        return `| API | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(api.apiUrl)} |`;
    if (!api.refused.length)
        return `| API | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(api.apiUrl)}: path prefix found; api-url set to this value pins it |`;
    const refused = api.refused.map(x => `${x.prefix} answered HTTP ${x.status}`).join(', ');
    return `| API | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(api.apiUrl)}: path prefix found after ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdText */ .bC)(refused)}; set api-url to this value to skip that request |`;
}
/** What a dry run proved, and what only a real run can (docs/behaviour.md, "First contact"). */
function dryRunSection(r) {
    if (!r.dryRun)
        return [];
    const proved = [];
    const unproved = [];
    if (r.api?.apiUrl)
        proved.push(`Credentials, host and path prefix: Boomi answered the listing of ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(r.groupType)} at ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(r.api.apiUrl)}.`);
    else
        unproved.push('Credentials, host and path prefix: the listing did not succeed.');
    if (r.archive)
        proved.push(`Archive: ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(r.archive.shownPath)} read as a zip, its checksums and layout checked.`);
    // Without change-log or change-log-file, the upload phase makes the text from the workflow run.
    const made = r.upload && 'changeLog' in r.upload ? 'workflow-run' : undefined;
    const source = r.changeLog?.source ?? made;
    if (source)
        proved.push(`Change log: ${CHANGE_LOG_SOURCE[source]}, its trailer checked.`);
    if (r.emptyGroup) {
        unproved.push(`That connector group ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(r.groupType)} exists: its listing is empty, as Boomi lists a group that does not exist. A first upload needs the group (Developer tab, Add Connector Group).`);
    }
    unproved.push('The privileges to upload, delete and switch classifications: a dry run sends none of those requests.');
    if (r.switches?.length) {
        unproved.push(`Whether ${r.switches.map(x => (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(x.classificationType)).join(', ')} exist for this group: Boomi says so only when a switch is sent.`);
    }
    const list = (items) => items.map(x => `- ${x}`);
    return ['### Dry run', '', 'Proved:', '', ...list(proved.length ? proved : ['nothing: the run stopped first.']), '', 'Not proved:', '', ...list(unproved), ''];
}
const CHANGE_LOG_SOURCE = { input: 'from change-log', file: 'from change-log-file', 'workflow-run': 'made from the CI run' };
/** Deprecation, Sunset, Warning and Link headers from Boomi, one line each. */
function noticeSection(r) {
    const notices = r.api?.notices ?? [];
    if (!notices.length)
        return [];
    return [
        '### Notices from Boomi',
        '',
        '| Operation | Header | Value |',
        '| --- | --- | --- |',
        ...notices.map(n => `| ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdText */ .bC)(n.operation)} | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdText */ .bC)(n.header)} | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdText */ .bC)(n.value)} |`),
        ''
    ];
}
function changeLogSection(r) {
    const u = r.upload;
    const text = u?.kind === 'reused' ? u.version.changeLog : u && 'changeLog' in u ? u.changeLog : undefined;
    if (!text)
        return [];
    return ['<details><summary>Change log</summary>', '', (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdBlock */ .nx)(text), '', '</details>', ''];
}
function switchSection(r) {
    if (!r.switches?.length)
        return [];
    const lines = ['### Classifications', '', '| Classification | Version ID | Review status | Note |', '| --- | --- | --- | --- |'];
    const rows = r.switches.map(s => () => {
        const note = s.outcomeUnknown
            ? `outcome not known: ${s.error ?? 'the run was stopped before Boomi answered'}`
            : s.notRequested
                ? 'not requested: the run was cancelled'
                : s.error
                    ? `failed: ${s.error}`
                    : s.reviewStatus === 'APPROVED'
                        ? 'switched'
                        : s.reviewStatus === 'PENDING'
                            ? 'awaiting approval or a scheduled release'
                            : s.reviewStatus === 'REJECTED' || s.reviewStatus === 'CANCELLED'
                                ? 'not switched'
                                : r.dryRun
                                    ? 'dry run: would request'
                                    : '';
        const said = s.reviewReason ? `Boomi: ${s.reviewReason}` : '';
        // Empty in a dry run that would upload: the version does not exist yet.
        return `| ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(s.classificationType)} | ${s.versionId ? (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(s.versionId) : 'the one this run would upload'} | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdText */ .bC)(s.reviewStatus || '–')} | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdText */ .bC)([note, said].filter(Boolean).join('; '))} |`;
    });
    lines.push(...cappedRows(rows, 4));
    const notes = r.releaseNotes;
    if (notes)
        lines.push('', `<details><summary>Release notes ${r.dryRun ? 'that would be sent' : 'sent'}</summary>`, '', (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdBlock */ .nx)(notes), '', '</details>');
    return [...lines, ''];
}
/**
 * A table's bounds: GitHub drops a job summary over 1 MiB whole, a group may list thousands
 * of versions, and nothing bounds how many classifications are given. The log names every
 * one, the outputs every ID.
 */
const MAX_TABLE_ROWS = 200;
const MAX_TABLE_BYTES = 128 * 1024;
/** Rows rendered until either bound is reached, then one row saying how many more the log has. */
function cappedRows(all, columns) {
    const rows = [];
    let bytes = 0;
    for (const render of all) {
        const line = render();
        bytes += Buffer.byteLength(line, 'utf8') + 1;
        if (rows.length === MAX_TABLE_ROWS || bytes > MAX_TABLE_BYTES)
            break;
        rows.push(line);
    }
    if (rows.length < all.length)
        rows.push(`| … and ${all.length - rows.length} more: see the log |${' |'.repeat(columns - 1)}`);
    return rows;
}
function pruneSection(r) {
    const outcome = r.pruning;
    if (!outcome)
        return [];
    const verb = r.dryRun ? 'would delete' : 'deleted';
    const lines = [];
    if (r.prune) {
        const p = r.prune;
        lines.push(`### Pruning: keep the newest ${p.keepLatest}${p.minAgeDays !== undefined ? `, nothing younger than ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(p.minAgeDays, 'day')}` : ''}`, '');
        lines.push(`Kept ${p.kept}, ${verb} ${outcome.deleted.length}, skipped ${outcome.skipped.length}${outcome.failed.length ? `, failed ${outcome.failed.length}` : ''}${outcome.unknown.length ? `, outcome not known ${outcome.unknown.length}` : ''}.`, '');
    }
    else {
        lines.push('### Pruning before the upload (account at its version limit)', '');
    }
    const row = (v, action, reason) => () => `| ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(v.versionId)} | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdText */ .bC)(v.displayVersion)} | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdText */ .bC)(v.uploadedDate)} | ${action} | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdText */ .bC)(reason)} |`;
    const all = [
        ...outcome.deleted.map(d => row(d.version, verb, d.reason)),
        ...outcome.skipped.map(s => row(s.version, 'skipped', s.reason)),
        ...outcome.failed.map(f => row(f.version, 'failed', f.error)),
        ...outcome.unknown.map(v => row(v, 'outcome not known', 'the delete was sent and the run was stopped before Boomi answered')),
        ...outcome.notTried.map(v => row(v, 'not tried', r.cancelled ? 'the run was cancelled' : "an earlier deletion failed as every deletion would (credentials, privileges, or the delete's form)"))
    ];
    const rows = cappedRows(all, 5);
    if (rows.length)
        lines.push('| Version ID | Display version | Uploaded | Action | Reason |', '| --- | --- | --- | --- | --- |', ...rows, '');
    return lines;
}
/** What to check in the Developer tab for each request whose outcome nobody knows. */
function unknownSection(r) {
    const checks = (r.unknown ?? []).map(q => checkFor(q, r));
    if (r.upload?.kind === 'failed' && r.upload.mayBeStored)
        checks.unshift(checkFor({ operation: 'upload', changeLog: r.upload.changeLog }, r));
    // A change that failed in a way that may have made it (its request was answered, so the journal holds it no more).
    for (const s of r.switches ?? [])
        if (s.outcomeUnknown)
            checks.push(checkFor({ operation: 'change', classificationType: s.classificationType, versionId: s.versionId }, r));
    if (!checks.length)
        return [];
    return ['### Outcome not known', '', 'Boomi may have done these; check in the Developer tab:', '', ...[...new Set(checks)].map(c => `- ${c}`), ''];
}
function checkFor(q, r) {
    const group = (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(r.groupType);
    switch (q.operation) {
        case 'upload': {
            const line = r.archive ? (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(`sha256: ${r.archive.sha256}`) : "this archive's sha256 line";
            return `Upload: look in group ${group} for a version whose change log ends with the line ${line}. If there is one, Boomi stored this upload; a re-run with this archive finds and reuses it.`;
        }
        case 'change':
            return `Version change: see which version classification ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(q.classificationType)} uses (this run asked for ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(q.versionId)}).`;
        case 'delete':
            return `Delete: see whether version ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(q.version.versionId)} of ${group} is still there.`;
    }
}
/** The job summary: the version, its checksums, switches, and every pruning decision with its reason. */
function renderSummary(r) {
    const lines = [`## Boomi connector release: ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdCode */ .xs)(r.groupType)}${r.dryRun ? ' (dry run)' : ''}`, ''];
    if (r.cancelled)
        lines.push('> **Cancelled:** the run was stopped; this is what it did before that.', '');
    if (r.error)
        lines.push(`> **Failed:** ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .mdText */ .bC)(r.error)}`, '');
    return [
        ...lines,
        ...overview(r),
        ...unknownSection(r),
        ...dryRunSection(r),
        ...changeLogSection(r),
        ...switchSection(r),
        ...pruneSection(r),
        ...noticeSection(r)
    ].join('\n');
}


/***/ }),

/***/ 5006:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ig: () => (/* binding */ forLog),
/* harmony export */   Jj: () => (/* binding */ cut),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   Zg: () => (/* binding */ scrubSecrets),
/* harmony export */   bC: () => (/* binding */ mdText),
/* harmony export */   eW: () => (/* binding */ MAX_FAILURE_MESSAGE),
/* harmony export */   eo: () => (/* binding */ secretForms),
/* harmony export */   nv: () => (/* binding */ MIN_SECRET_FRAGMENT),
/* harmony export */   nx: () => (/* binding */ mdBlock),
/* harmony export */   xs: () => (/* binding */ mdCode)
/* harmony export */ });
/* unused harmony exports LOG_LINE_GUARD, MISSING, MAX_MD_TEXT, MAX_MD_BLOCK, MASK, ELLIPSIS */
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8992);
// The one place where text from outside (Boomi's answers, input values, file
// names, a changelog file) is made safe for where it goes: the runner's log, the
// job summary's HTML and Markdown, or an error message that may echo credentials.
// Each function is total and pure; callers apply it once, at the edge.

/** Shown in front of a log line that the runner would otherwise read as a workflow command. */
const LOG_LINE_GUARD = '> ';
/**
 * Characters the runner or a log viewer might skip before looking for `::`.
 * The runner calls .NET `TrimStart()` (Unicode White_Space); this set is wider on
 * purpose — an extra guard costs nothing, a missing one is a command.
 */
const LOOSE_LEADING_SPACE = /^[\s\u0085\u180e\u200b-\u200d\u2060\ufeff]*/;
/**
 * The text set (src/text.ts) but \t and \n: invisible, or line breaks to some reader.
 * A tab is shown as it is, and a line break is dealt with by each escape on its own terms.
 */
const CONTROL_CLASS = `(?![\\t\\n])[${_text_js__WEBPACK_IMPORTED_MODULE_0__/* .TEXT_CONTROLS */ .zH}]`;
const CONTROL = new RegExp(CONTROL_CLASS, 'g');
const HAS_CONTROL = new RegExp(CONTROL_CLASS);
function showControl(ch) {
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
function guardLogLine(line) {
    // actions/runner ActionCommand.TryParse (v1) finds `##[` anywhere in a line, not only at its start; so
    // does the Azure Pipelines agent its logging commands, `##vso[` (the command-line tool runs there), and
    // TeamCity its service messages, `##teamcity[`.
    const noV1 = line.replace(/##(vso|teamcity)?\[/gi, (_m, name) => (name ? `##${name} [` : '## ['));
    // TryParseV2 takes a line as a command when it starts with `::` after leading white space.
    const rest = noV1.slice(LOOSE_LEADING_SPACE.exec(noV1)[0].length);
    return rest.startsWith('::') ? LOG_LINE_GUARD + noV1 : noV1;
}
/**
 * Text for the runner's log: no line of it can be a workflow command. A lone
 * `\r` ends a line for the runner, so it becomes `\n`; other control characters
 * are shown as `\uXXXX`.
 */
function forLog(text) {
    return text.replace(/\r\n?/g, '\n').replace(CONTROL, showControl).split('\n').map(guardLogLine).join('\n');
}
const HTML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, ch => HTML_ENTITIES[ch]);
}
/**
 * Markdown punctuation that can start a construct inline: emphasis, code,
 * links and images, table cells, strikethrough, math, mentions, headings.
 */
const MARKDOWN_INLINE = /[\\`*_[\]()#|!~$@]/g;
/** Shown for a field the server left out. */
const MISSING = '–';
/** Longest text a summary cell shows before it is cut. */
const MAX_MD_TEXT = 1000;
/** Longest failure message a front end prints (the Action's log and summary, the command-line tool's error line). */
const MAX_FAILURE_MESSAGE = 4000;
function escapeMarkdownLine(line) {
    // GitHub makes a bare `https://…` or `www.…` a link: an escaped `:` or `.` breaks either.
    const inline = line
        .replace(MARKDOWN_INLINE, ch => `\\${ch}`)
        .replace(/:(?=\/\/)/g, '\\:')
        .replace(/(www)\./gi, '$1\\.');
    // A list item, ordered-list number or setext underline is recognised only at the start of a line.
    return inline.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
function inertInline(text) {
    return text
        .replace(/\r\n?/g, '\n')
        .replace(CONTROL, showControl)
        .split('\n')
        .map(line => escapeHtml(escapeMarkdownLine(line)))
        .join('\n');
}
/**
 * Text for a table cell or inline in the job summary: HTML-escaped,
 * Markdown-inert, on one line (`<br>` between lines), at most `max` characters
 * of the original before escaping.
 */
function mdText(text, max = MAX_MD_TEXT) {
    if (text === undefined)
        return MISSING;
    return inertInline(cut(text, max)).replace(/\n/g, '<br>');
}
/**
 * Inline code that nothing inside can close. A backtick span cannot hold a
 * line break or a `|` safely (a table reads `\|` differently from a paragraph),
 * so those texts go in `<code>` with their content made inert instead.
 */
function mdCode(text, max = MAX_MD_TEXT) {
    if (text === undefined)
        return MISSING;
    const shown = cut(text, max);
    if (shown.trim() === '' || /[\r\n|]/.test(shown) || HAS_CONTROL.test(shown)) {
        return `<code>${inertInline(shown).replace(/\n/g, ' ')}</code>`;
    }
    const fence = '`'.repeat(longestRun(shown, '`') + 1);
    const pad = /^[` ]|[` ]$/.test(shown) ? ' ' : '';
    return `${fence}${pad}${shown}${pad}${fence}`;
}
/** Longest text a summary block shows before it is cut. */
const MAX_MD_BLOCK = 10_000;
/**
 * A fenced block (to be placed at the start of a line) whose fence is longer
 * than any backtick run inside, so the text cannot close it early.
 */
function mdBlock(text, max = MAX_MD_BLOCK) {
    const body = cut(text, max).replace(/\r\n?/g, '\n').replace(CONTROL, showControl);
    const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
    return `${fence}text\n${body}\n${fence}`;
}
function longestRun(text, ch) {
    let longest = 0;
    let run = 0;
    for (const c of text) {
        run = c === ch ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    return longest;
}
/** Shortest piece of a secret that counts as leaked: shorter pieces are too common to mask. */
const MIN_SECRET_FRAGMENT = 6;
const MASK = '***';
/**
 * The forms in which a secret is commonly echoed back: as is, URL-encoded and
 * base64. A Basic authorization value must be passed on its own (base64 of the
 * token alone is not a substring of it).
 */
function secretForms(secrets) {
    const forms = secrets.flatMap(s => (s ? [s, encodeURIComponent(s), Buffer.from(s, 'utf8').toString('base64'), JSON.stringify(s).slice(1, -1)] : []));
    return [...new Set(forms)];
}
/** Built once per list of forms: a listing scrubs thousands of short fields with the same list. */
const gramsOf = new WeakMap();
function secretGrams(secrets) {
    const known = gramsOf.get(secrets);
    if (known)
        return known;
    const grams = new Set();
    for (const s of secrets) {
        for (let i = 0; i + MIN_SECRET_FRAGMENT <= s.length; i++)
            grams.add(s.slice(i, i + MIN_SECRET_FRAGMENT));
    }
    gramsOf.set(secrets, grams);
    return grams;
}
/** Marks every character inside a run of at least MIN_SECRET_FRAGMENT characters that occurs in a secret. */
function secretCover(text, secrets) {
    const covered = new Array(text.length).fill(false);
    const grams = secretGrams(secrets);
    for (let i = 0; i + MIN_SECRET_FRAGMENT <= text.length; i++) {
        if (grams.has(text.slice(i, i + MIN_SECRET_FRAGMENT)))
            covered.fill(true, i, i + MIN_SECRET_FRAGMENT);
    }
    return covered;
}
function maskOnce(text, secrets) {
    const covered = secretCover(text, secrets);
    const parts = [];
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
        const edge = i === text.length || covered[i] !== covered[start];
        if (!edge)
            continue;
        parts.push(covered[start] ? MASK : text.slice(start, i));
        start = i;
    }
    return parts.join('');
}
/**
 * Replaces each secret, and any piece of one at least MIN_SECRET_FRAGMENT long
 * wherever it appears (a server may echo a prefix, or cut the echo), with
 * `***`. Apply before any cut: a cut cannot un-mask, but it can hide what
 * would have identified a fragment. Pass the forms to look for (see
 * `secretForms`); the runner's own masking only knows whole secrets.
 */
function scrubSecrets(text, secrets) {
    // A secret shorter than a fragment is masked whole, in one pass: masking it
    // again could loop (a secret of `*` is inside the mask).
    const short = secrets.filter(s => s.length > 0 && s.length < MIN_SECRET_FRAGMENT);
    let current = short.reduce((acc, s) => acc.split(s).join(MASK), text);
    const long = secrets.filter(s => s.length >= MIN_SECRET_FRAGMENT);
    if (long.length === 0)
        return current;
    // Masking joins what stood either side of a secret, which may line up anew;
    // each pass that changes anything shortens the text, so this ends.
    for (;;) {
        const next = maskOnce(current, long);
        if (next === current)
            return next;
        current = next;
    }
}
/** Marks a text that was cut. */
const ELLIPSIS = '…';
// Zero-width and bidi characters are kept: a value stays as Boomi wrote it (emoji sequences included), shown escaped.
const ONE_LINE_BREAKS = new RegExp(`[\\s${_text_js__WEBPACK_IMPORTED_MODULE_0__/* .LINE_CONTROLS */ .Q2}]+`, 'g');
/** Outside text on one line: every run of white space and control characters becomes one space. */
function oneLine(text) {
    return text.replace(ONE_LINE_BREAKS, ' ').trim();
}
/**
 * At most `max` UTF-16 units, `…` included, never splitting a surrogate pair.
 * Counting units rather than code points keeps the result within a limit
 * however the receiver counts.
 */
function cut(text, max) {
    if (text.length <= max)
        return text;
    if (max < 1)
        return '';
    let end = max - ELLIPSIS.length;
    if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1)))
        end--;
    return text.slice(0, end) + ELLIPSIS;
}
function isHighSurrogate(code) {
    return code >= 0xd800 && code <= 0xdbff;
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Do: () => (/* binding */ OutcomeUnknownError),
/* harmony export */   Dr: () => (/* binding */ NetworkError),
/* harmony export */   JE: () => (/* binding */ BoomiError),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dV: () => (/* binding */ AnswerError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   fg: () => (/* binding */ ArchiveChangedError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   hC: () => (/* binding */ sentences),
/* harmony export */   jG: () => (/* binding */ WithdrawnError)
/* harmony export */ });
/**
 * Parts of a message joined as prose: a period and a space between two parts,
 * or only the space when the first already ends a sentence (Boomi's messages
 * often do), so no message reads "token.. Check". Empty parts are left out.
 */
function sentences(...parts) {
    let out = '';
    for (const raw of parts) {
        const part = raw?.trim();
        if (!part)
            continue;
        out = out === '' ? part : /[.!?]$/.test(out) ? `${out} ${part}` : `${out}. ${part}`;
    }
    return out;
}
/** A bad input: the run stops before any request, naming the input and the fix. */
class InputError extends Error {
    input;
    constructor(input, message, options) {
        super(message, options);
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
    constructor(operation, status, boomiMessage, retryAfterMs, hint, options) {
        super(sentences(`${operation} failed: HTTP ${status}${boomiMessage ? `: ${boomiMessage}` : ''}`, hint), options);
        this.operation = operation;
        this.status = status;
        this.boomiMessage = boomiMessage;
        this.retryAfterMs = retryAfterMs;
        this.hint = hint;
        this.name = 'BoomiError';
    }
}
/**
 * The run was cancelled (a signal): where it stops, nothing new is started. The one
 * message for it, whether a wait, the pacer or a phase noticed first.
 */
class CancelledError extends Error {
    constructor() {
        super('The run was cancelled; what it did before that is in the outputs and the summary.');
        this.name = 'CancelledError';
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
/**
 * A request taken back when its turn came, before a byte of it was sent: an
 * answer to another showed it would fail the same way. Nothing reached Boomi.
 */
class WithdrawnError extends Error {
    operation;
    constructor(operation) {
        super(`${operation} not sent: an answer to another request showed it would fail the same way`);
        this.operation = operation;
        this.name = 'WithdrawnError';
    }
}
/**
 * A request that failed for good after an earlier attempt that may have done
 * its work (a 5xx, a lost answer): whether it happened is not known, whatever
 * the last failure says (a cancel, a refusal of the repeat).
 */
class OutcomeUnknownError extends Error {
    operation;
    last;
    earlier;
    constructor(operation, 
    /** The failure that ended the tries. */
    last, 
    /** The latest attempt that may have done the work. */
    earlier) {
        super(`${errorMessage(last)}, after an attempt that may have done it (${errorMessage(earlier)})`, { cause: last });
        this.operation = operation;
        this.last = last;
        this.earlier = earlier;
        this.name = 'OutcomeUnknownError';
    }
}
/**
 * Boomi answered 2xx with something the action does not understand. Nothing is
 * done on its strength (fail closed), and asking again would not help.
 */
class AnswerError extends Error {
    operation;
    problem;
    constructor(operation, problem, hint = 'Check api-url: it may point at something other than the Boomi ConnectorVersion API.') {
        super(sentences(`${operation} answer not understood: ${problem}`, hint));
        this.operation = operation;
        this.problem = problem;
        this.name = 'AnswerError';
    }
}
/**
 * The archive read while uploading is not the one that was hashed (changed,
 * grown, shrunk, vanished or unreadable). The request was cut before its last
 * byte, so Boomi cannot have stored it; trying again would send the same surprise.
 */
class ArchiveChangedError extends Error {
    archivePath;
    constructor(archivePath, detail, options) {
        super(`The archive ${JSON.stringify(archivePath)} changed after its checksum was taken (${detail}); the upload was stopped before its last byte, so nothing was stored. Make sure nothing else writes the archive during the release.`, options);
        this.archivePath = archivePath;
        this.name = 'ArchiveChangedError';
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

/***/ 1527:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BK: () => (/* binding */ helpText),
/* harmony export */   a4: () => (/* binding */ API_TOKEN_FILE),
/* harmony export */   pD: () => (/* binding */ envName),
/* harmony export */   ye: () => (/* binding */ readCommandLine)
/* harmony export */ });
/* unused harmony export EXTRA_FLAGS */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3916);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5541);
// The command-line tool's flags and environment, read into the same inputs as
// the Action's: every input of the table is a flag `--<input-name>` or a
// variable `BOOMI_<NAME>`, and a flag wins. Defaults, validation and messages
// stay with the table and read.ts; this file only finds the raw text.
// docs/behaviour.md, "Command-line tool".




const API_TOKEN_FILE = 'api-token-file';
/** The flags that are not inputs: where results go, and what the CI does not say. */
const EXTRA_FLAGS = {
    [API_TOKEN_FILE]: { value: 'PATH', meaning: 'the path of a file holding the API token, e.g. a GitLab CI variable of type File (else BOOMI_API_TOKEN)' },
    json: { meaning: 'print one JSON object with every output on stdout, however the run ends (everything else goes to stderr)' },
    'output-file': { value: 'FILE', meaning: 'write the outputs as a dotenv file (version_id=…), e.g. for GitLab artifacts:reports:dotenv' },
    'summary-file': { value: 'FILE', meaning: 'write the Markdown summary to this file' },
    tag: { value: 'TAG', meaning: "the tag being released, when the CI's variables do not say (change-log-file takes its section)" },
    verbose: { meaning: 'also print debug lines' },
    help: { meaning: 'print this help' },
    version: { meaning: 'print the version' }
};
/** `account-id` → `BOOMI_ACCOUNT_ID`. */
function envName(input) {
    return `BOOMI_${input.toUpperCase().replace(/-/g, '_')}`;
}
/**
 * Reads the flags (`--name value`, `--name=value`; booleans bare, or `--no-name`,
 * `--name=true`, `--name=false`) and the environment. A flag that is not known, a
 * value where none belongs, an empty value, a flag given twice (but a list's; a
 * boolean and its `--no-` are one flag), an argument that is no flag, or the token
 * as a flag is a bad input naming the flag.
 */
function readCommandLine(args, env) {
    const options = {};
    for (const spec of Object.values(_table_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUTS */ .m)) {
        // A list may be given as one flag (`--classifications dev,uat`) or several.
        options[spec.name] = spec.kind === 'boolean' ? { type: 'boolean' } : spec.kind === 'list' ? { type: 'string', multiple: true } : { type: 'string' };
    }
    for (const [name, extra] of Object.entries(EXTRA_FLAGS))
        options[name] = { type: 'value' in extra ? 'string' : 'boolean' };
    if (args.some(a => a === `--${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.apiToken}` || a.startsWith(`--${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.apiToken}=`))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`--${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.apiToken}`, `--${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.apiToken} is refused: a token on the command line shows in the process list and the shell history. Put it in the environment as ${envName(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.apiToken)}, or in a file named by --${API_TOKEN_FILE}.`);
    }
    const booleans = new Set(Object.keys(options).filter(name => options[name].type === 'boolean'));
    const end = args.indexOf('--');
    const given = args.map((arg, i) => (end >= 0 && i >= end ? arg : booleanWithValue(arg, booleans)));
    let parsed;
    try {
        // Positionals are allowed here only to be refused below, without echoing them.
        parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: given, options, strict: true, allowPositionals: true, allowNegative: true, tokens: true });
    }
    catch (err) {
        const text = err instanceof Error ? err.message : String(err);
        const flag = /'(-{1,2}[^' ]+)/.exec(text)?.[1] ?? '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(flag, `${text.replace(/\. To specify a positional argument.*$/s, '').replace(/\.?$/, '.')} See --help for the flags.`, { cause: err });
    }
    const seen = new Set();
    const tokens = parsed.tokens ?? [];
    for (const [i, token] of tokens.entries()) {
        if (token.kind === 'positional')
            throw unexpectedArgument(token.index, token.value, tokens[i - 1]);
        if (token.kind !== 'option')
            continue;
        // `--archive "$ZIP"` with ZIP not set would turn a release into a prune without a word; so
        // would a value of white space only, which read.ts trims to nothing.
        if (token.value !== undefined && token.value.trim() === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`--${token.name}`, `--${token.name} is given an empty value (from a variable that is not set?). Give it a value, or leave the flag out for its variable or its default.`);
        }
        // Last-wins would be a trap in a release: `--archive a.zip --archive b.zip` uploading b.zip without a word.
        if (seen.has(token.name) && !options[token.name].multiple) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`--${token.name}`, `--${token.name} is given twice. Give it once: the second value would replace the first without a word.`);
        }
        seen.add(token.name);
    }
    const values = parsed.values;
    const text = (name) => {
        const v = values[name];
        return typeof v === 'string' ? v : undefined;
    };
    const getInput = name => {
        if (name === _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.apiToken)
            return env[envName(name)] ?? '';
        const v = values[name];
        // One per line: a value ending in a comma (`--classifications dev,`) then joins the next as in a YAML block.
        if (Array.isArray(v))
            return v.join('\n');
        if (typeof v === 'boolean')
            return String(v);
        if (typeof v === 'string')
            return v;
        return env[envName(name)] ?? '';
    };
    return {
        getInput,
        apiTokenFile: text(API_TOKEN_FILE),
        json: values.json === true,
        outputFile: text('output-file'),
        summaryFile: text('summary-file'),
        tag: text('tag'),
        verbose: values.verbose === true,
        help: values.help === true,
        version: values.version === true
    };
}
/**
 * `--dry-run=true` as `--dry-run`, `--dry-run=false` as `--no-dry-run` (any case), for
 * every boolean flag: a CI passes a variable's value as `--dry-run=$DRY_RUN`. Any other
 * value is refused without being shown, as an unexpected argument is.
 */
function booleanWithValue(arg, booleans) {
    const m = /^--([^=]+)=(.*)$/s.exec(arg);
    if (!m || !booleans.has(m[1]))
        return arg;
    const value = m[2].trim().toLowerCase();
    if (value === 'true')
        return `--${m[1]}`;
    if (value === 'false')
        return `--no-${m[1]}`;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`--${m[1]}`, `--${m[1]} takes no value, or =true or =false: give --${m[1]} to turn it on, --no-${m[1]} to turn it off. See --help for the flags.`);
}
/**
 * An argument that is no flag, by its position and length and the flag before it,
 * never by its text: it may be a secret the tool does not know of (a token pasted
 * after a flag's value, or where a variable expanded unquoted), and an error line
 * is printed where anyone reading the CI log sees it. Its first characters would
 * help little and give away part of a secret.
 */
function unexpectedArgument(index, value, before) {
    const after = before?.kind === 'option' ? `, after --${before.name}${before.value !== undefined ? ' and its value' : ''}` : '';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('', `Unexpected argument ${index + 1} (${value.length} characters${after}): this command takes flags only, and the argument is not shown, as it may be a secret. Quote a value that holds spaces. See --help for the flags.`);
}
/** --help, from the input table: every flag with its meaning, its variable and its default. */
function helpText(command, version) {
    const lists = Object.values(_table_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUTS */ .m)
        .filter(spec => spec.kind === 'list')
        .map(spec => `--${spec.name}`)
        .join(', ');
    const lines = [
        `${command} ${version}: release a Boomi custom connector from any CI.`,
        '',
        `Usage: ${command} [flags]`,
        '',
        `Every input is a flag or a BOOMI_<NAME> variable; a flag wins. Each flag is given once, but ${lists} may repeat. The token comes only from ${envName(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.apiToken)} or --${API_TOKEN_FILE}.`,
        `A flag without a value is on when given (--${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.dryRun}, or --${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.dryRun}=true) and off with --no-<flag> (--no-${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.dryRun}, or --${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.dryRun}=false), whatever its variable says.`,
        '',
        'Inputs:'
    ];
    for (const spec of Object.values(_table_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUTS */ .m)) {
        const flag = spec.name === _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.apiToken ? `(${envName(spec.name)})` : spec.kind === 'boolean' ? `--${spec.name}, --no-${spec.name}` : `--${spec.name} <value>`;
        const facts = [spec.required ? 'required' : spec.default ? `default ${spec.default}` : '', spec.name === _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.apiToken ? '' : envName(spec.name)];
        lines.push(`  ${flag}`, `      ${spec.meaning}${facts.some(Boolean) ? ` (${facts.filter(Boolean).join('; ')})` : ''}`);
    }
    lines.push('', 'Other flags:');
    for (const [name, extra] of Object.entries(EXTRA_FLAGS)) {
        lines.push(`  --${name}${'value' in extra ? ` <${extra.value}>` : ''}`, `      ${extra.meaning}`);
    }
    lines.push('', 'Exit codes: 0 success; 1 the run failed; 2 a bad input (nothing was sent).');
    return lines.join('\n') + '\n';
}


/***/ }),

/***/ 5541:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ INPUTS)
/* harmony export */ });
/* unused harmony export MAX_TIMEOUT_SECONDS */
/* harmony import */ var _boomi_contract_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4922);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7242);
/* harmony import */ var _net_pacer_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7960);
// Every input of action.yml, declared once: its kind, its default and the
// example its error message gives. A test compares each default with action.yml.



/** Node's timers hold at most 2^31-1 ms (24.8 days). */
const MAX_TIMEOUT_SECONDS = 2_147_483;
const INPUTS = {
    accountId: {
        name: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.accountId,
        meaning: 'Boomi account ID (Settings > Account Information)',
        kind: 'text',
        required: true,
        default: '',
        expected: "the account ID shown in Boomi under Settings > Account Information (letters, digits, '.', '_' and '-', at least one letter or digit)",
        example: 'acme-Q7XK2P'
    },
    username: {
        name: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.username,
        meaning: 'Boomi user name that owns the API token',
        kind: 'text',
        required: true,
        default: '',
        expected: "the Boomi user name the API token belongs to, without ':' or control characters (BOOMI_TOKEN. is added for you)",
        example: 'ci-bot@acme.example'
    },
    apiToken: {
        name: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.apiToken,
        meaning: 'Boomi API token of that user',
        kind: 'secret',
        required: true,
        default: '',
        expected: 'a Boomi API token from a secret, without control characters',
        example: 'api-token: ${{ secrets.BOOMI_API_TOKEN }}'
    },
    groupType: {
        name: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.groupType,
        meaning: "connector group type: the Developer tab's Type column without its classification",
        kind: 'text',
        required: true,
        default: '',
        expected: "the Type column of the Developer tab without its classification (no spaces, '/' or control characters)",
        example: 'acme-Q7XK2P-sample'
    },
    archive: {
        name: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.archive,
        meaning: 'path or glob of the connector archive to upload (exactly one file); empty: no upload',
        kind: 'text',
        default: '',
        expected: 'a path or glob relative to the workspace',
        example: 'build/distributions/*.car.zip'
    },
    changeLog: {
        name: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.changeLog,
        meaning: "text of the new version's change log; empty: a line made from the CI run",
        kind: 'text',
        default: '',
        expected: 'the text of the change log',
        example: 'Fixes paging'
    },
    changeLogFile: {
        name: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.changeLogFile,
        meaning: 'Markdown changelog whose section for the released version becomes the change log',
        kind: 'text',
        default: '',
        expected: 'a Markdown changelog in the workspace',
        example: 'CHANGELOG.md'
    },
    expectedSha256: {
        name: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.expectedSha256,
        meaning: 'refuse to upload unless the archive has this sha256',
        kind: 'hex',
        default: '',
        expected: "64 hexadecimal characters, the first field of 'sha256sum <archive>'",
        example: 'expected-sha256: ${{ needs.build.outputs.sha256 }}'
    },
    ifExists: {
        name: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.ifExists,
        meaning: 'when the group already has this archive: skip (reuse it), fail, or upload anyway',
        kind: 'one-of',
        default: 'skip',
        expected: 'one of: skip (reuse the existing version), fail, upload',
        example: 'skip',
        choices: ['skip', 'fail', 'upload']
    },
    keepLatest: {
        name: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.keepLatest,
        meaning: 'after the upload, prune the group down to this many newest versions; empty: no pruning',
        kind: 'whole',
        default: '',
        expected: 'a whole number of versions to keep, at least 1',
        example: 'keep-latest: 20',
        min: 1
    },
    minAgeDays: {
        name: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.minAgeDays,
        meaning: 'with keep-latest: never delete a version younger than this many days',
        kind: 'decimal',
        default: '',
        expected: 'a number of days, 0 or more',
        example: 'min-age-days: 30',
        min: 0
    },
    classifications: {
        name: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.classifications,
        meaning: "classifications to switch to this run's version, e.g. dev, uat",
        kind: 'list',
        default: '',
        expected: 'classification labels separated by commas or new lines, each without spaces and given once',
        example: 'classifications: dev, uat'
    },
    versionId: {
        name: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.versionId,
        meaning: 'with classifications: switch them to this uploaded version instead of uploading',
        kind: 'text',
        default: '',
        expected: 'the ID of an uploaded version of the group',
        example: "version-id: '1042'"
    },
    dryRun: {
        name: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.dryRun,
        meaning: 'read, plan and report, but never upload, delete or switch',
        kind: 'boolean',
        default: 'false',
        expected: 'true or false',
        example: 'dry-run: true'
    },
    apiUrl: {
        name: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.apiUrl,
        meaning: 'Boomi API host (the path prefix is found), or host with prefix (used as given)',
        kind: 'url',
        default: _boomi_contract_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_API_URL */ .rK,
        expected: 'an absolute URL: a host alone (the path prefix is then found) or a host with its path prefix, using https (plain http only on loopback), without query or fragment',
        example: _boomi_contract_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_API_URL */ .rK
    },
    requestsPerSecond: {
        name: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.requestsPerSecond,
        meaning: 'ceiling on the request rate; the rate adapts below it when Boomi throttles',
        kind: 'decimal',
        default: '5',
        expected: `a number from ${_net_pacer_js__WEBPACK_IMPORTED_MODULE_2__/* .MIN_REQUESTS_PER_SECOND */ .pD} to ${_net_pacer_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_REQUESTS_PER_SECOND */ .bf} (Boomi allows about 10 requests a second per account)`,
        example: '5',
        min: _net_pacer_js__WEBPACK_IMPORTED_MODULE_2__/* .MIN_REQUESTS_PER_SECOND */ .pD,
        max: _net_pacer_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_REQUESTS_PER_SECOND */ .bf
    },
    maxAttempts: {
        name: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.maxAttempts,
        meaning: 'tries of one request on a 5xx or a network error',
        kind: 'whole',
        default: '5',
        expected: 'a whole number of tries, at least 1 (1 means no retries)',
        example: '5',
        min: 1
    },
    timeoutSeconds: {
        name: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.timeoutSeconds,
        meaning: 'limit for one request, in seconds',
        kind: 'decimal',
        default: '300',
        expected: `a number of seconds from 0.001 to ${MAX_TIMEOUT_SECONDS}`,
        example: '300',
        min: 0.001,
        max: MAX_TIMEOUT_SECONDS
    }
};


/***/ }),

/***/ 7960:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _E: () => (/* binding */ Pacer),
/* harmony export */   bf: () => (/* binding */ MAX_REQUESTS_PER_SECOND),
/* harmony export */   pD: () => (/* binding */ MIN_REQUESTS_PER_SECOND)
/* harmony export */ });
/* unused harmony exports FLOOR_REQUESTS_PER_SECOND, CUT_FACTOR, RESUME_SHARE, RESUME_SPREAD, QUICK_REGROWTH_PER_SECOND, PROBE_REGROWTH_PER_SECOND, REGROWTH_PER_SECOND, CONGESTION_HOLD_MS, PACING_LOG_EVERY_MS, PACING_MARGIN, LATE_TOLERANCE_MS */
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8992);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7893);


/** The range `requests-per-second` accepts: below it a single gap outlasts a job step; above it no account goes. */
const MIN_REQUESTS_PER_SECOND = 0.1;
const MAX_REQUESTS_PER_SECOND = 100;
/** However hard Boomi throttles, the rate never drops below this (or the ceiling, if lower): a run always moves. */
const FLOOR_REQUESTS_PER_SECOND = 0.2;
/** A throttling answer multiplies the rate by this. */
const CUT_FACTOR = 0.5;
/**
 * After a cut the rate regrows in three stretches, measured against the rate the
 * cut came from. Up to a share of it drawn at random for each cut, between
 * RESUME_SHARE and RESUME_SHARE + RESUME_SPREAD, it returns quickly: the account
 * took that much a moment ago. From there to the rate that was cut it creeps: each
 * step up there is a probe that, once the account is full, costs every job sharing
 * it a 503 (and, where Boomi counts refused requests against the window, refuses
 * everything for up to a second), so such probes stay rare. Past the rate that was
 * cut (room has opened: another job finished) it grows as it always did. The random
 * share keeps jobs cut by the same congestion from all coming back to the same
 * rate and all stepping up together. The cut and the quick return together take a
 * job to 0.5–0.7 of its own rate, a multiplicative decrease, while the creep and
 * the growth past the cut add the same amount to a fast job and a slow one: jobs
 * that started unequal still converge on equal shares (AIMD), more slowly than with
 * one growth rate. docs/benchmarks.md, "Shared-account pacing, simulated", has the
 * figures behind these constants.
 */
const RESUME_SHARE = 0.5;
const RESUME_SPREAD = 0.2;
/** Requests a second the rate gains for each second of sending: up to the resume share, */
const QUICK_REGROWTH_PER_SECOND = 0.5;
/** from there up to the rate that was cut, */
const PROBE_REGROWTH_PER_SECOND = 0.05;
/** and past it. */
const REGROWTH_PER_SECOND = 0.2;
/**
 * Boomi counts requests over a rolling second, so for a second after a cut the
 * window still holds requests sent before it: throttling answers within that
 * time (or within one new interval, if longer) belong to the same congestion.
 */
const CONGESTION_HOLD_MS = 1000;
/** Lines about rate changes are written at most this often. */
const PACING_LOG_EVERY_MS = 10_000;
const PACING_MARGIN = 0.04;
/** Lateness of a wake-up that the margin absorbs (any n gaps together are at least n intervals less this). */
const LATE_TOLERANCE_MS = 2;
const MIN_MARGIN_MS = 2;
/** Longest Retry-After the pacer honours, as the retry policy's default. */
const DEFAULT_MAX_RETRY_AFTER_MS = 120_000;
/**
 * Spaces requests evenly (but for the pair after a quiet stretch, slot()) so that
 * no rolling second, measured where the server receives them, holds more than the
 * current rate. The transport asks for a
 * slot only once the connection is ready (TCP and TLS done), right before the
 * first byte is written, so a slow handshake does not eat into the spacing.
 * Each gap is a few per cent wider than 1/rate, so that a request delayed on
 * its way (a busy event loop) cannot land in the same second as one sent a
 * full second after its predecessor; and spacing is measured from the moment
 * each request actually left, never from the moment it was planned.
 *
 * The rate adapts below `requestsPerSecond`, the ceiling, because the limit is
 * the account's and other jobs spend it too: additive increase, multiplicative
 * decrease (as TCP), which is what makes jobs sharing an account converge on
 * equal shares. Below the rate that was cut, growth is a fixed amount per second
 * of sending, the same for a fast job and a slow one, while a cut takes more from
 * a fast one; growth proportional to the rate would keep whatever imbalance the
 * jobs started with. (RESUME_SHARE above says how the regrowth runs after a cut.)
 */
class Pacer {
    now;
    sleep;
    ceiling;
    floor;
    ceilingIntervalMs;
    maxRetryAfterMs;
    onChange;
    rate;
    intervalMs;
    next = -Infinity;
    last = -Infinity;
    /** When the request before the last one left: after a quiet stretch the next request goes without its gap (slot()). */
    beforeLast = -Infinity;
    /** The slot the ceiling alone would give the next request: waits up to it are not throttling. */
    ceilingNext = -Infinity;
    lastCutAt = -Infinity;
    /** The rate the last cut came from (none yet: Infinity), and the rate up to which it regrows quickly. */
    cutFrom = Infinity;
    resumeAt = 0;
    random;
    counted = { until: -Infinity, ms: 0 };
    /** The callers of take(), one after another. */
    queue = Promise.resolve();
    tally = { throttled: 0, cuts: 0, lowestRate: 0 };
    log = { at: -Infinity, pending: false, atCeiling: true };
    constructor(requestsPerSecond, now, sleep, options = {}) {
        this.now = now;
        this.sleep = sleep;
        if (!(requestsPerSecond >= MIN_REQUESTS_PER_SECOND && requestsPerSecond <= MAX_REQUESTS_PER_SECOND)) {
            throw new RangeError(`requests-per-second must be between ${MIN_REQUESTS_PER_SECOND} and ${MAX_REQUESTS_PER_SECOND}, not ${requestsPerSecond}`);
        }
        this.ceiling = requestsPerSecond;
        this.floor = Math.min(FLOOR_REQUESTS_PER_SECOND, requestsPerSecond);
        this.rate = this.tally.lowestRate = requestsPerSecond;
        this.ceilingIntervalMs = this.intervalMs = intervalFor(requestsPerSecond);
        this.maxRetryAfterMs = Math.min(options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS, _retry_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_TIMER_MS */ ._o);
        this.onChange = options.onChange;
        this.random = options.random ?? Math.random;
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
        for (let wait = this.slot() - this.now(); wait > 0; wait = this.slot() - this.now()) {
            this.countHeld(this.now(), this.slot());
            await this.sleep(Math.min(wait, _retry_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_TIMER_MS */ ._o));
        }
    }
    /**
     * Resolves when the caller may send its request; concurrent callers queue in
     * order, and each one's wait starts only once the one before it was released.
     * A slot is never reserved ahead: on a busy machine timers fire late, and
     * slots reserved in advance would then all come due together and go as a
     * burst. Each release measures its spacing from the previous release as it
     * happened, and re-reads the spacing after every wake-up, so a cut or a
     * Retry-After that arrives during the wait applies to it.
     */
    take() {
        const turn = this.queue.then(() => this.release());
        // A caller whose wait failed (a cancelled sleep) must not stop the ones queued behind it.
        this.queue = turn.catch(() => undefined);
        return turn;
    }
    async release() {
        let slept = false;
        let due = this.slot();
        for (let wait = due - this.now(); wait > 0; wait = due - this.now()) {
            this.countHeld(this.now(), due);
            await this.sleep(Math.min(wait, _retry_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_TIMER_MS */ ._o));
            slept = true;
            due = this.slot();
        }
        const now = this.now();
        // Timers fire a millisecond or so late, which would add up to about 1 %: a wake-up's lateness,
        // up to the tolerance, is taken off the next gap, so gaps never shrink by more than it and any
        // run of n gaps together stays at least n intervals less the tolerance.
        const credit = slept ? Math.min(Math.max(now - this.next, 0), LATE_TOLERANCE_MS) : 0;
        // A request that went before its slot (the second of a quiet stretch) moves the schedule on
        // from that slot, not from its own start: the one after it keeps the spacing of both.
        const from = Math.max(now, this.next);
        this.beforeLast = this.last;
        this.last = now;
        this.next = from + this.intervalMs - credit;
        this.ceilingNext = from + this.ceilingIntervalMs - credit;
    }
    /**
     * When the next request may go: its slot, one interval after the last one left; or
     * sooner, after a quiet stretch. A rolling window of `rate` intervals (a second and
     * the margin) holds at most `rate` requests when they are spaced; two together fit
     * any rate of 2 or more. So once the request before the last left a window and an
     * interval ago, the last one is alone in the window and the next may join it at
     * once. The schedule still runs from the slot, so the requests after the pair keep
     * their spacing, and no third can follow them early: the one before it left within
     * the window. The extra interval keeps a pair from following a pair. Never once the
     * account has throttled this run: its cuts and Retry-After hold every slot.
     * (docs/behaviour.md, "Pacing", says why no window can then hold more than the rate.)
     */
    slot() {
        const whole = Math.floor(this.rate);
        if (whole < 2 || this.tally.throttled > 0)
            return this.next;
        return Math.min(this.next, this.beforeLast + (whole + 1) * this.intervalMs);
    }
    /** Every answer's status (and Retry-After, parsed) goes here: throttling cuts the rate, good answers regrow it. */
    observe(status, retryAfterMs) {
        const now = this.now();
        if (status === 503 || status === 429)
            this.throttledAt(now, retryAfterMs);
        else if (status >= 200 && status < 500)
            this.regrow();
        this.report(now);
    }
    stats() {
        return { throttled: this.tally.throttled, waitedMs: this.counted.ms, cuts: this.tally.cuts, rate: this.rate, lowestRate: this.tally.lowestRate };
    }
    throttledAt(now, retryAfterMs) {
        this.tally.throttled++;
        if (retryAfterMs !== undefined && retryAfterMs > 0) {
            const until = now + Math.min(retryAfterMs, this.maxRetryAfterMs);
            this.countHeld(now, until);
            this.next = Math.max(this.next, until);
        }
        if (now - this.lastCutAt < Math.max(CONGESTION_HOLD_MS, this.intervalMs))
            return;
        this.lastCutAt = now;
        this.tally.cuts++;
        this.cutFrom = this.rate;
        this.resumeAt = this.rate * (RESUME_SHARE + this.random() * RESUME_SPREAD);
        this.setRate(Math.max(this.floor, this.rate * CUT_FACTOR));
        // The new spacing counts from the last request sent, so the very next one already obeys it.
        this.next = Math.max(this.next, this.last + this.intervalMs);
        this.log.pending = true;
        this.log.atCeiling = false;
    }
    regrow() {
        if (this.rate >= this.ceiling)
            return;
        const perSecond = this.rate < this.resumeAt ? QUICK_REGROWTH_PER_SECOND : this.rate < this.cutFrom ? PROBE_REGROWTH_PER_SECOND : REGROWTH_PER_SECOND;
        // One answer stands for one interval of sending, so the growth per second is the same at any rate.
        this.setRate(Math.min(this.ceiling, this.rate + (perSecond * this.intervalMs) / 1000));
    }
    setRate(rate) {
        this.rate = rate;
        this.tally.lowestRate = Math.min(this.tally.lowestRate, rate);
        this.intervalMs = intervalFor(rate);
    }
    /** Adds [from, to] beyond the ceiling's slot to the time held; overlapping holds count once. */
    countHeld(from, to) {
        const start = Math.max(from, this.ceilingNext, this.counted.until);
        if (to > start)
            this.counted.ms += to - start;
        this.counted.until = Math.max(this.counted.until, to);
    }
    report(now) {
        if (now - this.log.at < PACING_LOG_EVERY_MS || !this.onChange)
            return;
        if (this.log.pending) {
            // Both counts run from the start of the run: a reader adds nothing up across lines.
            this.write(now, `Boomi is throttling this account: so far ${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(this.tally.throttled, 'answer')} 503/429 and ${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(this.tally.cuts, 'cut')} of the rate; now ${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRate */ .CE)(this.rate)} (ceiling ${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRate */ .CE)(this.ceiling)})`);
        }
        else if (!this.log.atCeiling && this.rate >= this.ceiling) {
            this.log.atCeiling = true;
            this.write(now, `request rate back at its ceiling, ${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRate */ .CE)(this.ceiling)}; it went as low as ${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRate */ .CE)(this.tally.lowestRate)}`);
        }
    }
    write(now, line) {
        this.log.at = now;
        this.log.pending = false;
        this.onChange?.(line);
    }
}
/** A rolling second holds whole requests: 2.5 a second allows 2 in any one of them. */
function intervalFor(rate) {
    const base = 1000 / (rate >= 1 ? Math.floor(rate) : rate);
    return base + Math.max(base * PACING_MARGIN, MIN_MARGIN_MS);
}


/***/ }),

/***/ 7893:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   VU: () => (/* binding */ DEFAULT_BACKOFF),
/* harmony export */   _o: () => (/* binding */ MAX_TIMER_MS),
/* harmony export */   aS: () => (/* binding */ RetryStrategy),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   nR: () => (/* binding */ timerDelay)
/* harmony export */ });
/* unused harmony exports THROTTLE_BUDGET_MS, realSleep, backoffDelay, nextStep, gaveUp */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8992);


/** The longest delay Node's timers take; a longer one fires at once, with a warning. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * How long one run keeps waiting out throttling (503, 429): wall time from the
 * first throttled answer until a request succeeds again, however many requests
 * are throttled at once and whatever loop is waiting. A crowded account makes
 * a run slower; only a run held back this long without a success fails.
 */
const THROTTLE_BUDGET_MS = 10 * 60_000;
const DEFAULT_BACKOFF = { baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 };
/** Any delay, however computed, as something setTimeout takes: 0 to MAX_TIMER_MS. */
function timerDelay(ms) {
    if (Number.isNaN(ms) || ms <= 0)
        return 0;
    return Math.min(ms, MAX_TIMER_MS);
}
const realSleep = ms => new Promise(resolve => setTimeout(resolve, timerDelay(ms)));
/** Full jitter: a uniform draw below the exponential ceiling; `Retry-After` (capped) wins when given. */
function backoffDelay(attempt, failure, policy) {
    const asked = cappedRetryAfter(failure, policy);
    if (asked !== undefined)
        return asked;
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
    return timerDelay(Math.floor(policy.random() * ceiling));
}
function cappedRetryAfter(failure, policy) {
    if (failure.retryAfterMs === undefined)
        return undefined;
    return timerDelay(Math.min(failure.retryAfterMs, policy.maxRetryAfterMs));
}
/**
 * The one decision after a failed attempt: retry, after how long, or stop.
 * Throttling does not spend `maxAttempts`; it waits as Boomi asks (Retry-After)
 * or for a short jitter (the pacer, cut by the same answer, spaces what
 * follows), and stops once the next attempt would start past the budget,
 * counted in wall time from the first throttled answer: the attempts
 * themselves and the pacer's spacing count too. Anything else retryable spends
 * an attempt and backs off exponentially.
 */
function nextStep(failure, state, policy) {
    if (failure.kind === 'client-error')
        return { retry: false, reason: 'not-retryable', failures: state.failures + 1 };
    if (failure.kind === 'throttling') {
        const delayMs = cappedRetryAfter(failure, policy) ?? timerDelay(Math.floor(policy.random() * policy.baseDelayMs));
        const throttledForMs = state.throttledForMs ?? 0;
        if (throttledForMs + delayMs > (policy.throttleBudgetMs ?? THROTTLE_BUDGET_MS)) {
            return { retry: false, reason: 'throttle-budget', failures: state.failures, throttledForMs };
        }
        return { retry: true, throttled: true, delayMs, failures: state.failures };
    }
    const failures = state.failures + 1;
    // Raising max-attempts would not help a name that does not resolve: its message points at api-url instead.
    if (failure.maxTries !== undefined && failures >= failure.maxTries)
        return { retry: false, reason: 'not-retryable', failures };
    if (failures >= policy.maxAttempts)
        return { retry: false, reason: 'attempts', failures };
    return { retry: true, throttled: false, delayMs: backoffDelay(failures, failure, policy), failures };
}
/**
 * The run's one retry strategy, shared by every request (the upload, its looks
 * after a lost answer, listings, deletes, version changes): the policy, and
 * the one piece of state that crosses requests, the throttling episode. It
 * starts at the first throttled answer and ends at the next success of any
 * request, so a crowded account slows the run and only one held back for the
 * whole budget fails, whichever loop is waiting.
 */
class RetryStrategy {
    policy;
    throttledSince;
    throttledTotal = 0;
    now;
    constructor(policy) {
        this.policy = policy;
        this.now = policy.now ?? Date.now;
    }
    get maxAttempts() {
        return this.policy.maxAttempts;
    }
    /** What to do after an attempt failed with `failure`, `failures` real failures of this request before it. */
    decide(failure, failures) {
        const now = this.now();
        if (failure.kind === 'throttling')
            this.throttledSince ??= now;
        const throttledForMs = this.throttledSince === undefined ? undefined : now - this.throttledSince;
        return nextStep(failure, { failures, throttledForMs }, this.policy);
    }
    /** A request succeeded: Boomi is taking requests again, and the throttling episode (if any) is over. */
    recordSuccess() {
        if (this.throttledSince === undefined)
            return;
        this.throttledTotal += this.now() - this.throttledSince;
        this.throttledSince = undefined;
    }
    /** Wall time spent in throttling episodes so far, the open one included. */
    get throttledMs() {
        return this.throttledTotal + (this.throttledSince === undefined ? 0 : this.now() - this.throttledSince);
    }
    /** The ongoing episode's length so far, for log lines. */
    get episodeMs() {
        return this.throttledSince === undefined ? 0 : this.now() - this.throttledSince;
    }
    sleep(ms) {
        return this.policy.sleep(ms);
    }
    log(line) {
        this.policy.log(line);
    }
    /** The log line for a retry: "attempt i of N failed: …" or, for throttling, the budget spent. */
    describe(err, failure, step) {
        if (!step.throttled)
            return `attempt ${step.failures} of ${this.policy.maxAttempts} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}; retrying in ${step.delayMs} ms`;
        return `throttled (${failure.label}), waiting ${step.delayMs} ms; ${Math.round(this.episodeMs / 1000)} s of the ${this.budgetS} s throttling budget used`;
    }
    /** The error a finished retry loop throws: the failure itself, with how the tries ran out when they did. */
    finalError(err, step) {
        if (step.reason === 'attempts')
            return gaveUp(err, step.failures);
        if (step.reason === 'not-retryable')
            return err;
        // The episode as it stood when the budget ran out: the upload may have looked for its version since, and that listing's success closed it.
        return withNote(err, `gave up after ${Math.round(step.throttledForMs / 1000)} s of throttling, near the ${this.budgetS} s limit; the account's rate limit is spent by other jobs or tools: run fewer at once, or lower requests-per-second`);
    }
    get budgetS() {
        return Math.round((this.policy.throttleBudgetMs ?? THROTTLE_BUDGET_MS) / 1000);
    }
}
/**
 * Runs `attempt` until it succeeds, fails for good, spends `maxAttempts` on
 * real errors, or overruns the throttling budget; `classify` is the edge's
 * reading of each failure.
 */
async function withRetries(what, strategy, classify, attempt) {
    let failures = 0;
    for (let n = 1;; n++) {
        try {
            const result = await attempt(n);
            strategy.recordSuccess();
            return result;
        }
        catch (err) {
            const failure = classify(err);
            const step = strategy.decide(failure, failures);
            if (!step.retry)
                throw strategy.finalError(err, step);
            failures = step.failures;
            strategy.log(`${what}: ${strategy.describe(err, failure, step)}`);
            await strategy.sleep(step.delayMs);
        }
    }
}
/** The last failure, saying that the tries ran out and how to allow more. */
function gaveUp(err, attempts) {
    return withNote(err, `gave up after ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(attempts, 'attempt')}; raise max-attempts to try longer`);
}
/**
 * A copy of the error (same class and fields, so callers still tell one kind
 * from another) with a note added to its message and the original as its
 * cause; the thrown error itself is left as it was.
 */
function withNote(err, note) {
    if (!(err instanceof Error))
        return new Error(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)} (${note})`, { cause: err });
    const copy = Object.create(Object.getPrototypeOf(err), Object.getOwnPropertyDescriptors(err));
    Object.defineProperty(copy, 'message', { value: `${err.message} (${note})`, writable: true, configurable: true });
    Object.defineProperty(copy, 'cause', { value: err, writable: true, configurable: true });
    return copy;
}
/** Longer than any date or number Boomi would send: not read at all. */
const MAX_RETRY_AFTER_TEXT = 64;
/** `Retry-After` as seconds or an HTTP date, at most MAX_TIMER_MS; undefined when absent or unreadable. */
function parseRetryAfter(value, now) {
    if (!value || value.length > MAX_RETRY_AFTER_TEXT)
        return undefined;
    const text = value.trim();
    // delay-seconds; a fraction is not in RFC 9110, but is read as meant.
    if (/^\d+(\.\d+)?$/.test(text))
        return timerDelay(Math.round(Number(text) * 1000));
    const date = parseHttpDate(text, now);
    return date === undefined ? undefined : timerDelay(date - now);
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = `(?<month>${MONTHS.join('|')})`;
const TIME = '(?<hour>\\d\\d):(?<minute>\\d\\d):(?<second>\\d\\d)';
/** RFC 9110 §5.6.7's three forms of an HTTP-date, all in GMT. */
const HTTP_DATES = [
    // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
    new RegExp(`^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?<day>\\d\\d) ${MONTH} (?<year>\\d{4}) ${TIME} GMT$`),
    // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
    new RegExp(`^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (?<day>\\d\\d)-${MONTH}-(?<year>\\d\\d) ${TIME} GMT$`),
    // asctime: Sun Nov  6 08:49:37 1994 (GMT, though it does not say so)
    new RegExp(`^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ${MONTH} (?<day>[ \\d]\\d) ${TIME} (?<year>\\d{4})$`)
];
/** An HTTP-date as ms since the epoch; undefined for any other text, or a day or time that does not exist. */
function parseHttpDate(text, now) {
    const parts = HTTP_DATES.map(form => form.exec(text)?.groups).find(groups => groups !== undefined);
    if (!parts)
        return undefined;
    const [day, hour, minute, second] = [parts.day, parts.hour, parts.minute, parts.second].map(Number);
    let year = Number(parts.year);
    // A two-digit year (RFC 850) is the latest with those digits that is at most 50 years ahead.
    if (parts.year.length === 2) {
        year += 2000;
        if (year > new Date(now).getUTCFullYear() + 50)
            year -= 100;
    }
    const date = new Date(Date.UTC(year, MONTHS.indexOf(parts.month), day, hour, minute, second));
    if (date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59)
        return undefined;
    return date.getTime();
}


/***/ }),

/***/ 8992:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CE: () => (/* binding */ formatRate),
/* harmony export */   Ev: () => (/* binding */ LINE_SEPARATORS),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   Q2: () => (/* binding */ LINE_CONTROLS),
/* harmony export */   SW: () => (/* binding */ approxBytes),
/* harmony export */   X2: () => (/* binding */ exactBytes),
/* harmony export */   XG: () => (/* binding */ hasLineOrBidiControl),
/* harmony export */   Yk: () => (/* binding */ hasByteControl),
/* harmony export */   aX: () => (/* binding */ BYTE_CONTROLS),
/* harmony export */   h2: () => (/* binding */ hasTextControl),
/* harmony export */   yU: () => (/* binding */ someOf),
/* harmony export */   zH: () => (/* binding */ TEXT_CONTROLS)
/* harmony export */ });
// The base layer's text: which characters count as control characters, and how a
// number of bytes, a count or a request rate is written. Every layer may import it
// (the net and inputs layers may not import src/domain/), so it imports nothing and
// does no I/O. Making outside text safe for a log line or the summary is
// src/domain/untrusted.ts's job; it builds on the sets here.
// Each set is a regular-expression class body, so that a place can add to it (white
// space, say) or take \t and \n out with a look-ahead, and still name it once.
/**
 * C0 controls and DEL: the set for bytes, or text that stays bytes — a zip entry's raw
 * name read as latin1, an input value (the credentials go into a header). C1 must NOT
 * count here: read as latin1, 0x80–0x9f are UTF-8 continuation bytes of ordinary characters.
 */
const BYTE_CONTROLS = '\\u0000-\\u001f\\u007f';
/** Unicode's line and paragraph separators: a line break to JavaScript before ES2019 and to some log viewers. */
const LINE_SEPARATORS = '\\u2028\\u2029';
/** The byte set, the C1 controls (invisible once decoded) and the line separators: what may break a line or hide as a control. */
const LINE_CONTROLS = `${BYTE_CONTROLS}\\u0080-\\u009f${LINE_SEPARATORS}`;
/** The bidi embeddings, overrides and isolates, which reorder the rest of a line as it is shown (Trojan Source). */
const BIDI_CONTROLS = '\\u202a-\\u202e\\u2066-\\u2069';
/**
 * Invisible format characters that are also ordinary writing: the zero-width space,
 * non-joiner and joiner (emoji sequences, Persian and Indic spelling), the left-to-right
 * and right-to-left marks, the word joiner and the zero-width no-break space (a byte order
 * mark). Shown escaped; never a reason to refuse a name.
 */
const ZERO_WIDTH = '\\u200b-\\u200f\\u2060\\ufeff';
/**
 * The set for decoded text shown in a log or summary, and for values that must be plain
 * (IDs, tokens): the line controls, the bidi controls and the zero-width characters.
 */
const TEXT_CONTROLS = `${LINE_CONTROLS}${BIDI_CONTROLS}${ZERO_WIDTH}`;
const BYTE_CONTROL = new RegExp(`[${BYTE_CONTROLS}]`);
const TEXT_CONTROL = new RegExp(`[${TEXT_CONTROLS}]`);
const LINE_OR_BIDI_CONTROL = new RegExp(`[${LINE_CONTROLS}${BIDI_CONTROLS}]`);
/** True when `text` holds a C0 control or DEL (see BYTE_CONTROLS). */
function hasByteControl(text) {
    return BYTE_CONTROL.test(text);
}
/** True when `text` holds a control character, a line separator or an invisible format character (see TEXT_CONTROLS). */
function hasTextControl(text) {
    return TEXT_CONTROL.test(text);
}
/** True when `text` holds what could break its line or reorder it (a name, a path), not merely a zero-width character. */
function hasLineOrBidiControl(text) {
    return LINE_OR_BIDI_CONTROL.test(text);
}
const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;
/**
 * A bound, exactly: "4 GiB", "48 MiB", or "65,535 bytes" when it is no whole number of
 * MiB. For limits, where a rounded figure would misstate what is refused.
 */
function exactBytes(n) {
    if (n >= GiB && n % GiB === 0)
        return `${n / GiB} GiB`;
    if (n >= MiB && n % MiB === 0)
        return `${n / MiB} MiB`;
    return `${n.toLocaleString('en-US')} bytes`;
}
/** A size or a rate, to one decimal: "512 B", "40.3 MiB". For what was measured, where a reader wants the magnitude. */
function approxBytes(n) {
    if (n < KiB)
        return `${n} B`;
    let value = n;
    let unit = 'B';
    for (const u of ['KiB', 'MiB', 'GiB']) {
        if (value < KiB)
            break;
        value /= KiB;
        unit = u;
    }
    return `${value.toFixed(1)} ${unit}`;
}
/** The first `max` items joined by commas, then how many more: a message may be asked to name thousands. */
function someOf(items, max) {
    const shown = items.slice(0, max).join(', ');
    return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
/** "1 answer", "3 answers": a count with its noun, for nouns whose plural adds an s. */
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/**
 * A request rate as a rolling second holds it: whole requests from 1 a second up ("2/s"
 * for 2.5), two decimals below ("0.31/s"). The pacer's log lines and the summary both
 * write it so, and they agree.
 */
function formatRate(rate) {
    return rate >= 1 ? `${Math.floor(rate)}/s` : `${Number(rate.toFixed(2))}/s`;
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

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

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

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

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

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

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

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 3785:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("readline");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

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
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __nccwpck_require__(7242);
// EXTERNAL MODULE: ./src/domain/outputs.ts
var domain_outputs = __nccwpck_require__(1334);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/inputs/command-line.ts
var command_line = __nccwpck_require__(1527);
// EXTERNAL MODULE: ./src/boomi/contract.ts
var contract = __nccwpck_require__(4922);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __nccwpck_require__(8992);
// EXTERNAL MODULE: ./src/inputs/table.ts
var table = __nccwpck_require__(5541);
;// CONCATENATED MODULE: ./src/inputs/read.ts
// Reads every input once, by the table in table.ts, into one typed object. The
// rest of the action never reads inputs. Errors name the input and the fix.





const TOKEN_PREFIX = 'BOOMI_TOKEN.';
/** The one sentence every invalid value gets: "Invalid X 'v'. Expected …, e.g. …". */
function invalid(spec, value, cause) {
    const shown = spec.kind === 'secret' ? '***' : shorter(value);
    return new errors/* InputError */.dz(spec.name, `Invalid ${spec.name} '${shown}'. Expected ${spec.expected}, e.g. ${spec.example}.`, { cause });
}
/** A value as a message shows it: at most 100 characters, never half of a surrogate pair. */
function shorter(value) {
    if (value.length <= 100)
        return value;
    const end = /[\ud800-\udbff]/.test(value.charAt(99)) ? 99 : 100;
    return `${value.slice(0, end)}…`;
}
function conflict(input, message) {
    return new errors/* InputError */.dz(input, message);
}
/**
 * Reads and validates every input. `mask` is called with the token (and the
 * Basic credentials derived from it) before any validation can fail, so nothing
 * logged afterwards can reveal it.
 */
function readInputs(getInput, mask) {
    const raw = (spec) => (getInput(spec.name) ?? '').trim();
    const apiToken = raw(table/* INPUTS */.m.apiToken);
    if (apiToken)
        mask(apiToken);
    const credentials = readCredentials(raw, apiToken);
    mask(Buffer.from(`${credentials.username}:${apiToken}`).toString('base64'));
    const groupType = required(raw, table/* INPUTS */.m.groupType);
    // An ID: a zero-width or bidi character pasted with it would name a group that does not exist.
    if (/\s|\//.test(groupType) || (0,src_text/* hasTextControl */.h2)(groupType))
        throw invalid(table/* INPUTS */.m.groupType, groupType);
    const apiUrl = parseApiUrl(raw(table/* INPUTS */.m.apiUrl) || contract/* DEFAULT_API_URL */.rK);
    const inputs = {
        ...credentials,
        groupType,
        ...readRelease(getInput, raw, groupType),
        ...readPruning(raw),
        dryRun: readBoolean(raw(table/* INPUTS */.m.dryRun) || table/* INPUTS */.m.dryRun.default, table/* INPUTS */.m.dryRun),
        apiUrl: apiUrl.href,
        apiUrlIsHost: apiUrl.isHost,
        requestsPerSecond: readDecimal(raw(table/* INPUTS */.m.requestsPerSecond) || table/* INPUTS */.m.requestsPerSecond.default, table/* INPUTS */.m.requestsPerSecond),
        maxAttempts: readWhole(raw(table/* INPUTS */.m.maxAttempts) || table/* INPUTS */.m.maxAttempts.default, table/* INPUTS */.m.maxAttempts),
        timeoutMs: Math.round(readDecimal(raw(table/* INPUTS */.m.timeoutSeconds) || table/* INPUTS */.m.timeoutSeconds.default, table/* INPUTS */.m.timeoutSeconds) * 1000)
    };
    checkCombinations(inputs);
    return inputs;
}
function readCredentials(raw, apiToken) {
    const accountId = required(raw, table/* INPUTS */.m.accountId);
    if (!/^[A-Za-z0-9._-]+$/.test(accountId) || !/[A-Za-z0-9]/.test(accountId))
        throw invalid(table/* INPUTS */.m.accountId, accountId);
    let username = required(raw, table/* INPUTS */.m.username);
    if (!username.startsWith(TOKEN_PREFIX))
        username = TOKEN_PREFIX + username;
    if (username.includes(':') || username === TOKEN_PREFIX || (0,src_text/* hasByteControl */.Yk)(username))
        throw invalid(table/* INPUTS */.m.username, username);
    if (!apiToken)
        required(raw, table/* INPUTS */.m.apiToken);
    // Any control, bidi or zero-width character: the log escapes them, and the runner's masking, which matches
    // the token as given, would then miss the escaped form.
    if ((0,src_text/* hasTextControl */.h2)(apiToken))
        throw invalid(table/* INPUTS */.m.apiToken, apiToken);
    return { accountId, username, apiToken };
}
function readRelease(getInput, raw, groupType) {
    const changeLogRaw = getInput(table/* INPUTS */.m.changeLog.name) ?? '';
    const expected = raw(table/* INPUTS */.m.expectedSha256);
    if (expected && !/^[0-9a-fA-F]{64}$/.test(expected))
        throw invalid(table/* INPUTS */.m.expectedSha256, expected);
    const ifExists = raw(table/* INPUTS */.m.ifExists).toLowerCase() || table/* INPUTS */.m.ifExists.default;
    if (!table/* INPUTS */.m.ifExists.choices.includes(ifExists))
        throw invalid(table/* INPUTS */.m.ifExists, raw(table/* INPUTS */.m.ifExists));
    const versionId = raw(table/* INPUTS */.m.versionId) || undefined;
    if (versionId !== undefined && ((0,src_text/* hasTextControl */.h2)(versionId) || /\s/.test(versionId) || versionId.length > 100))
        throw invalid(table/* INPUTS */.m.versionId, versionId);
    return {
        archive: raw(table/* INPUTS */.m.archive) || undefined,
        changeLog: changeLogRaw.trim() ? changeLogRaw.replace(/\s+$/, '') : undefined,
        changeLogFile: raw(table/* INPUTS */.m.changeLogFile) || undefined,
        expectedSha256: expected ? expected.toLowerCase() : undefined,
        ifExists: ifExists,
        classifications: readClassifications(getInput(table/* INPUTS */.m.classifications.name) ?? '', groupType),
        versionId
    };
}
/** Labels separated by commas or new lines; a full classification type loses its group prefix. */
function readClassifications(text, groupType) {
    if (!text.trim())
        return [];
    const spec = table/* INPUTS */.m.classifications;
    // A comma at the end of a line and the line break are one separator (`dev,` then `uat` in a YAML block).
    const items = text.split(/,[^\S\r\n]*(?:\r?\n)?|\r?\n/).map(s => s.trim());
    // A trailing separator (a YAML block ending in a newline) is not an empty item.
    while (items.length && items[items.length - 1] === '')
        items.pop();
    const problem = (what) => new errors/* InputError */.dz(spec.name, `Invalid ${spec.name}: ${what}. Expected ${spec.expected}, e.g. ${spec.example}.`);
    const labels = [];
    for (const [i, item] of items.entries()) {
        if (!item)
            throw problem(`item ${i + 1} is empty`);
        // Never a label: a YAML list (`[dev, uat]`) reaches the action as text, and `;` is no separator here.
        // Refused now, before the upload, rather than by Boomi when the switch is asked for.
        if (/[[\];]/.test(item))
            throw problem(`'${shorter(item)}' holds '[', ']' or ';', which no label does; a YAML list such as [dev, uat] arrives as text`);
        if (/\s/.test(item) || (0,src_text/* hasTextControl */.h2)(item) || item.length > 200)
            throw invalid(spec, item);
        const label = item.startsWith(`${groupType}-`) ? item.slice(groupType.length + 1) : item;
        if (!label)
            throw invalid(spec, item);
        if (labels.includes(label))
            throw problem(`'${label}' is given twice`);
        labels.push(label);
    }
    return labels;
}
function readPruning(raw) {
    const keep = raw(table/* INPUTS */.m.keepLatest);
    const age = raw(table/* INPUTS */.m.minAgeDays);
    return { keepLatest: keep ? readWhole(keep, table/* INPUTS */.m.keepLatest) : undefined, minAgeDays: age ? readDecimal(age, table/* INPUTS */.m.minAgeDays) : undefined };
}
function checkCombinations(i) {
    const { archive, changeLog, changeLogFile, expectedSha256, keepLatest, minAgeDays, classifications, versionId } = i;
    if (expectedSha256 && !archive) {
        throw conflict(constants/* Input */.pd.expectedSha256, `${constants/* Input */.pd.expectedSha256} is set but ${constants/* Input */.pd.archive} is empty. Set ${constants/* Input */.pd.archive} to the connector zip, or remove ${constants/* Input */.pd.expectedSha256}.`);
    }
    if (minAgeDays !== undefined && keepLatest === undefined) {
        throw conflict(constants/* Input */.pd.minAgeDays, `${constants/* Input */.pd.minAgeDays} only applies to pruning, but ${constants/* Input */.pd.keepLatest} is empty. Set ${constants/* Input */.pd.keepLatest} too, or remove ${constants/* Input */.pd.minAgeDays}.`);
    }
    if (changeLog !== undefined && changeLogFile) {
        throw conflict(constants/* Input */.pd.changeLogFile, `${constants/* Input */.pd.changeLog} and ${constants/* Input */.pd.changeLogFile} are both set. Keep one: the text itself, or the changelog file to take it from.`);
    }
    if (versionId && archive) {
        throw conflict(constants/* Input */.pd.versionId, `${constants/* Input */.pd.versionId} and ${constants/* Input */.pd.archive} are both set. Use ${constants/* Input */.pd.archive} to upload and switch the new version, or ${constants/* Input */.pd.versionId} to switch one already uploaded.`);
    }
    if (versionId && !classifications.length) {
        throw conflict(constants/* Input */.pd.versionId, `${constants/* Input */.pd.versionId} is set but ${constants/* Input */.pd.classifications} is empty. Name the classifications to switch to version ${versionId}, e.g. ${constants/* Input */.pd.classifications}: prod.`);
    }
    if (classifications.length && !archive && !versionId) {
        throw conflict(constants/* Input */.pd.classifications, `${constants/* Input */.pd.classifications} is set but neither ${constants/* Input */.pd.archive} nor ${constants/* Input */.pd.versionId} is. Set ${constants/* Input */.pd.archive} to upload and switch the new version, or ${constants/* Input */.pd.versionId} to switch one already uploaded.`);
    }
    if (!archive && keepLatest === undefined && !versionId) {
        throw conflict(constants/* Input */.pd.archive, `Nothing to do: both ${constants/* Input */.pd.archive} and ${constants/* Input */.pd.keepLatest} are empty. Set ${constants/* Input */.pd.archive} to upload a connector zip, ${constants/* Input */.pd.keepLatest} to prune old versions, or both.`);
    }
}
function required(raw, spec) {
    const value = raw(spec);
    if (!value)
        throw new errors/* InputError */.dz(spec.name, `Input required and not supplied: ${spec.name}. Set it to ${spec.expected}, e.g. ${spec.example}.`);
    return value;
}
function readBoolean(text, spec) {
    const value = text.toLowerCase();
    if (value !== 'true' && value !== 'false')
        throw invalid(spec, text);
    return value === 'true';
}
function readWhole(text, spec) {
    const value = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value < (spec.min ?? 0) || value > (spec.max ?? Infinity))
        throw invalid(spec, text);
    return value;
}
/** Plain decimal notation only: "1e3", "0x10" or "Infinity" are refused rather than guessed at. */
function readDecimal(text, spec) {
    const value = /^\d+(\.\d+)?$|^\.\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isFinite(value) || value < (spec.min ?? 0) || value > (spec.max ?? Infinity))
        throw invalid(spec, text);
    return value;
}
function isLoopbackHost(hostname) {
    const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
/** The URL without a trailing slash, and whether it is a host alone (no path to use as given). */
function parseApiUrl(text) {
    const spec = table/* INPUTS */.m.apiUrl;
    const credentials = new errors/* InputError */.dz(spec.name, `Invalid ${spec.name}: it must not carry credentials (it holds an '@'). Pass them as ${constants/* Input */.pd.username} and ${constants/* Input */.pd.apiToken}.`);
    // Looked for in the text first, so that no message below echoes credentials in a URL that then
    // fails to parse. Any '@': a password holding '/', '?', '#' or '\\' ends the URL's authority
    // early, so the parser sees no credentials (`https://ci:12/34@api.boomi.com` is host `ci`, port
    // 12), yet they are credentials all the same. No Boomi path holds an '@'.
    if (text.includes('@'))
        throw credentials;
    let url;
    try {
        url = new URL(text);
    }
    catch (err) {
        throw invalid(spec, text, err);
    }
    if (url.username || url.password)
        throw credentials;
    // A bare '?' or '#' leaves url.search and url.hash empty, but would still change the paths requested.
    if (url.search || url.hash || /[?#]/.test(text)) {
        throw new errors/* InputError */.dz(spec.name, `Invalid ${spec.name} '${shorter(text)}': it must not have a query or fragment. Expected e.g. ${contract/* DEFAULT_API_URL */.rK}.`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
        throw new errors/* InputError */.dz(spec.name, `Invalid ${spec.name} '${shorter(text)}': it must use https (plain http is allowed only on loopback, for a local emulator). Expected e.g. ${contract/* DEFAULT_API_URL */.rK}.`);
    }
    return { href: url.href.replace(/\/+$/, ''), isHost: /^\/*$/.test(url.pathname) };
}

// EXTERNAL MODULE: ./src/cli/report.ts
var report = __nccwpck_require__(1086);
// EXTERNAL MODULE: ./src/cli/result-files.ts + 1 modules
var result_files = __nccwpck_require__(3300);
;// CONCATENATED MODULE: ./src/cli/main.ts
// Reads the flags and the environment, and loads the rest only when the inputs
// are valid, so a typo fails in milliseconds with exit code 2 and nothing sent.









const EXIT_FAILED = 1;
const EXIT_BAD_INPUT = 2;
async function main(args, env) {
    // Hidden from every line from the start, the errors of the flags included: a token
    // pasted as an argument must not come back in "Unexpected argument '…'".
    const envToken = env[(0,command_line/* envName */.pD)(constants/* Input */.pd.apiToken)]?.trim();
    const secrets = envToken ? [envToken] : [];
    // Until the flags parse, --json is taken from the raw arguments.
    let json = jsonAsked(args);
    let printed = false;
    const printOutputs = outputs => {
        if (printed)
            return;
        printed = true;
        process.stdout.write(`${(0,report/* inertJson */.nl)((0,domain_outputs/* typedOutputs */.bA)(outputs))}\n`);
    };
    let cl;
    // A failure before the result files are checked leaves the results of a run that did nothing; after, either
    // the files are the problem or the run writes its own.
    let leaveNothingDone = true;
    try {
        const line = (cl = (0,command_line/* readCommandLine */.ye)(args, env));
        json = line.json;
        if (line.help)
            return void process.stdout.write((0,command_line/* helpText */.BK)(report/* CLI_NAME */.Vs, constants/* ACTION_VERSION */.Yt));
        if (line.version)
            return void process.stdout.write(`${constants/* ACTION_VERSION */.Yt}\n`);
        const token = line.apiTokenFile ? await tokenFrom(line.apiTokenFile, Boolean(envToken)) : undefined;
        const inputs = readInputs(name => (name === constants/* Input */.pd.apiToken && token !== undefined ? token : line.getInput(name)), s => void secrets.push(s));
        leaveNothingDone = false;
        await (0,result_files/* checkResultFiles */.FE)(line);
        const { runCli } = await Promise.all(/* import() */[__nccwpck_require__.e(942), __nccwpck_require__.e(53)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8053));
        await runCli(inputs, line, env, secrets, printOutputs);
    }
    catch (err) {
        process.stderr.write((0,report/* errorLine */.BP)(err, secrets));
        process.exitCode = err instanceof errors/* InputError */.dz ? EXIT_BAD_INPUT : EXIT_FAILED;
        // As the Action's: the outputs and the summary of a run that did nothing, where the flags say (or, unparsed, the arguments).
        if (leaveNothingDone) {
            await (0,result_files/* writeNothingDone */.Fq)(cl ?? (0,result_files/* resultFlagsIn */.G2)(args, env), (0,report/* errorText */.kc)(err, secrets), secrets).catch(fileErr => void process.stderr.write((0,report/* errorLine */.BP)(fileErr, secrets)));
        }
    }
    // However the run ended, --json prints one object: a run stopped before it began did nothing.
    if (json)
        printOutputs((0,domain_outputs/* outputsOf */.Yz)({ groupType: '', dryRun: false }));
}
/**
 * `--json` (or `--json=true`) among the arguments before a `--`, and not turned off after:
 * what the user asked for when the flags do not parse. Any other value is not a yes.
 */
function jsonAsked(args) {
    const end = args.indexOf('--');
    let asked = false;
    for (const a of end < 0 ? args : args.slice(0, end)) {
        if (a === '--json' || /^--json=\s*true\s*$/i.test(a))
            asked = true;
        else if (a === '--no-json' || a.startsWith('--json='))
            asked = false;
    }
    return asked;
}
/**
 * The token from the file --api-token-file names. No message repeats the path or
 * the file's text: a token passed where the path belongs (a GitLab variable of type
 * Variable instead of File) would be printed, and Node's own messages hold the path.
 */
async function tokenFrom(file, envTokenSet) {
    const flag = `--${command_line/* API_TOKEN_FILE */.a4}`;
    const instead = envTokenSet ? `or leave out ${flag} to use ${(0,command_line/* envName */.pD)(constants/* Input */.pd.apiToken)}` : `or set ${(0,command_line/* envName */.pD)(constants/* Input */.pd.apiToken)} instead`;
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (err) {
        const code = err.code ?? 'unreadable';
        const notThere = code === 'ENOENT' || code === 'ENAMETOOLONG';
        throw new errors/* InputError */.dz(flag, `Cannot read the file named by ${flag} (${code}). It takes the path of a file holding the API token (in GitLab CI, a variable of type File)${notThere ? ', not the token itself' : ''}; ${instead}.`, { cause: err });
    }
    const token = text.trim();
    if (!token)
        throw new errors/* InputError */.dz(flag, `The file named by ${flag} is empty. Put the API token in it (in GitLab CI, a variable of type File), ${instead}.`);
    if ((0,src_text/* hasByteControl */.Yk)(token)) {
        throw new errors/* InputError */.dz(flag, `The file named by ${flag} holds more than one line or a control character. It must hold the API token alone, on one line.`);
    }
    return token;
}

;// CONCATENATED MODULE: ./src/cli/index.ts
// The entry of the command-line tool boomi-connector-release.

void main(process.argv.slice(2), process.env);

