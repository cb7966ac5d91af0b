// runner.h: the Patchbay plugin runner, a small C program that loads one provider library in a process of its own
// and serves the host's calls over the framed protocol of wire.h. It links libc and nothing of Swift, so a plugin
// built with -static-stdlib brings its own runtime, and a crash, abort or exit in the plugin ends only this process.
#ifndef PATCHBAY_RUNNER_H
#define PATCHBAY_RUNNER_H

#include "patchbay_provider.h"
#include "wire.h"

#include <pthread.h>

// The socket to the host: always fd 3, set up by the host before exec.
#define RUNNER_SOCKET 3

typedef struct runner_state {
    const patchbay_provider *provider;
    const patchbay_counts_extension *counts; // set by descriptor_write when usable
} runner_state;

extern runner_state runner;

void descriptor_write(wire_writer *out, const patchbay_provider *provider);

// The host services table handed to create (host_services.c).
extern const patchbay_host runner_host;

// One call in flight: its host id and cancel flag.
typedef struct call_slot {
    uint32_t host_call;  // the id the host gave the call; 0 when the slot is free
    uint32_t generation; // bumped when the slot is freed, so a stale handle never matches
    volatile int cancelled;
} call_slot;

// The opaque patchbay_call handle for a slot: index and generation, never a pointer, so a handle used after its
// call returned is recognised and refused instead of dereferenced.
const patchbay_call *calls_handle(uint32_t index);
// The slot index for a handle that is still in flight, or -1.
int calls_lookup(const patchbay_call *handle);
// Claims a slot for a host call id; -1 when too many calls are in flight.
int calls_open(uint32_t host_call);
void calls_close(int index);
// Delivers the answer to the ask `ask` (taking ownership of the frame's payload).
void calls_answer(uint32_t ask, wire_frame *frame);
void calls_cancel(uint32_t host_call);
int calls_is_cancelled(const patchbay_call *handle);
// Sends `payload` as a frame of `type` for the call of `handle` and waits for the host's answer; returns 0 with
// `*answer` filled (the caller frees its payload), or -1 when the handle is stale or the host is gone. The payload
// starts with a u32 placeholder that this fills with the ask id; the host answers with that id as the frame's call,
// so several threads of one call may ask at once.
int calls_ask(const patchbay_call *handle, uint16_t type, const wire_writer *payload, wire_frame *answer);
uint32_t calls_host_id(const patchbay_call *handle);

#endif
