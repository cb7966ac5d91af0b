/// The API's OpenAPI 3.1 document, written by hand next to the routes. `OpenAPITests` keeps it true: its paths and
/// methods are exactly the router's, and every status it lists is one a real call returned.
enum OpenAPIDocument {
    static let yaml = #"""
        openapi: 3.1.0
        info:
          title: Patchbay API
          version: 1.0.0
          description: >-
            Workspaces, provider integrations, syncs and networks. Every route but this document needs
            `Authorization: Bearer <token>` (a token from `patchbay init` or `patchbay tokens create`). Ids of another
            workspace answer 404, never 403. Credentials are write-only. The operator console (served at `/` by the
            same server) signs in at `POST /v1/sessions` and then calls these routes with its `HttpOnly` session cookie
            instead of a bearer token; a state-changing call authenticated by that cookie must carry this server's
            `Origin`, else it answers 403. Any route may also answer 500 (with a request id to quote) or 503 (shutting
            down, database busy); a method a path lacks answers 405 with Allow.
        servers:
          - url: http://127.0.0.1:8080
        security:
          - bearer: []
          - session: []
        paths:
          /v1/openapi.yaml:
            get:
              summary: This document.
              security: []
              responses:
                "200": {description: The OpenAPI document, content: {application/yaml: {}}}
          /v1/me:
            get:
              summary: The caller and their workspaces.
              responses:
                "200": {description: The caller, content: {application/json: {schema: {$ref: "#/components/schemas/Me"}}}}
                "401": {$ref: "#/components/responses/Error"}
          /v1/workspaces:
            get:
              summary: The caller's workspaces.
              responses:
                "200": {description: Workspaces, content: {application/json: {schema: {$ref: "#/components/schemas/WorkspaceList"}}}}
                "401": {$ref: "#/components/responses/Error"}
            post:
              summary: >-
                Creates a workspace owned by the caller. Installation administrators only, unless the installation's
                workspace_creation setting is everyone.
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: "#/components/schemas/CreateWorkspace"}}}
              responses:
                "201": {description: Created, content: {application/json: {schema: {$ref: "#/components/schemas/Workspace"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
                "403": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
                "413": {$ref: "#/components/responses/Error"}
          /v1/workspaces/{workspace}:
            parameters: [{$ref: "#/components/parameters/Workspace"}]
            get:
              summary: One workspace, with the caller's role.
              responses:
                "200": {description: The workspace, content: {application/json: {schema: {$ref: "#/components/schemas/Workspace"}}}}
                "401": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
          /v1/providers:
            get:
              summary: Every plugin of plugins.yaml, loaded or not, with the fields an integration form needs.
              responses:
                "200": {description: Providers, content: {application/json: {schema: {$ref: "#/components/schemas/ProviderList"}}}}
                "401": {$ref: "#/components/responses/Error"}
          /v1/workspaces/{workspace}/integrations:
            parameters: [{$ref: "#/components/parameters/Workspace"}]
            post:
              summary: Connects a provider account (admin). The provider checks the credentials unless validate is false.
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: "#/components/schemas/CreateIntegration"}}}
              responses:
                "201": {description: Created, content: {application/json: {schema: {$ref: "#/components/schemas/Integration"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
                "403": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "413": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
            get:
              summary: The workspace's integrations with live counts (cached a minute unless refresh=true).
              parameters:
                - {name: refresh, in: query, schema: {type: boolean}}
                - {name: counts, in: query, description: false skips the counts (fetch each with /counts), schema: {type: boolean, default: true}}
              responses:
                "200": {description: Integrations, content: {application/json: {schema: {$ref: "#/components/schemas/IntegrationList"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
          /v1/integrations/{id}:
            parameters: [{$ref: "#/components/parameters/ID"}]
            get:
              summary: One integration (never its credentials).
              responses:
                "200": {description: The integration, content: {application/json: {schema: {$ref: "#/components/schemas/Integration"}}}}
                "401": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
            patch:
              summary: Renames an integration, sets or clears its sync interval, or merges settings (admin).
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: "#/components/schemas/UpdateIntegration"}}}
              responses:
                "200": {description: The integration, content: {application/json: {schema: {$ref: "#/components/schemas/Integration"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
                "403": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
            delete:
              summary: Deletes an integration with its credentials, networks and sync history (admin).
              responses:
                "204": {description: Deleted}
                "401": {$ref: "#/components/responses/Error"}
                "403": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
          /v1/integrations/{id}/counts:
            parameters: [{$ref: "#/components/parameters/ID"}]
            get:
              summary: One integration with its counts (cached a minute unless refresh=true); a provider failure is in counts_error.
              parameters:
                - {name: refresh, in: query, schema: {type: boolean}}
              responses:
                "200": {description: The integration with counts, content: {application/json: {schema: {$ref: "#/components/schemas/Integration"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
          /v1/workspaces/{workspace}/integrations/validate:
            parameters: [{$ref: "#/components/parameters/Workspace"}]
            post:
              summary: Asks the provider whether it accepts these credentials and settings, storing nothing (admin).
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: "#/components/schemas/CheckCredentials"}}}
              responses:
                "200": {description: Accepted; who the key acts as and what it sees, content: {application/json: {schema: {$ref: "#/components/schemas/CredentialCheck"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
                "403": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/integrations/{id}/syncs:
            parameters: [{$ref: "#/components/parameters/ID"}]
            post:
              summary: >-
                Queues a sync (member); a sync worker (serve's own, or `patchbay worker`) runs it. One queued or
                running sync per integration, across every process on the same data.
              responses:
                "202":
                  description: Queued; follow Location (GET /v1/syncs/{run}) for the outcome.
                  headers: {Location: {schema: {type: string}}}
                  content: {application/json: {schema: {$ref: "#/components/schemas/SyncStarted"}}}
                "401": {$ref: "#/components/responses/Error"}
                "403": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "409":
                  description: A sync of this integration is queued or running; error.run_id names it.
                  content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            get:
              summary: The integration's sync runs, newest first.
              parameters:
                - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100, default: 20}}
              responses:
                "200": {description: Runs, content: {application/json: {schema: {$ref: "#/components/schemas/SyncList"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
          /v1/syncs/{run}:
            parameters:
              - {name: run, in: path, required: true, schema: {$ref: "#/components/schemas/RowID"}}
            get:
              summary: One sync run.
              responses:
                "200": {description: The run, content: {application/json: {schema: {$ref: "#/components/schemas/SyncRun"}}}}
                "401": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
            delete:
              summary: >-
                Cancels a sync (member). A queued run is cancelled at once (200); a running one is asked to stop and
                its owner ends it `cancelled` shortly (202). Either way nothing is changed.
              responses:
                "200": {description: Cancelled, content: {application/json: {schema: {$ref: "#/components/schemas/SyncRun"}}}}
                "202": {description: Stopping, content: {application/json: {schema: {$ref: "#/components/schemas/SyncRun"}}}}
                "401": {$ref: "#/components/responses/Error"}
                "403": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
          /v1/workspaces/{workspace}/networks:
            parameters: [{$ref: "#/components/parameters/Workspace"}]
            get:
              summary: >-
                A page of the workspace's networks, in id order unless sorted; pass next_cursor as after for the next
                page (with the same filters and sort).
              parameters:
                - {name: integration, in: query, schema: {$ref: "#/components/schemas/RowID"}}
                - {name: status, in: query, schema: {type: string, enum: [active, removed]}}
                - {name: organization, in: query, description: The provider's organization id, schema: {type: string}}
                - {name: q, in: query, description: Part of the name (case-insensitive for ASCII), schema: {type: string}}
                - {name: sort, in: query, description: A leading '-' sorts descending, schema: {type: string, enum: [id, -id, name, -name, status, -status, updated, -updated], default: id}}
                - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 1000, default: 100}}
                - {name: after, in: query, schema: {type: integer, minimum: 0, maximum: 9223372036854775807}}
              responses:
                "200": {description: A page, content: {application/json: {schema: {$ref: "#/components/schemas/NetworkPage"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
          /v1/workspaces/{workspace}/organizations:
            parameters: [{$ref: "#/components/parameters/Workspace"}]
            get:
              summary: The provider organizations the workspace's networks belong to, with their network counts.
              responses:
                "200": {description: Organizations, content: {application/json: {schema: {$ref: "#/components/schemas/OrganizationList"}}}}
                "401": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
          /v1/networks/{id}:
            parameters: [{$ref: "#/components/parameters/ID"}]
            get:
              summary: One network.
              responses:
                "200": {description: The network, content: {application/json: {schema: {$ref: "#/components/schemas/Network"}}}}
                "401": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
          /v1/tokens:
            get:
              summary: The caller's tokens (never their values).
              responses:
                "200": {description: Tokens, content: {application/json: {schema: {$ref: "#/components/schemas/TokenList"}}}}
                "401": {$ref: "#/components/responses/Error"}
            post:
              summary: Issues a token for the caller; its value is in this answer only.
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: "#/components/schemas/CreateToken"}}}
              responses:
                "201": {description: Issued, content: {application/json: {schema: {$ref: "#/components/schemas/IssuedToken"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
                "413": {$ref: "#/components/responses/Error"}
          /v1/tokens/{id}:
            parameters: [{$ref: "#/components/parameters/ID"}]
            delete:
              summary: Revokes one of the caller's tokens; it stops working at once.
              responses:
                "204": {description: Revoked}
                "401": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
          /v1/workspaces/{workspace}/members:
            parameters: [{$ref: "#/components/parameters/Workspace"}]
            get:
              summary: The workspace's members and their roles (admin).
              responses:
                "200": {description: Members, content: {application/json: {schema: {$ref: "#/components/schemas/MemberList"}}}}
                "401": {$ref: "#/components/responses/Error"}
                "403": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
            post:
              summary: Adds a user (created when new) with a role (admin; only an owner grants owner).
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: "#/components/schemas/AddMember"}}}
              responses:
                "201": {description: Added, content: {application/json: {schema: {$ref: "#/components/schemas/Member"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
                "403": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
          /v1/sessions:
            post:
              summary: >-
                Signs a browser in: exchanges an API token for a console session. The session value travels only in
                the Set-Cookie header (patchbay_session; HttpOnly; SameSite=Strict; Path=/; Secure over TLS), never in
                the body. It lasts 12 hours, or less when the token expires sooner. A request whose Origin is not
                this server is refused.
              security: []
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: "#/components/schemas/CreateSession"}}}
              responses:
                "201":
                  description: Signed in.
                  headers: {Set-Cookie: {schema: {type: string}}}
                  content: {application/json: {schema: {$ref: "#/components/schemas/SessionCreated"}}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
                "403": {$ref: "#/components/responses/Error"}
                "413": {$ref: "#/components/responses/Error"}
            get:
              summary: The caller's console sessions, newest first (never their values); current marks this one.
              responses:
                "200": {description: Sessions, content: {application/json: {schema: {$ref: "#/components/schemas/SessionList"}}}}
                "401": {$ref: "#/components/responses/Error"}
          /v1/sessions/{id}:
            parameters:
              - {name: id, in: path, required: true, description: A session id, or current for the session this request came with, schema: {type: string}}
            delete:
              summary: Ends one of the caller's sessions at once; ending the current one signs out (and clears the cookie).
              responses:
                "204": {description: Ended}
                "401": {$ref: "#/components/responses/Error"}
                "403": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer}
            session: {type: apiKey, in: cookie, name: patchbay_session}
          parameters:
            Workspace: {name: workspace, in: path, required: true, description: Id or name, schema: {type: string}}
            ID: {name: id, in: path, required: true, schema: {$ref: "#/components/schemas/RowID"}}
          responses:
            Error:
              description: 'An error: code is one of the stable codes.'
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
          schemas:
            Error:
              type: object
              required: [error]
              properties:
                error:
                  type: object
                  required: [code, message]
                  properties:
                    code:
                      type: string
                      enum: [invalid_argument, unauthenticated, permission_denied, not_found, conflict, failed_precondition, rate_limited, unavailable, cancelled, internal]
                    message: {type: string}
                    run_id: {type: integer}
            Name:
              description: >-
                What the server accepts as a name: 1 to 200 characters, not only spaces, no control characters.
              type: string
              minLength: 1
              maxLength: 200
              pattern: '^[^\u0000-\u001F\u007F-\u009F]*[^\s\u0000-\u001F\u007F-\u009F][^\u0000-\u001F\u007F-\u009F]*$'
            RowID: {type: integer, minimum: 1, maximum: 9223372036854775807}
            User:
              type: object
              properties: {id: {type: integer}, name: {type: string}}
            Workspace:
              type: object
              properties:
                id: {type: integer}
                name: {type: string}
                role: {type: string, enum: [viewer, member, admin, owner]}
            WorkspaceList:
              type: object
              properties: {workspaces: {type: array, items: {$ref: "#/components/schemas/Workspace"}}}
            Me:
              type: object
              properties:
                user: {$ref: "#/components/schemas/User"}
                workspaces: {type: array, items: {$ref: "#/components/schemas/Workspace"}}
                installation_admin:
                  type: boolean
                  description: Installation administrators issue other users' tokens, create workspaces, rotate keys.
            CreateWorkspace:
              type: object
              additionalProperties: false
              required: [name]
              properties: {name: {$ref: "#/components/schemas/Name"}}
            Field:
              type: object
              properties:
                name: {type: string}
                label: {type: string}
                description: {type: string}
                default: {type: string}
                required: {type: boolean}
                secret: {type: boolean}
            Provider:
              type: object
              properties:
                id: {type: string}
                name: {type: string}
                version: {type: string}
                vendor: {type: string}
                description: {type: string}
                loaded: {type: boolean}
                error: {type: string, description: Why the plugin did not load.}
                credential_fields: {type: array, items: {$ref: "#/components/schemas/Field"}}
                settings: {type: array, items: {$ref: "#/components/schemas/Field"}}
                capabilities: {type: array, items: {type: string}}
                status: {type: string, enum: [loaded, failed, disabled]}
                abi: {type: string, description: The plugin ABI major.minor it was built for.}
                isolation: {type: string, description: Where its code runs (in-process today).}
                concurrent: {type: boolean, description: Whether calls may run concurrently.}
                allowed_hosts: {type: array, items: {type: string}, description: The effective egress allow-list.}
                rate_budgets:
                  type: array
                  items:
                    type: object
                    properties: {scope: {type: string}, requests: {type: integer}, period_ms: {type: integer}}
            ProviderList:
              type: object
              properties: {providers: {type: array, items: {$ref: "#/components/schemas/Provider"}}}
            CreateIntegration:
              type: object
              additionalProperties: false
              required: [provider, name, credentials]
              properties:
                provider: {type: string, description: 'An id of GET /v1/providers; another answers 404.'}
                name: {$ref: "#/components/schemas/Name"}
                credentials: {type: object, additionalProperties: {type: string}, writeOnly: true}
                settings: {type: object, additionalProperties: {type: string}}
                validate: {type: boolean, default: true}
                sync_interval_seconds: {type: integer, minimum: 1, description: Sync on a schedule; omit for manual}
            UpdateIntegration:
              type: object
              additionalProperties: false
              properties:
                name: {$ref: "#/components/schemas/Name"}
                sync_interval_seconds: {type: [integer, "null"], minimum: 1, description: null turns schedules off}
                settings: {type: object, additionalProperties: {type: string}, description: Merged; "" removes one}
            Integration:
              type: object
              properties:
                id: {type: integer}
                workspace_id: {type: integer}
                provider: {type: string}
                name: {type: string}
                settings: {type: object, additionalProperties: {type: string}}
                created_at: {type: string, format: date-time}
                last_sync_at: {type: string, format: date-time}
                last_sync_status: {type: string}
                last_sync_error: {type: string}
                counts:
                  type: object
                  properties: {networks: {type: integer}, access_points: {type: integer}}
                counts_error: {type: string}
                counts_age_seconds: {type: integer}
                sync_interval_seconds: {type: [integer, "null"]}
                last_sync:
                  type: [object, "null"]
                  properties:
                    run_id: {type: integer}
                    status: {type: string}
                    finished_at: {type: [string, "null"], format: date-time}
                    error: {type: [string, "null"]}
                next_sync_at: {type: [string, "null"], format: date-time}
            IntegrationList:
              type: object
              properties: {integrations: {type: array, items: {$ref: "#/components/schemas/Integration"}}}
            SyncStarted:
              type: object
              properties:
                run_id: {type: integer}
                integration_id: {type: integer}
                status: {type: string, enum: [queued]}
            SyncRun:
              type: object
              properties:
                id: {type: integer}
                integration_id: {type: integer}
                status: {type: string, enum: [queued, running, succeeded, failed, cancelled, abandoned]}
                trigger: {type: string, enum: [manual, schedule]}
                queued_at: {type: string, format: date-time}
                started_at: {type: [string, "null"], format: date-time}
                finished_at: {type: [string, "null"], format: date-time}
                created: {type: integer}
                updated: {type: integer}
                unchanged: {type: integer}
                removed: {type: integer}
                duration_ms: {type: [integer, "null"]}
                error: {type: [string, "null"]}
                owner: {type: [string, "null"], description: The process running it (host/pid/instance)}
                cancel_requested: {type: boolean}
            SyncList:
              type: object
              properties: {syncs: {type: array, items: {$ref: "#/components/schemas/SyncRun"}}}
            Network:
              type: object
              properties:
                id: {type: integer}
                workspace_id: {type: integer}
                integration_id: {type: integer}
                integration_name: {type: string}
                provider: {type: string}
                external_id: {type: string}
                name: {type: string}
                organization_id: {type: [string, "null"]}
                provisioning_status: {type: string, enum: [active, removed]}
                config: {type: object, description: The provider's network object as it returned it.}
                created_at: {type: string, format: date-time}
                updated_at: {type: string, format: date-time}
                last_seen_at: {type: string, format: date-time}
            NetworkPage:
              type: object
              properties:
                networks: {type: array, items: {$ref: "#/components/schemas/Network"}}
                next_cursor: {type: [integer, "null"]}
            Token:
              type: object
              properties:
                id: {type: integer}
                name: {type: string}
                created_at: {type: string, format: date-time}
                last_used_at: {type: string, format: date-time}
                expires_at: {type: string, format: date-time}
                revoked: {type: boolean}
            TokenList:
              type: object
              properties: {tokens: {type: array, items: {$ref: "#/components/schemas/Token"}}}
            CreateToken:
              type: object
              additionalProperties: false
              required: [name]
              properties:
                name: {$ref: "#/components/schemas/Name"}
                expires_in_seconds: {type: integer, minimum: 1, maximum: 315360000}
            IssuedToken:
              type: object
              properties:
                token: {type: string, description: Shown once.}
                token_id: {type: integer}
                user: {$ref: "#/components/schemas/User"}
            CheckCredentials:
              type: object
              additionalProperties: false
              required: [provider, credentials]
              properties:
                provider: {type: string}
                credentials: {type: object, additionalProperties: {type: string}, writeOnly: true}
                settings: {type: object, additionalProperties: {type: string}}
            CredentialCheck:
              type: object
              properties:
                account: {type: [string, "null"], description: Who the credentials act as.}
                organizations:
                  type: array
                  items: {type: object, properties: {id: {type: string}, name: {type: string}}}
            OrganizationList:
              type: object
              properties:
                organizations:
                  type: array
                  items: {type: object, properties: {id: {type: string}, networks: {type: integer}}}
            Member:
              type: object
              properties:
                id: {type: integer}
                name: {type: string}
                role: {type: string, enum: [viewer, member, admin, owner]}
            MemberList:
              type: object
              properties: {members: {type: array, items: {$ref: "#/components/schemas/Member"}}}
            AddMember:
              type: object
              additionalProperties: false
              required: [name, role]
              properties:
                name: {type: string}
                role: {type: string, enum: [viewer, member, admin, owner]}
            CreateSession:
              type: object
              additionalProperties: false
              required: [token]
              properties:
                token: {type: string, writeOnly: true, description: An API token (pbt_…).}
            Session:
              type: object
              properties:
                id: {type: integer}
                user_agent: {type: string}
                created_at: {type: string, format: date-time}
                last_used_at: {type: string, format: date-time}
                expires_at: {type: string, format: date-time}
                status: {type: string, enum: [active, revoked, expired]}
                current: {type: boolean}
            SessionCreated:
              type: object
              properties:
                session: {$ref: "#/components/schemas/Session"}
                user: {$ref: "#/components/schemas/User"}
            SessionList:
              type: object
              properties: {sessions: {type: array, items: {$ref: "#/components/schemas/Session"}}}
        """#
}
