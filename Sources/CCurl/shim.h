// Typed wrappers for libcurl's variadic calls, which Swift cannot call directly. No logic lives here.
#ifndef PATCHBAY_CCURL_SHIM_H
#define PATCHBAY_CCURL_SHIM_H
#include <curl/curl.h>

static inline CURLcode patchbay_curl_setopt_long(CURL *curl, CURLoption option, long value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode patchbay_curl_setopt_off(CURL *curl, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode patchbay_curl_setopt_pointer(CURL *curl, CURLoption option, const void *value) {
    return curl_easy_setopt(curl, option, value);
}
// libcurl copies string options (all but CURLOPT_POSTFIELDS) before returning.
static inline CURLcode patchbay_curl_setopt_string(CURL *curl, CURLoption option, const char *value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode patchbay_curl_setopt_write_function(CURL *curl, CURLoption option,
                                                           size_t (*callback)(char *, size_t, size_t, void *)) {
    return curl_easy_setopt(curl, option, callback);
}
static inline CURLcode patchbay_curl_setopt_xferinfo_function(CURL *curl, curl_xferinfo_callback callback) {
    return curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, callback);
}
static inline CURLcode patchbay_curl_getinfo_long(CURL *curl, CURLINFO info, long *value) {
    return curl_easy_getinfo(curl, info, value);
}
static inline CURLcode patchbay_curl_getinfo_string(CURL *curl, CURLINFO info, char **value) {
    return curl_easy_getinfo(curl, info, value);
}
#endif
