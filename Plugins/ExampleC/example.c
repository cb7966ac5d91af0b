// example.c: a tiny Patchbay provider in plain C, built against patchbay_provider.h alone.
//
// It needs no network: validate answers from the token, list_networks streams three pages of made-up networks, and
// the counts extension counts them. When the `base_url` setting is set, validate instead asks the host's HTTP
// service for GET <base_url>/account and returns that JSON object, which shows how a plugin reaches its API.
//
// Build: cc -std=c11 -Wall -Wextra -pedantic -Werror -shared -fPIC -I <header folder> -o libexample.so example.c
#include "patchbay_provider.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXAMPLE_PAGES 3
#define EXAMPLE_PER_PAGE 2

struct patchbay_instance {
    const patchbay_host *host;
    char *greeting;
    char *base_url; // NULL when unset: no network
};

// ---- small helpers -------------------------------------------------------------------------------------------

// A plugin-owned copy of `text`, released through example_free_buffer.
static patchbay_buffer example_buffer(const char *text) {
    size_t length = strlen(text);
    uint8_t *data = malloc(length ? length : 1);
    if (data == NULL) {
        patchbay_buffer empty = {NULL, 0};
        return empty;
    }
    memcpy(data, text, length);
    patchbay_buffer buffer = {data, length};
    return buffer;
}

static void example_free_buffer(patchbay_buffer buffer) {
    free((void *)buffer.data);
}

// Finds "key": "value" in a flat JSON object of strings and returns a malloc'ed copy of the value (escapes are
// kept as written, which is enough for this example), or NULL when the key is absent.
static char *example_json_string(patchbay_buffer json, const char *key) {
    size_t key_length = strlen(key);
    const char *text = (const char *)json.data;
    for (size_t i = 0; text != NULL && i + key_length + 2 < json.length; i++) {
        if (text[i] != '"' || strncmp(text + i + 1, key, key_length) != 0 || text[i + 1 + key_length] != '"') {
            continue;
        }
        size_t j = i + key_length + 2;
        while (j < json.length && (text[j] == ' ' || text[j] == ':')) {
            j++;
        }
        if (j >= json.length || text[j] != '"') {
            return NULL;
        }
        size_t start = ++j;
        while (j < json.length && text[j] != '"') {
            j += text[j] == '\\' ? 2 : 1;
        }
        if (j >= json.length) {
            return NULL; // no closing quote
        }
        char *value = malloc(j - start + 1);
        if (value != NULL) {
            memcpy(value, text + start, j - start);
            value[j - start] = '\0';
        }
        return value;
    }
    return NULL;
}

static patchbay_status example_fail(patchbay_buffer *out_message, patchbay_status status, const char *message) {
    if (out_message != NULL) {
        *out_message = example_buffer(message);
    }
    return status;
}

// Every call checks its credentials before it does anything: malformed credentials are INVALID_ARGUMENT, never OK
// (`patchbay plugins check` tries them).
static patchbay_status example_require_token(patchbay_buffer credentials, patchbay_buffer *out_message) {
    char *token = example_json_string(credentials, "token");
    int present = token != NULL && token[0] != '\0';
    if (token != NULL) {
        memset(token, 0, strlen(token));
        free(token);
    }
    return present ? PATCHBAY_OK
                   : example_fail(out_message, PATCHBAY_INVALID_ARGUMENT, "credentials need a non-empty \"token\"");
}

// ---- the calls ---------------------------------------------------------------------------------------------

static patchbay_status example_create(const patchbay_host *host,
                                      patchbay_buffer settings,
                                      patchbay_instance **out_instance,
                                      patchbay_buffer *out_message) {
    patchbay_instance *instance = calloc(1, sizeof *instance);
    if (instance == NULL) {
        return example_fail(out_message, PATCHBAY_INTERNAL, "out of memory");
    }
    instance->host = host;
    instance->greeting = example_json_string(settings, "greeting");
    instance->base_url = example_json_string(settings, "base_url");
    if (instance->base_url != NULL && instance->base_url[0] == '\0') {
        free(instance->base_url);
        instance->base_url = NULL;
    }
    if (instance->greeting == NULL) {
        instance->greeting = malloc(sizeof "hello");
        if (instance->greeting != NULL) {
            memcpy(instance->greeting, "hello", sizeof "hello");
        }
    }
    *out_instance = instance;
    return PATCHBAY_OK;
}

