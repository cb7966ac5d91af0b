// mist_host.c: drives the Mist plugin's calls in-process through a minimal fake host (canned Mist answers), so the
// tests can run every path, success and failure, under valgrind to prove it frees what it allocates and never
// touches memory it does not own. Built by MistMemoryTests with Plugins/Mist/*.c.
#include "patchbay_provider.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int mode_unauthorized = 0;
static int mode_malformed = 0;
static int pages_seen = 0;

#define ORG1 "00000000-0000-4000-8000-000000000001"
#define ORG2 "00000000-0000-4000-8000-000000000002"

// One response block: the struct, its headers and copies of the strings, freed by fake_free_response.
typedef struct fake_block {
    patchbay_http_response response;
    patchbay_http_header headers[3];
    char total[16];
    char *body;
} fake_block;

static patchbay_buffer text_buffer(const char *text) {
    patchbay_buffer buffer = {(const uint8_t *)text, strlen(text)};
    return buffer;
}

static patchbay_status fake_http(const patchbay_call *call, const patchbay_http_request *request,
                                 patchbay_http_response **out_response, patchbay_buffer *out_message) {
    (void)call;
    (void)out_message;
    fake_block *block = calloc(1, sizeof *block);
    const char *url = request->url;
    const char *body = "[]";
    int total = -1;
    block->response.status = 200;
    if (mode_unauthorized) {
        block->response.status = 401;
        body = "{\"detail\":\"Invalid token.\"}";
    } else if (strstr(url, "/self") != NULL) {
        body = mode_malformed ? "{\"privileges\": [oops" :
               "{\"email\":\"mia@example.com\",\"privileges\":[{\"scope\":\"org\",\"org_id\":\"" ORG1 "\",\"name\":\"One\"},"
               "{\"scope\":\"org\",\"org_id\":\"" ORG2 "\",\"name\":\"Two \\u2603\"},{\"scope\":\"site\",\"org_id\":\"x\"}]}";
    } else if (strstr(url, "/inventory") != NULL) {
        total = 7;
        body = "[{\"mac\":\"5c5b35000001\",\"type\":\"ap\"}]";
    } else if (strstr(url, "/sites") != NULL) {
        total = 3;
        int first = strstr(url, "page=1") != NULL && strstr(url, "limit=1&") == NULL;
        body = strstr(url, "limit=1&") != NULL || first
                   ? "[{\"id\":\"5a1e0000-0000-4000-8000-000000000001\",\"name\":\"HQ\",\"timezone\":\"UTC\",\"x\":[1,2]},"
                     "{\"id\":\"5a1e0000-0000-4000-8000-000000000002\",\"name\":\"Lab\"}]"
                   : "[{\"id\":\"5a1e0000-0000-4000-8000-000000000003\",\"name\":\"Depot\",\"latlng\":{\"lat\":1.5}}]";
    }
    block->body = malloc(strlen(body) + 1);
    memcpy(block->body, body, strlen(body) + 1);
    block->response.body = text_buffer(block->body);
    block->headers[0].name = text_buffer("content-type");
    block->headers[0].value = text_buffer("application/json");
    block->response.header_count = 1;
    if (total >= 0) {
        snprintf(block->total, sizeof block->total, "%d", total);
        block->headers[1].name = text_buffer("x-page-total");
        block->headers[1].value = text_buffer(block->total);
        block->response.header_count = 2;
    }
    block->response.headers = block->headers;
    block->response.final_url = url;
    *out_response = &block->response;
    return PATCHBAY_OK;
}

static void fake_free_response(patchbay_http_response *response) {
    fake_block *block = (fake_block *)response; // the response is the block's first member
    if (block != NULL) {
        free(block->body);
        free(block);
    }
}

static void fake_free_buffer(patchbay_buffer buffer) {
    free((void *)buffer.data);
}

static void fake_log(const patchbay_call *call, int32_t level, patchbay_buffer message) {
    (void)call;
    (void)level;
    (void)message;
}

static uint64_t fake_clock(void) {
    return 0;
}

static int32_t fake_cancelled(const patchbay_call *call) {
    (void)call;
    return 0;
}

static const void *fake_extension(const char *id) {
    (void)id;
    return NULL;
}

