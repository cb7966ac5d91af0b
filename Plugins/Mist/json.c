// json.c: see json.h.
#include "json.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIST_JSON_MAX_DEPTH 64

typedef struct mist_json_parser {
    const char *text;
    size_t length;
    size_t position;
    int depth;
} mist_json_parser;

static mist_json *mist_json_value(mist_json_parser *parser);

static void mist_json_skip_space(mist_json_parser *parser) {
    while (parser->position < parser->length) {
        char c = parser->text[parser->position];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            return;
        }
        parser->position++;
    }
}

static int mist_json_literal(mist_json_parser *parser, const char *word) {
    size_t length = strlen(word);
    if (parser->length - parser->position < length || memcmp(parser->text + parser->position, word, length) != 0) {
        return 0;
    }
    parser->position += length;
    return 1;
}

static int mist_json_hex4(mist_json_parser *parser, uint32_t *out) {
    if (parser->length - parser->position < 4) {
        return 0;
    }
    uint32_t value = 0;
    for (int i = 0; i < 4; i++) {
        char c = parser->text[parser->position++];
        value <<= 4;
        if (c >= '0' && c <= '9') {
            value |= (uint32_t)(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            value |= (uint32_t)(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            value |= (uint32_t)(c - 'A' + 10);
        } else {
            return 0;
        }
    }
    *out = value;
    return 1;
}

static size_t mist_json_utf8(uint32_t code, char *out) {
    if (code < 0x80) {
        out[0] = (char)code;
        return 1;
    }
    if (code < 0x800) {
        out[0] = (char)(0xC0 | (code >> 6));
        out[1] = (char)(0x80 | (code & 0x3F));
        return 2;
    }
    if (code < 0x10000) {
        out[0] = (char)(0xE0 | (code >> 12));
        out[1] = (char)(0x80 | ((code >> 6) & 0x3F));
        out[2] = (char)(0x80 | (code & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (code >> 18));
    out[1] = (char)(0x80 | ((code >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((code >> 6) & 0x3F));
    out[3] = (char)(0x80 | (code & 0x3F));
    return 4;
}

// Reads a string starting at the opening quote; returns a malloc'ed, NUL-terminated decoded copy.
static char *mist_json_string(mist_json_parser *parser, size_t *out_length) {
    parser->position++; // the opening quote
    // Find the closing quote first: the decoded text is never longer than its source, so that bounds the copy.
    size_t end = parser->position;
    while (end < parser->length && parser->text[end] != '"') {
        end += parser->text[end] == '\\' ? 2 : 1;
    }
    if (end >= parser->length) {
        return NULL; // unterminated
    }
    char *out = malloc(end - parser->position + 1);
    size_t used = 0;
    if (out == NULL) {
        return NULL;
    }
    while (parser->position < parser->length) {
        unsigned char c = (unsigned char)parser->text[parser->position++];
        if (c == '"') {
            out[used] = '\0';
            *out_length = used;
            return out;
        }
        if (c < 0x20) {
            break; // control characters must be escaped
        }
        if (c != '\\') {
            out[used++] = (char)c;
            continue;
        }
        if (parser->position >= parser->length) {
            break;
        }
        char escape = parser->text[parser->position++];
        uint32_t code = 0;
        switch (escape) {
        case '"': out[used++] = '"'; continue;
        case '\\': out[used++] = '\\'; continue;
        case '/': out[used++] = '/'; continue;
        case 'b': out[used++] = '\b'; continue;
        case 'f': out[used++] = '\f'; continue;
        case 'n': out[used++] = '\n'; continue;
        case 'r': out[used++] = '\r'; continue;
        case 't': out[used++] = '\t'; continue;
        case 'u':
            if (!mist_json_hex4(parser, &code)) {
                goto fail;
            }
            if (code >= 0xD800 && code <= 0xDBFF) {
                uint32_t low = 0;
                if (!mist_json_literal(parser, "\\u") || !mist_json_hex4(parser, &low) || low < 0xDC00 || low > 0xDFFF) {
                    goto fail; // a high surrogate needs its low half
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            } else if (code >= 0xDC00 && code <= 0xDFFF) {
                goto fail; // a lone low surrogate
            }
            used += mist_json_utf8(code, out + used); // \uXXXX is 6 bytes, its UTF-8 at most 4
            continue;
        default:
            goto fail;
        }
    }
fail:
    free(out);
    return NULL;
}

static int mist_json_number(mist_json_parser *parser, double *out) {
    size_t start = parser->position;
    const char *text = parser->text;
    size_t length = parser->length;
    size_t i = start;
    if (i < length && text[i] == '-') {
        i++;
    }
    if (i >= length || text[i] < '0' || text[i] > '9') {
        return 0;
    }
    if (text[i] == '0') {
        i++;
    } else {
        while (i < length && text[i] >= '0' && text[i] <= '9') {
            i++;
        }
    }
    if (i < length && text[i] == '.') {
        i++;
        if (i >= length || text[i] < '0' || text[i] > '9') {
            return 0;
        }
        while (i < length && text[i] >= '0' && text[i] <= '9') {
            i++;
        }
    }
    if (i < length && (text[i] == 'e' || text[i] == 'E')) {
        i++;
        if (i < length && (text[i] == '+' || text[i] == '-')) {
            i++;
        }
        if (i >= length || text[i] < '0' || text[i] > '9') {
            return 0;
        }
        while (i < length && text[i] >= '0' && text[i] <= '9') {
            i++;
        }
    }
    char buffer[64];
    size_t span = i - start;
    if (span >= sizeof buffer) {
        span = sizeof buffer - 1; // precision beyond 63 characters is not needed here
    }
    memcpy(buffer, text + start, span);
    buffer[span] = '\0';
    *out = strtod(buffer, NULL);
    parser->position = i;
    return 1;
}

// Parses the members or elements of an object or array after its opening bracket.
static int mist_json_container(mist_json_parser *parser, mist_json *value, char close) {
    mist_json **tail = &value->child;
    parser->position++;
    mist_json_skip_space(parser);
    if (parser->position < parser->length && parser->text[parser->position] == close) {
        parser->position++;
        return 1;
    }
    for (;;) {
        char *key = NULL;
        if (close == '}') {
            mist_json_skip_space(parser);
            size_t key_length = 0;
            if (parser->position >= parser->length || parser->text[parser->position] != '"') {
                return 0;
            }
            key = mist_json_string(parser, &key_length);
            mist_json_skip_space(parser);
            if (key == NULL || parser->position >= parser->length || parser->text[parser->position] != ':') {
                free(key);
                return 0;
            }
            parser->position++;
        }
        mist_json *element = mist_json_value(parser);
        if (element == NULL) {
            free(key);
            return 0;
        }
        element->key = key;
        *tail = element;
        tail = &element->next;
        value->count++;
        mist_json_skip_space(parser);
        if (parser->position >= parser->length) {
            return 0;
        }
        char c = parser->text[parser->position++];
        if (c == close) {
            return 1;
        }
        if (c != ',') {
            return 0;
        }
    }
}

static mist_json *mist_json_value(mist_json_parser *parser) {
    mist_json_skip_space(parser);
    if (parser->position >= parser->length || parser->depth >= MIST_JSON_MAX_DEPTH) {
        return NULL;
    }
    mist_json *value = calloc(1, sizeof *value);
    if (value == NULL) {
        return NULL;
    }
    value->start = parser->position;
    int ok = 0;
    char c = parser->text[parser->position];
    if (c == '{' || c == '[') {
        value->kind = c == '{' ? MIST_JSON_OBJECT : MIST_JSON_ARRAY;
        parser->depth++;
        ok = mist_json_container(parser, value, c == '{' ? '}' : ']');
        parser->depth--;
    } else if (c == '"') {
        value->kind = MIST_JSON_STRING;
        value->string = mist_json_string(parser, &value->string_length);
        ok = value->string != NULL;
    } else if (c == 't' || c == 'f') {
        value->kind = MIST_JSON_BOOL;
        value->boolean = c == 't';
        ok = mist_json_literal(parser, c == 't' ? "true" : "false");
    } else if (c == 'n') {
        value->kind = MIST_JSON_NULL;
        ok = mist_json_literal(parser, "null");
    } else {
        value->kind = MIST_JSON_NUMBER;
        ok = mist_json_number(parser, &value->number);
    }
    value->end = parser->position;
    if (!ok) {
        mist_json_free(value);
        return NULL;
    }
    return value;
}

mist_json *mist_json_parse(const char *text, size_t length, size_t *error_offset) {
    mist_json_parser parser = {text, length, 0, 0};
    mist_json *value = text != NULL ? mist_json_value(&parser) : NULL;
    if (value != NULL) {
        mist_json_skip_space(&parser);
        if (parser.position != length) {
            mist_json_free(value); // trailing bytes after the value
            value = NULL;
        }
    }
    if (value == NULL && error_offset != NULL) {
        *error_offset = parser.position;
    }
    return value;
}

void mist_json_free(mist_json *value) {
    while (value != NULL) {
        mist_json *next = value->next;
        mist_json_free(value->child);
        free(value->key);
        free(value->string);
        free(value);
        value = next;
    }
}

const mist_json *mist_json_get(const mist_json *object, const char *key) {
    if (object == NULL || object->kind != MIST_JSON_OBJECT) {
        return NULL;
    }
    for (const mist_json *member = object->child; member != NULL; member = member->next) {
        if (member->key != NULL && strcmp(member->key, key) == 0) {
            return member;
        }
    }
    return NULL;
}

const char *mist_json_get_string(const mist_json *object, const char *key) {
    const mist_json *member = mist_json_get(object, key);
    return member != NULL && member->kind == MIST_JSON_STRING ? member->string : NULL;
}

void mist_text_append(mist_text *text, const char *bytes, size_t length) {
    if (text->failed) {
        return;
    }
    if (text->length + length + 1 > text->capacity) {
        size_t capacity = text->capacity ? text->capacity : 256;
        while (capacity < text->length + length + 1) {
            capacity *= 2;
        }
        char *grown = realloc(text->data, capacity);
        if (grown == NULL) {
            text->failed = 1;
            return;
        }
        text->data = grown;
        text->capacity = capacity;
    }
    memcpy(text->data + text->length, bytes, length);
    text->length += length;
    text->data[text->length] = '\0';
}

void mist_text_append_cstring(mist_text *text, const char *string) {
    mist_text_append(text, string, strlen(string));
}

void mist_text_append_json_string(mist_text *text, const char *string) {
    if (string == NULL) {
        mist_text_append_cstring(text, "null");
        return;
    }
    mist_text_append(text, "\"", 1);
    for (const unsigned char *c = (const unsigned char *)string; *c != '\0'; c++) {
        char escaped[8];
        switch (*c) {
        case '"': mist_text_append(text, "\\\"", 2); break;
        case '\\': mist_text_append(text, "\\\\", 2); break;
        case '\n': mist_text_append(text, "\\n", 2); break;
        case '\r': mist_text_append(text, "\\r", 2); break;
        case '\t': mist_text_append(text, "\\t", 2); break;
        default:
            if (*c < 0x20) {
                snprintf(escaped, sizeof escaped, "\\u%04x", *c);
                mist_text_append(text, escaped, 6);
            } else {
                mist_text_append(text, (const char *)c, 1);
            }
        }
    }
    mist_text_append(text, "\"", 1);
}

void mist_text_append_size(mist_text *text, size_t value) {
    char digits[32];
    int length = snprintf(digits, sizeof digits, "%zu", value);
    mist_text_append(text, digits, (size_t)length);
}
