// mist_orgs.c: settings, credentials and the organizations a token may act on (GET /self).
#include "mist.h"

#include <stdlib.h>
#include <string.h>

// Organization ids go into URL paths: only what a Mist id (a UUID) may hold.
static int mist_is_id(const char *text) {
    if (text == NULL || text[0] == '\0') {
        return 0;
    }
    for (const char *c = text; *c != '\0'; c++) {
        if (!((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'f') || (*c >= 'A' && *c <= 'F') || *c == '-')) {
            return 0;
        }
    }
    return 1;
}

static patchbay_status mist_split_org_ids(patchbay_instance *instance, const char *list, patchbay_buffer *out_message) {
    size_t length = strlen(list);
    instance->org_ids = calloc(length / 2 + 2, sizeof(char *));
    if (instance->org_ids == NULL) {
        return mist_fail(out_message, PATCHBAY_INTERNAL, "create: out of memory");
    }
    const char *start = list;
    while (*start != '\0') {
        while (*start == ' ' || *start == ',') {
            start++;
        }
        size_t span = strcspn(start, ", ");
        if (span == 0) {
            break;
        }
        char *id = malloc(span + 1);
        if (id == NULL) {
            return mist_fail(out_message, PATCHBAY_INTERNAL, "create: out of memory");
        }
        memcpy(id, start, span);
        id[span] = '\0';
        instance->org_ids[instance->org_id_count++] = id;
        if (!mist_is_id(id)) {
            return mist_fail(out_message, PATCHBAY_INVALID_ARGUMENT,
                             "setting org_ids: '%s' is not a Mist organization id; use the org UUIDs, comma-separated",
                             id);
        }
        start += span;
    }
    return PATCHBAY_OK;
}

patchbay_status mist_apply_settings(patchbay_instance *instance, patchbay_buffer settings, patchbay_buffer *out_message) {
    mist_json *object = NULL;
    if (settings.length > 0) {
        object = mist_json_parse((const char *)settings.data, settings.length, NULL);
        if (object == NULL || object->kind != MIST_JSON_OBJECT) {
            mist_json_free(object);
            return mist_fail(out_message, PATCHBAY_INVALID_ARGUMENT, "create: settings are not a JSON object");
        }
    }
    const char *base_url = mist_json_get_string(object, "base_url");
    if (base_url == NULL || base_url[0] == '\0') {
        base_url = MIST_DEFAULT_BASE_URL;
    }
    patchbay_status status = PATCHBAY_OK;
    if (strncmp(base_url, "https://", 8) != 0 && strncmp(base_url, "http://", 7) != 0) {
        status = mist_fail(out_message, PATCHBAY_INVALID_ARGUMENT,
                           "setting base_url: '%s' is not an absolute http(s) URL; e.g. https://api.eu.mist.com/api/v1",
                           base_url);
    } else {
        instance->base_url = mist_strdup(base_url);
        size_t length = instance->base_url != NULL ? strlen(instance->base_url) : 0;
        while (length > 0 && instance->base_url[length - 1] == '/') {
            instance->base_url[--length] = '\0';
        }
        const char *org_ids = mist_json_get_string(object, "org_ids");
        if (instance->base_url == NULL) {
            status = mist_fail(out_message, PATCHBAY_INTERNAL, "create: out of memory");
        } else if (org_ids != NULL && org_ids[0] != '\0') {
            status = mist_split_org_ids(instance, org_ids, out_message);
        }
    }
    mist_json_free(object);
    return status;
}

patchbay_status mist_read_token(patchbay_buffer credentials, char **out_token, patchbay_buffer *out_message) {
    *out_token = NULL;
    mist_json *object = mist_json_parse((const char *)credentials.data, credentials.length, NULL);
    if (object == NULL || object->kind != MIST_JSON_OBJECT) {
        mist_json_free(object);
        return mist_fail(out_message, PATCHBAY_INVALID_ARGUMENT,
                         "credentials are not a JSON object; pass {\"api_token\": \"...\"}");
    }
    const char *token = mist_json_get_string(object, "api_token");
    patchbay_status status = PATCHBAY_OK;
    if (token == NULL || token[0] == '\0') {
        status = mist_fail(out_message, PATCHBAY_INVALID_ARGUMENT,
                           "credentials need a non-empty \"api_token\"; create one under Organization > Settings");
    } else if (strpbrk(token, "\r\n") != NULL) {
        status = mist_fail(out_message, PATCHBAY_INVALID_ARGUMENT,
                           "credentials: api_token contains a line break; paste the token alone");
    } else if ((*out_token = mist_strdup(token)) == NULL) {
        status = mist_fail(out_message, PATCHBAY_INTERNAL, "credentials: out of memory");
    }
    // The parsed copy held the token too: wipe it before it goes back to the allocator.
    const mist_json *member = mist_json_get(object, "api_token");
    if (member != NULL && member->string != NULL) {
        memset(member->string, 0, member->string_length);
    }
    mist_json_free(object);
    return status;
}

