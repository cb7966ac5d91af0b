// patchbay_provider.h: the only contract between the Patchbay host and a provider plugin.
//
// A provider is a shared library (.so) that exports one C symbol, `patchbay_provider_entry`, and includes nothing of
// Patchbay but this header. It may be written in any language that can export a C function.
//
// Compatibility promise (ABI v1):
// - The host loads a plugin only when `abi_major` equals its own PATCHBAY_ABI_MAJOR.
// - Within a major version, structs only grow at the end. Every versioned struct carries `struct_size`; the reader
//   reads only the fields that size covers, so an older plugin keeps loading in a newer host and the reverse.
// - A field's meaning never changes within a major version. Element structs of arrays (`patchbay_field`,
//   `patchbay_rate_budget`, `patchbay_http_header`) are frozen for the major version: they never grow.
// - Anything beyond the core is an extension, looked up by a versioned string id ("patchbay.counts/1"). An absent
//   extension is NULL, never an error. A changed extension gets a new id ("patchbay.counts/2").
//
// Memory: every buffer that crosses the boundary is a `patchbay_buffer` (pointer, length), UTF-8 JSON unless a call
// says otherwise, never NUL-terminated. Whoever allocated a buffer frees it: buffers a plugin returns go back through
// the plugin's `free_buffer`, buffers the host returns go back through the host's `free_buffer`. Buffers passed *into*
// a call are borrowed: valid only until that call returns, so copy what you keep.
//
// Threads: every function carries a tag.
// - [thread-safe]: may be called from any thread, at the same time as other calls.
// - [serialized]:  the host never overlaps two such calls on one instance unless the provider sets
//                  PATCHBAY_PROVIDER_CONCURRENT, in which case they are [thread-safe] too.
// - [main]:        called once, with no other call in flight on that instance.
// Calls block the calling thread; the host runs them on threads of its own, never on an event loop.
//
// Errors: every call returns a patchbay_status. On anything but PATCHBAY_OK the plugin may set `*out_message` to a
// one-line, human-readable reason (plugin-owned). A message never contains a credential. No call may abort, exit or
// throw across this boundary.
//
// Rules both sides keep (stated in ABI 1.1; every 1.0 host already behaved this way):
// - Out-parameters: before every call the host sets `*out_result` and `*out_message` to {NULL, 0} and
//   `*out_instance` to NULL, so a plugin need not clear them. Whatever buffer the plugin leaves there is released
//   through its free_buffer, whatever the status: a message returned with PATCHBAY_OK is freed (and ignored).
// - Messages: the host shows at most 4 KiB of a message, on one line (line breaks become spaces), as UTF-8
//   (invalid bytes are replaced). A status that is not one of the PATCHBAY_* codes below is reported as
//   PATCHBAY_INTERNAL "plugin returned unknown status N".
// - Function pointers: none of the descriptor's function pointers may be NULL (a plugin without counts returns NULL
//   from get_extension instead). A NULL one is a load failure naming the field.
// - Flags: bits a header does not define must be 0 in what a plugin sends. A host ignores descriptor and field flag
//   bits it does not know (a newer plugin still loads), so a new flag never changes an older host's behaviour.
// - Threads: host services take the `call` of a call in flight. No thread of the plugin may use a call (or the
//   host table for that call) after that call returned: a later use gets PATCHBAY_INVALID_ARGUMENT (the host checks
//   a generation-counted handle; it never dereferences a stale one), and is a bug.
// - Deadlines: every call has one (plugins.yaml `timeouts:`; defaults: loading and create 5 s, validate and counts
//   30 s, list_networks 120 s without a page or HTTP request and 1 h in all). At the deadline, on Ctrl-C, SIGTERM or
//   an API cancel the host sets is_cancelled; a call that has not returned 2 s later is ended: its runner process is
//   killed (isolation: process, the default) or, in-process, abandoned and the plugin refused until the host
//   restarts. Check is_cancelled between requests and pages.
// - Loading: constructors and patchbay_provider_entry must do nothing but return the descriptor: no exit, no I/O,
//   no threads, no allocation that matters. Loading has a deadline too.
// - stdout and stderr are not the plugin's: in a runner both go to the host's log, tagged with the plugin id; in
//   the host's process stdout carries the command's own output (`--json`). Log through patchbay_host.log.
// - Isolation: by default (plugins.yaml `isolation: process`) the library is loaded by patchbay-plugin-runner, a C
//   program that links no Swift runtime, and a crash, abort or exit in the plugin fails only the call in flight.
//   Every rule above holds in both modes; a plugin cannot tell them apart except by timing.
#ifndef PATCHBAY_PROVIDER_H
#define PATCHBAY_PROVIDER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PATCHBAY_ABI_MAJOR 1
#define PATCHBAY_ABI_MINOR 1

