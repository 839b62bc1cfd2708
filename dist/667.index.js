export const id = 667;
export const ids = [667];
export const modules = {

/***/ 5667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   multipartBody: () => (/* binding */ multipartBody)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var form_data__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6454);
/* harmony import */ var form_data__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(form_data__WEBPACK_IMPORTED_MODULE_1__);
// Loaded only when a run uploads, so prune-only runs and input errors never
// pay for the multipart code.


// Large reads keep the upload close to the disk's and socket's pace (64 KiB default chunks cost a lot of time).
const READ_CHUNK = 1024 * 1024;
/** A multipart body made afresh on each `open()`, with its exact length known up front. */
function multipartBody(parts, onBytes) {
    const build = (file, boundary) => {
        const form = new (form_data__WEBPACK_IMPORTED_MODULE_1___default())();
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
        open: () => {
            const file = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(parts.archivePath, { highWaterMark: READ_CHUNK });
            if (onBytes) {
                let sent = 0;
                file.on('data', chunk => onBytes((sent += chunk.length)));
            }
            return build(file, boundary);
        }
    };
}


/***/ })

};

//# sourceMappingURL=667.index.js.map