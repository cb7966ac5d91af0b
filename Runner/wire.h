// wire.h: the framed protocol between the Patchbay host and this runner, over one socketpair (fd 3).
//
// A frame is a 12-byte header (payload length u32, type u16, reserved u16, call id u32, native byte order: both
// ends run on one machine) and the payload. Payload fields are u8/u32/i32/u64 in native order, and byte strings as
// a u32 length and the bytes; an "optional" string is a u8 presence flag and then a string.
// PluginHost/Isolation/RunnerFrame.swift holds the same numbers; keep them in step.
#ifndef PATCHBAY_RUNNER_WIRE_H
#define PATCHBAY_RUNNER_WIRE_H

#include <stddef.h>
#include <stdint.h>

// Host to runner.
#define WIRE_CREATE 1      // payload: settings JSON. Answered by WIRE_RESULT whose result is the u32 instance id.
#define WIRE_CALL 2        // payload: u8 kind, u32 instance id, credentials bytes. Answered by WIRE_RESULT.
#define WIRE_HTTP_REPLY 3  // payload: i32 status; on OK: i32 http status, u32 header count, (name, value)*, body,
                           // final url; otherwise the message.
#define WIRE_PAGE_ACK 4    // payload: i32 status the sink returns to the plugin.
#define WIRE_CANCEL 5      // no payload: set is_cancelled for the call.
#define WIRE_DESTROY 6     // payload: u32 instance id. No answer.

// Runner to host.
#define WIRE_DESCRIPTOR 101  // payload: the descriptor (descriptor.c), sent once after loading.
#define WIRE_LOAD_FAILED 102 // payload: u8 reason (LOAD_*), message bytes. The runner exits after it.
#define WIRE_RESULT 103      // payload: i32 status, optional result bytes, optional message bytes.
#define WIRE_HTTP 104        // payload: u32 flags, method, url, u32 header count, (name, value)*, body,
                             // rate scope key, u32 timeout_ms.
#define WIRE_PAGE 105        // payload: the page bytes. Answered by WIRE_PAGE_ACK.
#define WIRE_LOG 106         // payload: i32 level, message bytes. No answer.
#define WIRE_STAGE 107       // payload: u8 stage (STAGE_*), sent while loading so a crash is attributed.

// Loading stages of WIRE_STAGE.
#define STAGE_OPENED 1      // dlopen returned: constructors ran; patchbay_provider_entry is next
#define STAGE_DESCRIPTOR 2  // patchbay_provider_entry returned; the descriptor is being read

// Call kinds of WIRE_CALL.
#define CALL_VALIDATE 1
#define CALL_LIST_NETWORKS 2
#define CALL_COUNTS 3

// Reasons of WIRE_LOAD_FAILED.
#define LOAD_CANNOT_OPEN 1
#define LOAD_MISSING_SYMBOL 2
#define LOAD_NULL_ENTRY 3

#define WIRE_HEADER_SIZE 12
// A frame larger than this is a protocol error: pages and responses are bounded far below it.
#define WIRE_MAX_PAYLOAD (256u << 20)

typedef struct wire_writer {
    uint8_t *data;
    size_t length;
    size_t capacity;
    int failed; // set when an allocation failed; the frame is then not sent
} wire_writer;

void wire_put_u8(wire_writer *writer, uint8_t value);
void wire_put_u32(wire_writer *writer, uint32_t value);
void wire_put_i32(wire_writer *writer, int32_t value);
void wire_put_u64(wire_writer *writer, uint64_t value);
void wire_put_bytes(wire_writer *writer, const void *bytes, size_t length);
// A NUL-terminated string as bytes; NULL as an empty string.
void wire_put_cstring(wire_writer *writer, const char *text);
// A NUL-terminated string as an optional: absent when NULL.
void wire_put_optional_cstring(wire_writer *writer, const char *text);
void wire_free(wire_writer *writer);

typedef struct wire_reader {
    const uint8_t *data;
    size_t length;
    size_t offset;
    int failed; // set when a read ran past the end
} wire_reader;

uint8_t wire_get_u8(wire_reader *reader);
uint32_t wire_get_u32(wire_reader *reader);
int32_t wire_get_i32(wire_reader *reader);
// Points into the frame: valid while the frame is.
const uint8_t *wire_get_bytes(wire_reader *reader, size_t *length);
// A malloc'ed NUL-terminated copy of a byte string; NULL on failure.
char *wire_get_cstring(wire_reader *reader);

typedef struct wire_frame {
    uint16_t type;
    uint32_t call;
    uint8_t *payload; // malloc'ed; free it
    uint32_t length;
} wire_frame;

// Sends one frame; whole frames are written under one lock, so any thread may send. Returns 0 or -1.
int wire_send(int fd, uint16_t type, uint32_t call, const uint8_t *payload, size_t length);
// Reads one frame; returns 0, or -1 at end of stream or on an error.
int wire_receive(int fd, wire_frame *frame);

#endif