// The product tag, "PATCHBAY" in ASCII. It is the first field of the descriptor and is checked before anything else,
// so a library that happens to export an entry symbol of this name for another product is refused cleanly.
#define PATCHBAY_PRODUCT_TAG 0x5041544348424159ULL

// The name of the one symbol a plugin exports (see patchbay_provider_entry at the end of this file).
#define PATCHBAY_ENTRY_SYMBOL "patchbay_provider_entry"

// Status codes. int32_t constants, not a C enum type: an enum's size is up to the compiler.
typedef int32_t patchbay_status;
#define PATCHBAY_OK 0
#define PATCHBAY_INVALID_ARGUMENT 1  // malformed input: bad settings, credentials JSON missing a field
#define PATCHBAY_UNAUTHENTICATED 2   // the provider rejected the credentials (HTTP 401)
#define PATCHBAY_PERMISSION_DENIED 3 // the credentials lack a right (HTTP 403) or egress was refused
#define PATCHBAY_NOT_FOUND 4
#define PATCHBAY_RATE_LIMITED 5      // the provider's budget is exhausted and retries ran out
#define PATCHBAY_UNAVAILABLE 6       // network failure, timeout, 5xx after retries
#define PATCHBAY_CANCELLED 7         // the host asked to stop (is_cancelled, or a sink returned non-OK)
#define PATCHBAY_INTERNAL 8          // a bug or a malformed provider answer

// Log levels for patchbay_host.log.
#define PATCHBAY_LOG_DEBUG 0
#define PATCHBAY_LOG_INFO 1
#define PATCHBAY_LOG_WARNING 2
#define PATCHBAY_LOG_ERROR 3

// Bytes crossing the boundary. `data` may be NULL only when `length` is 0.
typedef struct patchbay_buffer {
    const uint8_t *data;
    size_t length;
} patchbay_buffer;

// An instance of a provider, created from settings. Opaque to the host.
typedef struct patchbay_instance patchbay_instance;

// One call in flight, owned by the host. Opaque to the plugin; valid until the call it was passed to returns.
// The plugin hands it back to host services so the host can pace, cancel, redact and log per call.
typedef struct patchbay_call patchbay_call;

// ---------------------------------------------------------------------------------------------------------------
// Host services: handed to `create`, valid until `destroy` returns.
// ---------------------------------------------------------------------------------------------------------------

// One HTTP header. Element struct: frozen for ABI v1.
typedef struct patchbay_http_header {
    patchbay_buffer name;
    patchbay_buffer value;
} patchbay_http_header;

// Request flags.
// Not idempotent: the host retries it only when it never reached the server. GET, HEAD, PUT, DELETE are idempotent.
#define PATCHBAY_HTTP_NOT_IDEMPOTENT (1u << 0)
// Keep credential headers (Authorization, and any header listed in `secret_headers`) across a redirect to another
// host. The host still refuses any redirect whose target is outside the plugin's allowed hosts.
#define PATCHBAY_HTTP_KEEP_CREDENTIALS_ON_REDIRECT (1u << 1)

// An HTTP request, borrowed by the host for the duration of `http_request`. Versioned by `struct_size`.
typedef struct patchbay_http_request {
    uint32_t struct_size;                // sizeof(patchbay_http_request) as the plugin was built
    uint32_t flags;                      // PATCHBAY_HTTP_* flags
    const char *method;                  // "GET", "POST", ...: NUL-terminated
    const char *url;                     // absolute http(s) URL: NUL-terminated; host must be in allowed_hosts
    const patchbay_http_header *headers; // may be NULL when header_count is 0
    size_t header_count;
    patchbay_buffer body;                // may be empty
    // The rate-budget scope key this request spends from, e.g. the organization id for a per-organization budget.
    // NULL or "" spends from the provider-wide budgets only. NUL-terminated.
    const char *rate_scope_key;
    // Per attempt: each retry gets the whole timeout again, and waits between attempts (backoff, Retry-After,
    // rate pacing) do not count. 0 = the host's default (30 s). The call's own deadline still applies.
    uint32_t timeout_ms;
    uint32_t reserved;                   // must be 0
} patchbay_http_request;

