#include "wire.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

static pthread_mutex_t send_lock = PTHREAD_MUTEX_INITIALIZER;

static void reserve(wire_writer *writer, size_t extra) {
    if (writer->failed || writer->length + extra <= writer->capacity) return;
    size_t capacity = writer->capacity ? writer->capacity : 256;
    while (capacity < writer->length + extra) capacity *= 2;
    uint8_t *grown = realloc(writer->data, capacity);
    if (!grown) {
        writer->failed = 1;
        return;
    }
    writer->data = grown;
    writer->capacity = capacity;
}

static void put(wire_writer *writer, const void *bytes, size_t length) {
    reserve(writer, length);
    if (writer->failed || length == 0) return;
    memcpy(writer->data + writer->length, bytes, length);
    writer->length += length;
}

void wire_put_u8(wire_writer *writer, uint8_t value) { put(writer, &value, 1); }
void wire_put_u32(wire_writer *writer, uint32_t value) { put(writer, &value, 4); }
void wire_put_i32(wire_writer *writer, int32_t value) { put(writer, &value, 4); }
void wire_put_u64(wire_writer *writer, uint64_t value) { put(writer, &value, 8); }

void wire_put_bytes(wire_writer *writer, const void *bytes, size_t length) {
    if (length > WIRE_MAX_PAYLOAD) {
        writer->failed = 1;
        return;
    }
    wire_put_u32(writer, (uint32_t)length);
    if (bytes) put(writer, bytes, length);
    else if (length) writer->failed = 1;
}

void wire_put_cstring(wire_writer *writer, const char *text) {
    wire_put_bytes(writer, text, text ? strlen(text) : 0);
}

void wire_put_optional_cstring(wire_writer *writer, const char *text) {
    wire_put_u8(writer, text != NULL);
    if (text) wire_put_cstring(writer, text);
}

void wire_free(wire_writer *writer) {
    free(writer->data);
    writer->data = NULL;
    writer->length = writer->capacity = 0;
}

static const uint8_t *take(wire_reader *reader, size_t length) {
    if (reader->failed || reader->length - reader->offset < length) {
        reader->failed = 1;
        return NULL;
    }
    const uint8_t *start = reader->data + reader->offset;
    reader->offset += length;
    return start;
}

uint8_t wire_get_u8(wire_reader *reader) {
    const uint8_t *bytes = take(reader, 1);
    return bytes ? bytes[0] : 0;
}

uint32_t wire_get_u32(wire_reader *reader) {
    uint32_t value = 0;
    const uint8_t *bytes = take(reader, 4);
    if (bytes) memcpy(&value, bytes, 4);
    return value;
}

int32_t wire_get_i32(wire_reader *reader) { return (int32_t)wire_get_u32(reader); }

const uint8_t *wire_get_bytes(wire_reader *reader, size_t *length) {
    *length = wire_get_u32(reader);
    const uint8_t *bytes = take(reader, *length);
    if (!bytes) *length = 0;
    return bytes;
}

char *wire_get_cstring(wire_reader *reader) {
    size_t length = 0;
    const uint8_t *bytes = wire_get_bytes(reader, &length);
    if (reader->failed) return NULL;
    char *copy = malloc(length + 1);
    if (!copy) return NULL;
    if (length) memcpy(copy, bytes, length);
    copy[length] = '\0';
    return copy;
}

static int write_all(int fd, struct iovec *parts, int count) {
    while (count > 0) {
        ssize_t written = writev(fd, parts, count);
        if (written < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        size_t left = (size_t)written;
        while (count > 0 && left >= parts->iov_len) {
            left -= parts->iov_len;
            parts++;
            count--;
        }
        if (count > 0) {
            parts->iov_base = (uint8_t *)parts->iov_base + left;
            parts->iov_len -= left;
        }
    }
    return 0;
}

int wire_send(int fd, uint16_t type, uint32_t call, const uint8_t *payload, size_t length) {
    if (length > WIRE_MAX_PAYLOAD) return -1;
    uint8_t header[WIRE_HEADER_SIZE];
    uint32_t size = (uint32_t)length;
    uint16_t reserved = 0;
    memcpy(header, &size, 4);
    memcpy(header + 4, &type, 2);
    memcpy(header + 6, &reserved, 2);
    memcpy(header + 8, &call, 4);
    struct iovec parts[2] = {{header, WIRE_HEADER_SIZE}, {(void *)payload, length}};
    pthread_mutex_lock(&send_lock);
    int result = write_all(fd, parts, length ? 2 : 1);
    pthread_mutex_unlock(&send_lock);
    return result;
}

static int read_all(int fd, uint8_t *into, size_t length) {
    while (length > 0) {
        ssize_t got = read(fd, into, length);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return -1;
        into += got;
        length -= (size_t)got;
    }
    return 0;
}

int wire_receive(int fd, wire_frame *frame) {
    uint8_t header[WIRE_HEADER_SIZE];
    if (read_all(fd, header, WIRE_HEADER_SIZE) != 0) return -1;
    memcpy(&frame->length, header, 4);
    memcpy(&frame->type, header + 4, 2);
    memcpy(&frame->call, header + 8, 4);
    if (frame->length > WIRE_MAX_PAYLOAD) return -1;
    frame->payload = malloc(frame->length ? frame->length : 1);
    if (!frame->payload) return -1;
    if (read_all(fd, frame->payload, frame->length) != 0) {
        free(frame->payload);
        frame->payload = NULL;
        return -1;
    }
    return 0;
}
