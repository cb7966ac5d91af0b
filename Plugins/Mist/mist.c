// mist.c: the Juniper Mist provider for Patchbay, in plain C11 against patchbay_provider.h alone.
//
// Organizations come from GET /self (privileges with scope "org"); each organization's sites are its networks,
// streamed page by page; counts read Mist's X-Page-Total header instead of listing. Every request goes through the
// host's http_request, which paces it within the token's 5,000 requests per hour. See README.md.
//
// Build: cc -std=c11 -Wall -Wextra -pedantic -Werror -shared -fPIC -I <header folder> -o libpatchbay_mist.so *.c
#include "mist.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

patchbay_buffer mist_buffer(const char *bytes, size_t length) {
    uint8_t *data = malloc(length > 0 ? length : 1);
    patchbay_buffer buffer = {NULL, 0};
    if (data != NULL) {
        memcpy(data, bytes, length);
        buffer.data = data;
        buffer.length = length;
    }
    return buffer;
}

patchbay_status mist_fail(patchbay_buffer *out_message, patchbay_status status, const char *format, ...) {
    if (out_message != NULL && out_message->data == NULL) { // the first reason wins
        char text[1024];
        va_list arguments;
        va_start(arguments, format);
        int length = vsnprintf(text, sizeof text, format, arguments);
        va_end(arguments);
        size_t used = length < 0 ? 0 : (size_t)length < sizeof text ? (size_t)length : sizeof text - 1;
        *out_message = mist_buffer(text, used);
    }
    return status;
}

char *mist_strdup(const char *text) {
    if (text == NULL) {
        return NULL;
    }
    size_t length = strlen(text);
    char *copy = malloc(length + 1);
    if (copy != NULL) {
        memcpy(copy, text, length + 1);
    }
    return copy;
}

static void mist_free_buffer(patchbay_buffer buffer) {
    free((void *)buffer.data);
}

static void mist_destroy(patchbay_instance *instance) {
    if (instance == NULL) {
        return;
    }
    for (size_t i = 0; i < instance->org_id_count; i++) {
        free(instance->org_ids[i]);
    }
    free(instance->org_ids);
    free(instance->base_url);
    free(instance);
}

static patchbay_status mist_create(const patchbay_host *host,
                                   patchbay_buffer settings,
                                   patchbay_instance **out_instance,
                                   patchbay_buffer *out_message) {
    *out_instance = NULL;
    patchbay_instance *instance = calloc(1, sizeof *instance);
    if (instance == NULL) {
        return mist_fail(out_message, PATCHBAY_INTERNAL, "create: out of memory");
    }
    instance->host = host;
    patchbay_status status = mist_apply_settings(instance, settings, out_message);
    if (status != PATCHBAY_OK) {
        mist_destroy(instance);
        return status;
    }
    *out_instance = instance;
    return PATCHBAY_OK;
}

// Runs `body` with the token read from the credentials, wiping it afterwards.
static patchbay_status mist_with_token(patchbay_instance *instance,
                                       const patchbay_call *call,
                                       patchbay_buffer credentials,
                                       patchbay_buffer *out_message,
                                       patchbay_status (*body)(const mist_call *, void *),
                                       void *context) {
    char *token = NULL;
    patchbay_status status = mist_read_token(credentials, &token, out_message);
    if (status != PATCHBAY_OK) {
        return status;
    }
    mist_call mist = {instance, call, token, out_message};
    status = body(&mist, context);
    memset(token, 0, strlen(token));
    free(token);
    return status;
}

