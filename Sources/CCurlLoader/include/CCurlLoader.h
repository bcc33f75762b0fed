// A GET over HTTP(S) by libcurl, loaded with dlopen the first time it is needed: `kb` does not
// link libcurl (nor the thirty libraries it brings), so the commands that never fetch do not
// load it, and a lone `kb` binary runs where libcurl is absent (only fetching then fails, and
// says why). libcurl's calls are variadic, which Swift cannot call, so the transfer is here in C.
#ifndef CCURLLOADER_H
#define CCURLLOADER_H

#include <stddef.h>

/// How a transfer ended.
typedef enum {
    EKB_FETCH_OK = 0,          // a response arrived (any HTTP status; see `status`)
    EKB_FETCH_TIMEOUT,         // the whole transfer took longer than `timeout_ms`
    EKB_FETCH_UNREACHABLE,     // no connection: refused, no route, host not found
    EKB_FETCH_TOO_LARGE,       // the body (declared or received, decoded) is over `max_bytes`
    EKB_FETCH_TOO_MANY_REDIRECTS,
    EKB_FETCH_FAILED,          // anything else (TLS, protocol, a malformed URL): see `error`
} ekb_fetch_outcome;

/// The request: one URL, extra header lines ("If-None-Match: \"x\""), and the limits.
typedef struct {
    const char *url;
    const char *const *headers;
    int header_count;
    const char *user_agent;
    long timeout_ms;           // the whole transfer, redirects included
    long connect_timeout_ms;
    long max_redirects;        // 0: follow none
    size_t max_bytes;          // the body, after Content-Encoding is undone
} ekb_fetch_request;

/// The response. Strings are NUL-terminated copies (NULL when absent), freed by
/// `ekb_fetch_response_free`.
typedef struct {
    ekb_fetch_outcome outcome;
    long status;               // HTTP status of the last response; 0 when none arrived
    char *body;
    size_t body_size;
    char *etag;                // ETag of the last response, verbatim
    char *last_modified;       // Last-Modified of the last response, verbatim
    char *content_type;
    char *effective_url;       // the URL of the last response, after redirects
    char error[256];           // libcurl's own words when outcome is not OK
} ekb_fetch_response;

/// Loads libcurl once; 0 when it is there, else -1 with the reason in `why`.
int ekb_curl_load(char *why, size_t why_size);

/// Performs the GET. Returns -1 (with the reason in response->error) when libcurl cannot be loaded.
int ekb_fetch(const ekb_fetch_request *request, ekb_fetch_response *response);

void ekb_fetch_response_free(ekb_fetch_response *response);

#endif
