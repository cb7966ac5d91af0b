// Copies a plugin's descriptor into one WIRE_DESCRIPTOR frame. The runner judges nothing: it reads only what
// the header promises is there (the first 20 bytes, then the rest when struct_size covers it), and the host
// checks every value, exactly as it does for a plugin loaded in its own process
// (PluginHost/ABI/RawDescriptor.swift reads the same layout).
#include "runner.h"

#include <string.h>

// The longest NULL-terminated list the host accepts; a longer one is reported as having no terminator.
#define LIST_LIMIT 1024
// sizeof(patchbay_provider) of ABI 1.0 and 1.1.
#define DESCRIPTOR_SIZE_1_0 168
#define DESCRIPTOR_SIZE_1_1 184

static void put_fields(wire_writer *out, const patchbay_field *fields, uint32_t count) {
    wire_put_u32(out, count);
    wire_put_u8(out, count > 0 && fields == NULL);
    if (fields == NULL) return;
    for (uint32_t index = 0; index < count; index++) {
        const patchbay_field *field = &fields[index];
        wire_put_optional_cstring(out, field->name);
        wire_put_optional_cstring(out, field->label);
        wire_put_optional_cstring(out, field->description);
        wire_put_optional_cstring(out, field->default_value);
        wire_put_u32(out, field->flags);
        wire_put_u32(out, field->reserved);
    }
}

// State 0: NULL (an empty list), 1: a list, 2: no terminator within LIST_LIMIT entries.
static void put_list(wire_writer *out, const char *const *list) {
    if (list == NULL) {
        wire_put_u8(out, 0);
        return;
    }
    uint32_t count = 0;
    while (count <= LIST_LIMIT && list[count] != NULL) count++;
    if (count > LIST_LIMIT) {
        wire_put_u8(out, 2);
        return;
    }
    wire_put_u8(out, 1);
    wire_put_u32(out, count);
    for (uint32_t index = 0; index < count; index++) wire_put_cstring(out, list[index]);
}

static void put_budgets(wire_writer *out, const patchbay_rate_budget *budgets, uint32_t count) {
    wire_put_u32(out, count);
    wire_put_u8(out, count > 0 && budgets == NULL);
    if (budgets == NULL) return;
    for (uint32_t index = 0; index < count; index++) {
        wire_put_optional_cstring(out, budgets[index].scope);
        wire_put_u32(out, budgets[index].requests);
        wire_put_u32(out, budgets[index].period_ms);
    }
}

// 0: the plugin has no counts extension, 1: a usable one, 2: one too small or with a NULL function.
static uint8_t counts_state(const patchbay_provider *provider) {
    const patchbay_counts_extension *counts = provider->get_extension(PATCHBAY_EXT_COUNTS);
    if (counts == NULL) return 0;
    if (counts->struct_size < 16 || counts->counts == NULL) return 2;
    runner.counts = counts;
    return 1;
}

void descriptor_write(wire_writer *out, const patchbay_provider *provider) {
    const uint8_t *raw = (const uint8_t *)provider;
    uint64_t tag;
    uint32_t major, minor, size;
    // Byte copies: a foreign struct may be smaller or packed differently than ours; these never move.
    memcpy(&tag, raw, 8);
    memcpy(&major, raw + 8, 4);
    memcpy(&minor, raw + 12, 4);
    memcpy(&size, raw + 16, 4);
    wire_put_u64(out, tag);
    wire_put_u32(out, major);
    wire_put_u32(out, minor);
    wire_put_u32(out, size);
    int readable = tag == PATCHBAY_PRODUCT_TAG && major == PATCHBAY_ABI_MAJOR && size >= DESCRIPTOR_SIZE_1_0;
    wire_put_u8(out, (uint8_t)readable);
    if (!readable) return;
    wire_put_u32(out, provider->flags);
    wire_put_u32(out, provider->reserved);
    uint8_t functions = (uint8_t)((provider->create != NULL) | (provider->destroy != NULL) << 1 |
                                  (provider->validate != NULL) << 2 | (provider->list_networks != NULL) << 3 |
                                  (provider->free_buffer != NULL) << 4 | (provider->get_extension != NULL) << 5);
    wire_put_u8(out, functions);
    wire_put_optional_cstring(out, provider->id);
    wire_put_optional_cstring(out, provider->name);
    wire_put_optional_cstring(out, provider->version);
    wire_put_optional_cstring(out, provider->vendor);
    wire_put_optional_cstring(out, provider->description);
    put_fields(out, provider->credential_fields, provider->credential_field_count);
    put_fields(out, provider->settings, provider->setting_count);
    put_list(out, provider->capabilities);
    put_list(out, provider->allowed_hosts);
    put_budgets(out, provider->rate_budgets, provider->rate_budget_count);
    wire_put_u8(out, provider->get_extension ? counts_state(provider) : 0);
    int has_1_1 = size >= DESCRIPTOR_SIZE_1_1;
    wire_put_u8(out, (uint8_t)has_1_1);
    if (!has_1_1) return;
    wire_put_u32(out, provider->min_host_minor);
    wire_put_u32(out, provider->reserved_1_1);
    put_list(out, provider->extensions);
}