// An HTTP response, owned by the host. Release it with `patchbay_host.free_response` once read.
// It carries no struct_size of its own: a field added in a later minor version is present only when the host's
// `patchbay_host.abi_minor` is at least that minor.
typedef struct patchbay_http_response {
    int32_t status;                      // the HTTP status code of the final response (after redirects and retries)
    uint32_t reserved;
    const patchbay_http_header *headers; // header names lower-cased, in the order received
    size_t header_count;
    patchbay_buffer body;
    const char *final_url;               // the URL that answered (after redirects): NUL-terminated
} patchbay_http_response;

typedef struct patchbay_host {
    uint32_t abi_major;   // PATCHBAY_ABI_MAJOR of the host
    uint32_t abi_minor;   // PATCHBAY_ABI_MINOR of the host
    uint32_t struct_size; // sizeof(patchbay_host) as the host was built
    uint32_t reserved;

    // Performs an HTTP request through the host: egress allow-list, TLS verification, timeouts, rate pacing,
    // retries of 429/502/503/504 (honouring Retry-After) and redirects are the host's job. An exhausted rate budget
    // blocks (the host paces the request until the budget allows it, or until the call is cancelled); only a 429
    // that retries could not get past returns PATCHBAY_RATE_LIMITED. Returns PATCHBAY_OK with
    // `*out_response` set whenever a response arrived, whatever its status (a 404 is the plugin's to interpret).
    // Otherwise a status (UNAVAILABLE, PERMISSION_DENIED for refused egress, CANCELLED, RATE_LIMITED, ...) and a
    // host-owned message in `*out_message` (release with free_buffer). Retries exhausted are never an empty success.
    // A body larger than the host's limit fails with PATCHBAY_UNAVAILABLE and a message containing "response larger
    // than": it is not retried as it is, so a paging plugin should ask again for a smaller page.
    // `call` is the call in flight that this request serves, never NULL: there is no HTTP outside a call (in create
    // or destroy), because pacing, cancellation and redaction are per call. [thread-safe]
    patchbay_status (*http_request)(const patchbay_call *call,
                                    const patchbay_http_request *request,
                                    patchbay_http_response **out_response,
                                    patchbay_buffer *out_message);

    // Releases a response returned by http_request. NULL is ignored. [thread-safe]
    void (*free_response)(patchbay_http_response *response);

    // Releases a buffer the host returned. [thread-safe]
    void (*free_buffer)(patchbay_buffer buffer);

    // Writes a log line. `call` may be NULL outside a call. The host redacts the call's credentials. [thread-safe]
    void (*log)(const patchbay_call *call, int32_t level, patchbay_buffer message);

    // Nanoseconds from an arbitrary fixed point; never goes backwards. [thread-safe]
    uint64_t (*monotonic_ns)(void);

    // Non-zero when the host wants `call` to stop: return PATCHBAY_CANCELLED soon after. [thread-safe]
    int32_t (*is_cancelled)(const patchbay_call *call);

    // Looks up a host extension by versioned id; NULL when absent. [thread-safe]
    const void *(*get_extension)(const char *id);
} patchbay_host;

// ---------------------------------------------------------------------------------------------------------------
// The descriptor: what a plugin is. Static data, valid while the library is loaded.
// ---------------------------------------------------------------------------------------------------------------

#define PATCHBAY_FIELD_REQUIRED (1u << 0) // must be present and non-empty
#define PATCHBAY_FIELD_SECRET (1u << 1)   // never displayed, logged or stored in plaintext

// A credential field or a setting. Element struct: frozen for ABI v1.
typedef struct patchbay_field {
    const char *name;          // JSON key, [a-z0-9_]+, e.g. "api_key"
    const char *label;         // for people, e.g. "API key"
    const char *description;   // one sentence; may be NULL
    const char *default_value; // settings only; may be NULL
    uint32_t flags;            // PATCHBAY_FIELD_* flags
    uint32_t reserved;         // must be 0
} patchbay_field;

