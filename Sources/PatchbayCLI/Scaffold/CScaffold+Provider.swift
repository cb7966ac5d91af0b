extension CScaffold {
    /// src/provider.c: validate and list_networks over the host's HTTP service, the descriptor, the entry point.
    static func provider(_ name: ScaffoldName) -> String {
        let p = name.snake
        return #"""
            // provider.c: the \#(name.display) provider for Patchbay, in C11 against patchbay_provider.h alone.
            //
            // validate: GET <base_url>/me; list_networks: GET <base_url>/networks, one page. The fake API in test/
            // answers in Patchbay's own shapes so this skeleton stays short: map your API's objects where it says so.
            // Rules (ownership, threads, statuses): the comments in include/patchbay_provider.h.
            #include "patchbay_provider.h"

            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>

            #define \#(p.uppercased())_DEFAULT_BASE_URL "https://api.example.com/v1"

            struct patchbay_instance {
                const patchbay_host *host;
                char base_url[512];
            };

            // A plugin-owned copy of `length` bytes, released by \#(p)_free_buffer.
            static patchbay_buffer \#(p)_buffer(const char *bytes, size_t length) {
                patchbay_buffer buffer = {NULL, 0};
                uint8_t *data = malloc(length > 0 ? length : 1);
                if (data != NULL) {
                    memcpy(data, bytes, length);
                    buffer.data = data;
                    buffer.length = length;
                }
                return buffer;
            }

            static patchbay_status \#(p)_fail(patchbay_buffer *out_message, patchbay_status status, const char *text) {
                *out_message = \#(p)_buffer(text, strlen(text));
                return status;
            }

            static void \#(p)_free_buffer(patchbay_buffer buffer) {
                free((void *)buffer.data);
            }

            // Copies the string value of "key" from a flat JSON object into `out`; 0 when absent or not a string.
            // Enough for credentials and settings; use a real JSON parser for API answers (see the Mist plugin).
            static int \#(p)_json_string(patchbay_buffer json, const char *key, char *out, size_t size) {
                const char *text = (const char *)json.data;
                size_t key_length = strlen(key);
                if (text == NULL || json.length < 2 || text[0] != '{') {
                    return 0;
                }
                for (size_t i = 0; i + key_length + 2 < json.length; i++) {
                    if (text[i] != '"' || strncmp(text + i + 1, key, key_length) != 0 || text[i + 1 + key_length] != '"') {
                        continue;
                    }
                    size_t j = i + key_length + 2;
                    while (j < json.length && (text[j] == ' ' || text[j] == ':')) {
                        j++;
                    }
                    if (j >= json.length || text[j] != '"') {
                        return 0;
                    }
                    size_t start = ++j;
                    while (j < json.length && text[j] != '"' && text[j] != '\\') {
                        j++;
                    }
                    if (j >= json.length || text[j] != '"' || j - start >= size) {
                        return 0; // unterminated, escaped (not handled here) or too long
                    }
                    memcpy(out, text + start, j - start);
                    out[j - start] = '\0';
                    return 1;
                }
                return 0;
            }

            static patchbay_status \#(p)_create(const patchbay_host *host,
                                                patchbay_buffer settings,
                                                patchbay_instance **out_instance,
                                                patchbay_buffer *out_message) {
                patchbay_instance *instance = calloc(1, sizeof *instance);
                if (instance == NULL) {
                    return \#(p)_fail(out_message, PATCHBAY_INTERNAL, "create: out of memory");
                }
                instance->host = host;
                if (!\#(p)_json_string(settings, "base_url", instance->base_url, sizeof instance->base_url)) {
                    snprintf(instance->base_url, sizeof instance->base_url, "%s", \#(p.uppercased())_DEFAULT_BASE_URL);
                }
                if (strncmp(instance->base_url, "https://", 8) != 0 && strncmp(instance->base_url, "http://", 7) != 0) {
                    free(instance);
                    return \#(p)_fail(out_message, PATCHBAY_INVALID_ARGUMENT,
                                        "setting base_url: not an http(s) URL; e.g. https://api.example.com/v1");
                }
                *out_instance = instance;
                return PATCHBAY_OK;
            }

            static void \#(p)_destroy(patchbay_instance *instance) {
                free(instance);
            }

            // GET <base_url><path> with the API key. On PATCHBAY_OK, *out_response holds a 200 answer: release it with
            // host->free_response. Any other answer becomes a status and a message naming the endpoint.
            static patchbay_status \#(p)_get(patchbay_instance *instance,
                                             const patchbay_call *call,
                                             patchbay_buffer credentials,
                                             const char *path,
                                             patchbay_http_response **out_response,
                                             patchbay_buffer *out_message) {
                char key[256];
                if (!\#(p)_json_string(credentials, "api_key", key, sizeof key) || key[0] == '\0') {
                    return \#(p)_fail(out_message, PATCHBAY_INVALID_ARGUMENT,
                                        "credentials need a non-empty \"api_key\"; pass {\"api_key\": \"...\"}");
                }
                char url[1024];
                char authorization[300];
                snprintf(url, sizeof url, "%s%s", instance->base_url, path);
                snprintf(authorization, sizeof authorization, "Bearer %s", key);
                patchbay_http_header header = {{(const uint8_t *)"Authorization", strlen("Authorization")},
                                               {(const uint8_t *)authorization, strlen(authorization)}};
                patchbay_http_request request;
                memset(&request, 0, sizeof request);
                request.struct_size = sizeof request;
                request.method = "GET";
                request.url = url;
                request.headers = &header;
                request.header_count = 1;
                patchbay_buffer host_message = {NULL, 0};
                patchbay_status status = instance->host->http_request(call, &request, out_response, &host_message);
                memset(key, 0, sizeof key);
                memset(authorization, 0, sizeof authorization);
                if (status != PATCHBAY_OK) {
                    // The host's message is host-owned: copy it into ours, then give it back.
                    char text[600];
                    snprintf(text, sizeof text, "GET %s: %.*s", path, (int)host_message.length,
                             host_message.data != NULL ? (const char *)host_message.data : "no message");
                    instance->host->free_buffer(host_message);
                    return \#(p)_fail(out_message, status, text);
                }
                int code = (*out_response)->status;
                if (code == 200) {
                    return PATCHBAY_OK;
                }
                instance->host->free_response(*out_response);
                *out_response = NULL;
                char text[300];
                snprintf(text, sizeof text, "GET %s: the API answered %d; %s", path, code,
                         code == 401 ? "check the api_key credential" : "try again later");
                return \#(p)_fail(out_message,
                                    code == 401   ? PATCHBAY_UNAUTHENTICATED
                                    : code == 403 ? PATCHBAY_PERMISSION_DENIED
                                    : code == 404 ? PATCHBAY_NOT_FOUND
                                    : code >= 500 ? PATCHBAY_UNAVAILABLE
                                                  : PATCHBAY_INTERNAL,
                                    text);
            }

            static patchbay_status \#(p)_validate(patchbay_instance *instance,
                                                  const patchbay_call *call,
                                                  patchbay_buffer credentials,
                                                  patchbay_buffer *out_result,
                                                  patchbay_buffer *out_message) {
                patchbay_http_response *response = NULL;
                patchbay_status status = \#(p)_get(instance, call, credentials, "/me", &response, out_message);
                if (status != PATCHBAY_OK) {
                    return status;
                }
                // TODO: map your API's answer to {"account": "...", "organizations": [{"id", "name"}]}.
                *out_result = \#(p)_buffer((const char *)response->body.data, response->body.length);
                instance->host->free_response(response);
                return out_result->data != NULL ? PATCHBAY_OK
                                                : \#(p)_fail(out_message, PATCHBAY_INTERNAL, "validate: out of memory");
            }

            static patchbay_status \#(p)_list_networks(patchbay_instance *instance,
                                                       const patchbay_call *call,
                                                       patchbay_buffer credentials,
                                                       patchbay_page_sink sink,
                                                       void *sink_context,
                                                       patchbay_buffer *out_message) {
                patchbay_http_response *response = NULL;
                patchbay_status status = \#(p)_get(instance, call, credentials, "/networks", &response, out_message);
                if (status != PATCHBAY_OK) {
                    return status;
                }
                // TODO: map each of your API's objects to a network, and follow its pagination page by page.
                status = sink(call, sink_context, response->body);
                instance->host->free_response(response);
                return status; // the sink's non-OK status means stop: hand it back
            }

            static const void *\#(p)_get_extension(const char *id) {
                (void)id;
                return NULL; // no extensions yet; see PATCHBAY_EXT_COUNTS in the header
            }

            static const patchbay_field \#(p)_credentials[] = {
                {"api_key", "API key", "The key the API expects as a bearer token.", NULL,
                 PATCHBAY_FIELD_REQUIRED | PATCHBAY_FIELD_SECRET, 0},
            };

            static const patchbay_field \#(p)_settings[] = {
                {"base_url", "Base URL", "The API's root URL.", \#(p.uppercased())_DEFAULT_BASE_URL, 0, 0},
            };

            static const char *const \#(p)_capabilities[] = {"networks.list", NULL};
            static const char *const \#(p)_hosts[] = {"api.example.com", NULL};
            static const patchbay_rate_budget \#(p)_budgets[] = {{"provider", 10, 1000}};

            static const patchbay_provider \#(p)_provider = {
                .product_tag = PATCHBAY_PRODUCT_TAG,
                .abi_major = PATCHBAY_ABI_MAJOR,
                .abi_minor = PATCHBAY_ABI_MINOR,
                .struct_size = sizeof(patchbay_provider),
                .flags = 0,
                .id = "\#(name.id)",
                .name = "\#(name.display)",
                .version = "0.1.0",
                .vendor = "\#(name.display) vendor",
                .description = "Networks from the \#(name.display) API.",
                .credential_fields = \#(p)_credentials,
                .credential_field_count = sizeof \#(p)_credentials / sizeof \#(p)_credentials[0],
                .setting_count = sizeof \#(p)_settings / sizeof \#(p)_settings[0],
                .settings = \#(p)_settings,
                .capabilities = \#(p)_capabilities,
                .allowed_hosts = \#(p)_hosts,
                .rate_budgets = \#(p)_budgets,
                .rate_budget_count = sizeof \#(p)_budgets / sizeof \#(p)_budgets[0],
                .reserved = 0,
                .create = \#(p)_create,
                .destroy = \#(p)_destroy,
                .validate = \#(p)_validate,
                .list_networks = \#(p)_list_networks,
                .free_buffer = \#(p)_free_buffer,
                .get_extension = \#(p)_get_extension,
            };

            const patchbay_provider *patchbay_provider_entry(void) {
                return &\#(p)_provider;
            }

            """#
    }
}
