#include "CCurlLoader.h"

#include <ctype.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

// libcurl's ABI (soname 4, stable since 2006): the option and info numbers of curl/curl.h. They
// are stated here so that building kb needs no libcurl headers.
typedef void CURL;
struct curl_slist;
enum {
    OPT_WRITEDATA = 10001, OPT_URL = 10002, OPT_ERRORBUFFER = 10010, OPT_WRITEFUNCTION = 20011,
    OPT_USERAGENT = 10018, OPT_HTTPHEADER = 10023, OPT_HEADERDATA = 10029, OPT_FOLLOWLOCATION = 52,
    OPT_MAXREDIRS = 68, OPT_HEADERFUNCTION = 20079, OPT_NOSIGNAL = 99, OPT_ACCEPT_ENCODING = 10102,
    OPT_TIMEOUT_MS = 155, OPT_CONNECTTIMEOUT_MS = 156, OPT_PROTOCOLS = 181, OPT_REDIR_PROTOCOLS = 182,
    OPT_MAXFILESIZE_LARGE = 30117,
};
enum { INFO_EFFECTIVE_URL = 0x100000 + 1, INFO_RESPONSE_CODE = 0x200000 + 2, INFO_CONTENT_TYPE = 0x100000 + 18 };
enum { PROTO_HTTP = 1, PROTO_HTTPS = 2, GLOBAL_DEFAULT = 3, ERROR_SIZE = 256 };
enum {
    E_OK = 0, E_COULDNT_RESOLVE_PROXY = 5, E_COULDNT_RESOLVE_HOST = 6, E_COULDNT_CONNECT = 7, E_WRITE_ERROR = 23,
    E_OPERATION_TIMEDOUT = 28, E_TOO_MANY_REDIRECTS = 47, E_FILESIZE_EXCEEDED = 63,
};

static struct {
    int (*global_init)(long);
    CURL *(*easy_init)(void);
    int (*easy_setopt)(CURL *, int, ...);
    int (*easy_perform)(CURL *);
    int (*easy_getinfo)(CURL *, int, ...);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(int);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_error[ERROR_SIZE];

static void load(void) {
    // The OpenSSL build first (Debian's libcurl4), then the other builds distributions ship.
    static const char *const names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl-nss.so.4", "libcurl.4.dylib", "libcurl.so"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof *names && !library; i++) library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(load_error, sizeof load_error, "libcurl is not installed (libcurl.so.4 not found; on Debian: apt-get install libcurl4)");
        return;
    }
#define SYMBOL(field, name) \
    if (!(*(void **)&curl.field = dlsym(library, name))) { \
        snprintf(load_error, sizeof load_error, "libcurl has no %s", name); \
        return; \
    }
    SYMBOL(global_init, "curl_global_init")
    SYMBOL(easy_init, "curl_easy_init")
    SYMBOL(easy_setopt, "curl_easy_setopt")
    SYMBOL(easy_perform, "curl_easy_perform")
    SYMBOL(easy_getinfo, "curl_easy_getinfo")
    SYMBOL(easy_cleanup, "curl_easy_cleanup")
    SYMBOL(easy_strerror, "curl_easy_strerror")
    SYMBOL(slist_append, "curl_slist_append")
    SYMBOL(slist_free_all, "curl_slist_free_all")
#undef SYMBOL
    if (curl.global_init(GLOBAL_DEFAULT) != E_OK) snprintf(load_error, sizeof load_error, "libcurl failed to initialise");
}

int ekb_curl_load(char *why, size_t why_size) {
    pthread_once(&load_once, load);
    if (load_error[0] == 0) return 0;
    if (why && why_size) snprintf(why, why_size, "%s", load_error);
    return -1;
}

typedef struct {
    ekb_fetch_response *response;
    size_t capacity;
    size_t max_bytes;
} transfer;

static size_t on_body(char *data, size_t size, size_t count, void *context) {
    transfer *t = context;
    ekb_fetch_response *r = t->response;
    size_t length = size * count;
    if (r->body_size + length > t->max_bytes) {
        r->outcome = EKB_FETCH_TOO_LARGE;
        return 0;  // stops the transfer
    }
    if (r->body_size + length + 1 > t->capacity) {
        size_t capacity = t->capacity ? t->capacity : 64 * 1024;
        while (capacity < r->body_size + length + 1) capacity *= 2;
        char *grown = realloc(r->body, capacity);
        if (!grown) return 0;
        r->body = grown;
        t->capacity = capacity;
    }
    memcpy(r->body + r->body_size, data, length);
    r->body_size += length;
    r->body[r->body_size] = 0;
    return length;
}

/// The value of a header line "Name: value\r\n" when its name is `name`, as a new string.
static char *header_value(const char *line, size_t length, const char *name) {
    size_t name_length = strlen(name);
    if (length <= name_length || line[name_length] != ':' || strncasecmp(line, name, name_length) != 0) return NULL;
    const char *start = line + name_length + 1, *end = line + length;
    while (start < end && (*start == ' ' || *start == '\t')) start++;
    while (end > start && isspace((unsigned char)end[-1])) end--;
    char *value = malloc((size_t)(end - start) + 1);
    if (value) {
        memcpy(value, start, (size_t)(end - start));
        value[end - start] = 0;
    }
    return value;
}

