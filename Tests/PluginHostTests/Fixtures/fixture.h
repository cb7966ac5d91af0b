// fixture.h: a minimal, valid provider that each broken fixture bends in one place with a FIXTURE_* define.
// Compiled by the tests with `cc -shared -fPIC`; never shipped.
#include "patchbay_provider.h"

#include <stdlib.h>
#include <string.h>

#ifndef FIXTURE_TAG
#define FIXTURE_TAG PATCHBAY_PRODUCT_TAG
#endif
#ifndef FIXTURE_MAJOR
#define FIXTURE_MAJOR PATCHBAY_ABI_MAJOR
#endif
#ifndef FIXTURE_SIZE
#define FIXTURE_SIZE sizeof(patchbay_provider)
#endif
#ifndef FIXTURE_ID
#define FIXTURE_ID "fixture"
#endif
#ifndef FIXTURE_VERSION
#define FIXTURE_VERSION "0.1.0"
#endif
#ifndef FIXTURE_VALIDATE
#define FIXTURE_VALIDATE fixture_validate
#endif
#ifndef FIXTURE_FLAGS
#define FIXTURE_FLAGS 0
#endif
#ifndef FIXTURE_ENTRY
#define FIXTURE_ENTRY patchbay_provider_entry
#endif

struct patchbay_instance {
    int unused;
};

static patchbay_buffer fixture_buffer(const char *text) {
    size_t length = strlen(text);
    uint8_t *data = malloc(length + 1);
    memcpy(data, text, length);
    patchbay_buffer buffer = {data, length};
    return buffer;
}

static patchbay_status fixture_create(const patchbay_host *host,
                                      patchbay_buffer settings,
                                      patchbay_instance **out_instance,
                                      patchbay_buffer *out_message) {
    (void)host;
    (void)settings;
#ifdef FIXTURE_CREATE_FAILS
    (void)out_instance;
    *out_message = fixture_buffer(FIXTURE_CREATE_FAILS);
    return PATCHBAY_INVALID_ARGUMENT;
#else
    (void)out_message;
    *out_instance = calloc(1, sizeof(patchbay_instance));
    return PATCHBAY_OK;
#endif
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
    (void)credentials;
    (void)out_message;
    *out_result = fixture_buffer("{\"account\":\"fixture\",\"organizations\":[]}");
    return PATCHBAY_OK;
}

static patchbay_status fixture_list_networks(patchbay_instance *instance,
                                             const patchbay_call *call,
                                             patchbay_buffer credentials,
                                             patchbay_page_sink sink,
                                             void *sink_context,
                                             patchbay_buffer *out_message) {
    (void)instance;
    (void)credentials;
    (void)out_message;
#ifdef FIXTURE_PAGE
    const char *page = FIXTURE_PAGE;
    patchbay_buffer buffer = {(const uint8_t *)page, strlen(page)};
    return sink(call, sink_context, buffer);
#else
    (void)call;
    (void)sink;
    (void)sink_context;
    return PATCHBAY_OK;
#endif
}

static void fixture_free_buffer(patchbay_buffer buffer) {
    free((void *)buffer.data);
}

static const void *fixture_get_extension(const char *id) {
    (void)id;
    return NULL;
}

static const patchbay_provider fixture_provider = {
    .product_tag = FIXTURE_TAG,
    .abi_major = FIXTURE_MAJOR,
    .abi_minor = 0,
    .struct_size = FIXTURE_SIZE,
    .flags = FIXTURE_FLAGS,
    .id = FIXTURE_ID,
    .name = "Fixture",
    .version = FIXTURE_VERSION,
    .vendor = "Patchbay tests",
    .create = fixture_create,
    .destroy = fixture_destroy,
    .validate = FIXTURE_VALIDATE,
    .list_networks = fixture_list_networks,
    .free_buffer = fixture_free_buffer,
    .get_extension = fixture_get_extension,
};

const patchbay_provider *FIXTURE_ENTRY(void) {
    return &fixture_provider;
}