// A rate budget the host enforces for the plugin: `requests` per `period_ms` per distinct scope key.
// Element struct: frozen for ABI v1.
typedef struct patchbay_rate_budget {
    // What the budget is counted per: "provider" (all requests of this plugin), "scope" (per rate_scope_key of the
    // request, e.g. per organization), "credential" (per credential set, e.g. per API token).
    const char *scope;
    uint32_t requests;  // how many requests ...
    uint32_t period_ms; // ... per this many milliseconds (1000 = per second, 3600000 = per hour)
} patchbay_rate_budget;

// Provider flags.
#define PATCHBAY_PROVIDER_CONCURRENT (1u << 0) // [serialized] calls on one instance may overlap

// Signature of the page sink the host hands to list_networks. `page` is a JSON object (see list_networks), borrowed
// by the host for the duration of the call. Returns PATCHBAY_OK to continue; anything else means stop: the plugin
// returns that status from list_networks promptly. [thread-safe] for the plugin to call, from any of its threads,
// but never twice at once for one call.
typedef patchbay_status (*patchbay_page_sink)(const patchbay_call *call, void *sink_context, patchbay_buffer page);

typedef struct patchbay_provider {
    uint64_t product_tag;  // PATCHBAY_PRODUCT_TAG
    uint32_t abi_major;    // PATCHBAY_ABI_MAJOR the plugin was built against
    uint32_t abi_minor;    // PATCHBAY_ABI_MINOR the plugin was built against
    uint32_t struct_size;  // sizeof(patchbay_provider) when the plugin was built
    uint32_t flags;        // PATCHBAY_PROVIDER_* flags

    const char *id;          // e.g. "meraki": [a-z0-9][a-z0-9-]*, unique per host
    const char *name;        // display name, e.g. "Cisco Meraki"
    const char *version;     // semver 2.0.0 of the plugin, e.g. "1.2.0"
    const char *vendor;      // who ships it
    const char *description; // one sentence; may be NULL

    const patchbay_field *credential_fields; // the keys of the credentials JSON object
    uint32_t credential_field_count;
    uint32_t setting_count;
    const patchbay_field *settings;          // the keys of the settings JSON object given to create

    // NULL-terminated lists of NUL-terminated strings; each may be NULL for an empty list.
    const char *const *capabilities;  // what it can do, e.g. "networks.list", "counts.networks", "counts.access_points"
    // Default egress: "api.example.com", "*.example.com", "127.0.0.1:8080". An `allowed_hosts` list in plugins.yaml
    // replaces this list (it does not extend it); a URL setting must point inside whichever list applies.
    const char *const *allowed_hosts;

    const patchbay_rate_budget *rate_budgets; // budgets the host paces requests by; may be NULL
    uint32_t rate_budget_count;
    uint32_t reserved; // must be 0

    // Creates an instance from `settings` (a JSON object of the declared settings, defaults not yet applied; every
    // value is a JSON string, a list setting being comma-joined).
    // When: once when the plugin loads, with the settings of plugins.yaml (so a bad configuration shows at once),
    // and once more for each distinct set of effective settings a call needs: an integration's own settings are
    // laid over plugins.yaml's, key by key, the integration's value winning. The plugin applies the defaults it
    // declares (`default_value` is documentation for people and tools; the host does not fill it in).
    // A list-valued setting is declared as an ordinary field (say so in its description); plugins.yaml may write it
    // as a YAML list, and it arrives comma-joined ("a,b,c").
    // On PATCHBAY_OK `*out_instance` must be set: OK without an instance is reported as a bug in the plugin.
    // No HTTP in create: there is no call yet. `host` stays valid until destroy returns. On failure returns a status
    // and may set `*out_message`. [thread-safe]
    patchbay_status (*create)(const patchbay_host *host,
                              patchbay_buffer settings,
                              patchbay_instance **out_instance,
                              patchbay_buffer *out_message);

    // Destroys an instance. No other call on it is in flight, and none follows. [main]
    void (*destroy)(patchbay_instance *instance);

    // Checks `credentials` (a JSON object of the declared credential fields, every value a JSON string; the same
    // shape for list_networks and counts) against the provider. On PATCHBAY_OK,
    // `*out_result` holds a JSON object: {"account": "<who the credentials act as, never secret>",
    // "organizations": [{"id": "...", "name": "..."}]}. Both members are optional ("organizations" absent = none);
    // each organization needs string "id" and "name". Unknown members are ignored. [serialized]
    patchbay_status (*validate)(patchbay_instance *instance,
                                const patchbay_call *call,
                                patchbay_buffer credentials,
                                patchbay_buffer *out_result,
                                patchbay_buffer *out_message);

    // Lists every network the credentials can see, handing them to `sink` page by page as they are fetched.
    // Each page is a JSON object {"networks": [network, ...]}, each network
    // {"external_id": "...", "name": "...", "organization_id": "...", "product_types": [...], "tags": [...],
    //  "time_zone": "...", "url": "...", "raw": {the provider's object, unmodified}}.
    // Required: "external_id" (the provider's stable id, unique per integration), "name", "organization_id" (strings)
    // and "raw" (an object). Optional and stored when present: "product_types" and "tags" (lists of strings in the
    // provider's own vocabulary, e.g. Meraki's "appliance", "wireless"; a list holding a non-string counts as
    // empty), "time_zone" (an IANA name, e.g. "Europe/Berlin") and "url" (the network in the provider's console). Other
    // members are ignored. "raw" is kept semantically, not byte for byte: the host stores it canonically (key order
    // and whitespace may differ; numbers and strings keep their values).
    // Returns PATCHBAY_OK only when the listing is complete: anything partial is an error status. [serialized]
    patchbay_status (*list_networks)(patchbay_instance *instance,
                                     const patchbay_call *call,
                                     patchbay_buffer credentials,
                                     patchbay_page_sink sink,
                                     void *sink_context,
                                     patchbay_buffer *out_message);

    // Releases a buffer this plugin returned (a result or a message). [thread-safe]
    void (*free_buffer)(patchbay_buffer buffer);

    // Looks up a plugin extension by versioned id (e.g. PATCHBAY_EXT_COUNTS); NULL when absent. The pointer stays
    // valid while the library is loaded. [thread-safe]
    const void *(*get_extension)(const char *id);

    // ---- ABI 1.1 (read only when struct_size covers them; a 1.0 plugin simply lacks them) ----

    // The lowest PATCHBAY_ABI_MINOR of the host this plugin works with, e.g. 1 when it relies on a 1.1 rule.
    // A host older than that refuses to load it with a message naming both versions. 0 = any v1 host.
    uint32_t min_host_minor;
    uint32_t reserved_1_1; // must be 0
    // The extension ids get_extension answers non-NULL, as a NULL-terminated list (e.g. {PATCHBAY_EXT_COUNTS,
    // NULL}); NULL = not listed. Shown by `patchbay plugins list`; `patchbay plugins check` verifies it.
    const char *const *extensions;
} patchbay_provider;

