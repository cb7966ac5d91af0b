// mist_http.c: GET requests through the host's http_request service, and Mist's answers mapped to statuses.
#include "mist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Mist's error bodies carry {"detail": "..."}; some endpoints use "error" or "message".
static void mist_error_text(const patchbay_http_response *response, char *out, size_t size) {
    out[0] = '\0';
    mist_json *body = mist_json_parse((const char *)response->body.data, response->body.length, NULL);
    const char *keys[] = {"detail", "error", "message"};
    for (size_t i = 0; body != NULL && i < sizeof keys / sizeof keys[0]; i++) {
        const char *text = mist_json_get_string(body, keys[i]);
        if (text != NULL) {
            snprintf(out, size, ": %s", text);
            break;
        }
    }
    mist_json_free(body);
    // One line: the message is printed in tables and logs.
    for (char *c = out; *c != '\0'; c++) {
        if (*c == '\n' || *c == '\r') {
            *c = ' ';
        }
    }
}

// The endpoint without its query, for messages: "/orgs/<id>/sites".
static void mist_endpoint(const char *path, char *out, size_t size) {
    size_t length = strcspn(path, "?");
    snprintf(out, size, "%.*s", (int)length, path);
}

static patchbay_status mist_status_error(const mist_call *call, const char *endpoint, patchbay_http_response *response) {
    char detail[256];
    mist_error_text(response, detail, sizeof detail);
    int code = response->status;
    patchbay_buffer *out = call->out_message;
    switch (code) {
    case 401:
        return mist_fail(out, PATCHBAY_UNAUTHENTICATED, "GET %s: Mist answered 401%s; check the api_token credential",
                         endpoint, detail);
    case 403:
        return mist_fail(out, PATCHBAY_PERMISSION_DENIED,
                         "GET %s: Mist answered 403%s; give the token's admin access to this organization", endpoint,
                         detail);
    case 404:
        return mist_fail(out, PATCHBAY_NOT_FOUND, "GET %s: Mist answered 404%s; check base_url and org_ids", endpoint,
                         detail);
    case 429:
        return mist_fail(out, PATCHBAY_RATE_LIMITED,
                         "GET %s: Mist answered 429%s; the token's 5000 requests per hour are spent, try later",
                         endpoint, detail);
    default:
        return mist_fail(out, code >= 500 ? PATCHBAY_UNAVAILABLE : PATCHBAY_INTERNAL,
                         "GET %s: Mist answered %d%s; try again later or check base_url", endpoint, code, detail);
    }
}

patchbay_status mist_get(const mist_call *call, const char *path, mist_reply *reply) {
    const patchbay_host *host = call->instance->host;
    char endpoint[256];
    mist_endpoint(path, endpoint, sizeof endpoint);
    reply->host = host;
    reply->response = NULL;
    reply->body = NULL;
    if (host->is_cancelled(call->call)) {
        return mist_fail(call->out_message, PATCHBAY_CANCELLED, "GET %s: cancelled by the host", endpoint);
    }
    size_t url_size = strlen(call->instance->base_url) + strlen(path) + 1;
    size_t authorization_size = strlen("Token ") + strlen(call->token) + 1;
    char *url = malloc(url_size);
    char *authorization = malloc(authorization_size);
    if (url == NULL || authorization == NULL) {
        free(url);
        free(authorization);
        return mist_fail(call->out_message, PATCHBAY_INTERNAL, "GET %s: out of memory", endpoint);
    }
    snprintf(url, url_size, "%s%s", call->instance->base_url, path);
    snprintf(authorization, authorization_size, "Token %s", call->token);
    patchbay_http_header headers[] = {
        {{(const uint8_t *)"Authorization", strlen("Authorization")},
         {(const uint8_t *)authorization, strlen(authorization)}},
        {{(const uint8_t *)"Accept", strlen("Accept")}, {(const uint8_t *)"application/json", strlen("application/json")}},
    };
    patchbay_http_request request;
    memset(&request, 0, sizeof request);
    request.struct_size = sizeof request;
    request.method = "GET";
    request.url = url;
    request.headers = headers;
    request.header_count = sizeof headers / sizeof headers[0];
    patchbay_buffer host_message = {NULL, 0};
    patchbay_http_response *response = NULL;
    patchbay_status status = host->http_request(call->call, &request, &response, &host_message);
    memset(authorization, 0, authorization_size);
    free(authorization);
    free(url);
    if (status != PATCHBAY_OK) {
        // The host's message is host-owned: copy it into a message of ours, then hand it back.
        patchbay_status failed = mist_fail(call->out_message, status, "GET %s: %.*s", endpoint, (int)host_message.length,
                                           host_message.data != NULL ? (const char *)host_message.data : "no message");
        host->free_buffer(host_message);
        return failed;
    }
    if (response == NULL) {
        return mist_fail(call->out_message, PATCHBAY_INTERNAL, "GET %s: the host returned OK without a response",
                         endpoint);
    }
    if (response->status != 200) {
        patchbay_status failed = mist_status_error(call, endpoint, response);
        host->free_response(response);
        return failed;
    }
    size_t offset = 0;
    mist_json *body = mist_json_parse((const char *)response->body.data, response->body.length, &offset);
    if (body == NULL) {
        host->free_response(response);
        return mist_fail(call->out_message, PATCHBAY_INTERNAL,
                         "GET %s: Mist answered malformed JSON (at byte %zu); check base_url points at the Mist API",
                         endpoint, offset);
    }
    reply->response = response;
    reply->body = body;
    return PATCHBAY_OK;
}

void mist_reply_free(mist_reply *reply) {
    mist_json_free(reply->body);
    reply->body = NULL;
    if (reply->host != NULL) {
        reply->host->free_response(reply->response); // NULL is ignored, per the header
    }
    reply->response = NULL;
}

long long mist_header_number(const patchbay_http_response *response, const char *name) {
    size_t name_length = strlen(name);
    for (size_t i = 0; i < response->header_count; i++) {
        const patchbay_http_header *header = &response->headers[i];
        if (header->name.length != name_length || memcmp(header->name.data, name, name_length) != 0) {
            continue;
        }
        long long value = 0;
        size_t digits = 0;
        for (size_t j = 0; j < header->value.length; j++) {
            char c = (char)header->value.data[j];
            if (c == ' ') {
                continue;
            }
            if (c < '0' || c > '9' || value > 1000000000000LL) {
                return -1;
            }
            value = value * 10 + (c - '0');
            digits++;
        }
        return digits > 0 ? value : -1;
    }
    return -1;
}