static patchbay_status fake_sink(const patchbay_call *call, void *context, patchbay_buffer page) {
    (void)call;
    (void)context;
    (void)page;
    pages_seen++;
    return pages_seen == 99 ? PATCHBAY_CANCELLED : PATCHBAY_OK;
}

static const patchbay_host fake_host = {
    PATCHBAY_ABI_MAJOR, PATCHBAY_ABI_MINOR, sizeof(patchbay_host), 0, fake_http, fake_free_response,
    fake_free_buffer,   fake_log,           fake_clock,            fake_cancelled, fake_extension,
};

static int failures = 0;

static void take(const patchbay_provider *provider, patchbay_buffer *buffer) {
    if (buffer->data != NULL) {
        provider->free_buffer(*buffer);
    }
    buffer->data = NULL;
    buffer->length = 0;
}

static void expect(int condition, const char *what) {
    if (!condition) {
        printf("FAIL %s\n", what);
        failures++;
    }
}

int main(void) {
    const patchbay_provider *provider = patchbay_provider_entry();
    const patchbay_counts_extension *counts = provider->get_extension(PATCHBAY_EXT_COUNTS);
    patchbay_instance *instance = NULL;
    patchbay_buffer message = {NULL, 0};
    patchbay_buffer result = {NULL, 0};
    patchbay_buffer settings = text_buffer("{\"base_url\":\"http://127.0.0.1:1/api/v1/\",\"org_ids\":\"" ORG2 ", " ORG1 "\"}");
    expect(provider->create(&fake_host, settings, &instance, &message) == PATCHBAY_OK, "create");
    patchbay_buffer good = text_buffer("{\"api_token\":\"secret\"}");
    const patchbay_call *call = (const patchbay_call *)&fake_host; // opaque to the plugin

    expect(provider->validate(instance, call, good, &result, &message) == PATCHBAY_OK, "validate");
    const char *first_org = "{\"account\":\"mia@example.com\",\"organizations\":[{\"id\":\"" ORG2 "\"";
    expect(result.data != NULL && strncmp((const char *)result.data, first_org, strlen(first_org)) == 0, "orgs");
    take(provider, &result);
    expect(provider->list_networks(instance, call, good, fake_sink, NULL, &message) == PATCHBAY_OK, "list");
    expect(pages_seen == 4, "two pages per org");
    expect(counts->counts(instance, call, good, &result, &message) == PATCHBAY_OK, "counts");
    const char *totals = "{\"networks\":6,\"access_points\":14,";
    if (result.data == NULL || strncmp((const char *)result.data, totals, strlen(totals)) != 0) {
        printf("counts: %.*s\n", (int)result.length, result.data != NULL ? (const char *)result.data : "");
    }
    expect(result.data != NULL && strncmp((const char *)result.data, totals, strlen(totals)) == 0, "count totals");
    take(provider, &result);
    pages_seen = 98; // the next page is refused by the sink
    expect(provider->list_networks(instance, call, good, fake_sink, NULL, &message) == PATCHBAY_CANCELLED, "stop");
    take(provider, &message);

    mode_malformed = 1;
    expect(provider->validate(instance, call, good, &result, &message) == PATCHBAY_INTERNAL, "malformed");
    take(provider, &message);
    mode_malformed = 0;
    mode_unauthorized = 1;
    expect(provider->validate(instance, call, good, &result, &message) == PATCHBAY_UNAUTHENTICATED, "401");
    take(provider, &message);
    expect(counts->counts(instance, call, good, &result, &message) == PATCHBAY_UNAUTHENTICATED, "401 counts");
    take(provider, &message);
    patchbay_buffer junk = text_buffer("not json");
    expect(provider->validate(instance, call, junk, &result, &message) == PATCHBAY_INVALID_ARGUMENT, "junk");
    take(provider, &message);
    provider->destroy(instance);

    patchbay_buffer bad_settings = text_buffer("{\"org_ids\":\"../../etc\"}");
    expect(provider->create(&fake_host, bad_settings, &instance, &message) == PATCHBAY_INVALID_ARGUMENT, "bad org id");
    take(provider, &message);
    if (failures == 0) {
        printf("ok\n");
    }
    return failures == 0 ? 0 : 1;
}
