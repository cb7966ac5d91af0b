// The runner's main: load the library, send its descriptor, then serve calls until the host closes the socket.
//
// Usage (by the host only): patchbay-plugin-runner LIBRARY [address-space-MiB open-files]
// fd 3 is the socket to the host; stdout and stderr go to the host's log. LIBRARY may be /proc/self/fd/4, a
// descriptor the host opened and hashed, so the file that was checked is the file that is loaded.
#define _GNU_SOURCE
#include "runner.h"

#include <dirent.h>
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

runner_state runner;

// Instances by id (index + 1); grown as created, never shrunk.
static patchbay_instance **instances;
static uint32_t instance_count;
static pthread_mutex_t instance_lock = PTHREAD_MUTEX_INITIALIZER;

static patchbay_instance *instance_at(uint32_t id) {
    pthread_mutex_lock(&instance_lock);
    patchbay_instance *found = id >= 1 && id <= instance_count ? instances[id - 1] : NULL;
    pthread_mutex_unlock(&instance_lock);
    return found;
}

// Removes the instance from the table, so a call racing its destroy finds none instead of a freed one.
static patchbay_instance *instance_take(uint32_t id) {
    pthread_mutex_lock(&instance_lock);
    patchbay_instance *found = NULL;
    if (id >= 1 && id <= instance_count) {
        found = instances[id - 1];
        instances[id - 1] = NULL;
    }
    pthread_mutex_unlock(&instance_lock);
    return found;
}

static uint32_t instance_add(patchbay_instance *instance) {
    pthread_mutex_lock(&instance_lock);
    patchbay_instance **grown = realloc(instances, sizeof(*instances) * (instance_count + 1));
    uint32_t id = 0;
    if (grown) {
        instances = grown;
        instances[instance_count++] = instance;
        id = instance_count;
    }
    pthread_mutex_unlock(&instance_lock);
    return id;
}

static void fail_load(uint8_t reason, const char *message) {
    wire_writer out = {0};
    wire_put_u8(&out, reason);
    wire_put_cstring(&out, message);
    wire_send(RUNNER_SOCKET, WIRE_LOAD_FAILED, 0, out.data, out.length);
    wire_free(&out);
    _exit(0);
}

static void send_stage(uint8_t stage) { wire_send(RUNNER_SOCKET, WIRE_STAGE, 0, &stage, 1); }

// A plugin-owned buffer as an optional byte string, released to the plugin. Messages are capped here already
// (the host caps them again, to 4 KiB): a plugin must not make the host copy megabytes of text.
static void put_plugin_buffer(wire_writer *out, patchbay_buffer buffer, size_t cap) {
    wire_put_u8(out, buffer.data != NULL);
    if (!buffer.data) return;
    wire_put_bytes(out, buffer.data, buffer.length < cap ? buffer.length : cap);
    runner.provider->free_buffer(buffer);
}

#define MESSAGE_CAP 8192

static void send_result(uint32_t host_call, patchbay_status status, patchbay_buffer result, patchbay_buffer message) {
    wire_writer out = {0};
    wire_put_i32(&out, status);
    put_plugin_buffer(&out, result, WIRE_MAX_PAYLOAD - 64);
    put_plugin_buffer(&out, message, MESSAGE_CAP);
    if (out.failed) {
        wire_free(&out);
        wire_put_i32(&out, PATCHBAY_INTERNAL);
        wire_put_u8(&out, 0);
        wire_put_u8(&out, 1);
        wire_put_cstring(&out, "the runner ran out of memory copying the reply");
    }
    wire_send(RUNNER_SOCKET, WIRE_RESULT, host_call, out.data, out.length);
    wire_free(&out);
}

static void send_status(uint32_t host_call, patchbay_status status, const char *text) {
    wire_writer out = {0};
    wire_put_i32(&out, status);
    wire_put_u8(&out, 0);
    wire_put_u8(&out, 1);
    wire_put_cstring(&out, text);
    wire_send(RUNNER_SOCKET, WIRE_RESULT, host_call, out.data, out.length);
    wire_free(&out);
}

