// A provider that misbehaves in exactly one way, chosen with -DMISBEHAVE_<CASE>: the failure classes a vendor's
// plugin must never turn into a host crash or hang. Compiled by the tests once per case; never shipped.
#define _GNU_SOURCE
#include "patchbay_provider.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct patchbay_instance {
    const patchbay_host *host;
};

static patchbay_buffer owned(const char *text, size_t length) {
    uint8_t *data = malloc(length + 1);
    memcpy(data, text, length);
    patchbay_buffer buffer = {data, length};
    return buffer;
}

__attribute__((unused)) static void nap_ms(long milliseconds) {
    struct timespec pause = {milliseconds / 1000, (milliseconds % 1000) * 1000000L};
    nanosleep(&pause, NULL);
}

#ifdef MISBEHAVE_CONSTRUCTOR_EXIT
__attribute__((constructor)) static void leave(void) { _exit(0); }
#endif

#ifdef MISBEHAVE_STDOUT
// Prints as soon as the library is opened, before the host has called anything.
__attribute__((constructor)) static void chatter(void) {
    printf("constructor output\n");
    fflush(stdout);
}
#endif

static patchbay_status misbehaving_create(const patchbay_host *host, patchbay_buffer settings,
                                          patchbay_instance **out_instance, patchbay_buffer *out_message) {
    (void)settings;
    (void)out_message;
#ifdef MISBEHAVE_HANG_CREATE
    // Only for the settings that ask for it, so the instance for plugins.yaml's settings can be made.
    if (memmem(settings.data, settings.length, "\"hang\"", 6) != NULL)
        for (;;) nap_ms(50);
#endif
#ifdef MISBEHAVE_NO_INSTANCE
    (void)host;
    (void)out_instance;
    return PATCHBAY_OK;
#else
    patchbay_instance *instance = calloc(1, sizeof(patchbay_instance));
    instance->host = host;
    *out_instance = instance;
    return PATCHBAY_OK;
#endif
}

static void misbehaving_destroy(patchbay_instance *instance) { free(instance); }

#ifdef MISBEHAVE_STALE_CALL
// The first validate leaves a thread behind that uses the call after validate returned; the second lets it run,
// waits for it and reports the status the host gave it.
static pthread_t straggler;
static volatile int go;
static volatile patchbay_status stale_status = -1;
static const patchbay_call *stale_call;
static const patchbay_host *stale_host;

static void *use_stale_call(void *unused) {
    (void)unused;
    while (!go) nap_ms(1);
    patchbay_http_request request = {sizeof(patchbay_http_request), 0, "GET", "http://127.0.0.1:9/", NULL, 0,
                                     {NULL, 0}, NULL, 0, 0};
    patchbay_http_response *response = NULL;
    patchbay_buffer message = {NULL, 0};
    stale_status = stale_host->http_request(stale_call, &request, &response, &message);
    stale_host->log(stale_call, PATCHBAY_LOG_INFO, (patchbay_buffer){(const uint8_t *)"late", 4});
    (void)stale_host->is_cancelled(stale_call);
    stale_host->free_response(response);
    stale_host->free_buffer(message);
    return NULL;
}
#endif

