// The table of calls in flight, with generation-checked handles (see runner.h), and the asks waiting for the host.
#include "runner.h"

#include <stdlib.h>
#include <string.h>

#define CALL_LIMIT 512

static call_slot slots[CALL_LIMIT];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

// One question to the host (an HTTP request, a page) waiting for its answer.
typedef struct ask {
    uint32_t id;
    int answered;
    wire_frame answer;
    pthread_cond_t ready;
    struct ask *next;
} ask;

static ask *asks;
static uint32_t next_ask;

const patchbay_call *calls_handle(uint32_t index) {
    // index + 1 in the low bits so no handle is NULL; the generation above them.
    uintptr_t value = ((uintptr_t)slots[index].generation << 16) | (uintptr_t)(index + 1);
    return (const patchbay_call *)value;
}

static int decode(const patchbay_call *handle, uint32_t *generation) {
    uintptr_t value = (uintptr_t)handle;
    uintptr_t index = value & 0xFFFF;
    if (index == 0 || index > CALL_LIMIT) return -1;
    *generation = (uint32_t)(value >> 16);
    return (int)index - 1;
}

int calls_lookup(const patchbay_call *handle) {
    uint32_t generation = 0;
    int index = decode(handle, &generation);
    if (index < 0) return -1;
    pthread_mutex_lock(&lock);
    int live = slots[index].host_call != 0 && slots[index].generation == generation;
    pthread_mutex_unlock(&lock);
    return live ? index : -1;
}

int calls_open(uint32_t host_call) {
    pthread_mutex_lock(&lock);
    int found = -1;
    for (int index = 0; index < CALL_LIMIT; index++) {
        if (slots[index].host_call == 0) {
            found = index;
            slots[index].host_call = host_call;
            slots[index].cancelled = 0;
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    return found;
}

void calls_close(int index) {
    pthread_mutex_lock(&lock);
    slots[index].host_call = 0;
    // 15 bits keep the handle within 32 bits on every platform.
    slots[index].generation = (slots[index].generation + 1) & 0x7FFF;
    pthread_mutex_unlock(&lock);
}

void calls_cancel(uint32_t host_call) {
    pthread_mutex_lock(&lock);
    for (int index = 0; index < CALL_LIMIT; index++) {
        if (slots[index].host_call == host_call) slots[index].cancelled = 1;
    }
    pthread_mutex_unlock(&lock);
}

int calls_is_cancelled(const patchbay_call *handle) {
    int index = calls_lookup(handle);
    if (index < 0) return 1; // a stale handle: whatever still runs on it should stop
    return slots[index].cancelled;
}

uint32_t calls_host_id(const patchbay_call *handle) {
    int index = calls_lookup(handle);
    return index < 0 ? 0 : slots[index].host_call;
}

void calls_answer(uint32_t id, wire_frame *frame) {
    pthread_mutex_lock(&lock);
    for (ask *waiting = asks; waiting; waiting = waiting->next) {
        if (waiting->id == id && !waiting->answered) {
            waiting->answer = *frame;
            waiting->answered = 1;
            frame->payload = NULL;
            pthread_cond_signal(&waiting->ready);
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    free(frame->payload); // an answer nobody waits for
}

int calls_ask(const patchbay_call *handle, uint16_t type, const wire_writer *payload, wire_frame *answer) {
    uint32_t host_call = calls_host_id(handle);
    if (host_call == 0 || payload->failed || payload->length < 4) return -1;
    ask waiting = {0};
    pthread_cond_init(&waiting.ready, NULL);
    pthread_mutex_lock(&lock);
    waiting.id = ++next_ask ? next_ask : ++next_ask;
    waiting.next = asks;
    asks = &waiting;
    pthread_mutex_unlock(&lock);
    memcpy(payload->data, &waiting.id, 4);
    int result = wire_send(RUNNER_SOCKET, type, host_call, payload->data, payload->length);
    pthread_mutex_lock(&lock);
    // The reader thread exits the process when the host goes away, so this wait always ends.
    while (result == 0 && !waiting.answered) pthread_cond_wait(&waiting.ready, &lock);
    for (ask **link = &asks; *link; link = &(*link)->next) {
        if (*link == &waiting) {
            *link = waiting.next;
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    pthread_cond_destroy(&waiting.ready);
    if (result != 0) return -1;
    *answer = waiting.answer;
    return 0;
}
