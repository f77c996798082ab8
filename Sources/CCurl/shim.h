#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H
#include <curl/curl.h>

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call.
// These typed, non-variadic wrappers are the only bridge the Swift side needs.
static inline CURLcode ccurl_setopt_long(CURL *h, CURLoption opt, long v) { return curl_easy_setopt(h, opt, v); }
static inline CURLcode ccurl_setopt_string(CURL *h, CURLoption opt, const char *v) { return curl_easy_setopt(h, opt, v); }
static inline CURLcode ccurl_setopt_pointer(CURL *h, CURLoption opt, void *v) { return curl_easy_setopt(h, opt, v); }
static inline CURLcode ccurl_setopt_slist(CURL *h, CURLoption opt, struct curl_slist *v) { return curl_easy_setopt(h, opt, v); }
typedef size_t (*ccurl_data_cb)(char *ptr, size_t size, size_t nmemb, void *userdata);
static inline CURLcode ccurl_setopt_write_function(CURL *h, ccurl_data_cb cb) { return curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, cb); }
static inline CURLcode ccurl_setopt_header_function(CURL *h, ccurl_data_cb cb) { return curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, cb); }
// Sets the POST body from `size` bytes that libcurl copies before returning, so the caller's
// buffer may go away at once (Swift array pointers only live for the duration of a call).
static inline CURLcode ccurl_setopt_copy_postfields(CURL *h, const void *data, long size) {
    CURLcode rc = curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, size);
    if (rc != CURLE_OK) return rc;
    return curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, (const char *)data);
}
static inline CURLcode ccurl_getinfo_long(CURL *h, CURLINFO info, long *out) { return curl_easy_getinfo(h, info, out); }
#endif
