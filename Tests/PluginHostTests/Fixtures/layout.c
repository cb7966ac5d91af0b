// layout.c: prints sizeof/offsetof of every public struct of patchbay_provider.h as the C compiler lays it out,
// one "name value" per line, so the tests can pin ABI v1 against the compiler and against Swift's import.
#include "patchbay_provider.h"

#include <stddef.h>
#include <stdio.h>

#define SIZE(type) printf("sizeof(" #type ") %zu\n", sizeof(type))
#define OFFSET(type, field) printf("offsetof(" #type ", " #field ") %zu\n", offsetof(type, field))

int main(void) {
    SIZE(patchbay_buffer);
    OFFSET(patchbay_buffer, length);
    SIZE(patchbay_http_header);
    OFFSET(patchbay_http_header, value);
    SIZE(patchbay_http_request);
    OFFSET(patchbay_http_request, method);
    OFFSET(patchbay_http_request, url);
    OFFSET(patchbay_http_request, headers);
    OFFSET(patchbay_http_request, header_count);
    OFFSET(patchbay_http_request, body);
    OFFSET(patchbay_http_request, rate_scope_key);
    OFFSET(patchbay_http_request, timeout_ms);
    SIZE(patchbay_http_response);
    OFFSET(patchbay_http_response, headers);
    OFFSET(patchbay_http_response, header_count);
    OFFSET(patchbay_http_response, body);
    OFFSET(patchbay_http_response, final_url);
    SIZE(patchbay_host);
    OFFSET(patchbay_host, http_request);
    OFFSET(patchbay_host, free_response);
    OFFSET(patchbay_host, free_buffer);
    OFFSET(patchbay_host, log);
    OFFSET(patchbay_host, monotonic_ns);
    OFFSET(patchbay_host, is_cancelled);
    OFFSET(patchbay_host, get_extension);
    SIZE(patchbay_field);
    OFFSET(patchbay_field, label);
    OFFSET(patchbay_field, description);
    OFFSET(patchbay_field, default_value);
    OFFSET(patchbay_field, flags);
    SIZE(patchbay_rate_budget);
    OFFSET(patchbay_rate_budget, requests);
    OFFSET(patchbay_rate_budget, period_ms);
    SIZE(patchbay_provider);
    OFFSET(patchbay_provider, abi_major);
    OFFSET(patchbay_provider, struct_size);
    OFFSET(patchbay_provider, flags);
    OFFSET(patchbay_provider, id);
    OFFSET(patchbay_provider, description);
    OFFSET(patchbay_provider, credential_fields);
    OFFSET(patchbay_provider, credential_field_count);
    OFFSET(patchbay_provider, setting_count);
    OFFSET(patchbay_provider, settings);
    OFFSET(patchbay_provider, capabilities);
    OFFSET(patchbay_provider, allowed_hosts);
    OFFSET(patchbay_provider, rate_budgets);
    OFFSET(patchbay_provider, rate_budget_count);
    OFFSET(patchbay_provider, create);
    OFFSET(patchbay_provider, destroy);
    OFFSET(patchbay_provider, validate);
    OFFSET(patchbay_provider, list_networks);
    OFFSET(patchbay_provider, free_buffer);
    OFFSET(patchbay_provider, get_extension);
    OFFSET(patchbay_provider, min_host_minor);
    OFFSET(patchbay_provider, reserved_1_1);
    OFFSET(patchbay_provider, extensions);
    SIZE(patchbay_counts_extension);
    OFFSET(patchbay_counts_extension, counts);
    return 0;
}