static void example_destroy(patchbay_instance *instance) {
    if (instance != NULL) {
        free(instance->greeting);
        free(instance->base_url);
        free(instance);
    }
}

static void example_log(const patchbay_instance *instance, const patchbay_call *call, const char *message) {
    patchbay_buffer line = {(const uint8_t *)message, strlen(message)};
    instance->host->log(call, PATCHBAY_LOG_DEBUG, line);
}

// Asks the host for GET <base_url>/account and returns its body as the result.
static patchbay_status example_validate_remote(patchbay_instance *instance,
                                               const patchbay_call *call,
                                               const char *token,
                                               patchbay_buffer *out_result,
                                               patchbay_buffer *out_message) {
    char url[1024];
    char authorization[512];
    snprintf(url, sizeof url, "%s/account", instance->base_url);
    snprintf(authorization, sizeof authorization, "Bearer %s", token);
    patchbay_http_header header = {{(const uint8_t *)"Authorization", strlen("Authorization")},
                                   {(const uint8_t *)authorization, strlen(authorization)}};
    patchbay_http_request request;
    memset(&request, 0, sizeof request);
    request.struct_size = sizeof request;
    request.method = "GET";
    request.url = url;
    request.headers = &header;
    request.header_count = 1;
    patchbay_http_response *response = NULL;
    patchbay_buffer host_message = {NULL, 0};
    patchbay_status status = instance->host->http_request(call, &request, &response, &host_message);
    memset(authorization, 0, sizeof authorization);
    if (status != PATCHBAY_OK) {
        // The host's message is host-owned: copy it into a buffer of ours, then hand it back.
        char text[512];
        snprintf(text, sizeof text, "%.*s", (int)host_message.length, host_message.data ? (const char *)host_message.data : "");
        instance->host->free_buffer(host_message);
        return example_fail(out_message, status, text);
    }
    if (response->status == 401) {
        instance->host->free_response(response);
        return example_fail(out_message, PATCHBAY_UNAUTHENTICATED, "the example server refused the token");
    }
    if (response->status != 200) {
        instance->host->free_response(response);
        return example_fail(out_message, PATCHBAY_UNAVAILABLE, "the example server did not answer 200");
    }
    uint8_t *copy = malloc(response->body.length ? response->body.length : 1);
    if (copy != NULL) {
        memcpy(copy, response->body.data, response->body.length);
    }
    out_result->data = copy;
    out_result->length = copy != NULL ? response->body.length : 0;
    instance->host->free_response(response);
    return copy != NULL ? PATCHBAY_OK : example_fail(out_message, PATCHBAY_INTERNAL, "out of memory");
}

static patchbay_status example_validate(patchbay_instance *instance,
                                        const patchbay_call *call,
                                        patchbay_buffer credentials,
                                        patchbay_buffer *out_result,
                                        patchbay_buffer *out_message) {
    char *token = example_json_string(credentials, "token");
    if (token == NULL || token[0] == '\0') {
        free(token);
        return example_fail(out_message, PATCHBAY_INVALID_ARGUMENT, "credentials need a non-empty \"token\"");
    }
    example_log(instance, call, "validating the token");
    patchbay_status status;
    if (instance->base_url != NULL) {
        status = example_validate_remote(instance, call, token, out_result, out_message);
    } else if (strcmp(token, "bad") == 0) {
        status = example_fail(out_message, PATCHBAY_UNAUTHENTICATED, "the token was refused; use another token");
    } else {
        char result[512];
        snprintf(result,
                 sizeof result,
                 "{\"account\":\"%s from the example provider\",\"organizations\":["
                 "{\"id\":\"org-1\",\"name\":\"Example Org One\"},{\"id\":\"org-2\",\"name\":\"Example Org Two\"},"
                 "{\"id\":\"org-3\",\"name\":\"Example Org Three\"}]}",
                 instance->greeting != NULL ? instance->greeting : "hello");
        *out_result = example_buffer(result);
        status = PATCHBAY_OK;
    }
    memset(token, 0, strlen(token));
    free(token);
    return status;
}