static patchbay_status misbehaving_validate(patchbay_instance *instance, const patchbay_call *call,
                                            patchbay_buffer credentials, patchbay_buffer *out_result,
                                            patchbay_buffer *out_message) {
    (void)instance;
    (void)call;
    (void)credentials;
    (void)out_message;
#if defined(MISBEHAVE_SEGFAULT)
    *(volatile int *)(uintptr_t)8 = 1;
#elif defined(MISBEHAVE_ABORT)
    abort();
#elif defined(MISBEHAVE_EXIT)
    _exit(3);
#elif defined(MISBEHAVE_DOUBLE_FREE_HOST)
    // A host message, released twice: glibc aborts on the second free.
    patchbay_http_response *response = NULL;
    patchbay_buffer message = {NULL, 0};
    instance->host->http_request(NULL, NULL, &response, &message);
    instance->host->free_buffer(message);
    instance->host->free_buffer(message);
#elif defined(MISBEHAVE_STATIC_BUFFER)
    // Returned as plugin-owned, so the host hands it to free_buffer, which frees static memory.
    static const char text[] = "static, not malloc'ed";
    *out_message = (patchbay_buffer){(const uint8_t *)text, sizeof(text) - 1};
    return PATCHBAY_INVALID_ARGUMENT;
#elif defined(MISBEHAVE_UNKNOWN_STATUS)
    *out_message = owned("teapot", 6);
    return 42;
#elif defined(MISBEHAVE_HUGE_MESSAGE)
    size_t length = 10u << 20;
    char *text = malloc(length);
    for (size_t index = 0; index < length; index++) text[index] = index % 100 == 99 ? '\n' : 'x';
    *out_message = (patchbay_buffer){(const uint8_t *)text, length};
    return PATCHBAY_UNAVAILABLE;
#elif defined(MISBEHAVE_STDOUT)
    printf("{\"corrupted\": true}\n");
    fflush(stdout);
#elif defined(MISBEHAVE_HANG_VALIDATE)
    for (;;) nap_ms(50);
#elif defined(MISBEHAVE_STALE_CALL)
    if (!stale_call) {
        stale_call = call;
        stale_host = instance->host;
        pthread_create(&straggler, NULL, use_stale_call, NULL);
    } else {
        go = 1;
        pthread_join(straggler, NULL);
        char text[64];
        int length = snprintf(text, sizeof text, "stale call got status %d", (int)stale_status);
        *out_message = owned(text, (size_t)length);
        return PATCHBAY_NOT_FOUND;
    }
#endif
    *out_result = owned("{\"account\":\"misbehaving\",\"organizations\":[]}", 44);
    return PATCHBAY_OK;
}

static patchbay_status misbehaving_list_networks(patchbay_instance *instance, const patchbay_call *call,
                                                 patchbay_buffer credentials, patchbay_page_sink sink,
                                                 void *sink_context, patchbay_buffer *out_message) {
    (void)credentials;
    (void)sink;
    (void)sink_context;
    (void)out_message;
#if defined(MISBEHAVE_HANG_LIST)
    (void)instance;
    (void)call;
    for (;;) nap_ms(50); // never looks at is_cancelled
#elif defined(MISBEHAVE_POLL_LIST)
    while (!instance->host->is_cancelled(call)) nap_ms(5);
    *out_message = owned("stopped as asked", 16);
    return PATCHBAY_CANCELLED;
#elif defined(MISBEHAVE_ABORT_LIST)
    (void)instance;
    (void)call;
    const char *page = "{\"networks\":[{\"external_id\":\"N_1\",\"name\":\"one\",\"organization_id\":\"o\",\"raw\":{}}]}";
    sink(call, sink_context, (patchbay_buffer){(const uint8_t *)page, strlen(page)});
    abort();
#else
    (void)instance;
    (void)call;
    return PATCHBAY_OK;
#endif
}

static void misbehaving_free_buffer(patchbay_buffer buffer) { free((void *)buffer.data); }

static const void *misbehaving_get_extension(const char *id) {
    (void)id;
    return NULL;
}

#ifdef MISBEHAVE_UNTERMINATED_LIST
// The capabilities list runs into a non-NULL pointer that is not a string: reading it faults.
static const char *const capabilities[] = {"networks.list", (const char *)(uintptr_t)16};
#else
static const char *const capabilities[] = {"networks.list", NULL};
#endif

#ifdef MISBEHAVE_HANG_CREATE
static const patchbay_field mode_settings[] = {
    {"mode", "Mode", "hang: create never returns", NULL, 0, 0},
};
#endif

static const patchbay_provider provider = {
    .product_tag = PATCHBAY_PRODUCT_TAG,
    .abi_major = PATCHBAY_ABI_MAJOR,
    .abi_minor = PATCHBAY_ABI_MINOR,
    .struct_size = sizeof(patchbay_provider),
    .id = "misbehaving",
    .name = "Misbehaving",
    .version = "0.1.0",
    .vendor = "Patchbay tests",
    .capabilities = capabilities,
#ifdef MISBEHAVE_HANG_CREATE
    .settings = mode_settings,
    .setting_count = 1,
#endif
    .create = misbehaving_create,
    .destroy = misbehaving_destroy,
    .validate = misbehaving_validate,
    .list_networks = misbehaving_list_networks,
    .free_buffer = misbehaving_free_buffer,
    .get_extension = misbehaving_get_extension,
};

const patchbay_provider *patchbay_provider_entry(void) {
#ifdef MISBEHAVE_SLOW_ENTRY
    nap_ms(20000);
#endif
    return &provider;
}
