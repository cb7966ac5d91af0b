#!/usr/bin/env bash
# Fails when unsafe pointer or C-module code appears outside the folders that wrap C (see CONTRIBUTING.md).
set -euo pipefail
cd "$(dirname "$0")/.."
pattern='dlopen|dlsym|Unsafe(Mutable)?(Raw)?(Buffer)?Pointer|unsafeBitCast|@unchecked Sendable|import (CCurl|COpenSSL|PatchbayProviderABI)'
allowed='^Sources/(PluginHost/ABI|HTTPClient/Curl|Secrets/OpenSSL|ProviderKit|CCurl|COpenSSL|PatchbayProviderABI)/'
stray=$(git ls-files 'Sources/*.swift' | xargs grep -lE "$pattern" 2>/dev/null | grep -vE "$allowed" || true)
if [ -n "$stray" ]; then
    echo "unsafe or C code outside the wrapping folders:" >&2
    echo "$stray" >&2
    exit 1
fi
# Core and the surfaces see storage only through its interface of plain values; the database library stays inside
# the backend that uses it.
database_stray=$(git ls-files 'Sources/*.swift' | xargs grep -lE '^(@preconcurrency )?((package|internal|public) )?import GRDB' 2>/dev/null \
    | grep -vE '^Sources/Storage/SQLite/' || true)
if [ -n "$database_stray" ]; then
    echo "GRDB imported outside Sources/Storage/SQLite:" >&2
    echo "$database_stray" >&2
    exit 1
fi
# The PostgreSQL driver likewise stays inside its backend (issue 12).
postgres_stray=$(git ls-files 'Sources/*.swift' | xargs grep -lE '^(@preconcurrency )?((package|internal|public) )?import (PostgresNIO|NIOSSL|NIOCore|NIOPosix)' 2>/dev/null \
    | grep -vE '^Sources/Storage/Postgres/|^Sources/(PatchbayServer|PatchbayTestSupport)/' || true)
if [ -n "$postgres_stray" ]; then
    echo "PostgresNIO imported outside Sources/Storage/Postgres:" >&2
    echo "$postgres_stray" >&2
    exit 1
fi
echo "boundaries ok"
