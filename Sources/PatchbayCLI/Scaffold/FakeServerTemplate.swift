/// The loopback fake API every skeleton tests against: C, POSIX sockets and one thread, no dependencies.
enum FakeServerTemplate {
    static let header = #"""
        // fake_server.h: a tiny stand-in for your provider's API on 127.0.0.1, for tests only.
        #ifndef FAKE_SERVER_H
        #define FAKE_SERVER_H

        // The API key the fake accepts (Authorization: Bearer <key>).
        #define FAKE_SERVER_KEY "test-key"

        // Starts the fake on 127.0.0.1 on a free port, serving on a thread of its own until the process exits.
        // Returns the port, or -1 when it cannot listen.
        int fake_server_start(void);

        #endif // FAKE_SERVER_H

        """#

    static let source = #"""
        // fake_server.c: answers like the API the skeleton provider talks to, on 127.0.0.1 only.
        //   GET /me        -> {"account": "...", "organizations": [{"id": "...", "name": "..."}]}
        //   GET /networks  -> {"networks": [{"external_id", "name", "organization_id", "raw": {...}}, ...]}
        // Any other key than FAKE_SERVER_KEY gets 401. Replace the answers with your API's real shapes as you map them.
        #define _POSIX_C_SOURCE 200809L
        #include "fake_server.h"

        #include <arpa/inet.h>
        #include <netinet/in.h>
        #include <pthread.h>
        #include <stdio.h>
        #include <string.h>
        #include <sys/socket.h>
        #include <unistd.h>

        static const char *fake_me =
            "{\"account\":\"tester@example.com\",\"organizations\":[{\"id\":\"org-1\",\"name\":\"Test Org\"}]}";
        static const char *fake_networks =
            "{\"networks\":["
            "{\"external_id\":\"net-1\",\"name\":\"Lobby\",\"organization_id\":\"org-1\","
            "\"raw\":{\"id\":\"net-1\",\"name\":\"Lobby\",\"floor\":0}},"
            "{\"external_id\":\"net-2\",\"name\":\"Lab\",\"organization_id\":\"org-1\","
            "\"raw\":{\"id\":\"net-2\",\"name\":\"Lab\",\"floor\":2}}]}";

        static void fake_answer(int client, int status, const char *reason, const char *body) {
            char head[256];
            int length = snprintf(head, sizeof head,
                                  "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n"
                                  "Connection: close\r\n\r\n",
                                  status, reason, strlen(body));
            if (write(client, head, (size_t)length) < 0 || write(client, body, strlen(body)) < 0) {
                return; // the client went away
            }
        }

        static void fake_serve(int client) {
            char request[8192];
            size_t used = 0;
            while (used < sizeof request - 1) {
                ssize_t got = read(client, request + used, sizeof request - 1 - used);
                if (got <= 0) {
                    break;
                }
                used += (size_t)got;
                request[used] = '\0';
                if (strstr(request, "\r\n\r\n") != NULL) {
                    break;
                }
            }
            request[used] = '\0';
            char path[256] = "";
            if (sscanf(request, "GET %255s ", path) != 1) {
                fake_answer(client, 405, "Method Not Allowed", "{\"error\":\"GET only\"}");
                return;
            }
            path[strcspn(path, "?")] = '\0';
            if (strstr(request, "\r\nAuthorization: Bearer " FAKE_SERVER_KEY "\r\n") == NULL) {
                fake_answer(client, 401, "Unauthorized", "{\"error\":\"invalid API key\"}");
            } else if (strcmp(path, "/me") == 0) {
                fake_answer(client, 200, "OK", fake_me);
            } else if (strcmp(path, "/networks") == 0) {
                fake_answer(client, 200, "OK", fake_networks);
            } else {
                fake_answer(client, 404, "Not Found", "{\"error\":\"not found\"}");
            }
        }

        static void *fake_loop(void *context) {
            int server = *(int *)context;
            for (;;) {
                int client = accept(server, NULL, NULL);
                if (client < 0) {
                    continue;
                }
                fake_serve(client);
                close(client);
            }
            return NULL;
        }

        int fake_server_start(void) {
            static int server = -1;
            struct sockaddr_in address;
            memset(&address, 0, sizeof address);
            address.sin_family = AF_INET;
            address.sin_addr.s_addr = htonl(INADDR_LOOPBACK); // never beyond this machine
            address.sin_port = 0;                              // any free port
            socklen_t size = sizeof address;
            server = socket(AF_INET, SOCK_STREAM, 0);
            if (server < 0 || bind(server, (struct sockaddr *)&address, sizeof address) != 0 ||
                listen(server, 16) != 0 || getsockname(server, (struct sockaddr *)&address, &size) != 0) {
                return -1;
            }
            pthread_t thread;
            if (pthread_create(&thread, NULL, fake_loop, &server) != 0) {
                return -1;
            }
            pthread_detach(thread);
            return ntohs(address.sin_port);
        }

        """#
}
