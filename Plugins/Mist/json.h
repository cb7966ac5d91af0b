// json.h: a minimal JSON reader for the Mist plugin: parses UTF-8 text into a tree, decodes string escapes
// (including \u surrogate pairs), keeps each value's byte span so a subtree can be copied out unmodified, and writes
// JSON strings with the escapes RFC 8259 requires. No dependencies beyond the C11 standard library.
#ifndef MIST_JSON_H
#define MIST_JSON_H

#include <stddef.h>

typedef enum mist_json_kind {
    MIST_JSON_NULL,
    MIST_JSON_BOOL,
    MIST_JSON_NUMBER,
    MIST_JSON_STRING,
    MIST_JSON_ARRAY,
    MIST_JSON_OBJECT,
} mist_json_kind;

// One value. Owned by the tree returned from mist_json_parse; released with mist_json_free.
typedef struct mist_json {
    mist_json_kind kind;
    char *key;               // the member name when the value is in an object (decoded, NUL-terminated), else NULL
    char *string;            // MIST_JSON_STRING: decoded, NUL-terminated (may contain NUL; see string_length)
    size_t string_length;
    double number;           // MIST_JSON_NUMBER
    int boolean;             // MIST_JSON_BOOL
    size_t start;            // byte offset of the value's first character in the parsed text
    size_t end;              // byte offset just past the value
    struct mist_json *child; // first element or member (arrays and objects)
    struct mist_json *next;  // next sibling
    size_t count;            // number of elements or members
} mist_json;

// Parses `length` bytes. Returns NULL on malformed input (and sets *error_offset to where it stopped, when given).
// Nesting deeper than 64 levels is refused.
mist_json *mist_json_parse(const char *text, size_t length, size_t *error_offset);

// Releases a tree. NULL is ignored.
void mist_json_free(mist_json *value);

// The member `key` of an object, or NULL when absent or `object` is not an object.
const mist_json *mist_json_get(const mist_json *object, const char *key);

// The string of member `key`, or NULL when absent or not a string.
const char *mist_json_get_string(const mist_json *object, const char *key);

// A growable byte buffer for writing JSON. `data` is malloc'ed; `failed` is set once an allocation failed.
typedef struct mist_text {
    char *data;
    size_t length;
    size_t capacity;
    int failed;
} mist_text;

void mist_text_append(mist_text *text, const char *bytes, size_t length);
void mist_text_append_cstring(mist_text *text, const char *string);
// Appends `string` as a quoted JSON string; NULL becomes null.
void mist_text_append_json_string(mist_text *text, const char *string);
void mist_text_append_size(mist_text *text, size_t value);

#endif // MIST_JSON_H