static patchbay_status page_sink(const patchbay_call *call, void *context, patchbay_buffer page) {
    (void)context;
    wire_writer out = {0};
    wire_put_u32(&out, 0); // the ask id
    if (page.data && page.length) {
        if (page.length > WIRE_MAX_PAYLOAD - 64) {
            wire_free(&out);
            return PATCHBAY_INVALID_ARGUMENT;
        }
        wire_put_bytes(&out, page.data, page.length);
    } else {
        wire_put_u32(&out, 0);
    }
    wire_frame answer;
    int asked = out.failed ? -1 : calls_ask(call, WIRE_PAGE, &out, &answer);
    wire_free(&out);
    if (asked != 0) return PATCHBAY_CANCELLED;
    wire_reader in = {answer.payload, answer.length, 0, 0};
    patchbay_status status = wire_get_i32(&in);
    free(answer.payload);
    return in.failed ? PATCHBAY_INTERNAL : status;
}

// One call, run on a thread of its own: the frame's payload is owned by it.
typedef struct job {
    wire_frame frame;
} job;

static void run_create(uint32_t host_call, wire_reader *in) {
    size_t length = 0;
    const uint8_t *settings = wire_get_bytes(in, &length);
    patchbay_instance *instance = NULL;
    patchbay_buffer message = {NULL, 0};
    patchbay_buffer json = {settings, length};
    patchbay_status status = runner.provider->create(&runner_host, json, &instance, &message);
    uint32_t id = 0;
    if (status == PATCHBAY_OK && instance) {
        id = instance_add(instance);
        if (id == 0) status = PATCHBAY_INTERNAL;
    }
    wire_writer out = {0};
    wire_put_i32(&out, status);
    wire_put_u8(&out, id != 0);
    if (id != 0) wire_put_bytes(&out, &id, 4);
    put_plugin_buffer(&out, message, MESSAGE_CAP);
    wire_send(RUNNER_SOCKET, WIRE_RESULT, host_call, out.data, out.length);
    wire_free(&out);
}

static void run_call(uint32_t host_call, wire_reader *in) {
    uint8_t kind = wire_get_u8(in);
    uint32_t id = wire_get_u32(in);
    size_t length = 0;
    const uint8_t *credentials = wire_get_bytes(in, &length);
    patchbay_instance *instance = instance_at(id);
    if (in->failed || !instance) {
        send_status(host_call, PATCHBAY_INTERNAL, "the runner got a malformed call");
        return;
    }
    int slot = calls_open(host_call);
    if (slot < 0) {
        send_status(host_call, PATCHBAY_UNAVAILABLE, "too many calls in flight in the runner");
        return;
    }
    const patchbay_call *call = calls_handle((uint32_t)slot);
    patchbay_buffer secret = {credentials, length};
    patchbay_buffer result = {NULL, 0};
    patchbay_buffer message = {NULL, 0};
    patchbay_status status = PATCHBAY_INTERNAL;
    switch (kind) {
    case CALL_VALIDATE:
        status = runner.provider->validate(instance, call, secret, &result, &message);
        break;
    case CALL_LIST_NETWORKS:
        status = runner.provider->list_networks(instance, call, secret, page_sink, NULL, &message);
        break;
    case CALL_COUNTS:
        if (runner.counts) status = runner.counts->counts(instance, call, secret, &result, &message);
        break;
    default:
        break;
    }
    calls_close(slot);
    send_result(host_call, status, result, message);
}

static void *run_job(void *argument) {
    job *work = argument;
    wire_reader in = {work->frame.payload, work->frame.length, 0, 0};
    if (work->frame.type == WIRE_CREATE) run_create(work->frame.call, &in);
    else run_call(work->frame.call, &in);
    // The credentials were in this payload: zero them before the memory is reused.
    explicit_bzero(work->frame.payload, work->frame.length);
    free(work->frame.payload);
    free(work);
    return NULL;
}