static patchbay_status mist_validate_body(const mist_call *call, void *context) {
    patchbay_buffer *out_result = context;
    mist_orgs orgs;
    patchbay_status status = mist_load_orgs(call, &orgs);
    if (status != PATCHBAY_OK) {
        return status;
    }
    mist_text result = {NULL, 0, 0, 0};
    mist_text_append_cstring(&result, "{\"account\":");
    mist_text_append_json_string(&result, orgs.account);
    mist_text_append_cstring(&result, ",\"organizations\":[");
    for (size_t i = 0; i < orgs.count; i++) {
        mist_text_append_cstring(&result, i > 0 ? ",{\"id\":" : "{\"id\":");
        mist_text_append_json_string(&result, orgs.items[i].id);
        mist_text_append_cstring(&result, ",\"name\":");
        mist_text_append_json_string(&result, orgs.items[i].name);
        mist_text_append_cstring(&result, "}");
    }
    mist_text_append_cstring(&result, "]}");
    mist_orgs_free(&orgs);
    if (result.failed) {
        free(result.data);
        return mist_fail(call->out_message, PATCHBAY_INTERNAL, "validate: out of memory");
    }
    out_result->data = (const uint8_t *)result.data; // released by mist_free_buffer
    out_result->length = result.length;
    return PATCHBAY_OK;
}

static patchbay_status mist_validate(patchbay_instance *instance,
                                     const patchbay_call *call,
                                     patchbay_buffer credentials,
                                     patchbay_buffer *out_result,
                                     patchbay_buffer *out_message) {
    return mist_with_token(instance, call, credentials, out_message, mist_validate_body, out_result);
}

typedef struct mist_listing {
    patchbay_page_sink sink;
    void *sink_context;
} mist_listing;

static patchbay_status mist_list_body(const mist_call *call, void *context) {
    const mist_listing *listing = context;
    mist_orgs orgs;
    patchbay_status status = mist_load_orgs(call, &orgs);
    for (size_t i = 0; status == PATCHBAY_OK && i < orgs.count; i++) {
        status = mist_list_sites(call, &orgs.items[i], listing->sink, listing->sink_context);
    }
    mist_orgs_free(&orgs); // zeroed when mist_load_orgs failed, so this is safe either way
    return status;
}

static patchbay_status mist_list_networks(patchbay_instance *instance,
                                          const patchbay_call *call,
                                          patchbay_buffer credentials,
                                          patchbay_page_sink sink,
                                          void *sink_context,
                                          patchbay_buffer *out_message) {
    mist_listing listing = {sink, sink_context};
    return mist_with_token(instance, call, credentials, out_message, mist_list_body, &listing);
}

static patchbay_status mist_counts_body(const mist_call *call, void *context) {
    patchbay_buffer *out_result = context;
    mist_orgs orgs;
    patchbay_status status = mist_load_orgs(call, &orgs);
    if (status != PATCHBAY_OK) {
        return status;
    }
    mist_text orgs_text = {NULL, 0, 0, 0};
    size_t networks = 0;
    size_t access_points = 0;
    for (size_t i = 0; status == PATCHBAY_OK && i < orgs.count; i++) {
        char path[256];
        size_t sites = 0;
        size_t aps = 0;
        snprintf(path, sizeof path, "/orgs/%s/sites?", orgs.items[i].id);
        status = mist_count(call, path, &sites);
        if (status == PATCHBAY_OK) {
            snprintf(path, sizeof path, "/orgs/%s/inventory?type=ap", orgs.items[i].id);
            status = mist_count(call, path, &aps);
        }
        networks += sites;
        access_points += aps;
        mist_text_append_cstring(&orgs_text, i > 0 ? ",{\"id\":" : "{\"id\":");
        mist_text_append_json_string(&orgs_text, orgs.items[i].id);
        mist_text_append_cstring(&orgs_text, ",\"networks\":");
        mist_text_append_size(&orgs_text, sites);
        mist_text_append_cstring(&orgs_text, ",\"access_points\":");
        mist_text_append_size(&orgs_text, aps);
        mist_text_append_cstring(&orgs_text, "}");
    }
    mist_orgs_free(&orgs);
    if (status != PATCHBAY_OK) {
        free(orgs_text.data);
        return status;
    }
    mist_text result = {NULL, 0, 0, 0};
    mist_text_append_cstring(&result, "{\"networks\":");
    mist_text_append_size(&result, networks);
    mist_text_append_cstring(&result, ",\"access_points\":");
    mist_text_append_size(&result, access_points);
    mist_text_append_cstring(&result, ",\"organizations\":[");
    mist_text_append(&result, orgs_text.data != NULL ? orgs_text.data : "", orgs_text.length);
    mist_text_append_cstring(&result, "]}");
    int failed = result.failed || orgs_text.failed;
    free(orgs_text.data);
    if (failed) {
        free(result.data);
        return mist_fail(call->out_message, PATCHBAY_INTERNAL, "counts: out of memory");
    }
    out_result->data = (const uint8_t *)result.data;
    out_result->length = result.length;
    return PATCHBAY_OK;
}