static size_t on_header(char *line, size_t size, size_t count, void *context) {
    ekb_fetch_response *r = ((transfer *)context)->response;
    size_t length = size * count;
    // Each response of a redirect chain starts with its status line: keep the last one's headers.
    if (length >= 5 && strncmp(line, "HTTP/", 5) == 0) {
        free(r->etag);
        free(r->last_modified);
        r->etag = r->last_modified = NULL;
    }
    char *value;
    if ((value = header_value(line, length, "ETag"))) { free(r->etag); r->etag = value; }
    if ((value = header_value(line, length, "Last-Modified"))) { free(r->last_modified); r->last_modified = value; }
    return length;
}

static char *copy(const char *text) { return text ? strdup(text) : NULL; }

int ekb_fetch(const ekb_fetch_request *request, ekb_fetch_response *response) {
    memset(response, 0, sizeof *response);
    if (ekb_curl_load(response->error, sizeof response->error) != 0) {
        response->outcome = EKB_FETCH_FAILED;
        return -1;
    }
    CURL *handle = curl.easy_init();
    if (!handle) {
        response->outcome = EKB_FETCH_FAILED;
        snprintf(response->error, sizeof response->error, "libcurl could not start a transfer");
        return -1;
    }
    struct curl_slist *headers = NULL;
    for (int i = 0; i < request->header_count; i++) headers = curl.slist_append(headers, request->headers[i]);
    transfer t = {response, 0, request->max_bytes};
    char error[ERROR_SIZE] = {0};
    curl.easy_setopt(handle, OPT_URL, request->url);
    curl.easy_setopt(handle, OPT_ERRORBUFFER, error);
    curl.easy_setopt(handle, OPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, OPT_PROTOCOLS, (long)(PROTO_HTTP | PROTO_HTTPS));
    curl.easy_setopt(handle, OPT_REDIR_PROTOCOLS, (long)(PROTO_HTTP | PROTO_HTTPS));
    curl.easy_setopt(handle, OPT_FOLLOWLOCATION, request->max_redirects > 0 ? 1L : 0L);
    curl.easy_setopt(handle, OPT_MAXREDIRS, request->max_redirects);
    curl.easy_setopt(handle, OPT_TIMEOUT_MS, request->timeout_ms);
    curl.easy_setopt(handle, OPT_CONNECTTIMEOUT_MS, request->connect_timeout_ms);
    curl.easy_setopt(handle, OPT_MAXFILESIZE_LARGE, (long long)request->max_bytes);
    curl.easy_setopt(handle, OPT_ACCEPT_ENCODING, "");  // every encoding this libcurl can undo
    curl.easy_setopt(handle, OPT_USERAGENT, request->user_agent);
    curl.easy_setopt(handle, OPT_HTTPHEADER, headers);
    curl.easy_setopt(handle, OPT_WRITEFUNCTION, on_body);
    curl.easy_setopt(handle, OPT_WRITEDATA, &t);
    curl.easy_setopt(handle, OPT_HEADERFUNCTION, on_header);
    curl.easy_setopt(handle, OPT_HEADERDATA, &t);

    int code = curl.easy_perform(handle);
    curl.easy_getinfo(handle, INFO_RESPONSE_CODE, &response->status);
    char *text = NULL;
    if (curl.easy_getinfo(handle, INFO_CONTENT_TYPE, &text) == E_OK) response->content_type = copy(text);
    text = NULL;
    if (curl.easy_getinfo(handle, INFO_EFFECTIVE_URL, &text) == E_OK) response->effective_url = copy(text);
    if (code != E_OK && response->outcome != EKB_FETCH_TOO_LARGE) {
        switch (code) {
        case E_OPERATION_TIMEDOUT: response->outcome = EKB_FETCH_TIMEOUT; break;
        case E_COULDNT_CONNECT: case E_COULDNT_RESOLVE_HOST: case E_COULDNT_RESOLVE_PROXY: response->outcome = EKB_FETCH_UNREACHABLE; break;
        case E_FILESIZE_EXCEEDED: response->outcome = EKB_FETCH_TOO_LARGE; break;
        case E_TOO_MANY_REDIRECTS: response->outcome = EKB_FETCH_TOO_MANY_REDIRECTS; break;
        default: response->outcome = EKB_FETCH_FAILED; break;
        }
        snprintf(response->error, sizeof response->error, "%s", error[0] ? error : curl.easy_strerror(code));
    }
    curl.slist_free_all(headers);
    curl.easy_cleanup(handle);
    return 0;
}

void ekb_fetch_response_free(ekb_fetch_response *response) {
    free(response->body);
    free(response->etag);
    free(response->last_modified);
    free(response->content_type);
    free(response->effective_url);
    memset(response, 0, sizeof *response);
}
