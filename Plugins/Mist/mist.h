// mist.h: what the files of the Mist plugin share. Not part of the Patchbay contract: that is patchbay_provider.h.
#ifndef MIST_H
#define MIST_H

#include "json.h"
#include "patchbay_provider.h"

#define MIST_DEFAULT_BASE_URL "https://api.mist.com/api/v1"
// Mist's largest page (`limit`), per its API description; the default is 100.
#define MIST_PAGE_LIMIT 1000
// A listing that needs more pages than this is refused rather than looping forever on a broken server.
#define MIST_MAX_PAGES 100000

struct patchbay_instance {
    const patchbay_host *host;
    char *base_url; // without a trailing slash
    char **org_ids; // the `org_ids` setting, in order; NULL when unset
    size_t org_id_count;
};

// One organization the token may act on (a privilege with scope "org").
typedef struct mist_org {
    char *id;
    char *name;
} mist_org;

typedef struct mist_orgs {
    mist_org *items;
    size_t count;
    char *account; // the token's email, else its name; never secret
} mist_orgs;

// One call: the instance, the host's call handle and the token. The token is borrowed from the credentials copy.
typedef struct mist_call {
    patchbay_instance *instance;
    const patchbay_call *call;
    const char *token;
    patchbay_buffer *out_message;
} mist_call;

// A successful GET: the parsed body, the host's response (for headers), freed together by mist_reply_free.
typedef struct mist_reply {
    const patchbay_host *host;
    patchbay_http_response *response;
    mist_json *body;
} mist_reply;

// --- helpers (mist.c) ---
// A plugin-owned copy of `length` bytes, released by free_buffer.
patchbay_buffer mist_buffer(const char *bytes, size_t length);
// Sets *out_message to a formatted, plugin-owned message and returns `status`.
patchbay_status mist_fail(patchbay_buffer *out_message, patchbay_status status, const char *format, ...);
char *mist_strdup(const char *text);

// --- HTTP (mist_http.c) ---
// GET <base_url><path>. On PATCHBAY_OK, `reply` holds a parsed JSON body of a 200 answer; any other answer becomes a
// status and a message naming the endpoint ("GET /self: ...").
patchbay_status mist_get(const mist_call *call, const char *path, mist_reply *reply);
void mist_reply_free(mist_reply *reply);
// The value of response header `name` (lower-case) as a number; -1 when absent or not a number.
long long mist_header_number(const patchbay_http_response *response, const char *name);

// --- organizations (mist_orgs.c) ---
// GET /self, then the organizations of its privileges with scope "org", narrowed to the `org_ids` setting.
patchbay_status mist_load_orgs(const mist_call *call, mist_orgs *orgs);
void mist_orgs_free(mist_orgs *orgs);
// Parses the settings object into the instance.
patchbay_status mist_apply_settings(patchbay_instance *instance, patchbay_buffer settings, patchbay_buffer *out_message);
// Reads the token from the credentials object; the result is malloc'ed.
patchbay_status mist_read_token(patchbay_buffer credentials, char **out_token, patchbay_buffer *out_message);

// --- sites (mist_sites.c) ---
patchbay_status mist_list_sites(const mist_call *call,
                                const mist_org *org,
                                patchbay_page_sink sink,
                                void *sink_context);
// How many items `path` (with a query, without paging parameters) lists, from one request when Mist sends
// X-Page-Total, else by paging.
patchbay_status mist_count(const mist_call *call, const char *path, size_t *out_count);

#endif // MIST_H
