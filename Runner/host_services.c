// The host services a plugin sees in the runner: HTTP and the page sink are asked of the host over the socket (the
// host's egress policy, rate budgets, retries and redaction apply unchanged); the clock and the cancel flag are
// answered here.
#include "runner.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static patchbay_buffer copy_message(const char *text, size_t length) {
    patchbay_buffer buffer = {NULL, 0};
    uint8_t *bytes = malloc(length ? length : 1);
    if (!bytes) return buffer;
    if (length) memcpy(bytes, text, length);
    buffer.data = bytes;
    buffer.length = length;
    return buffer;
}

static patchbay_status refuse(patchbay_buffer *out_message, patchbay_status status, const char *text) {
    if (out_message) *out_message = copy_message(text, strlen(text));
    return status;
}

static void put_request(wire_writer *out, const patchbay_http_request *request) {
    wire_put_u32(out, 0); // the ask id, filled in by calls_ask
    wire_put_u32(out, request->flags);
    wire_put_cstring(out, request->method);
    wire_put_cstring(out, request->url);
    size_t count = request->headers ? request->header_count : 0;
    wire_put_u32(out, (uint32_t)count);
    for (size_t index = 0; index < count; index++) {
        wire_put_bytes(out, request->headers[index].name.data, request->headers[index].name.length);
        wire_put_bytes(out, request->headers[index].value.data, request->headers[index].value.length);
    }
    wire_put_bytes(out, request->body.data, request->body.length);
    wire_put_cstring(out, request->rate_scope_key);
    wire_put_u32(out, request->timeout_ms);
}

// Lays the response out in one malloc block, as the in-process host does: free_response is then one free().
static patchbay_http_response *read_response(wire_reader *in) {
    int32_t status = wire_get_i32(in);
    uint32_t count = wire_get_u32(in);
    if (in->failed || count > 100000) return NULL;
    size_t start = in->offset;
    size_t bytes = 0;
    for (uint32_t index = 0; index < 2 * count + 2; index++) {
        size_t length = 0;
        wire_get_bytes(in, &length);
        bytes += length + 1;
    }
    if (in->failed) return NULL;
    in->offset = start;
    size_t headers_at = sizeof(patchbay_http_response);
    size_t bytes_at = headers_at + sizeof(patchbay_http_header) * count;
    uint8_t *block = malloc(bytes_at + bytes);
    if (!block) return NULL;
    patchbay_http_response *response = (patchbay_http_response *)block;
    patchbay_http_header *headers = (patchbay_http_header *)(block + headers_at);
    uint8_t *cursor = block + bytes_at;
    patchbay_buffer parts[2];
    for (uint32_t index = 0; index < count; index++) {
        for (int part = 0; part < 2; part++) {
            size_t length = 0;
            const uint8_t *data = wire_get_bytes(in, &length);
            if (length) memcpy(cursor, data, length);
            cursor[length] = 0;
            parts[part].data = cursor;
            parts[part].length = length;
            cursor += length + 1;
        }
        headers[index].name = parts[0];
        headers[index].value = parts[1];
    }
    size_t length = 0;
    const uint8_t *body = wire_get_bytes(in, &length);
    if (length) memcpy(cursor, body, length);
    response->body.data = cursor;
    response->body.length = length;
    cursor += length + 1;
    const uint8_t *url = wire_get_bytes(in, &length);
    if (length) memcpy(cursor, url, length);
    cursor[length] = 0;
    response->final_url = (const char *)cursor;
    response->status = status;
    response->reserved = 0;
    response->headers = count ? headers : NULL;
    response->header_count = count;
    return response;
}

static patchbay_status http_request(const patchbay_call *call, const patchbay_http_request *request,
                                    patchbay_http_response **out_response, patchbay_buffer *out_message) {
    if (out_response) *out_response = NULL;
    if (out_message) {
        out_message->data = NULL;
        out_message->length = 0;
    }
    if (calls_lookup(call) < 0) {
        return refuse(out_message, PATCHBAY_INVALID_ARGUMENT,
                      "http_request: the call is not in flight (NULL, or it already returned); "
                      "pass the call this request belongs to, during that call");
    }
    if (!request || !out_response) {
        return refuse(out_message, PATCHBAY_INVALID_ARGUMENT, "http_request: request or out_response is NULL; pass both");
    }
    if (request->struct_size < 72) {
        return refuse(out_message, PATCHBAY_INVALID_ARGUMENT,
                      "http_request: struct_size is below ABI 1.0's 72; set it to sizeof(patchbay_http_request)");
    }
    if (!request->method || !request->url) {
        return refuse(out_message, PATCHBAY_INVALID_ARGUMENT, "http_request: method or url is NULL; set both");
    }
    wire_writer out = {0};
    put_request(&out, request);
    wire_frame answer;
    if (out.failed || calls_ask(call, WIRE_HTTP, &out, &answer) != 0) {
        wire_free(&out);
        return refuse(out_message, PATCHBAY_INTERNAL, "http_request: the runner could not reach the host");
    }
    wire_free(&out);
    wire_reader in = {answer.payload, answer.length, 0, 0};
    patchbay_status status = wire_get_i32(&in);
    if (status == PATCHBAY_OK) {
        *out_response = read_response(&in);
        if (!*out_response) status = refuse(out_message, PATCHBAY_INTERNAL, "http_request: malformed host reply");
    } else if (out_message) {
        size_t length = 0;
        const uint8_t *text = wire_get_bytes(&in, &length);
        *out_message = copy_message((const char *)text, in.failed ? 0 : length);
    }
    free(answer.payload);
    return status;
}

static void free_response(patchbay_http_response *response) { free(response); }

static void free_buffer(patchbay_buffer buffer) { free((void *)buffer.data); }

static void log_line(const patchbay_call *call, int32_t level, patchbay_buffer message) {
    wire_writer out = {0};
    wire_put_i32(&out, level);
    wire_put_bytes(&out, message.data, message.data ? message.length : 0);
    // A stale or NULL call logs without one: the host then cannot redact per call, but still logs.
    if (!out.failed) wire_send(RUNNER_SOCKET, WIRE_LOG, calls_host_id(call), out.data, out.length);
    wire_free(&out);
}

static uint64_t monotonic_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

static int32_t is_cancelled(const patchbay_call *call) { return calls_is_cancelled(call); }

static const void *get_extension(const char *id) {
    (void)id;
    return NULL;
}

const patchbay_host runner_host = {
    PATCHBAY_ABI_MAJOR, PATCHBAY_ABI_MINOR, sizeof(patchbay_host), 0, http_request, free_response, free_buffer,
    log_line,           monotonic_ns,       is_cancelled,          get_extension,
};
