// Counts how many validate calls run at once on one instance, and answers the most it saw as the account:
// the host must keep it at 1 unless the plugin sets PATCHBAY_PROVIDER_CONCURRENT (FIXTURE_CONCURRENT).
#define _POSIX_C_SOURCE 199309L
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>

#ifdef FIXTURE_CONCURRENT
#define FIXTURE_ID "overlap-concurrent"
#define FIXTURE_FLAGS PATCHBAY_PROVIDER_CONCURRENT
#else
#define FIXTURE_ID "overlap"
#endif
#define FIXTURE_VALIDATE overlap_validate
#include "patchbay_provider.h"
static patchbay_status overlap_validate(patchbay_instance *instance,
                                        const patchbay_call *call,
                                        patchbay_buffer credentials,
                                        patchbay_buffer *out_result,
                                        patchbay_buffer *out_message);
#include "fixture.h"

static atomic_int in_flight;
static atomic_int most;

static patchbay_status overlap_validate(patchbay_instance *instance,
                                        const patchbay_call *call,
                                        patchbay_buffer credentials,
                                        patchbay_buffer *out_result,
                                        patchbay_buffer *out_message) {
    (void)instance;
    (void)call;
    (void)credentials;
    (void)out_message;
    int now = atomic_fetch_add(&in_flight, 1) + 1;
    int seen = atomic_load(&most);
    while (now > seen && !atomic_compare_exchange_weak(&most, &seen, now)) {
    }
    struct timespec pause = {0, 5 * 1000 * 1000}; // long enough for overlapping calls to meet
    nanosleep(&pause, NULL);
    atomic_fetch_sub(&in_flight, 1);
    char result[64];
    snprintf(result, sizeof result, "{\"account\":\"%d\",\"organizations\":[]}", atomic_load(&most));
    *out_result = fixture_buffer(result);
    return PATCHBAY_OK;
}
