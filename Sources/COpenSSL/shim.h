// libcrypto headers for Swift. No logic lives here.
#ifndef PATCHBAY_COPENSSL_SHIM_H
#define PATCHBAY_COPENSSL_SHIM_H
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#include <openssl/sha.h>
#endif
