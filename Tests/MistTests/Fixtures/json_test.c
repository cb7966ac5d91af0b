// json_test.c: the Mist plugin's JSON reader (Plugins/Mist/json.c) on the inputs an API answer can hold.
// Prints one line per failed expectation and exits 1 if any failed. Built and run by MistJSONTests.
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

static void expect(int condition, const char *what) {
    if (!condition) {
        printf("FAIL %s\n", what);
        failures++;
    }
}

static mist_json *parse(const char *text) {
    return mist_json_parse(text, strlen(text), NULL);
}

int main(void) {
    mist_json *doc = parse(" {\"a\": \"x\\\"y\\\\z\\/\\n\", \"n\": -12.5e1, \"t\": true, \"f\": false, \"z\": null,"
                           " \"list\": [1, {\"k\": \"v\"}, []], \"u\": \"\\u00e9\\u2603\\ud83d\\udef0\"} ");
    expect(doc != NULL && doc->kind == MIST_JSON_OBJECT && doc->count == 7, "object with seven members");
    expect(strcmp(mist_json_get_string(doc, "a"), "x\"y\\z/\n") == 0, "simple escapes decode");
    expect(mist_json_get(doc, "n")->number == -125.0, "number with fraction and exponent");
    expect(mist_json_get(doc, "t")->boolean == 1 && mist_json_get(doc, "f")->boolean == 0, "booleans");
    expect(mist_json_get(doc, "z")->kind == MIST_JSON_NULL, "null");
    expect(mist_json_get_string(doc, "z") == NULL, "null is not a string");
    expect(mist_json_get(doc, "missing") == NULL, "absent key");
    const mist_json *list = mist_json_get(doc, "list");
    expect(list->kind == MIST_JSON_ARRAY && list->count == 3, "array of three");
    expect(strcmp(mist_json_get_string(list->child->next, "k"), "v") == 0, "object inside an array");
    const char *source = " {\"a\": \"x\\\"y\\\\z\\/\\n\", \"n\": -12.5e1, \"t\": true, \"f\": false, \"z\": null,"
                         " \"list\": [1, {\"k\": \"v\"}, []], \"u\": \"\\u00e9\\u2603\\ud83d\\udef0\"} ";
    expect(list->end - list->start == strlen("[1, {\"k\": \"v\"}, []]") &&
               memcmp(source + list->start, "[1, {\"k\": \"v\"}, []]", list->end - list->start) == 0,
           "byte span of a value");
    expect(strcmp(mist_json_get_string(doc, "u"), "\xc3\xa9\xe2\x98\x83\xf0\x9f\x9b\xb0") == 0,
           "\\u escapes and a surrogate pair become UTF-8");
    mist_json_free(doc);

    const char *bad[] = {
        "", "{", "{\"a\" 1}", "{\"a\": 1,}", "[1 2]", "\"open", "\"\\x\"", "\"\\ud83d\"", "\"\\udef0\"", "01",
        "1.", "-", "tru", "{} x", "\"tab\there\"", "{\"a\": \"b\\",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t offset = 0;
        mist_json *value = mist_json_parse(bad[i], strlen(bad[i]), &offset);
        if (value != NULL) {
            printf("FAIL accepted malformed input #%zu: %s\n", i, bad[i]);
            failures++;
            mist_json_free(value);
        }
    }

    char deep[200];
    memset(deep, '[', 100);
    memset(deep + 100, ']', 100);
    expect(mist_json_parse(deep, sizeof deep, NULL) == NULL, "nesting deeper than 64 is refused");

    mist_text text = {NULL, 0, 0, 0};
    mist_text_append_json_string(&text, "q\"b\\n\n\x01");
    expect(text.data != NULL && strcmp(text.data, "\"q\\\"b\\\\n\\n\\u0001\"") == 0, "string writer escapes");
    mist_json *round = mist_json_parse(text.data, text.length, NULL);
    expect(round != NULL && strcmp(round->string, "q\"b\\n\n\x01") == 0, "written string reads back");
    mist_json_free(round);
    free(text.data);

    if (failures == 0) {
        printf("ok\n");
    }
    return failures == 0 ? 0 : 1;
}