static patchbay_status mist_counts(patchbay_instance *instance,
                                   const patchbay_call *call,
                                   patchbay_buffer credentials,
                                   patchbay_buffer *out_result,
                                   patchbay_buffer *out_message) {
    return mist_with_token(instance, call, credentials, out_message, mist_counts_body, out_result);
}

// ---- the descriptor ----------------------------------------------------------------------------------------

static const patchbay_counts_extension mist_counts_extension = {
    sizeof(patchbay_counts_extension),
    0,
    mist_counts,
};

static const void *mist_get_extension(const char *id) {
    return id != NULL && strcmp(id, PATCHBAY_EXT_COUNTS) == 0 ? &mist_counts_extension : NULL;
}

static const patchbay_field mist_credentials[] = {
    {"api_token", "API token", "A Mist API token (Organization > Settings > API Token); sent as Authorization: Token.",
     NULL, PATCHBAY_FIELD_REQUIRED | PATCHBAY_FIELD_SECRET, 0},
};

static const patchbay_field mist_settings[] = {
    {"base_url", "Base URL", "The Mist cloud's API, e.g. https://api.eu.mist.com/api/v1 for the EU cloud.",
     MIST_DEFAULT_BASE_URL, 0, 0},
    {"org_ids", "Organization IDs", "Comma-separated organization ids to limit the provider to; default: all.", NULL,
     0, 0},
};

static const char *const mist_capabilities[] = {"networks.list", "counts.networks", "counts.access_points", NULL};

// Juniper's regional API hosts: Global 01-05, EMEA 01-04, APAC 01-03.
static const char *const mist_hosts[] = {
    "api.mist.com",     "api.gc1.mist.com", "api.ac2.mist.com", "api.gc2.mist.com", "api.gc4.mist.com",
    "api.eu.mist.com",  "api.gc3.mist.com", "api.ac6.mist.com", "api.gc6.mist.com", "api.ac5.mist.com",
    "api.gc5.mist.com", "api.gc7.mist.com", NULL,
};

// Mist allows 5,000 API calls per hour per token.
static const patchbay_rate_budget mist_budgets[] = {{"credential", 5000, 3600000}};

static const patchbay_provider mist_provider = {
    .product_tag = PATCHBAY_PRODUCT_TAG,
    .abi_major = PATCHBAY_ABI_MAJOR,
    .abi_minor = PATCHBAY_ABI_MINOR,
    .struct_size = sizeof(patchbay_provider),
    // Instances are read-only after create and every call keeps its state on its own stack.
    .flags = PATCHBAY_PROVIDER_CONCURRENT,
    .id = "mist",
    .name = "Juniper Mist",
    .version = "1.0.0",
    .vendor = "Patchbay",
    .description = "Juniper Mist organizations and their sites, through the Mist cloud API v1.",
    .credential_fields = mist_credentials,
    .credential_field_count = sizeof mist_credentials / sizeof mist_credentials[0],
    .setting_count = sizeof mist_settings / sizeof mist_settings[0],
    .settings = mist_settings,
    .capabilities = mist_capabilities,
    .allowed_hosts = mist_hosts,
    .rate_budgets = mist_budgets,
    .rate_budget_count = sizeof mist_budgets / sizeof mist_budgets[0],
    .reserved = 0,
    .create = mist_create,
    .destroy = mist_destroy,
    .validate = mist_validate,
    .list_networks = mist_list_networks,
    .free_buffer = mist_free_buffer,
    .get_extension = mist_get_extension,
};

const patchbay_provider *patchbay_provider_entry(void) {
    return &mist_provider;
}
