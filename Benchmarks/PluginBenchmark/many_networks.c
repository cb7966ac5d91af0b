// many_networks.c: a provider that lists `count` made-up networks (setting, default 10000) in pages of 1,000,
// each with a ~200-byte raw object: the listing half of a large sync, with no network. Built by IsolationBenchmark.
#include "patchbay_provider.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct patchbay_instance {
    long count;
};

static patchbay_status many_create(const patchbay_host *host, patchbay_buffer settings, patchbay_instance **out,
                                   patchbay_buffer *message) {
    (void)host;
    (void)message;
    patchbay_instance *instance = calloc(1, sizeof *instance);
    instance->count = 10000;
    const char *key = "\"count\":\"";
    for (size_t at = 0; settings.data && at + strlen(key) < settings.length; at++) {
        if (memcmp(settings.data + at, key, strlen(key)) == 0) instance->count = atol((const char *)settings.data + at + strlen(key));
    }
    *out = instance;
    return PATCHBAY_OK;
}

static void many_destroy(patchbay_instance *instance) { free(instance); }

static patchbay_status many_validate(patchbay_instance *instance, const patchbay_call *call, patchbay_buffer credentials,
                                     patchbay_buffer *result, patchbay_buffer *message) {
    (void)instance;
    (void)call;
    (void)credentials;
    (void)message;
    const char *text = "{\"account\":\"benchmark\",\"organizations\":[]}";
    uint8_t *copy = malloc(strlen(text));
    memcpy(copy, text, strlen(text));
    *result = (patchbay_buffer){copy, strlen(text)};
    return PATCHBAY_OK;
}

static patchbay_status many_list(patchbay_instance *instance, const patchbay_call *call, patchbay_buffer credentials,
                                 patchbay_page_sink sink, void *context, patchbay_buffer *message) {
    (void)credentials;
    (void)message;
    size_t capacity = 1000 * 400 + 64;
    char *page = malloc(capacity);
    for (long first = 0; first < instance->count; first += 1000) {
        size_t used = (size_t)snprintf(page, capacity, "{\"networks\":[");
        for (long index = first; index < first + 1000 && index < instance->count; index++) {
            used += (size_t)snprintf(page + used, capacity - used,
                                     "%s{\"external_id\":\"N_%ld\",\"name\":\"Network %ld\",\"organization_id\":\"o1\","
                                     "\"product_types\":[\"appliance\",\"wireless\"],\"tags\":[\"bench\"],"
                                     "\"time_zone\":\"Europe/Berlin\",\"raw\":{\"id\":\"N_%ld\",\"name\":\"Network %ld\","
                                     "\"notes\":\"a network made up for the benchmark\",\"enrollmentString\":null}}",
                                     index == first ? "" : ",", index, index, index, index);
        }
        used += (size_t)snprintf(page + used, capacity - used, "]}");
        patchbay_status status = sink(call, context, (patchbay_buffer){(const uint8_t *)page, used});
        if (status != PATCHBAY_OK) {
            free(page);
            return status;
        }
    }
    free(page);
    return PATCHBAY_OK;
}

static void many_free(patchbay_buffer buffer) { free((void *)buffer.data); }

static const void *many_extension(const char *id) {
    (void)id;
    return NULL;
}

static const patchbay_field many_settings[] = {{"count", "Count", NULL, "10000", 0, 0}};

static const patchbay_provider provider = {
    .product_tag = PATCHBAY_PRODUCT_TAG,
    .abi_major = PATCHBAY_ABI_MAJOR,
    .abi_minor = PATCHBAY_ABI_MINOR,
    .struct_size = sizeof(patchbay_provider),
    .id = "many",
    .name = "Many networks",
    .version = "1.0.0",
    .vendor = "Patchbay benchmarks",
    .setting_count = 1,
    .settings = many_settings,
    .create = many_create,
    .destroy = many_destroy,
    .validate = many_validate,
    .list_networks = many_list,
    .free_buffer = many_free,
    .get_extension = many_extension,
};

const patchbay_provider *patchbay_provider_entry(void) { return &provider; }
