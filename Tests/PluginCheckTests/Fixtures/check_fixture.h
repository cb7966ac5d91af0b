// check_fixture.h: a small provider that passes `patchbay plugins check`; each broken fixture bends it in one place
// with a FIXTURE_* define, so the checker must fail exactly that check. Compiled by the tests; never shipped.
#include "patchbay_provider.h"

#include <stdlib.h>
#include <string.h>

#ifndef FIXTURE_ID
#define FIXTURE_ID "check-fixture"
#endif
#ifndef FIXTURE_PAGE
#define FIXTURE_PAGE                                                                                                   \
    "{\"networks\":[{\"external_id\":\"N1\",\"name\":\"One\",\"organization_id\":\"o1\",\"raw\":{\"id\":\"N1\"}}]}"
#endif
#ifndef FIXTURE_PAGES
#define FIXTURE_PAGES 2
#endif
#ifndef FIXTURE_REFUSAL
#define FIXTURE_REFUSAL PATCHBAY_INVALID_ARGUMENT
#endif

struct patchbay_instance {
    int unused;
};

#ifdef FIXTURE_LEAK
static void *volatile fixture_last_leak;
#endif

static patchbay_buffer fixture_buffer(const char *text) {
    size_t length = strlen(text);
    uint8_t *data = malloc(length + 1);
    if (data == NULL) {
        patchbay_buffer empty = {NULL, 0};
        return empty;
    }
    memcpy(data, text, length);
    patchbay_buffer buffer = {data, length};
    return buffer;
}

// Non-zero when the credentials are a JSON object holding "token": "<something>" (enough for a fixture).
static int fixture_has_token(patchbay_buffer credentials) {
    const char *text = (const char *)credentials.data;
    if (text == NULL || credentials.length < 2 || text[0] != '{') {
        return 0;
    }
    const char *key = "\"token\":\"";
    size_t key_length = strlen(key);
    for (size_t i = 0; i + key_length < credentials.length; i++) {
        if (memcmp(text + i, key, key_length) == 0 && text[i + key_length] != '"') {
            return 1;
        }
    }
    return 0;
}

static patchbay_status fixture_refuse(patchbay_buffer credentials, patchbay_buffer *out_message) {
#ifdef FIXTURE_IGNORES_CREDENTIALS
    (void)fixture_has_token(credentials);
    (void)out_message;
    return PATCHBAY_OK;
#else
    if (fixture_has_token(credentials)) {
        return PATCHBAY_OK;
    }
    *out_message = fixture_buffer("credentials need a \"token\"");
    return FIXTURE_REFUSAL;
#endif
}

static patchbay_status fixture_create(const patchbay_host *host,
                                      patchbay_buffer settings,
                                      patchbay_instance **out_instance,
                                      patchbay_buffer *out_message) {
    (void)host;
    (void)settings;
    (void)out_message;
    *out_instance = calloc(1, sizeof(patchbay_instance));
    return PATCHBAY_OK;
}

static void fixture_destroy(patchbay_instance *instance) {
    free(instance);
}

static patchbay_status fixture_validate(patchbay_instance *instance,
                                        const patchbay_call *call,
                                        patchbay_buffer credentials,
                                        patchbay_buffer *out_result,
                                        patchbay_buffer *out_message) {
    (void)instance;
    (void)call;
#ifdef FIXTURE_LEAK
    // 32 KiB per call, touched so it is resident, and never freed. The volatile store keeps the optimizer from
    // removing an allocation nothing reads.
    char *lost = malloc(32 * 1024);
    if (lost != NULL) {
        memset(lost, 1, 32 * 1024);
    }
    fixture_last_leak = lost;
#endif
    patchbay_status status = fixture_refuse(credentials, out_message);
    if (status != PATCHBAY_OK) {
        return status;
    }
#ifdef FIXTURE_OK_WITHOUT_RESULT
    (void)out_result;
#else
    *out_result = fixture_buffer("{\"account\":\"fixture\",\"organizations\":[{\"id\":\"o1\",\"name\":\"Org\"}]}");
#endif
    return PATCHBAY_OK;
}

static patchbay_status fixture_list_networks(patchbay_instance *instance,
                                             const patchbay_call *call,
                                             patchbay_buffer credentials,
                                             patchbay_page_sink sink,
                                             void *sink_context,
                                             patchbay_buffer *out_message) {
    (void)instance;
    patchbay_status status = fixture_refuse(credentials, out_message);
    if (status != PATCHBAY_OK) {
        return status;
    }
    for (int i = 0; i < FIXTURE_PAGES; i++) {
        const char *page = FIXTURE_PAGE;
        patchbay_buffer buffer = {(const uint8_t *)page, strlen(page)};
        status = sink(call, sink_context, buffer);
#ifndef FIXTURE_IGNORES_SINK
        if (status != PATCHBAY_OK) {
            return status;
        }
#endif
    }
#ifdef FIXTURE_IGNORES_SINK
    (void)status;
#endif
    return PATCHBAY_OK;
}

static void fixture_free_buffer(patchbay_buffer buffer) {
    free((void *)buffer.data);
#ifdef FIXTURE_DOUBLE_FREE
    free((void *)buffer.data);
#endif
}

static const void *fixture_get_extension(const char *id) {
    (void)id;
    return NULL;
}

static const patchbay_field fixture_credentials[] = {
    {"token", "Token", NULL, NULL, PATCHBAY_FIELD_REQUIRED | PATCHBAY_FIELD_SECRET, 0},
};

static const patchbay_provider fixture_provider = {
    .product_tag = PATCHBAY_PRODUCT_TAG,
    .abi_major = PATCHBAY_ABI_MAJOR,
    .abi_minor = PATCHBAY_ABI_MINOR,
    .struct_size = sizeof(patchbay_provider),
    .id = FIXTURE_ID,
    .name = "Check fixture",
    .version = "0.1.0",
    .vendor = "Patchbay tests",
    .credential_fields = fixture_credentials,
    .credential_field_count = 1,
    .create = fixture_create,
    .destroy = fixture_destroy,
    .validate = fixture_validate,
    .list_networks = fixture_list_networks,
    .free_buffer = fixture_free_buffer,
    .get_extension = fixture_get_extension,
};

const patchbay_provider *patchbay_provider_entry(void) {
    return &fixture_provider;
}
