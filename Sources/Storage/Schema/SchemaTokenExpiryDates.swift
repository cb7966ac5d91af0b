extension SchemaStep {
    /// Token expiry dates that GRDB cannot decode (a year past 9999, an empty string) made every token listing fail.
    /// This step brings each stored expiry within the ten-year limit the services now enforce (an undecodable or
    /// longer one becomes creation + 3,650 days) and has SQLite refuse any expiry that is not a date from then on.
    static let tokenExpiryDates = SchemaStep(
        id: "token-expiry-dates",
        sqlite: """
            UPDATE api_tokens
            SET expires_at = strftime('%Y-%m-%d %H:%M:%f', created_at, '+3650 days')
            WHERE expires_at IS NOT NULL
                AND (julianday(expires_at) IS NULL OR julianday(expires_at) > julianday(created_at, '+3650 days'));
            CREATE TRIGGER api_tokens_expiry_is_a_date_on_insert BEFORE INSERT ON api_tokens
            WHEN NEW.expires_at IS NOT NULL AND julianday(NEW.expires_at) IS NULL
            BEGIN SELECT RAISE(ABORT, 'api_tokens.expires_at is not a date'); END;
            CREATE TRIGGER api_tokens_expiry_is_a_date_on_update BEFORE UPDATE OF expires_at ON api_tokens
            WHEN NEW.expires_at IS NOT NULL AND julianday(NEW.expires_at) IS NULL
            BEGIN SELECT RAISE(ABORT, 'api_tokens.expires_at is not a date'); END;
            """,
        postgres: """
            -- A TIMESTAMPTZ column holds dates only; what remains is the ten-year limit.
            UPDATE api_tokens SET expires_at = created_at + interval '3650 days'
            WHERE expires_at > created_at + interval '3650 days';
            """
    )
}