static patchbay_status mist_add_org(mist_orgs *orgs, const char *id, const char *name, size_t capacity) {
    for (size_t i = 0; i < orgs->count; i++) {
        if (strcmp(orgs->items[i].id, id) == 0) {
            return PATCHBAY_OK; // several privileges may name one organization
        }
    }
    if (orgs->count >= capacity) {
        return PATCHBAY_INTERNAL;
    }
    mist_org *org = &orgs->items[orgs->count];
    org->id = mist_strdup(id);
    org->name = mist_strdup(name != NULL ? name : id);
    if (org->id == NULL || org->name == NULL) {
        free(org->id);
        free(org->name);
        return PATCHBAY_INTERNAL;
    }
    orgs->count++;
    return PATCHBAY_OK;
}

// Keeps the organizations the `org_ids` setting names, in its order; one not visible is NOT_FOUND.
static patchbay_status mist_narrow(const mist_call *call, mist_orgs *orgs) {
    const patchbay_instance *instance = call->instance;
    if (instance->org_ids == NULL) {
        return PATCHBAY_OK;
    }
    mist_org *narrowed = calloc(instance->org_id_count + 1, sizeof *narrowed);
    if (narrowed == NULL) {
        return mist_fail(call->out_message, PATCHBAY_INTERNAL, "GET /self: out of memory");
    }
    size_t count = 0;
    for (size_t i = 0; i < instance->org_id_count; i++) {
        size_t j = 0;
        while (j < orgs->count && (orgs->items[j].id == NULL || strcmp(orgs->items[j].id, instance->org_ids[i]) != 0)) {
            j++;
        }
        if (j == orgs->count) {
            for (size_t k = 0; k < count; k++) {
                free(narrowed[k].id);
                free(narrowed[k].name);
            }
            free(narrowed);
            return mist_fail(call->out_message, PATCHBAY_NOT_FOUND,
                             "organization %s is not visible to this API token; fix the org_ids setting",
                             instance->org_ids[i]);
        }
        narrowed[count++] = orgs->items[j];
        orgs->items[j].id = NULL; // moved
        orgs->items[j].name = NULL;
    }
    for (size_t j = 0; j < orgs->count; j++) {
        free(orgs->items[j].id);
        free(orgs->items[j].name);
    }
    free(orgs->items);
    orgs->items = narrowed;
    orgs->count = count;
    return PATCHBAY_OK;
}

patchbay_status mist_load_orgs(const mist_call *call, mist_orgs *orgs) {
    memset(orgs, 0, sizeof *orgs);
    mist_reply reply;
    patchbay_status status = mist_get(call, "/self", &reply);
    if (status != PATCHBAY_OK) {
        return status;
    }
    const mist_json *privileges = mist_json_get(reply.body, "privileges");
    if (reply.body->kind != MIST_JSON_OBJECT || (privileges != NULL && privileges->kind != MIST_JSON_ARRAY)) {
        mist_reply_free(&reply);
        return mist_fail(call->out_message, PATCHBAY_INTERNAL,
                         "GET /self: Mist answered an unexpected shape (privileges is not a list); report it");
    }
    const char *account = mist_json_get_string(reply.body, "email");
    orgs->account = mist_strdup(account != NULL ? account : mist_json_get_string(reply.body, "name"));
    size_t capacity = privileges != NULL ? privileges->count : 0;
    orgs->items = calloc(capacity + 1, sizeof *orgs->items);
    if (orgs->items == NULL) {
        mist_reply_free(&reply);
        return mist_fail(call->out_message, PATCHBAY_INTERNAL, "GET /self: out of memory");
    }
    for (const mist_json *privilege = privileges != NULL ? privileges->child : NULL; privilege != NULL;
         privilege = privilege->next) {
        const char *scope = mist_json_get_string(privilege, "scope");
        const char *id = mist_json_get_string(privilege, "org_id");
        if (scope == NULL || strcmp(scope, "org") != 0) {
            continue; // site and MSP privileges are not organizations this plugin lists
        }
        if (!mist_is_id(id)) {
            status = mist_fail(call->out_message, PATCHBAY_INTERNAL,
                               "GET /self: a privilege with scope org has no valid org_id; report it");
            break;
        }
        if (mist_add_org(orgs, id, mist_json_get_string(privilege, "name"), capacity) != PATCHBAY_OK) {
            status = mist_fail(call->out_message, PATCHBAY_INTERNAL, "GET /self: out of memory");
            break;
        }
    }
    mist_reply_free(&reply);
    if (status == PATCHBAY_OK) {
        status = mist_narrow(call, orgs);
    }
    if (status == PATCHBAY_OK && orgs->count == 0) {
        status = mist_fail(call->out_message, PATCHBAY_PERMISSION_DENIED,
                           "GET /self: this API token has no organization privilege; use an org-level token");
    }
    if (status != PATCHBAY_OK) {
        mist_orgs_free(orgs);
    }
    return status;
}

void mist_orgs_free(mist_orgs *orgs) {
    for (size_t i = 0; orgs->items != NULL && i < orgs->count; i++) {
        free(orgs->items[i].id);
        free(orgs->items[i].name);
    }
    free(orgs->items);
    free(orgs->account);
    memset(orgs, 0, sizeof *orgs);
}