static patchbay_status example_list_networks(patchbay_instance *instance,
                                             const patchbay_call *call,
                                             patchbay_buffer credentials,
                                             patchbay_page_sink sink,
                                             void *sink_context,
                                             patchbay_buffer *out_message) {
    patchbay_status valid = example_require_token(credentials, out_message);
    if (valid != PATCHBAY_OK) {
        return valid;
    }
    for (int page = 0; page < EXAMPLE_PAGES; page++) {
        if (instance->host->is_cancelled(call)) {
            return example_fail(out_message, PATCHBAY_CANCELLED, "cancelled by the host");
        }
        char json[2048];
        size_t used = (size_t)snprintf(json, sizeof json, "{\"networks\":[");
        for (int i = 0; i < EXAMPLE_PER_PAGE; i++) {
            int n = page * EXAMPLE_PER_PAGE + i + 1;
            used += (size_t)snprintf(json + used,
                                     sizeof json - used,
                                     "%s{\"external_id\":\"N_%d\",\"name\":\"Network %d\",\"organization_id\":\"org-%d\","
                                     "\"product_types\":[\"wireless\"],\"tags\":[\"example\"],\"time_zone\":\"UTC\","
                                     "\"url\":\"https://example.invalid/n/%d\",\"raw\":{\"id\":\"N_%d\",\"name\":"
                                     "\"Network %d\",\"greeting\":\"%s\"}}",
                                     i > 0 ? "," : "", n, n, n % 2 + 1, n, n, n, instance->greeting);
        }
        used += (size_t)snprintf(json + used, sizeof json - used, "]}");
        patchbay_buffer buffer = {(const uint8_t *)json, used};
        patchbay_status status = sink(call, sink_context, buffer);
        if (status != PATCHBAY_OK) {
            return status; // the host stopped the listing
        }
    }
    return PATCHBAY_OK;
}

static patchbay_status example_counts(patchbay_instance *instance,
                                      const patchbay_call *call,
                                      patchbay_buffer credentials,
                                      patchbay_buffer *out_result,
                                      patchbay_buffer *out_message) {
    (void)instance;
    (void)call;
    patchbay_status valid = example_require_token(credentials, out_message);
    if (valid != PATCHBAY_OK) {
        return valid;
    }
    *out_result = example_buffer("{\"networks\":6,\"access_points\":12,\"organizations\":["
                                 "{\"id\":\"org-1\",\"networks\":3,\"access_points\":6},"
                                 "{\"id\":\"org-2\",\"networks\":3,\"access_points\":6}]}");
    return PATCHBAY_OK;
}

// ---- the descriptor ----------------------------------------------------------------------------------------

static const patchbay_counts_extension example_counts_extension = {
    sizeof(patchbay_counts_extension), 0, example_counts,
};

static const void *example_get_extension(const char *id) {
    return strcmp(id, PATCHBAY_EXT_COUNTS) == 0 ? &example_counts_extension : NULL;
}

static const patchbay_field example_credentials[] = {
    {"token", "Token", "Any non-empty token; \"bad\" is refused.", NULL, PATCHBAY_FIELD_REQUIRED | PATCHBAY_FIELD_SECRET, 0},
};

static const patchbay_field example_settings[] = {
    {"greeting", "Greeting", "Word the example puts in names.", "hello", 0, 0},
    {"base_url", "Base URL", "When set, validate asks GET <base_url>/account.", NULL, 0, 0},
};

static const char *const example_capabilities[] = {"networks.list", "counts.networks", "counts.access_points", NULL};
static const char *const example_hosts[] = {"example.invalid", NULL};
static const patchbay_rate_budget example_budgets[] = {{"provider", 10, 1000}};

static const patchbay_provider example_provider = {
    .product_tag = PATCHBAY_PRODUCT_TAG,
    .abi_major = PATCHBAY_ABI_MAJOR,
    .abi_minor = PATCHBAY_ABI_MINOR,
    .struct_size = sizeof(patchbay_provider),
    .flags = 0,
    .id = "example",
    .name = "Example (C)",
    .version = "1.0.0",
    .vendor = "Patchbay",
    .description = "A tiny provider in plain C that makes up its networks.",
    .credential_fields = example_credentials,
    .credential_field_count = sizeof example_credentials / sizeof example_credentials[0],
    .setting_count = sizeof example_settings / sizeof example_settings[0],
    .settings = example_settings,
    .capabilities = example_capabilities,
    .allowed_hosts = example_hosts,
    .rate_budgets = example_budgets,
    .rate_budget_count = 1,
    .reserved = 0,
    .create = example_create,
    .destroy = example_destroy,
    .validate = example_validate,
    .list_networks = example_list_networks,
    .free_buffer = example_free_buffer,
    .get_extension = example_get_extension,
};

const patchbay_provider *patchbay_provider_entry(void) {
    return &example_provider;
}
