// Non-variadic wrappers around libcurl's variadic calls, which Swift cannot call directly.
#ifndef TCREVIEW_CCURLSHIMS_H
#define TCREVIEW_CCURLSHIMS_H

#include <curl/curl.h>

typedef size_t (*tc_curl_data_callback)(char *buffer, size_t size, size_t count, void *context);

CURLcode tc_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode tc_curl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode tc_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode tc_curl_setopt_list(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode tc_curl_setopt_callback(CURL *handle, CURLoption option, tc_curl_data_callback value);
CURLcode tc_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);
/// Shuts down the socket of the handle's last connection, if it is still open, so that libcurl never reuses
/// a connection left in an unknown state and closes it without a goodbye (IMAP LOGOUT) that could wait.
void tc_curl_drop_connection(CURL *handle);

/// The socket of the handle's connection (after a CONNECT_ONLY transfer), or -1 when there is none.
int tc_curl_active_socket(CURL *handle);

#endif