// ---------------------------------------------------------------------------------------------------------------
// Extensions
// ---------------------------------------------------------------------------------------------------------------

// Counts of what the credentials can see, cheaper than listing.
#define PATCHBAY_EXT_COUNTS "patchbay.counts/1"

typedef struct patchbay_counts_extension {
    uint32_t struct_size; // sizeof(patchbay_counts_extension) as the plugin was built
    uint32_t reserved;
    // On PATCHBAY_OK, `*out_result` holds {"networks": N, "access_points": N,
    // "organizations": [{"id": "...", "networks": N, "access_points": N}]}: "networks" and "access_points" are
    // required non-negative integers; "organizations" is optional (absent = no breakdown). [serialized]
    patchbay_status (*counts)(patchbay_instance *instance,
                              const patchbay_call *call,
                              patchbay_buffer credentials,
                              patchbay_buffer *out_result,
                              patchbay_buffer *out_message);
} patchbay_counts_extension;

// ---------------------------------------------------------------------------------------------------------------
// The entry point
// ---------------------------------------------------------------------------------------------------------------

// The one symbol a plugin exports. Returns a pointer to static data that stays valid while the library is loaded,
// and does nothing else: no allocation, no I/O, no threads. The host never unloads a plugin. [thread-safe]
const patchbay_provider *patchbay_provider_entry(void);

#ifdef __cplusplus
}
#endif

#endif // PATCHBAY_PROVIDER_H
