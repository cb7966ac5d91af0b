// plugin_work.c: times a plugin's own validate, called straight from C with no host around it, so the benchmark
// can subtract the plugin's work from the round trip and report what the host adds.
// Usage: plugin_work <lib.so> <credentials JSON> <iterations>; prints the median in nanoseconds.
#define _POSIX_C_SOURCE 199309L
#include "patchbay_provider.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void quiet_log(const patchbay_call *call, int32_t level, patchbay_buffer message) {
    (void)call;
    (void)level;
    (void)message;
}

static int32_t never_cancelled(const patchbay_call *call) {
    (void)call;
    return 0;
}

static uint64_t now_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

static int by_value(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: plugin_work <lib.so> <credentials JSON> <iterations>\n");
        return 64;
    }
    void *library = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        fprintf(stderr, "%s\n", dlerror());
        return 69;
    }
    const patchbay_provider *(*entry)(void);
    *(void **)&entry = dlsym(library, PATCHBAY_ENTRY_SYMBOL);
    const patchbay_provider *provider = entry();
    patchbay_host host;
    memset(&host, 0, sizeof host);
    host.abi_major = PATCHBAY_ABI_MAJOR;
    host.struct_size = sizeof host;
    host.log = quiet_log;
    host.is_cancelled = never_cancelled;
    patchbay_instance *instance = NULL;
    patchbay_buffer message = {NULL, 0};
    patchbay_buffer settings = {(const uint8_t *)"{\"greeting\":\"hello\"}", strlen("{\"greeting\":\"hello\"}")};
    if (provider->create(&host, settings, &instance, &message) != PATCHBAY_OK) {
        return 70;
    }
    patchbay_buffer credentials = {(const uint8_t *)argv[2], strlen(argv[2])};
    int iterations = atoi(argv[3]);
    uint64_t *samples = calloc((size_t)iterations, sizeof *samples);
    for (int i = -1000; i < iterations; i++) {
        patchbay_buffer result = {NULL, 0};
        uint64_t start = now_ns();
        provider->validate(instance, NULL, credentials, &result, &message);
        provider->free_buffer(result);
        if (i >= 0) {
            samples[i] = now_ns() - start;
        }
    }
    qsort(samples, (size_t)iterations, sizeof *samples, by_value);
    printf("%llu\n", (unsigned long long)samples[iterations / 2]);
    return 0;
}