static void start_job(wire_frame *frame) {
    job *work = malloc(sizeof(job));
    pthread_t thread;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    if (!work) {
        send_status(frame->call, PATCHBAY_INTERNAL, "the runner is out of memory");
        free(frame->payload);
        return;
    }
    work->frame = *frame;
    if (pthread_create(&thread, &attributes, run_job, work) != 0) {
        send_status(frame->call, PATCHBAY_UNAVAILABLE, "the runner could not start a thread for the call");
        free(frame->payload);
        free(work);
    }
    pthread_attr_destroy(&attributes);
}

static void set_limits(int argc, char **argv) {
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none); // a crashing plugin leaves no core file with credentials in it
    if (argc >= 4) {
        unsigned long long megabytes = strtoull(argv[2], NULL, 10);
        unsigned long long files = strtoull(argv[3], NULL, 10);
        if (megabytes) {
            struct rlimit space = {(rlim_t)megabytes << 20, (rlim_t)megabytes << 20};
            setrlimit(RLIMIT_AS, &space);
        }
        if (files) {
            struct rlimit open_files = {(rlim_t)files, (rlim_t)files};
            setrlimit(RLIMIT_NOFILE, &open_files);
        }
    }
}

// Closes every descriptor but stdin/out/err, the socket and the library, so nothing of the host leaks in.
static void close_inherited(void) {
    DIR *folder = opendir("/proc/self/fd");
    if (!folder) return;
    int own = dirfd(folder);
    struct dirent *entry;
    int found[256];
    int count = 0;
    while ((entry = readdir(folder)) && count < 256) {
        int fd = atoi(entry->d_name);
        if (fd > 4 && fd != own) found[count++] = fd;
    }
    closedir(folder);
    for (int index = 0; index < count; index++) close(found[index]);
}

int main(int argc, char **argv) {
    // The runner never outlives the host: the kernel kills it when the host dies, even by SIGKILL.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() == 1) return 0;
    signal(SIGPIPE, SIG_IGN);
    close_inherited();
    if (argc < 2) {
        fprintf(stderr, "usage: patchbay-plugin-runner LIBRARY [address-space-MiB open-files] (run by patchbay)\n");
        return 64;
    }
    set_limits(argc, argv);
    void *library = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *error = dlerror();
        fail_load(LOAD_CANNOT_OPEN, error ? error : "unknown dlopen failure");
    }
    send_stage(STAGE_OPENED);
    typedef const patchbay_provider *(*entry_function)(void);
    entry_function entry;
    void *symbol = dlsym(library, PATCHBAY_ENTRY_SYMBOL);
    if (!symbol) fail_load(LOAD_MISSING_SYMBOL, PATCHBAY_ENTRY_SYMBOL);
    memcpy(&entry, &symbol, sizeof(entry)); // ISO C has no cast from object to function pointer
    runner.provider = entry();
    if (!runner.provider) fail_load(LOAD_NULL_ENTRY, "");
    send_stage(STAGE_DESCRIPTOR);
    wire_writer out = {0};
    descriptor_write(&out, runner.provider);
    if (out.failed || wire_send(RUNNER_SOCKET, WIRE_DESCRIPTOR, 0, out.data, out.length) != 0) return 70;
    wire_free(&out);
    wire_frame frame;
    while (wire_receive(RUNNER_SOCKET, &frame) == 0) {
        switch (frame.type) {
        case WIRE_CREATE:
        case WIRE_CALL:
            start_job(&frame);
            break;
        case WIRE_HTTP_REPLY:
        case WIRE_PAGE_ACK:
            calls_answer(frame.call, &frame);
            break;
        case WIRE_CANCEL:
            calls_cancel(frame.call);
            free(frame.payload);
            break;
        case WIRE_DESTROY: {
            wire_reader in = {frame.payload, frame.length, 0, 0};
            patchbay_instance *instance = instance_take(wire_get_u32(&in));
            if (instance) runner.provider->destroy(instance);
            free(frame.payload);
            break;
        }
        default:
            free(frame.payload);
            break;
        }
    }
    // The host closed the socket: nothing more will be asked. _exit skips the plugin's destructors, which
    // may wait for threads the host no longer serves.
    _exit(0);
}
