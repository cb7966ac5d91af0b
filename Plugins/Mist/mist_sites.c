// mist_sites.c: an organization's sites as networks, page by page, and counts from Mist's pagination headers.
//
// Mist pages with `limit` (at most 1000) and 1-based `page`, and says how many items the whole list holds in the
// X-Page-Total response header (X-Page-Limit is the page size it applied). A listing is complete when the items
// received reach X-Page-Total; without the header, when a page comes back shorter than the page size.
#include "mist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// What joins paging parameters to `path`: nothing after a bare "?", else "&".
static const char *mist_separator(const char *path) {
    size_t length = strlen(path);
    return length > 0 && path[length - 1] == '?' ? "" : "&";
}

// Appends one site as a network of the page: the documented fields, and the site object byte for byte as `raw`.
static int mist_append_network(mist_text *page, const mist_org *org, const mist_json *site, const char *source) {
    const char *id = mist_json_get_string(site, "id");
    const char *name = mist_json_get_string(site, "name");
    if (site->kind != MIST_JSON_OBJECT || id == NULL) {
        return 0;
    }
    mist_text_append_cstring(page, "{\"external_id\":");
    mist_text_append_json_string(page, id);
    mist_text_append_cstring(page, ",\"name\":");
    mist_text_append_json_string(page, name != NULL ? name : id);
    mist_text_append_cstring(page, ",\"organization_id\":");
    mist_text_append_json_string(page, org->id);
    mist_text_append_cstring(page, ",\"product_types\":[],\"tags\":[],\"time_zone\":");
    mist_text_append_json_string(page, mist_json_get_string(site, "timezone"));
    mist_text_append_cstring(page, ",\"raw\":");
    mist_text_append(page, source + site->start, site->end - site->start);
    mist_text_append_cstring(page, "}");
    return 1;
}

// Hands one page of sites to the sink. Returns the sink's status, or INTERNAL for a malformed site.
static patchbay_status mist_emit_page(const mist_call *call,
                                      const mist_org *org,
                                      const mist_reply *reply,
                                      patchbay_page_sink sink,
                                      void *sink_context) {
    const char *source = (const char *)reply->response->body.data;
    mist_text page = {NULL, 0, 0, 0};
    mist_text_append_cstring(&page, "{\"networks\":[");
    size_t index = 0;
    for (const mist_json *site = reply->body->child; site != NULL; site = site->next, index++) {
        if (index > 0) {
            mist_text_append_cstring(&page, ",");
        }
        if (!mist_append_network(&page, org, site, source)) {
            free(page.data);
            return mist_fail(call->out_message, PATCHBAY_INTERNAL,
                             "GET /orgs/%s/sites: site %zu of the page has no string \"id\"; report it", org->id, index);
        }
    }
    mist_text_append_cstring(&page, "]}");
    if (page.failed) {
        free(page.data);
        return mist_fail(call->out_message, PATCHBAY_INTERNAL, "GET /orgs/%s/sites: out of memory", org->id);
    }
    patchbay_buffer buffer = {(const uint8_t *)page.data, page.length};
    patchbay_status status = sink(call->call, sink_context, buffer);
    free(page.data);
    if (status != PATCHBAY_OK) {
        return mist_fail(call->out_message, status, "GET /orgs/%s/sites: the host stopped the listing", org->id);
    }
    return PATCHBAY_OK;
}

// Walks every page of `path` (which already has a query). `on_page` sees each parsed page; `*out_seen` counts items.
typedef patchbay_status (*mist_page_handler)(const mist_call *call, const mist_reply *reply, void *context);

static patchbay_status mist_walk(const mist_call *call,
                                 const char *path,
                                 size_t limit,
                                 mist_page_handler on_page,
                                 void *context,
                                 size_t *out_seen) {
    size_t seen = 0;
    for (size_t page = 1; page <= MIST_MAX_PAGES; page++) {
        char paged[512];
        snprintf(paged, sizeof paged, "%s%slimit=%zu&page=%zu", path, mist_separator(path), limit, page);
        mist_reply reply;
        patchbay_status status = mist_get(call, paged, &reply);
        if (status != PATCHBAY_OK) {
            return status;
        }
        if (reply.body->kind != MIST_JSON_ARRAY) {
            mist_reply_free(&reply);
            return mist_fail(call->out_message, PATCHBAY_INTERNAL,
                             "GET %.*s: Mist answered something other than a list; check base_url",
                             (int)strcspn(path, "?"), path);
        }
        long long total = mist_header_number(reply.response, "x-page-total");
        long long applied = mist_header_number(reply.response, "x-page-limit");
        size_t count = reply.body->count;
        status = on_page != NULL && count > 0 ? on_page(call, &reply, context) : PATCHBAY_OK;
        mist_reply_free(&reply);
        if (status != PATCHBAY_OK) {
            return status;
        }
        seen += count;
        if (total >= 0 && seen >= (size_t)total) {
            *out_seen = seen;
            return PATCHBAY_OK;
        }
        if (count == 0 && total >= 0) {
            // Mist said there are more, then sent none: the list changed or the server is wrong. Never partial.
            return mist_fail(call->out_message, PATCHBAY_UNAVAILABLE,
                             "GET %.*s: page %zu was empty after %zu of %lld items; run the sync again",
                             (int)strcspn(path, "?"), path, page, seen, total);
        }
        size_t page_size = applied > 0 ? (size_t)applied : limit;
        if (total < 0 && count < page_size) {
            *out_seen = seen;
            return PATCHBAY_OK;
        }
    }
    return mist_fail(call->out_message, PATCHBAY_INTERNAL, "GET %.*s: more than %d pages; report it",
                     (int)strcspn(path, "?"), path, MIST_MAX_PAGES);
}

typedef struct mist_site_pages {
    const mist_org *org;
    patchbay_page_sink sink;
    void *sink_context;
} mist_site_pages;

static patchbay_status mist_on_site_page(const mist_call *call, const mist_reply *reply, void *context) {
    const mist_site_pages *pages = context;
    return mist_emit_page(call, pages->org, reply, pages->sink, pages->sink_context);
}

patchbay_status mist_list_sites(const mist_call *call,
                                const mist_org *org,
                                patchbay_page_sink sink,
                                void *sink_context) {
    char path[256];
    snprintf(path, sizeof path, "/orgs/%s/sites?", org->id);
    mist_site_pages pages = {org, sink, sink_context};
    size_t seen = 0;
    return mist_walk(call, path, MIST_PAGE_LIMIT, mist_on_site_page, &pages, &seen);
}

patchbay_status mist_count(const mist_call *call, const char *path, size_t *out_count) {
    char first[512];
    snprintf(first, sizeof first, "%s%slimit=1&page=1", path, mist_separator(path));
    mist_reply reply;
    patchbay_status status = mist_get(call, first, &reply);
    if (status != PATCHBAY_OK) {
        return status;
    }
    long long total = mist_header_number(reply.response, "x-page-total");
    int is_list = reply.body->kind == MIST_JSON_ARRAY;
    mist_reply_free(&reply);
    if (!is_list) {
        return mist_fail(call->out_message, PATCHBAY_INTERNAL,
                         "GET %.*s: Mist answered something other than a list; check base_url",
                         (int)strcspn(path, "?"), path);
    }
    if (total >= 0) {
        *out_count = (size_t)total;
        return PATCHBAY_OK;
    }
    // No total header: count by paging with the largest page.
    return mist_walk(call, path, MIST_PAGE_LIMIT, NULL, NULL, out_count);
}
